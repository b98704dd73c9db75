import { readTextFile } from './text-file.js';
import { problem, UserError, type Place, type Problem } from '../errors.js';
import { countyOf, isCenterCode, placeName } from '../model/audit.js';
import { levelOfCode, type Level, type LevelLookup } from '../model/level.js';
import { normalizeText } from '../model/text.js';
import { extensionOf } from '../util/fs.js';

/** One center of the registry (centers.csv / centers.xlsx: 编码, 名称, 层级, 上级编码). */
export interface CenterEntry {
  /** 6, 9 or 12 digits, always a string (leading zeros kept). */
  code: string;
  name: string;
  level: Level;
  /** 上级编码 as given; for a township without one, countyCodeOf() uses its first six digits. */
  parent?: string;
}

/** The county a registry entry rolls up to: its parent, or a township's (or village's) first six digits, or itself. */
export function countyCodeOf(entry: CenterEntry): string {
  if (entry.parent) return entry.parent;
  return entry.level === 'county' ? entry.code : countyOf(entry.code);
}

/** The registry's word on each center's level (its 层级 column, or the code rule it applied). */
export function levelsOf(centers: readonly CenterEntry[]): LevelLookup {
  const byCode = new Map(centers.map((c) => [c.code, c.level]));
  return (code) => byCode.get(code);
}

const HEADERS: Record<keyof CenterEntry, string[]> = {
  code: ['编码', '中心编码', '代码', '行政区划代码', '区划代码', 'code'],
  name: ['名称', '中心名称', '单位名称', 'name'],
  level: ['层级', '级别', 'level'],
  parent: ['上级编码', '上级代码', '所属县编码', 'parent'],
};

const LEVELS: Record<string, Level> = {
  county: 'county',
  县: 'county',
  县级: 'county',
  '县(市、区)': 'county',
  '县(市,区)': 'county',
  区县: 'county',
  township: 'township',
  乡镇: 'township',
  乡镇级: 'township',
  '乡镇(街道)': 'township',
  乡镇街道: 'township',
  街道: 'township',
  镇: 'township',
  乡: 'township',
  village: 'village',
  村: 'village',
  村级: 'village',
  社区: 'village',
  '村(社区)': 'village',
};

/** A table's cells as read, each able to say where it is. */
export interface Table {
  rows: { cells: unknown[]; place: (col: number) => Place }[];
  /** Whole-file problems (unreadable, wrong type). */
  problems: Problem[];
}

/**
 * Reads a center registry (.csv in UTF-8 with or without BOM, or GB18030 as Excel saves
 * "CSV"; or .xlsx). Codes stay strings. Throws a UserError listing every problem, each
 * at file:line or file!sheet!cell.
 */
export async function readCenters(file: string): Promise<CenterEntry[]> {
  const table = await readTable(file);
  if (table.problems.length) throw new UserError(table.problems);
  const { centers, problems } = centersOf(table, file);
  if (problems.length) throw new UserError(problems);
  return centers;
}

/** The rows of a .csv (UTF-8 or GB18030) or of an .xlsx's first visible sheet, as raw cells with their places. */
export async function readTable(file: string): Promise<Table> {
  return extensionOf(file) === '.xlsx' ? xlsxTable(file) : csvTable(file);
}

/** Centers by code. */
export function centersByCode(centers: CenterEntry[]): Map<string, CenterEntry> {
  return new Map(centers.map((c) => [c.code, c]));
}

