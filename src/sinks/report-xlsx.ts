import type { Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { ledgerColumnSpec } from '../formats/ledger-workbook.js';
import { LEDGER_COLUMNS, rowOfFinding, SEQ_HEADER } from '../ledger/model.js';
import { resolveChecklist } from '../checklist/load.js';
import { evidenceLabel, placeName } from '../model/audit.js';
import { today } from '../model/dates.js';
import { rankedBy, rankResults, standingOf } from '../model/rank.js';
import { roundedScore, type Result } from '../model/result.js';
import { centersByCode, countyCodeOf, countyNames, readCenters, type CenterEntry } from '../sources/centers.js';
import { progress } from '../xlsx/progress.js';
import { columnLetter, createWorkbook, rangeAddress, type CellInput, type ColumnSpec, type WorkbookOut } from '../xlsx/index.js';

export interface ReportOptions {
  force?: boolean;
  /** Centers skipped with --skip-invalid, listed on an 错误 sheet. */
  skipped?: Problem[];
  /** Registry (centers.csv/.xlsx) giving parents, for ranking within each county. */
  centers?: string;
  /** Grade names best first: the ranking puts a worse grade below a better one whatever the totals. */
  grades?: readonly string[];
}

export const REPORT_SHEETS = { summary: '汇总', details: '评分明细', findings: '问题清单', errors: '错误' } as const;

/**
 * The scored report a 政法委 office prints as is: 汇总 (ranking), 评分明细 (every item of
 * every center), 问题清单 (findings in the ledger's columns) and, when centers were
 * skipped, 错误. Streamed: memory stays flat however many centers.
 */
export async function writeReport(path: string, results: Result[], opts: ReportOptions = {}): Promise<void> {
  const registry = opts.centers ? await readCenters(opts.centers) : undefined;
  const book = await createWorkbook(path, { force: opts.force });
  const bar = progress(path, results.length * 2);
  try {
    const groups = groupByChecklist(results);
    for (const group of groups) await writeSummary(book, summaryName(group, groups), group, registry, opts.grades ?? []);
    await writeDetails(book, results, () => bar.tick());
    await writeFindings(book, results, registry, () => bar.tick());
    if (opts.skipped?.length) await writeErrors(book, opts.skipped);
    await book.commit();
    bar.done();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

/** Results by the checklist they were scored with, county checklists first (the order of a 通报). */
function groupByChecklist(results: Result[]): Result[][] {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const key = `${r.checklist.id}@${r.checklist.version}`;
    // Pushed, not spread into a new list: copying per result would grow with the square of the batch.
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const order = (g: Result[]) => LEVEL_ORDER.indexOf(g[0].checklist.level);
  return groups.size ? [...groups.values()].sort((a, b) => order(a) - order(b)) : [[]];
}

/** Sheet names are part of the format, Chinese whatever --lang says. */
const LEVEL_NAMES: Record<string, string> = { county: '县级', township: '乡镇', village: '村' };
const LEVEL_ORDER = Object.keys(LEVEL_NAMES);

/** 汇总, or 汇总-县级 / 汇总-乡镇 when several checklists were used (with id and version when a level has two). */
function summaryName(group: Result[], groups: Result[][]): string {
  if (groups.length === 1) return REPORT_SHEETS.summary;
  const { id, level, version } = group[0].checklist;
  const sameLevel = groups.filter((g) => g[0].checklist.level === level).length > 1;
  // Excel's limit on a sheet name is 31 characters.
  return `${REPORT_SHEETS.summary}-${LEVEL_NAMES[level] ?? level}${sameLevel ? ` ${id} ${version}` : ''}`.slice(0, 31);
}

function numFmt(precision: number): string {
  return precision > 0 ? `0.${'0'.repeat(precision)}` : '0';
}

/** The county (or parent) each center rolls up to, when the registry says so. */
function parentsOf(results: Result[], registry: CenterEntry[] | undefined): Map<string, { code: string; name: string }> | undefined {
  if (!registry) return undefined;
  const byCode = centersByCode(registry);
  const parents = new Map<string, { code: string; name: string }>();
  for (const r of results) {
    const entry = byCode.get(r.center.code);
    const code = entry ? (entry.parent ?? (entry.level === 'township' ? countyCodeOf(entry) : undefined)) : undefined;
    if (code) parents.set(r.center.code, { code, name: byCode.get(code)?.name ?? '' });
  }
  return parents.size ? parents : undefined;
}

async function writeSummary(book: WorkbookOut, name: string, results: Result[], registry: CenterEntry[] | undefined, grades: readonly string[]): Promise<void> {
  const first = results[0];
  const precision = first?.derivation.precision ?? 1;
  const fmt = numFmt(precision);
  const dims = first?.dimensions ?? [];
  const hasBonus = results.some((r) => r.bonus.cap > 0);
  const parents = parentsOf(results, registry);
  // 检查方式 (with 部分检查 under it) only where some audit has either: full inspections print as before.
  const withMode = results.some((r) => r.mode || r.uninspected);
  // Widths fill one A4 landscape page at 9 pt, by county included (src/xlsx/layout.ts). 检查方式
  // takes its room from the county, the name and the dimensions, whose headers wrap to as many lines at 7.
  const narrow = withMode ? 1 : 0;
  const columns: ColumnSpec[] = [{ header: t('report.col.rank'), kind: 'number', width: 5, align: 'center' }];
  if (parents) {
    columns.push({ header: t('report.col.parent'), width: 12 - 2 * narrow, wrap: true }, { header: t('report.col.parent-rank'), kind: 'number', width: 5, align: 'center' });
  }
  columns.push(
    { header: t('report.col.code'), kind: 'code', width: 13 },
    { header: t('report.col.name'), wrap: true, maxWidth: 16 - 2 * narrow },
    { header: t('report.col.date'), kind: 'date', width: 12 },
  );
  if (withMode) columns.push({ header: t('report.col.mode'), width: 9, wrap: true, align: 'center' });
  columns.push(
    { header: t('report.col.total'), kind: 'number', numFmt: fmt, width: 7 },
    { header: t('report.col.grade'), width: 6, align: 'center' },
    ...dims.map((d): ColumnSpec => ({ header: `${d.name}(${d.points})`, kind: 'number', numFmt: fmt, width: 8 - narrow })),
  );
  if (hasBonus) columns.push({ header: t('report.col.bonus'), kind: 'number', numFmt: fmt, width: 6 });
  columns.push({ header: t('report.col.veto'), width: 8, wrap: true }, { header: t('report.col.findings'), kind: 'number', width: 6, align: 'center' });

  const sheet = book.addSheet({
    name,
    title: first ? t('report.title.summary', { name: first.checklist.name }) : t('report.title.empty'),
    subtitle: first ? t('report.subtitle', { version: first.checklist.version, count: results.length, date: today() }) : undefined,
    columns,
    freezeColumns: parents ? 5 : 3,
  });

  let rows = rankResults(results, grades).map(({ item: r, rank }) => ({ r, rank, parent: parents?.get(r.center.code), parentRank: 0 }));
  if (parents) {
    // By county: counties in code order, centers by grade band then score, ties sharing a rank within each county.
    const byParent = new Map<string, typeof rows>();
    for (const row of rows) {
      const key = row.parent?.code ?? '';
      const list = byParent.get(key);
      if (list) list.push(row);
      else byParent.set(key, [row]);
    }
    rows = [...byParent.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
      .flatMap(([, list]) => rankedBy(list, (x) => standingOf(x.r, grades)).map(({ item, rank }) => ({ ...item, parentRank: rank })));
  }
  const top = sheet.firstDataRow;
  for (const { r, rank, parent, parentRank } of rows) {
    const values: CellInput[] = [rank];
    if (parents) values.push(parent ? placeName(parent.name) || parent.code : '', parent ? parentRank : null);
    values.push(r.center.code, r.center.name, r.date);
    // Which items were left out, and why, is on 评分明细 beside each one.
    if (withMode) values.push(modeCell(r));
    values.push(r.total, r.grade, ...dims.map((d) => {
      const dim = r.dimensions.find((x) => x.id === d.id);
      return dim ? roundedScore(dim.earned, precision) : null;
    }));
    if (hasBonus) values.push(r.bonus.applied);
    values.push(r.veto.join('、'), r.findings.length);
    sheet.addRow(values);
    await sheet.drain();
  }
  if (results.length) {
    const last = top + results.length - 1;
    const col = (header: string) => columns.findIndex((c) => c.header === header) + 1;
    const totalCol = col(t('report.col.total'));
    // Red (0) through yellow to green (full points), as the briefing colours scores.
    sheet.colorScale(rangeAddress(totalCol, top, totalCol, last), { min: 0, max: Number(first.derivation.total) });
    dims.forEach((d, i) => {
      const c = totalCol + 2 + i;
      sheet.colorScale(rangeAddress(c, top, c, last), { min: 0, max: d.points });
    });
    // The lowest grade in red, as a 通报 marks it.
    const gradeCol = col(t('report.col.grade'));
    const worst = lowestGrade(results);
    if (worst) sheet.highlight(rangeAddress(gradeCol, top, gradeCol, last), { operator: 'equal', formulae: [`"${worst}"`] });
    const vetoCol = col(t('report.col.veto'));
    sheet.highlight(rangeAddress(vetoCol, top, vetoCol, last), { operator: 'expression', formulae: [`LEN(${columnLetter(vetoCol)}${top})>0`] });
  }
}

/** 暗访, and for a partial inspection 部分检查 and how many items were not inspected, a line each. */
function modeCell(r: Result): string {
  const partial = r.uninspected ? [t('table.partial-column'), t('report.uninspected-count', { count: r.uninspected.length })] : [];
  return [r.mode, ...partial].filter(Boolean).join('\n');
}

/** The lowest grade of the checklist the results were scored with (a Result names only its own grade). */
function lowestGrade(results: Result[]): string | undefined {
  const vetoed = results.find((r) => r.veto.length);
  if (vetoed) return vetoed.grade;
  // Only the one checklist file is loaded (a registry would parse them all).
  try {
    const checklist = resolveChecklist(results[0].checklist.id);
    return checklist.version === results[0].checklist.version ? checklist.grades[checklist.grades.length - 1]?.name : undefined;
  } catch {
    return undefined;
  }
}

async function writeDetails(book: WorkbookOut, results: Result[], onCenter: () => void): Promise<void> {
  const withEvidence = results.some((r) => r.items.some((i) => i.evidence));
  const fmt = numFmt(Math.max(1, ...results.map((r) => r.derivation.precision)));
  const sheet = book.addSheet({
    name: REPORT_SHEETS.details,
    title: t('report.title.details'),
    columns: [
      { header: t('report.col.code'), kind: 'code', width: 13 },
      { header: t('report.col.name'), wrap: true, maxWidth: 14 },
      { header: t('report.col.date'), kind: 'date', width: 12 },
      { header: t('report.col.dimension'), width: 10, wrap: true },
      { header: t('report.col.item-id'), width: 8 },
      { header: t('report.col.item'), width: 22, wrap: true },
      { header: t('report.col.points'), kind: 'number', width: 5 },
      { header: t('report.col.answer'), width: 14, wrap: true },
      { header: t('report.col.earned'), kind: 'number', numFmt: fmt, width: 6 },
      { header: t('report.col.note'), width: withEvidence ? 14 : 20, wrap: true },
      // The note gives up what the evidence takes: the sheet keeps its width on paper.
      ...(withEvidence ? [{ header: t('report.col.evidence'), width: 14, wrap: true }] : []),
    ],
    freezeColumns: 2,
  });
  let count = 0;
  for (const r of results) {
    onCenter();
    const dimNames = new Map(r.dimensions.map((d) => [d.id, d.name]));
    for (const item of r.items) {
      const answer = item.uninspected ? t('answer.uninspected') : item.na ? t('answer.na') : item.blank ? t('report.blank') : item.answer;
      sheet.addRow([
        r.center.code,
        r.center.name,
        r.date,
        item.dimension ? (dimNames.get(item.dimension) ?? item.dimension) : item.penalty ? t('report.penalty') : t('report.bonus'),
        item.id,
        item.title,
        item.points,
        answer,
        item.earned,
        item.note ?? '',
        ...(withEvidence ? [(item.evidence ?? []).map(evidenceLabel).join('\n')] : []),
      ]);
      await sheet.drain();
      count++;
    }
  }
  if (count) {
    const top = sheet.firstDataRow;
    const last = top + count - 1;
    // Points lost: the 得分 cell in red.
    sheet.highlight(rangeAddress(9, top, 9, last), { operator: 'expression', formulae: [`AND(ISNUMBER(I${top}),I${top}<G${top},D${top}<>"${t('report.bonus')}")`] });
  }
}

async function writeFindings(book: WorkbookOut, results: Result[], registry: CenterEntry[] | undefined, onCenter: () => void): Promise<void> {
  const names = registry ? countyNames(registry) : undefined;
  const sheet = book.addSheet({
    name: REPORT_SHEETS.findings,
    title: t('report.title.findings'),
    subtitle: t('report.findings-subtitle', { count: results.reduce((n, r) => n + r.findings.length, 0) }),
    columns: [{ header: SEQ_HEADER, kind: 'number', width: 5, align: 'center' }, ...LEDGER_COLUMNS.map(ledgerColumnSpec)],
    freezeColumns: 2,
  });
  let n = 0;
  for (const r of results) {
    onCenter();
    for (const f of r.findings) {
      const row = rowOfFinding(f, names);
      sheet.addRow([++n, ...LEDGER_COLUMNS.map((c) => (row[c.field] === '' ? null : row[c.field]))]);
      await sheet.drain();
    }
  }
}

async function writeErrors(book: WorkbookOut, problems: Problem[]): Promise<void> {
  const sheet = book.addSheet({
    name: REPORT_SHEETS.errors,
    title: t('report.title.errors', { count: problems.length }),
    columns: [
      { header: SEQ_HEADER, kind: 'number', width: 5, align: 'center' },
      { header: t('report.col.file'), width: 24, wrap: true },
      { header: t('report.col.sheet'), width: 10, wrap: true },
      { header: t('report.col.place'), width: 8 },
      { header: t('report.col.code-error'), width: 18, wrap: true },
      { header: t('report.col.message'), width: 60, wrap: true },
    ],
  });
  for (const [i, p] of problems.entries()) {
    const place = p.cell ?? (p.line !== undefined ? `${p.line}:${p.col ?? 1}` : '');
    // A wide sheet's scoring problem carries its row as the file (file!sheet!cell): split it back.
    const [file, sheetName, cell] = p.sheet === undefined && p.file?.includes('!') ? p.file.split('!') : [p.file, p.sheet, place];
    sheet.addRow([i + 1, file ?? '', sheetName ?? '', cell ?? place, p.code, p.message]);
    await sheet.drain();
  }
}
