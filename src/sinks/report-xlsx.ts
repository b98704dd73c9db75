import type { Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { LEDGER_COLUMNS, rowOfFinding, SEQ_HEADER, type LedgerColumn } from '../ledger/model.js';
import { resolveChecklist } from '../checklist/load.js';
import { placeName } from '../model/audit.js';
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
    for (const group of groups) {
      const name = groups.length === 1 ? REPORT_SHEETS.summary : `${REPORT_SHEETS.summary}-${group[0].checklist.id}`;
      await writeSummary(book, name, group, registry, opts.grades ?? []);
    }
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

function groupByChecklist(results: Result[]): Result[][] {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const key = `${r.checklist.id}@${r.checklist.version}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups.size ? [...groups.values()] : [[]];
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
  const columns: ColumnSpec[] = [{ header: t('report.col.rank'), kind: 'number', width: 6, align: 'center' }];
  if (parents) {
    columns.push({ header: t('report.col.parent'), width: 18, wrap: true }, { header: t('report.col.parent-rank'), kind: 'number', width: 8, align: 'center' });
  }
  columns.push(
    { header: t('report.col.code'), kind: 'code', width: 14 },
    { header: t('report.col.name'), wrap: true, maxWidth: 30 },
    { header: t('report.col.date'), kind: 'date', width: 12 },
    { header: t('report.col.total'), kind: 'number', numFmt: fmt, width: 9 },
    { header: t('report.col.grade'), width: 8, align: 'center' },
    ...dims.map((d): ColumnSpec => ({ header: `${d.name}(${d.points})`, kind: 'number', numFmt: fmt, width: 11 })),
  );
  if (hasBonus) columns.push({ header: t('report.col.bonus'), kind: 'number', numFmt: fmt, width: 7 });
  columns.push({ header: t('report.col.veto'), width: 10, wrap: true }, { header: t('report.col.findings'), kind: 'number', width: 8, align: 'center' });

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
      byParent.set(key, [...(byParent.get(key) ?? []), row]);
    }
    rows = [...byParent.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
      .flatMap(([, list]) => rankedBy(list, (x) => standingOf(x.r, grades)).map(({ item, rank }) => ({ ...item, parentRank: rank })));
  }
  const top = sheet.firstDataRow;
  for (const { r, rank, parent, parentRank } of rows) {
    const values: CellInput[] = [rank];
    if (parents) values.push(parent ? placeName(parent.name) || parent.code : '', parent ? parentRank : null);
    values.push(r.center.code, r.center.name, r.date, r.total, r.grade, ...dims.map((d) => {
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
    sheet.dataBar(rangeAddress(totalCol, top, totalCol, last), { min: 0, max: Number(first.derivation.total) });
    dims.forEach((d, i) => {
      const c = totalCol + 2 + i;
      sheet.dataBar(rangeAddress(c, top, c, last), { min: 0, max: d.points, color: 'FF9BC2E6' });
    });
    // The lowest grade in red, as a 通报 marks it.
    const gradeCol = col(t('report.col.grade'));
    const worst = lowestGrade(results);
    if (worst) sheet.highlight(rangeAddress(gradeCol, top, gradeCol, last), { operator: 'equal', formulae: [`"${worst}"`] });
    const vetoCol = col(t('report.col.veto'));
    sheet.highlight(rangeAddress(vetoCol, top, vetoCol, last), { operator: 'expression', formulae: [`LEN(${columnLetter(vetoCol)}${top})>0`] });
  }
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
  const fmt = numFmt(Math.max(1, ...results.map((r) => r.derivation.precision)));
  const sheet = book.addSheet({
    name: REPORT_SHEETS.details,
    title: t('report.title.details'),
    columns: [
      { header: t('report.col.code'), kind: 'code', width: 14 },
      { header: t('report.col.name'), wrap: true, maxWidth: 24 },
      { header: t('report.col.date'), kind: 'date', width: 12 },
      { header: t('report.col.dimension'), width: 14, wrap: true },
      { header: t('report.col.item-id'), width: 9 },
      { header: t('report.col.item'), width: 28, wrap: true },
      { header: t('report.col.points'), kind: 'number', width: 7 },
      { header: t('report.col.answer'), width: 16, wrap: true },
      { header: t('report.col.earned'), kind: 'number', numFmt: fmt, width: 7 },
      { header: t('report.col.note'), width: 30, wrap: true },
    ],
    freezeColumns: 2,
  });
  let count = 0;
  for (const r of results) {
    onCenter();
    const dimNames = new Map(r.dimensions.map((d) => [d.id, d.name]));
    for (const item of r.items) {
      const answer = item.na ? t('answer.na') : item.blank ? t('report.blank') : item.answer;
      sheet.addRow([
        r.center.code,
        r.center.name,
        r.date,
        item.dimension ? (dimNames.get(item.dimension) ?? item.dimension) : t('report.bonus'),
        item.id,
        item.title,
        item.points,
        answer,
        item.earned,
        item.note ?? '',
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

function ledgerSpec(c: LedgerColumn): ColumnSpec {
  const kind = c.kind === 'date' ? 'date' : c.kind === 'number' ? 'number' : c.field === 'id' || c.field === 'centerCode' ? 'code' : 'text';
  return { header: c.header, kind, width: c.width, wrap: c.kind === 'text' && c.width >= 20 };
}

async function writeFindings(book: WorkbookOut, results: Result[], registry: CenterEntry[] | undefined, onCenter: () => void): Promise<void> {
  const names = registry ? countyNames(registry) : undefined;
  const sheet = book.addSheet({
    name: REPORT_SHEETS.findings,
    title: t('report.title.findings'),
    subtitle: t('report.findings-subtitle', { count: results.reduce((n, r) => n + r.findings.length, 0) }),
    columns: [{ header: SEQ_HEADER, kind: 'number', width: 6, align: 'center' }, ...LEDGER_COLUMNS.map(ledgerSpec)],
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
      { header: SEQ_HEADER, kind: 'number', width: 6, align: 'center' },
      { header: t('report.col.file'), width: 30, wrap: true },
      { header: t('report.col.sheet'), width: 12 },
      { header: t('report.col.place'), width: 10 },
      { header: t('report.col.code-error'), width: 22 },
      { header: t('report.col.message'), width: 70, wrap: true },
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
