import { problem, UserError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { columnsOfHeader, isHeaderRow } from '../ledger/cells.js';
import type { Ledger, MergeLogEntry } from '../ledger/ledger.js';
import type { LedgerCopy } from '../ledger/merge.js';
import { fingerprint, LEDGER_COLUMNS, LEDGER_STATUSES, parseFingerprint, SEQ_HEADER, type LedgerColumn, type LedgerField, type LedgerRow } from '../ledger/model.js';
import { readLedgerRows, type ReadRow } from '../ledger/rows.js';
import { cellText, type CellValue } from '../xlsx/cell.js';
import { rangeAddress } from '../xlsx/address.js';
import { readMergeRecord, writeMergeRecord, type RecordColumn } from '../xlsx/merge-record.js';
import { readWorkbook, WorkbookUnreadable, type SheetIn } from '../xlsx/read.js';
import { createWorkbook, type CellInput, type ColumnSpec } from '../xlsx/write.js';

/**
 * The ledger workbook, both ways. Sheets:
 * - 整改台账: title, a line of instructions, the header (frozen, filtered, repeated on
 *   every printed page), one row per problem; 整改状态 is a dropdown, dates are date cells.
 * - 合并记录: every change every merge made (only once there has been a merge).
 * - _zongzhi_ledger (veryHidden): each row's 问题编号 and the fingerprint of its content
 *   as written, so a unit's copy tells merge what the unit changed.
 * Reading finds the ledger sheet and its columns by header text, so a copy a unit
 * reordered, trimmed or re-saved (Excel, WPS, LibreOffice) still reads.
 */

export const LEDGER_SHEET = '整改台账';
export const LOG_SHEET = '合并记录';
export const FINGERPRINT_SHEET = '_zongzhi_ledger';

const LOG_COLUMNS: RecordColumn<keyof MergeLogEntry>[] = [
  { key: 'time', header: '时间', width: 12 },
  { key: 'file', header: '来源文件', width: 24 },
  { key: 'id', header: '问题编号', width: 17 },
  { key: 'field', header: '字段', width: 8 },
  { key: 'from', header: '原值', width: 26 },
  { key: 'to', header: '新值', width: 26 },
  { key: 'reason', header: '说明', width: 12 },
];

const FINGERPRINT_HEADER = ['问题编号', '指纹'];

/**
 * How a ledger column is written: codes and ids as text, dates as date cells, what a unit
 * fills in tinted. Printed in two parts: what was found, then (from 整改措施) what is done.
 */
export function ledgerColumnSpec(c: LedgerColumn): ColumnSpec {
  const kind = c.kind === 'date' ? 'date' : c.kind === 'number' ? 'number' : c.field === 'id' || c.field === 'centerCode' || c.field === 'county' ? 'code' : 'text';
  return { header: c.header, kind, width: c.width, wrap: c.kind === 'text' && c.field !== 'centerCode', input: !c.protected, newPage: c.field === 'measure' };
}

/** Writes the ledger atomically (temp file + rename); refuses an existing `path` without `force`. */
export async function writeLedger(path: string, ledger: Ledger, opts: { force?: boolean } = {}): Promise<void> {
  const book = await createWorkbook(path, opts);
  try {
    const sheet = book.addSheet({
      name: LEDGER_SHEET,
      title: t('ledger.workbook.title'),
      subtitle: t('ledger.workbook.subtitle', { count: ledger.rows.length }),
      columns: [{ header: SEQ_HEADER, kind: 'number', width: 5, align: 'center' }, ...LEDGER_COLUMNS.map(ledgerColumnSpec)],
      freezeColumns: 2,
    });
    const statusCol = LEDGER_COLUMNS.findIndex((c) => c.field === 'status') + 2;
    const last = sheet.firstDataRow + Math.max(ledger.rows.length, 1) - 1;
    // Validations go in before the rows: the streaming writer cannot touch a written row.
    sheet.validate(rangeAddress(statusCol, sheet.firstDataRow, statusCol, last), {
      type: 'list',
      values: [...LEDGER_STATUSES],
      title: '整改状态',
      prompt: LEDGER_STATUSES.join('/'),
      error: t('ledger.workbook.status-error', { statuses: LEDGER_STATUSES.join('/') }),
    });
    ledger.rows.forEach((row, i) => sheet.addRow([i + 1, ...LEDGER_COLUMNS.map((c) => cellInput(row, c.field))]));
    if (ledger.log.length) {
      writeMergeRecord(book, LOG_SHEET, LOG_COLUMNS, ledger.log);
    }
    const prints = book.addSheet({ name: FINGERPRINT_SHEET, state: 'veryHidden', look: 'plain', columns: FINGERPRINT_HEADER.map((header) => ({ header })) });
    prints.addRow(FINGERPRINT_HEADER);
    for (const row of ledger.rows) prints.addRow([row.id, fingerprint(row)]);
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

function cellInput(row: LedgerRow, field: LedgerField): CellInput {
  const v = row[field];
  return v === '' ? null : v;
}

/** Everything a ledger workbook holds, as read. */
export interface LedgerSheets {
  file: string;
  /** The ledger sheets found (by their header), with the columns each has. */
  sheets: { name: string; columns: ReadonlyMap<LedgerField, number>; headerCell: string }[];
  rows: ReadRow[];
  /** Fingerprints from the hidden sheet, by 问题编号; undefined when the file has no such sheet. */
  base?: Map<string, Map<LedgerField, string>>;
  log: MergeLogEntry[];
}

/** Reads a workbook's ledger sheets, merge record and fingerprints; `sheets` is empty when it is not a ledger. */
export async function readLedgerSheets(file: string): Promise<LedgerSheets> {
  const out: LedgerSheets = { file, sheets: [], rows: [], log: [] };
  try {
    // Large ledgers stream. A garbled character here would be merged back as a unit's
    // change; the build-time exceljs patch (scripts/patch-exceljs.mjs) keeps the streaming
    // reader's CJK whole, and the 12k-row test in ledger-workbook.test.ts guards it.
    for await (const sheet of readWorkbook(file)) {
      if (sheet.name === FINGERPRINT_SHEET) out.base = await readFingerprints(sheet);
      else if (sheet.name === LOG_SHEET) out.log = await readMergeRecord(sheet, LOG_COLUMNS);
      else if (sheet.state === 'visible') await readLedgerSheet(file, sheet, out);
    }
  } catch (e) {
    if (e instanceof WorkbookUnreadable) throw new UserError([e.problem]);
    throw e;
  }
  return out;
}

/** How far down a sheet its header may be (units add a line or two above it). */
const HEADER_SEARCH_ROWS = 10;

async function readLedgerSheet(file: string, sheet: SheetIn, out: LedgerSheets): Promise<void> {
  let columns: ReadonlyMap<LedgerField, number> | undefined;
  for await (const row of sheet.rows()) {
    if (!columns) {
      if (row.number > HEADER_SEARCH_ROWS) return;
      if (!isHeaderRow(row.cells)) continue;
      columns = columnsOfHeader(row.cells);
      out.sheets.push({ name: sheet.name, columns, headerCell: `A${row.number}` });
      continue;
    }
    const cells = new Map<LedgerField, CellValue>();
    for (const [field, col] of columns) cells.set(field, row.cells[col - 1] ?? null);
    out.rows.push({ file, sheet: sheet.name, number: row.number, columns, cells });
  }
}

async function readFingerprints(sheet: SheetIn): Promise<Map<string, Map<LedgerField, string>>> {
  const base = new Map<string, Map<LedgerField, string>>();
  for await (const row of sheet.rows()) {
    const [id, print] = row.cells.map(cellText);
    // A fingerprint this version cannot read leaves that row to be compared with the ledger instead.
    const hashes = print ? parseFingerprint(print) : undefined;
    if (id && hashes) base.set(id, hashes);
  }
  return base;
}


/**
 * Reads the committee's ledger: every column present, every cell valid, ids unique.
 * Throws a UserError listing every problem at file!sheet!cell.
 */
export async function loadLedger(file: string): Promise<Ledger> {
  const read = await readLedgerSheets(file);
  const problems: Problem[] = [];
  if (read.sheets.length === 0) throw new UserError([problem('ledger.no-sheet', { path: file }, { file })]);
  for (const s of read.sheets) {
    const missing = LEDGER_COLUMNS.filter((c) => !c.optional && !s.columns.has(c.field)).map((c) => c.header);
    if (missing.length) problems.push(problem('ledger.missing-columns', { columns: missing.join('、') }, { file, sheet: s.name, cell: s.headerCell }));
  }
  const rows = readLedgerRows(read.rows);
  problems.push(...rows.problems);
  if (problems.length) throw new UserError(problems);
  return { rows: rows.rows, log: read.log };
}

/** The ledger's rows, for anything that reports on it (status, the monthly briefing). Throws a UserError when it is not valid. */
export async function readLedger(file: string): Promise<LedgerRow[]> {
  return (await loadLedger(file)).rows;
}

/** A unit's edited copy, or undefined when the workbook has no ledger sheet (then it may be a filled-in audit template). */
export async function readLedgerCopy(file: string): Promise<LedgerCopy | undefined> {
  const read = await readLedgerSheets(file);
  if (read.sheets.length === 0) return undefined;
  return { file, rows: read.rows, base: read.base };
}
