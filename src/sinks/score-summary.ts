import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { shownScore, type Result } from '../model/result.js';
import type { Standing, StandingGroup } from '../scoring/batch.js';
import { standingColumns } from './score-table.js';
import { renderTable, type Column } from './terminal.js';

/** How many centers the summary lists at each end of a ranking. */
export const ENDS = 10;

/**
 * What a terminal shows of a big batch instead of its full ranking: per checklist (scores of
 * different checklists are never mixed), the count per grade, the top and bottom ten, and
 * for township and village centers the mean per county. Its cost grows with the number of
 * counties, not of centers. `resultsOf` gives the results of the few rows it lists (names and
 * dates are not kept per center).
 */
export function scoreSummary(groups: StandingGroup[], resultsOf: (standings: Standing[]) => Iterable<Result>): string {
  const count = groups.reduce((n, g) => n + g.rows.length, 0);
  return [...groups.map((g) => groupSummary(g, resultsOf)), t('summary.more', { count })].join('\n\n');
}

function groupSummary(g: StandingGroup, resultsOf: (standings: Standing[]) => Iterable<Result>): string {
  const { checklist, rows } = g;
  const heading = t('score.group-heading', { name: checklist.name, id: checklist.id, version: checklist.version, count: rows.length });
  const top = rows.slice(0, ENDS);
  // The bottom ten never repeat a row of the top ten.
  const bottom = rows.slice(Math.max(ENDS, rows.length - ENDS));
  return [
    heading,
    gradeCounts(g),
    `${t('summary.top', { count: top.length })}\n${endsTable(top, resultsOf, checklist.precision)}`,
    ...(bottom.length ? [`${t('summary.bottom', { count: bottom.length })}\n${endsTable(bottom, resultsOf, checklist.precision)}`] : []),
    // A county center is its county: a mean per county would repeat the ranking.
    ...(checklist.level === 'county' ? [] : [`${t('summary.county-means')}\n${countyMeans(g)}`]),
  ].join('\n');
}

/** 等次:优秀 12 · 良好 30 · 合格 5 · 不合格 3(一票否决 1) */
function gradeCounts(g: StandingGroup): string {
  const counts = new Map(g.checklist.grades.map((grade) => [grade.name, 0]));
  let vetoed = 0;
  for (const { item } of g.rows) {
    counts.set(item.grade, (counts.get(item.grade) ?? 0) + 1);
    if (item.veto.length) vetoed++;
  }
  const list = [...counts].map(([grade, n]) => `${grade} ${n}`).join(' · ');
  return t(vetoed ? 'summary.grades-vetoed' : 'summary.grades', { list, vetoed });
}

function endsTable(rows: StandingGroup['rows'], resultsOf: (standings: Standing[]) => Iterable<Result>, precision: number): string {
  const results = [...resultsOf(rows.map((row) => row.item))];
  return renderTable(
    standingColumns(),
    rows.map(({ item, rank }, i) => [rank, item.code, results[i].center.name, results[i].date, shownScore(item.total, precision), item.veto.length ? t('summary.vetoed', { grade: item.grade }) : item.grade]),
  );
}

/**
 * The mean per county (the first six digits of a code) of its centers' final scores, each
 * center once with its latest audit (DESIGN: a county's average), exact and then rounded
 * half-up like every score; counties by code.
 */
function countyMeans(g: StandingGroup): string {
  const latest = new Map<string, { day: number; total: number }>();
  for (const { item } of g.rows) {
    const seen = latest.get(item.code);
    if (!seen || item.day > seen.day) latest.set(item.code, { day: item.day, total: item.total });
  }
  const counties = new Map<string, { sum: Exact; n: number }>();
  for (const [code, { total }] of latest) {
    const county = code.slice(0, 6);
    const c = counties.get(county) ?? { sum: Exact.ZERO, n: 0 };
    counties.set(county, { sum: c.sum.add(Exact.from(total)), n: c.n + 1 });
  }
  const columns: Column[] = [{ header: t('summary.county') }, { header: t('summary.centers'), align: 'right' }, { header: t('summary.mean'), align: 'right' }];
  const rows = [...counties].sort(([a], [b]) => (a < b ? -1 : 1)).map(([county, { sum, n }]) => [county, n, sum.div(Exact.of(BigInt(n))).toFixed(g.checklist.precision)]);
  return renderTable(columns, rows);
}
