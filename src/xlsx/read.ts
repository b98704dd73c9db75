import { statSync } from 'node:fs';
import { problem, type Problem } from '../errors.js';
import { normalizeCell, type CellValue } from './cell.js';
import { excel } from './load.js';
import { xlsxProblem } from './sniff.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** One row as read: its 1-based number and its cells from column A (index 0), trailing blanks dropped. */
export interface RowIn {
  number: number;
  cells: CellValue[];
}

/** One worksheet as read, in workbook order. */
export interface SheetIn {
  name: string;
  state: SheetState;
  /** 1-based position in the workbook. */
  index: number;
  /**
   * Merged ranges ("F5:F7"); known only when the workbook was read in memory (the
   * streaming reader does not see merges), otherwise undefined.
   */
  merges?: string[];
  /**
   * Its non-empty rows, in order. Streaming: iterate them before asking for the next
   * sheet (a sheet left unread is skipped), and only once.
   */
  rows(): AsyncIterable<RowIn>;
}

export interface ReadOptions {
  /**
   * `stream` (constant memory), `memory` (random access, merges, inline rich text
   * whole), or `auto` (default): memory up to `memoryLimit` bytes of file, else stream.
   */
  mode?: 'auto' | 'stream' | 'memory';
  memoryLimit?: number;
}

/** Files up to this size are read in memory (merges known, every rich-text run kept); larger ones stream. */
export const MEMORY_LIMIT = 256_000;

/** A workbook that could not be read at all: the problem names the file and says what to do. */
export class WorkbookUnreadable extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'WorkbookUnreadable';
  }
}

/**
 * Reads a workbook sheet by sheet, every cell through `normalizeCell`. Throws
 * WorkbookUnreadable (with a located Problem) when the file is not an .xlsx or is corrupt.
 */
export async function* readWorkbook(file: string, opts: ReadOptions = {}): AsyncGenerator<SheetIn> {
  const wrong = xlsxProblem(file);
  if (wrong) throw new WorkbookUnreadable(wrong);
  const mode = opts.mode ?? 'auto';
  const memory = mode === 'memory' || (mode === 'auto' && statSync(file).size <= (opts.memoryLimit ?? MEMORY_LIMIT));
  try {
    yield* memory ? readInMemory(file) : readStreaming(file);
  } catch (e) {
    if (e instanceof WorkbookUnreadable) throw e;
    throw new WorkbookUnreadable(problem('xlsx.corrupt', { path: file, reason: reasonOf(e) }, { file }));
  }
}

/** Every sheet with all its rows, in memory: for small workbooks and tests. */
export async function readAllSheets(file: string, opts: ReadOptions = {}): Promise<{ name: string; state: SheetState; merges?: string[]; rows: RowIn[] }[]> {
  const out = [];
  for await (const sheet of readWorkbook(file, opts)) {
    const rows: RowIn[] = [];
    for await (const row of sheet.rows()) rows.push(row);
    out.push({ name: sheet.name, state: sheet.state, merges: sheet.merges, rows });
  }
  return out;
}

function reasonOf(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].slice(0, 200);
}

type RowLike = { eachCell(opts: { includeEmpty: boolean }, f: (cell: { value: unknown; numFmt?: string; isMerged?: boolean; master?: unknown }, col: number) => void): void };

/** A row's cells from column A, each through normalizeCell with its number format; inside a merge blank unless `mergedValues`. */
function rowCells(row: RowLike, sharedStrings?: readonly unknown[], mergedValues = true): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (cells.length < col - 1) cells.push(null);
    // A cell inside a merge (not its top-left) reads as its master's value in memory,
    // but as blank when streamed: keep what the file holds, blank, in both readers.
    const inside = !mergedValues && cell.isMerged && cell.master !== cell;
    cells[col - 1] = inside ? null : normalizeCell(cell.value, sharedStrings, cell.numFmt);
  });
  while (cells.length && cells[cells.length - 1] === null) cells.pop();
  return cells;
}

function stateOf(s: unknown): SheetState {
  return s === 'hidden' || s === 'veryHidden' ? s : 'visible';
}

async function* readStreaming(file: string): AsyncGenerator<SheetIn> {
  const ExcelJS = await excel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let index = 0;
  for await (const ws of reader as AsyncIterable<unknown>) {
    const sheet = ws as { name: string; state?: string } & AsyncIterable<RowLike & { number: number }>;
    const shared = (reader as unknown as { sharedStrings?: unknown[] }).sharedStrings;
    let used = false;
    yield {
      name: sheet.name,
      state: stateOf(sheet.state),
      index: ++index,
      rows: () => {
        if (used) throw new Error(`rows of sheet ${sheet.name} already read`);
        used = true;
        return (async function* () {
          for await (const row of sheet) {
            const cells = rowCells(row, shared);
            if (cells.length) yield { number: row.number, cells };
          }
        })();
      },
    };
  }
}

async function* readInMemory(file: string): AsyncGenerator<SheetIn> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let index = 0;
  for (const ws of wb.worksheets) {
    const merges = Object.values((ws as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })._merges ?? {})
      .map((m) => m.shortRange ?? m.range ?? String(m))
      .filter(Boolean);
    const rows: RowIn[] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = rowCells(row as unknown as RowLike, undefined, false);
      if (cells.length) rows.push({ number, cells });
    });
    yield {
      name: ws.name,
      state: stateOf(ws.state),
      index: ++index,
      merges,
      rows: () =>
        (async function* () {
          yield* rows;
        })(),
    };
  }
}
