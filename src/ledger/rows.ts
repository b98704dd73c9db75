import { formatPlace, problem, type Place, type Problem } from '../errors.js';
import { cellAddress } from '../xlsx/address.js';
import type { CellValue } from '../xlsx/cell.js';
import { readField } from './cells.js';
import { LEDGER_COLUMNS, type LedgerField, type LedgerRow } from './model.js';

/** One data row of a ledger sheet as read, before its cells are interpreted; where it is, for messages. */
export interface ReadRow {
  file: string;
  sheet: string;
  /** 1-based row number in the sheet. */
  number: number;
  /** The 1-based column of each field the sheet has. */
  columns: ReadonlyMap<LedgerField, number>;
  cells: ReadonlyMap<LedgerField, CellValue>;
}

/** file!sheet!cell of a field in a read row; the 问题编号 cell when the sheet has no such column. */
export function placeOf(r: ReadRow, field: LedgerField): Place {
  const col = r.columns.get(field) ?? r.columns.get('id') ?? 1;
  return { file: r.file, sheet: r.sheet, cell: cellAddress(col, r.number) };
}

export function isBlankRow(r: ReadRow): boolean {
  return [...r.cells.values()].every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}

/** The fields a row has, each read as its column's kind; a cell that cannot be read is a located problem. */
export function readRowFields(r: ReadRow, problems: Problem[]): Partial<LedgerRow> {
  const values: Partial<Record<LedgerField, unknown>> = {};
  for (const col of LEDGER_COLUMNS) {
    if (!r.columns.has(col.field)) continue;
    const read = readField(col, r.cells.get(col.field) ?? null);
    if (read.ok) values[col.field] = read.value;
    else problems.push(problem(read.code, { ...read.params, column: col.header }, placeOf(r, col.field)));
  }
  return values as Partial<LedgerRow>;
}

/** A row of a ledger written before an optional column existed: that column is empty. */
function withOptional(values: Partial<LedgerRow>): LedgerRow {
  const row = { ...values } as Record<LedgerField, unknown>;
  for (const c of LEDGER_COLUMNS) if (c.optional && row[c.field] === undefined) row[c.field] = '';
  return row as unknown as LedgerRow;
}

/**
 * The ledger's own rows (the committee's master): every column must be there and every
 * cell readable; 问题编号 must be present and unique.
 */
export function readLedgerRows(rows: readonly ReadRow[]): { rows: LedgerRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const out: LedgerRow[] = [];
  const seen = new Map<string, ReadRow>();
  for (const r of rows) {
    if (isBlankRow(r)) continue;
    const before = problems.length;
    const values = readRowFields(r, problems);
    const id = values.id ?? '';
    if (!id) {
      problems.push(problem('ledger.missing-id', {}, placeOf(r, 'id')));
      continue;
    }
    const earlier = seen.get(id);
    if (earlier) {
      problems.push(problem('ledger.duplicate-id', { id, other: formatPlace(placeOf(earlier, 'id')) }, placeOf(r, 'id')));
      continue;
    }
    seen.set(id, r);
    // A cell that could not be read is already a problem: the row is not half-taken.
    if (problems.length === before) out.push(withOptional(values));
  }
  return { rows: out, problems };
}
