import { problem, UserError, type Place, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { isCenterCode } from '../model/audit.js';
import { normalizeText } from '../model/text.js';
import { parseNumber } from '../methods/shared.js';
import type { Figures, MonthFigures } from '../progress/model.js';
import { columnsOf, readTable, type CenterEntry } from '../sources/centers.js';
import { rangeAddress } from '../xlsx/address.js';
import { createWorkbook, type ColumnSpec } from '../xlsx/write.js';

/**
 * The monthly 运行数据 table: a row per center and month, counts only. Rates
 * (化解成功率, 按期办结率, 满意率) are computed from the counts, so the table has no
 * percentage column to type into, and a percentage typed into a count is refused.
 */
export const FIGURES_SHEET = '运行数据';

const COUNT_HEADERS: Record<keyof Figures, string> = {
  received: '受理矛盾纠纷数',
  closed: '办结数',
  resolved: '化解成功数',
  closedOnTime: '按期办结数',
  visited: '回访数',
  satisfied: '群众满意数',
  petitions: '信访件数',
};
const COUNTS = Object.keys(COUNT_HEADERS) as (keyof Figures)[];

/** A part that cannot exceed its whole: 化解成功 ≤ 受理, 按期办结 ≤ 办结, 满意 ≤ 回访. */
const PARTS: [keyof Figures, keyof Figures][] = [
  ['resolved', 'received'],
  ['closedOnTime', 'closed'],
  ['satisfied', 'visited'],
];

const HEADERS = {
  code: ['编码', '中心编码'],
  name: ['名称', '中心名称'],
  month: ['月份'],
  ...Object.fromEntries(COUNTS.map((k) => [k, [COUNT_HEADERS[k]]])),
} as Record<'code' | 'name' | 'month' | keyof Figures, string[]>;

/** Writes the month's figures table, a row per registry center, atomically. */
export async function writeFiguresTemplate(path: string, month: string, centers: readonly CenterEntry[], opts: { force?: boolean } = {}): Promise<void> {
  const columns: ColumnSpec[] = [
    { header: '编码', kind: 'code', width: 12 },
    { header: '名称', width: 20 },
    { header: '月份', kind: 'code', width: 9 },
    ...COUNTS.map((k): ColumnSpec => ({ header: COUNT_HEADERS[k], kind: 'number', numFmt: '0', width: 10, unlocked: true, input: true })),
  ];
  const book = await createWorkbook(path, opts);
  try {
    const sheet = book.addSheet({ name: FIGURES_SHEET, title: t('figures.workbook.title', { month }), subtitle: t('figures.workbook.subtitle'), columns, freezeColumns: 2 });
    const last = sheet.firstDataRow + Math.max(centers.length, 1) - 1;
    sheet.validate(rangeAddress(4, sheet.firstDataRow, 3 + COUNTS.length, last), { type: 'whole', min: 0, title: t('figures.workbook.count'), prompt: t('figures.workbook.count-prompt'), error: t('figures.workbook.count-prompt') });
    for (const c of centers) sheet.addRow([c.code, c.name, month, ...COUNTS.map(() => null)]);
    sheet.protect();
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

/**
 * The figures in a .csv or .xlsx table: every problem located (file:line:col or
 * file!sheet!cell). A row with no count filled in is a center that has not reported.
 */
export async function readFigures(file: string): Promise<MonthFigures[]> {
  const table = await readTable(file);
  if (table.problems.length) throw new UserError(table.problems);
  const headerAt = table.rows.slice(0, 10).findIndex((r) => {
    const cols = columnsOf(r.cells, HEADERS);
    return cols.code !== undefined && cols.month !== undefined && COUNTS.every((k) => cols[k] !== undefined);
  });
  if (headerAt < 0) throw new UserError([problem('figures.no-header', { file, headers: ['编码', '月份', ...COUNTS.map((k) => COUNT_HEADERS[k])].join(', ') }, { file })]);
  const cols = columnsOf(table.rows[headerAt].cells, HEADERS) as Record<'code' | 'month' | keyof Figures, number>;
  const problems: Problem[] = [];
  const out: MonthFigures[] = [];
  const seen = new Map<string, Place>();
  for (const row of table.rows.slice(headerAt + 1)) {
    if (COUNTS.every((k) => isEmpty(row.cells[cols[k]]))) continue;
    const found: Problem[] = [];
    const code = normalizeText(String(row.cells[cols.code] ?? '')).replace(/\s/g, '');
    if (!isCenterCode(code)) found.push(problem('figures.code', { value: code }, row.place(cols.code)));
    const month = monthText(row.cells[cols.month]);
    if (!month) found.push(problem('figures.month', { value: String(row.cells[cols.month] ?? '') }, row.place(cols.month)));
    const figures = {} as Figures;
    for (const k of COUNTS) {
      const n = count(row.cells[cols[k]]);
      if (typeof n === 'string') found.push(problem(n, { value: String(row.cells[cols[k]] ?? ''), header: COUNT_HEADERS[k] }, row.place(cols[k])));
      else figures[k] = n;
    }
    if (found.length === 0) {
      for (const [part, whole] of PARTS) {
        if (figures[part] > figures[whole]) found.push(problem('figures.part-exceeds', { part: COUNT_HEADERS[part], whole: COUNT_HEADERS[whole], a: figures[part], b: figures[whole] }, row.place(cols[part])));
      }
    }
    if (month && isCenterCode(code)) {
      const first = seen.get(`${code} ${month}`);
      if (first) found.push(problem('figures.duplicate', { code, month, first: placeText(first) }, row.place(cols.code)));
      else seen.set(`${code} ${month}`, row.place(cols.code));
    }
    problems.push(...found);
    if (found.length === 0) out.push({ code, month: month!, figures });
  }
  if (problems.length) throw new UserError(problems);
  return out;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || normalizeText(String(v)) === '';
}

/** A count: a whole number ≥ 0; blank is 0 once the row has any count. A percentage is refused: rates are computed. */
function count(v: unknown): number | string {
  if (isEmpty(v)) return 0;
  if (typeof v === 'string' && v.includes('%')) return 'figures.percent';
  const n = parseNumber(v);
  if (!n || n.d !== 1n || n.n < 0n) return 'figures.count';
  return Number(n.n);
}

/** 2026-11, 2026/11, 2026年11月, 2026.11 or a date cell (its month). */
function monthText(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 7);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(normalizeText(String(v ?? '')));
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}`;
}

function placeText(p: Place): string {
  return p.cell ? `${p.sheet}!${p.cell}` : `${p.line}`;
}