function centersOf(table: Table, file: string): { centers: CenterEntry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const headerAt = table.rows.slice(0, 10).findIndex((r) => columnsOf(r.cells).code !== undefined && columnsOf(r.cells).name !== undefined);
  if (headerAt < 0) {
    return { centers: [], problems: [problem('centers.no-header', { path: file, headers: '编码, 名称, 层级, 上级编码' }, table.rows[0]?.place(0) ?? { file })] };
  }
  const cols = columnsOf(table.rows[headerAt].cells);
  const centers: CenterEntry[] = [];
  const seen = new Map<string, Place>();
  for (const row of table.rows.slice(headerAt + 1)) {
    if (row.cells.every((c) => text(c) === '')) continue;
    const rowProblems: Problem[] = [];
    const code = codeOf(row.cells[cols.code!], row.place(cols.code!), rowProblems);
    const name = text(row.cells[cols.name!]);
    if (name === '') rowProblems.push(problem('centers.name-missing', {}, row.place(cols.name!)));
    let level: Level | undefined;
    const levelText = cols.level === undefined ? '' : text(row.cells[cols.level]);
    if (levelText !== '') {
      level = LEVELS[levelText.toLowerCase()] ?? LEVELS[levelText];
      if (!level) rowProblems.push(problem('centers.level', { value: levelText }, row.place(cols.level!)));
    } else if (code) {
      level = levelOfCode(code);
    }
    // A city's or province's code is never a center, whatever its 层级 says.
    if (code && !levelOfCode(code)) rowProblems.push(problem('level.not-a-center', { code }, row.place(cols.code!)));
    let parent: string | undefined;
    if (cols.parent !== undefined && text(row.cells[cols.parent]) !== '') {
      parent = codeOf(row.cells[cols.parent], row.place(cols.parent), rowProblems, 'centers.parent');
    }
    if (code && level === 'county' && code.length !== 6) rowProblems.push(problem('centers.level-code', { code, level: levelText || 'county' }, row.place(cols.code!)));
    if (code) {
      const first = seen.get(code);
      if (first) rowProblems.push(problem('centers.duplicate', { code, first: placeText(first) }, row.place(cols.code!)));
      else seen.set(code, row.place(cols.code!));
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && code && level) centers.push({ code, name, level, ...(parent ? { parent } : {}) });
  }
  if (centers.length === 0 && problems.length === 0) problems.push(problem('centers.empty', { path: file }, { file }));
  return { centers, problems };
}

function placeText(p: Place): string {
  return p.cell ?? (p.line !== undefined ? `${p.line}` : '');
}

/** The column of each field whose accepted headers (`headers`) this row holds; spaces and case ignored. */
export function columnsOf<K extends string>(cells: unknown[], headers: Record<K, string[]> = HEADERS as Record<K, string[]>): Partial<Record<K, number>> {
  const cols: Partial<Record<K, number>> = {};
  cells.forEach((c, i) => {
    const h = text(c).replace(/\s/g, '').toLowerCase();
    for (const [key, names] of Object.entries(headers) as [K, string[]][]) {
      if (cols[key] === undefined && names.includes(h)) cols[key] = i;
    }
  });
  return cols;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return normalizeText(String(v));
}

/** A code as a string; a number that lost its leading zeros is reported as such. */
function codeOf(v: unknown, place: Place, problems: Problem[], code = 'centers.code'): string | undefined {
  if (typeof v === 'number') {
    const s = String(v);
    if (isCenterCode(s)) return s;
    problems.push(problem('centers.code-number', { value: s }, place));
    return undefined;
  }
  const s = text(v).replace(/\s/g, '');
  if (isCenterCode(s)) return s;
  problems.push(problem(code, { value: s }, place));
  return undefined;
}

function csvTable(file: string): Table {
  // Excel's plain "CSV" on a Chinese Windows is GB18030 (GBK): decodeText reads it, with a warning.
  const { text: source, problems } = readTextFile(file);
  if (source === undefined) return { rows: [], problems };
  const rows = parseCsv(source);
  return { rows: rows.map(({ line, cells }) => ({ cells, place: (col: number) => ({ file, line, col: col + 1 }) })), problems: [] };
}

/**
 * RFC 4180 CSV as raw strings (so 007 stays 007): quoted fields with "" escapes and line
 * breaks, CRLF or LF, and the delimiter of the first line (comma, semicolon or tab).
 */
export function parseCsv(source: string): { line: number; cells: string[] }[] {
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', '\t', ';', '，'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || cells.length) {
    cells.push(field);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

async function xlsxTable(file: string): Promise<Table> {
  const { readWorkbook, WorkbookUnreadable, cellAddress } = await import('../xlsx/index.js');
  const rows: Table['rows'] = [];
  try {
    for await (const sheet of readWorkbook(file)) {
      if (sheet.state !== 'visible' || rows.length) continue;
      for await (const row of sheet.rows()) {
        rows.push({ cells: row.cells, place: (col: number) => ({ file, sheet: sheet.name, cell: cellAddress(col + 1, row.number) }) });
      }
    }
  } catch (e) {
    if (e instanceof WorkbookUnreadable) return { rows: [], problems: [e.problem] };
    throw e;
  }
  return { rows, problems: [] };
}

/** County names by 6-digit code, from the county-level entries of a registry. */
export function countyNames(centers: readonly CenterEntry[]): Map<string, string> {
  return new Map(centers.filter((c) => c.level === 'county').map((c) => [c.code, placeName(c.name)]));
}
