import type { Params } from '../i18n/index.js';
import { parseDate } from '../model/dates.js';
import { normalizeText, numberText } from '../model/text.js';
import { isCellError, NO_RESULT, type CellValue } from '../xlsx/cell.js';
import { isLedgerStatus, LEDGER_STATUSES, type LedgerColumn, type LedgerField, type LedgerRow, SEQ_HEADER, LEDGER_COLUMNS } from './model.js';

/** A cell read into a field's value, or why it cannot be one (a message key and its params). */
export type FieldRead = { ok: true; value: LedgerRow[LedgerField] } | { ok: false; code: string; params: Params };

/**
 * Reads one ledger cell as its column's kind. Dates come as date cells, Excel serials or
 * text (2026-12-31, 2026/12/31, 2026年12月31日); a blank date or text is '' (not set).
 */
export function readField(col: LedgerColumn, raw: CellValue): FieldRead {
  if (isCellError(raw)) return { ok: false, code: raw.error === NO_RESULT ? 'sheet.formula-no-result' : 'ledger.cell-error', params: { value: raw.error } };
  const text = raw === null ? '' : raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
  switch (col.kind) {
    case 'text':
      return { ok: true, value: text.trim() };
    case 'number': {
      const n = typeof raw === 'number' ? String(raw) : numberText(text);
      return n === undefined ? { ok: false, code: 'ledger.bad-number', params: { value: text } } : { ok: true, value: Number(n) };
    }
    case 'date': {
      if (text.trim() === '') return { ok: true, value: '' };
      const date = parseDate(raw);
      return date ? { ok: true, value: date } : { ok: false, code: 'ledger.bad-date', params: { value: text } };
    }
    case 'status': {
      const s = normalizeText(text);
      return isLedgerStatus(s) ? { ok: true, value: s } : { ok: false, code: 'ledger.bad-status', params: { value: text, statuses: LEDGER_STATUSES.join('/') } };
    }
  }
}

/** A header as typed: full-width brackets, spaces and line breaks do not make another column. */
function headerKey(s: string): string {
  return normalizeText(s)
    .replace(/[()()\s]/g, '')
    .replace(/[,,]/g, '、');
}

const BY_HEADER = new Map<string, LedgerField | 'seq'>([
  [headerKey(SEQ_HEADER), 'seq'],
  ...LEDGER_COLUMNS.map((c) => [headerKey(c.header), c.field] as [string, LedgerField]),
  // What people retitle the column to, in copies that come back.
  [headerKey('所属县'), 'county'],
  [headerKey('状态'), 'status'],
  [headerKey('复核人'), 'verifier'],
]);

/**
 * Finds the ledger's columns in a header row by their text, wherever they are: a unit may
 * insert, drop or reorder columns. Returns the 1-based column of each field found.
 */
export function columnsOfHeader(cells: readonly CellValue[]): Map<LedgerField, number> {
  const found = new Map<LedgerField, number>();
  cells.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const field = BY_HEADER.get(headerKey(cell));
    if (field && field !== 'seq' && !found.has(field)) found.set(field, i + 1);
  });
  return found;
}

/** A row is the ledger's header when it names the 问题编号 column and at least two others. */
export function isHeaderRow(cells: readonly CellValue[]): boolean {
  const columns = columnsOfHeader(cells);
  return columns.has('id') && columns.size >= 3;
}
