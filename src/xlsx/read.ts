import { problem, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { cleanText, TEXT_LIMIT } from '../model/text.js';
import { notice } from '../notices.js';
import { cellAddress } from './address.js';
import { normalizeCell, type CellValue } from './cell.js';
import { excel } from './load.js';
import { lateSharedStrings, stateOf, workbookParts, type SheetPart, type SheetState } from './parts.js';
import { xlsxProblem } from './sniff.js';

export type { SheetState };

/** One row as read: its 1-based number and its cells from column A (index 0), trailing blanks dropped. */
export interface RowIn {
  number: number;
  cells: CellValue[];
}

/** One worksheet as read. */
export interface SheetIn {
  name: string;
  state: SheetState;
  /** 1-based position in the workbook (sheets arrive in the order their parts are stored). */
  index: number;
  /**
   * Merged ranges ("F5:F7"), as ranges: never expanded cell by cell (one merge can cover
   * 17 billion cells). A sheet stores them after its cells: complete once rows() is read.
   */
  merges(): string[];
  /** Its non-empty rows, in order: iterate them before asking for the next sheet (a sheet left unread is skipped), and only once. */
  rows(): AsyncIterable<RowIn>;
}

/**
 * What all parts of a workbook may inflate to. A 200,000-row ledger is about 150 MB of
 * XML; a 1 MB file claiming gigabytes is a zip bomb, refused before it is read.
 */
export const INFLATED_LIMIT = 400 * 1024 * 1024;

const MERGES = Symbol.for('zongzhi.mergeCells');

/** A workbook that could not be read at all: the problem names the file and says what to do. */
export class WorkbookUnreadable extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'WorkbookUnreadable';
  }
}

/**
 * Reads a workbook sheet by sheet, every cell through `normalizeCell` and every text
 * through `cleanText`. One reader, streaming, whatever the file's size or part order:
 * sheet names come from workbook.xml via the zip directory, read first. Throws
 * WorkbookUnreadable (with a located Problem) when the file is not an .xlsx, is corrupt,
 * too large once inflated, or holds a text over a cell's limit.
 */
export async function* readWorkbook(file: string): AsyncGenerator<SheetIn> {
  const wrong = xlsxProblem(file);
  if (wrong) throw new WorkbookUnreadable(wrong);
  try {
    const parts = workbookParts(file);
    if (parts.inflatedSize > INFLATED_LIMIT) {
      const mb = (n: number) => String(Math.ceil(n / 1024 / 1024));
      throw new WorkbookUnreadable(problem('xlsx.too-large-inflated', { path: file, size: mb(parts.inflatedSize), max: mb(INFLATED_LIMIT) }, { file }));
    }
    yield* readStreaming(file, parts.sheets, lateSharedStrings(file));
  } catch (e) {
    throw unreadable(e, file);
  }
}

/** Any failure while reading, as the located problem the user sees. */
function unreadable(e: unknown, file: string): WorkbookUnreadable {
  if (e instanceof WorkbookUnreadable) return e;
  const limit = e as { code?: string; what?: string };
  if (limit.code === 'ZONGZHI_XML_LIMIT') return new WorkbookUnreadable(problem('xlsx.xml-limit', { path: file, what: t(`xlsx.xml-limit.${limit.what}`) }, { file }));
  return new WorkbookUnreadable(problem('xlsx.corrupt', { path: file, reason: reasonOf(e) }, { file }));
}

/** Every sheet with all its rows: for small workbooks and tests. */
export async function readAllSheets(file: string): Promise<{ name: string; state: SheetState; merges: string[]; rows: RowIn[] }[]> {
  const out = [];
  for await (const sheet of readWorkbook(file)) {
    const rows: RowIn[] = [];
    for await (const row of sheet.rows()) rows.push(row);
    out.push({ name: sheet.name, state: sheet.state, merges: sheet.merges(), rows });
  }
  return out;
}

function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].slice(0, 200);
}

type RowLike = { number: number; eachCell(opts: { includeEmpty: boolean }, f: (cell: { value: unknown; numFmt?: string }, col: number) => void): void };

/** A row's cells from column A, each through normalizeCell with its number format and its text through cleanText. */
function rowCells(row: RowLike, place: (col: number) => { file: string; sheet: string; cell: string }, sharedStrings?: readonly unknown[]): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (cells.length < col - 1) cells.push(null);
    const value = normalizeCell(cell.value, sharedStrings, cell.numFmt);
    cells[col - 1] = typeof value === 'string' ? cleanCellText(value, () => place(col)) : value;
  });
  while (cells.length && cells[cells.length - 1] === null) cells.pop();
  return cells;
}

function cleanCellText(value: string, place: () => { file: string; sheet: string; cell: string }): string {
  const { text, removed } = cleanText(value);
  if (removed) notice(problem('text.cleaned', { count: removed }, place()));
  if (text.length > TEXT_LIMIT) throw new WorkbookUnreadable(problem('text.too-long', { length: text.length, max: TEXT_LIMIT }, place()));
  return text;
}

async function* readStreaming(file: string, parts: SheetPart[], lateStrings?: string[]): AsyncGenerator<SheetIn> {
  const ExcelJS = await excel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  // exceljs parses a sheet at once when its rels and shared strings came first, even before
  // workbook.xml (exceljs's own in-memory writer stores them so), and then reads `model.sheets`
  // and `properties` that do not exist yet: names come from `parts` anyway.
  Object.assign(reader, { model: { sheets: [] }, properties: {} });
  // exceljs names a sheet only when its rels target matches its own pattern (not openpyxl's
  // absolute "/xl/worksheets/…"); the part it is about to yield is announced just before.
  let partNumber = '';
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') partNumber = String(entry.id);
  });
  const byPart = new Map(parts.map((p) => [p.part, p]));
  for await (const ws of reader as AsyncIterable<unknown>) {
    const sheet = ws as { name: string; state?: string; iterator: object } & AsyncIterable<RowLike>;
    const shared = lateStrings ?? (reader as unknown as { sharedStrings?: unknown[] }).sharedStrings;
    const part = byPart.get(`xl/worksheets/sheet${partNumber}.xml`);
    const name = part?.name ?? sheet.name;
    const place = (row: number) => (col: number) => ({ file, sheet: name, cell: cellAddress(col, row) });
    let used = false;
    yield {
      name,
      state: part?.state ?? stateOf(sheet.state),
      index: part?.index ?? 0,
      // Recorded by exceljs's parse-sax, as patched at build time (scripts/exceljs/parse-sax.js).
      merges: () => (sheet.iterator as Record<symbol, string[] | undefined>)[MERGES] ?? [],
      rows: () => {
        if (used) throw new Error(`rows of sheet ${name} already read`);
        used = true;
        return (async function* () {
          try {
            for await (const row of sheet) {
              const cells = rowCells(row, place(row.number), shared);
              if (cells.length) yield { number: row.number, cells };
            }
          } catch (e) {
            throw unreadable(e, file);
          }
        })();
      },
    };
    // A sheet left unread: when its part was buffered to a temp file (parts stored before
    // workbook.xml), exceljs deletes that file now, and the unread stream's late "ENOENT"
    // would be an unhandled error. Nobody wants those rows.
    if (!used) (sheet.iterator as { on?: (event: string, f: () => void) => void }).on?.('error', () => {});
  }
}
