import { countyNamesOf, countyOf, placeName } from '../model/audit.js';
import { Exact } from '../model/exact.js';
import { ranked, rankResults } from '../model/rank.js';
import type { LedgerRow } from '../ledger/model.js';
import { ledgerProgress, overdueRows, type Progress } from '../ledger/progress.js';
import type { Briefing, CommonProblem, CountyWeights, DraftRef, CountyProgress, CountyRef, CountySummary, NotAudited, Overview, RankingGroup, RankingRow } from './model.js';
import { groupBy } from '../plan/group.js';
import { previousMonth } from './month.js';
import { latestPerCenter } from './select.js';
import type { Result } from '../model/result.js';
import { summaryOf, type ResultSummary } from './summary.js';

/** A center the committee expects to audit, as the registry (centers.csv) lists it. */
export interface RegisteredCenter {
  code: string;
  name: string;
}

export interface BriefingInput {
  month: string;
  /** Results (or their summaries) of any months; each center's latest in the month and before it are used. */
  results: readonly (Result | ResultSummary)[];
  /** Grade names best first, from the checklists the results were scored with. */
  grades: string[];
  registry?: readonly RegisteredCenter[];
  /** The rectification ledger and the date overdue is judged on. */
  ledger?: { rows: readonly LedgerRow[]; asOf: string };
  /** How many 共性问题 to list (ties with the last are kept). */
  commonLimit?: number;
  /** Draft audits the command left out, to be named in the briefing. */
  draftsLeftOut?: DraftRef[];
  /** Weights for a county composite of the county center's score and its townships' mean. */
  countyWeights?: CountyWeights;
}

const DEFAULT_COMMON_LIMIT = 10;
/** County and township centers are scored on different checklists; this is their order in a table. */
const LEVEL_ORDER = ['city', 'county', 'township', 'village'];

/** The whole monthly briefing from results. Pure: no I/O, no clock. */
export function buildBriefing(input: BriefingInput): Briefing {
  const { month } = input;
  const previous = previousMonth(month);
  const dated = (r: ResultSummary) => ({ code: r.center.code, date: r.date, status: r.status });
  // Sorting by code first makes the order of equal scores independent of the order files were read.
  const sorted = input.results.map(summaryOf).sort((a, b) => cmp(a.center.code, b.center.code));
  const current = [...latestPerCenter(sorted, dated, (d) => d.date.startsWith(month)).values()];
  const last = [...latestPerCenter(sorted, dated, (d) => d.date.startsWith(previous)).values()];
  const before = latestPerCenter(sorted, dated, (d) => d.date < month);

  const names = countyNames(input.registry ?? [], sorted);
  const dimensions = dimensionsOf(current.length ? current : sorted);
  const ranking = rankingGroups(current, last, names, input.grades);
  const counties = countySummaries(current, input.registry, names, input.grades, dimensions, input.countyWeights);
  const city = summarize({ code: '', name: '' }, current, counties.reduce((n, c) => n + c.centers, 0), input.grades, dimensions, input.countyWeights);

  return {
    month,
    previousMonth: previous,
    ...(input.ledger ? { asOf: input.ledger.asOf } : {}),
    grades: input.grades,
    dimensions,
    overview: overview(city, current, last),
    ...(input.countyWeights ? { countyWeights: input.countyWeights } : {}),
    ranking,
    counties,
    city,
    common: commonProblems(current, input.commonLimit ?? DEFAULT_COMMON_LIMIT),
    commonLimit: input.commonLimit ?? DEFAULT_COMMON_LIMIT,
    ...(input.ledger ? { progress: progress(input.ledger.rows, input.ledger.asOf, names) } : {}),
    ...(input.registry ? { notAudited: notAudited(input.registry, current, before, names) } : {}),
    draftsLeftOut: input.draftsLeftOut ?? [],
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function exact(n: number): Exact {
  return Exact.from(n);
}

function mean(values: Exact[]): Exact | undefined {
  return values.length ? Exact.sum(values).div(Exact.of(BigInt(values.length))) : undefined;
}

function countyNames(registry: readonly RegisteredCenter[], results: readonly ResultSummary[]): (code: string) => CountyRef {
  const names = countyNamesOf(results.map((r) => r.center));
  // The registry is the committee's own list: its names win.
  for (const c of registry) if (c.code.length === 6 && c.name) names.set(c.code, placeName(c.name));
  return (code) => {
    const county = countyOf(code);
    return { code: county, name: names.get(county) ?? county };
  };
}

/** Dimensions by id in first-seen order; results of the two shipped checklists share the five. */
function dimensionsOf(results: readonly ResultSummary[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of results) for (const d of r.dimensions) if (!seen.has(d.id)) seen.set(d.id, d.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

function byLevel(results: readonly ResultSummary[]): Map<string, ResultSummary[]> {
  return new Map([...groupBy(results, (r) => r.checklist.level)].sort(([a], [b]) => levelOrder(a, b)));
}

function levelOrder(a: string, b: string): number {
  const order = (level: string) => (LEVEL_ORDER.includes(level) ? LEVEL_ORDER.indexOf(level) : LEVEL_ORDER.length);
  return order(a) - order(b) || cmp(a, b);
}

function rankingGroups(current: ResultSummary[], last: ResultSummary[], county: (code: string) => CountyRef, grades: readonly string[]): RankingGroup[] {
  const lastByLevel = byLevel(last);
  return [...byLevel(current)].map(([level, results]) => {
    const before = new Map<string, { rank: number; result: ResultSummary }>();
    for (const { item, rank } of rankResults(lastByLevel.get(level) ?? [], grades)) before.set(item.center.code, { rank, result: item });
    const rows = rankResults(results, grades).map(({ item: r, rank }): RankingRow => {
      const prev = before.get(r.center.code);
      const total = exact(r.total);
      const previousTotal = prev ? exact(prev.result.total) : undefined;
      // Scores under two versions of a checklist are not comparable: show both, but no 环比.
      const checklistChanged = prev !== undefined && (prev.result.checklist.id !== r.checklist.id || prev.result.checklist.version !== r.checklist.version);
      return {
        rank,
        previousRank: prev?.rank,
        code: r.center.code,
        name: r.center.name,
        county: county(r.center.code),
        date: r.date,
        total,
        previousTotal,
        change: previousTotal && !checklistChanged ? total.sub(previousTotal) : undefined,
        ...(checklistChanged ? { checklistChanged } : {}),
        grade: r.grade,
        dimensions: Object.fromEntries(r.dimensions.map((d) => [d.id, exact(d.earned).round(r.derivation.precision)])),
        veto: r.veto.map((id) => ({ id, title: r.items.find((i) => i.id === id)?.title ?? id })),
        precision: r.derivation.precision,
      };
    });
    return { level, rows };
  });
}

/** earned ÷ applicable of one dimension, exact from the item scores (the stored rate is rounded). */
function dimensionRate(r: ResultSummary, dimension: string): Exact | undefined {
  const applied = r.items.flatMap((i, k) => (i.dimension === dimension && !Number.isNaN(r.earned[k]) ? [k] : []));
  const applicable = Exact.sum(applied.map((k) => exact(r.items[k].points)));
  return applicable.isZero() ? undefined : Exact.sum(applied.map((k) => exact(r.earned[k]))).div(applicable);
}

function precisionOf(results: readonly ResultSummary[]): number {
  return results.reduce((p, r) => Math.max(p, r.derivation.precision), results.length ? 0 : 1);
}

function summarize(county: CountyRef, audited: ResultSummary[], centers: number, grades: string[], dimensions: { id: string }[], weights?: CountyWeights): CountySummary {
  const counts = Object.fromEntries(grades.map((g) => [g, 0]));
  for (const r of audited) counts[r.grade] = (counts[r.grade] ?? 0) + 1;
  const rates: Record<string, Exact> = {};
  for (const d of dimensions) {
    const m = mean(audited.map((r) => dimensionRate(r, d.id)).filter((x): x is Exact => x !== undefined));
    if (m) rates[d.id] = m;
  }
  // The two checklists' scores stay apart; the city row's county figure is the mean over its county centers.
  const countyScore = mean(audited.filter((r) => r.checklist.level === 'county').map((r) => exact(r.total)));
  const townshipMean = mean(audited.filter((r) => r.checklist.level === 'township').map((r) => exact(r.total)));
  return {
    county,
    centers,
    audited: audited.length,
    ...(countyScore ? { countyScore } : {}),
    ...(townshipMean ? { townshipMean } : {}),
    ...(weights && countyScore && townshipMean ? { composite: weights.county.mul(countyScore).add(weights.township.mul(townshipMean)) } : {}),
    grades: counts,
    rates,
    precision: precisionOf(audited),
  };
}

function countySummaries(
  current: ResultSummary[],
  registry: readonly RegisteredCenter[] | undefined,
  county: (code: string) => CountyRef,
  grades: string[],
  dimensions: { id: string }[],
  weights?: CountyWeights,
): CountySummary[] {
  // Without a registry the audited centers are all the tool knows of.
  const expected = groupBy(new Set([...(registry ?? []).map((c) => c.code), ...current.map((r) => r.center.code)]), countyOf);
  // Grouped once: a province has thousands of counties and tens of thousands of centers.
  const audited = groupBy(current, (r) => countyOf(r.center.code));
  const codes = [...expected.keys()].sort(cmp);
  const summaries = codes.map((code) => summarize(county(code), audited.get(code) ?? [], expected.get(code)!.length, grades, dimensions, weights));
  // Ranked on the figure as printed (two counties showing 85.3 share a place): the composite
  // when weights were given, else the county centers' scores (one checklist, comparable).
  const figure = (s: CountySummary) => (weights ? s.composite : s.countyScore);
  const rankable = summaries.filter((s) => figure(s));
  for (const { item, rank } of ranked(rankable, (s) => Number(figure(s)!.toFixed(s.precision)))) item.rank = rank;
  return summaries;
}

function overview(city: CountySummary, current: ResultSummary[], last: ResultSummary[]): Overview {
  const now = byLevel(current);
  const before = byLevel(last);
  const levels = [...new Set([...now.keys(), ...before.keys()])].sort(levelOrder).map((level) => {
    const audited = now.get(level) ?? [];
    const previous = before.get(level) ?? [];
    return {
      level,
      audited: audited.length,
      average: mean(audited.map((r) => exact(r.total))),
      previousAudited: previous.length,
      previousAverage: mean(previous.map((r) => exact(r.total))),
    };
  });
  return {
    centers: city.centers,
    audited: city.audited,
    previousAudited: last.length,
    levels,
    grades: city.grades,
    vetoed: current.filter((r) => r.veto.length).length,
    precision: precisionOf(current),
  };
}

/**
 * Items most often losing points this month. Items of different checklists count as
 * one when they share id and title; bonus items never lose points.
 */
function commonProblems(current: ResultSummary[], limit: number): CommonProblem[] {
  const acc = new Map<string, { item: string; title: string; dimension: string; centers: number; applicable: number; lost: Exact; counties: Set<string> }>();
  for (const r of current) {
    const dimensionNames = new Map(r.dimensions.map((d) => [d.id, d.name]));
    for (const [k, i] of r.items.entries()) {
      const earned = r.earned[k];
      if (i.dimension === undefined || Number.isNaN(earned)) continue;
      const key = `${i.id}\u0000${i.title}`;
      const a = acc.get(key) ?? { item: i.id, title: i.title, dimension: dimensionNames.get(i.dimension) ?? i.dimension, centers: 0, applicable: 0, lost: Exact.ZERO, counties: new Set<string>() };
      acc.set(key, a);
      a.applicable++;
      const lost = exact(i.points).sub(exact(earned));
      if (lost.isZero()) continue;
      a.centers++;
      a.lost = a.lost.add(lost);
      a.counties.add(countyOf(r.center.code));
    }
  }
  const rows = [...acc.values()]
    .filter((a) => a.centers > 0)
    .map((a) => ({ ...a, share: Exact.of(BigInt(a.centers), BigInt(a.applicable)) }))
    .sort((a, b) => b.centers - a.centers || b.share.cmp(a.share) || b.lost.cmp(a.lost) || cmp(a.item, b.item) || cmp(a.title, b.title));
  return ranked(rows, (a) => a.centers)
    .filter(({ rank }) => rank <= limit)
    .map(({ item: a, rank }) => ({
      rank,
      item: a.item,
      title: a.title,
      dimension: a.dimension,
      centers: a.centers,
      applicable: a.applicable,
      share: a.share,
      lost: a.lost,
      counties: a.counties.size,
    }));
}

/** Registry centers with no audit dated in the month, with their latest earlier audit. */
function notAudited(registry: readonly RegisteredCenter[], current: ResultSummary[], before: Map<string, ResultSummary>, county: (code: string) => CountyRef): NotAudited[] {
  const audited = new Set(current.map((r) => r.center.code));
  const seen = new Set<string>();
  return [...registry]
    .filter((c) => !audited.has(c.code) && !seen.has(c.code) && seen.add(c.code))
    .sort((a, b) => cmp(a.code, b.code))
    .map((c) => {
      const last = before.get(c.code);
      return {
        code: c.code,
        name: c.name,
        level: c.code.length === 6 ? 'county' : 'township',
        county: county(c.code),
        ...(last ? { lastDate: last.date, lastTotal: exact(last.total), lastPrecision: last.derivation.precision } : {}),
      };
    });
}

/** The ledger's progress per county (counted by the ledger's own rules), named like the other tables. */
function progress(rows: readonly LedgerRow[], asOf: string, county: (code: string) => CountyRef): NonNullable<Briefing['progress']> {
  const counted = ledgerProgress(rows, asOf);
  const of = ({ county: _code, label: _label, closureRatePercent: _rounded, ...counts }: Progress, ref: CountyRef): CountyProgress => ({
    ...counts,
    county: ref,
    // From the counts, exactly: the ledger's own rate is already rounded.
    ...(counts.findings ? { closureRate: Exact.of(BigInt(counts.closed), BigInt(counts.findings)) } : {}),
  });
  return {
    counties: counted.counties.map((p) => of(p, county(p.county))),
    city: of(counted.total, { code: '', name: '' }),
    overdue: overdueRows(rows, asOf).map(({ row, daysOverdue }) => ({
      id: row.id,
      center: { code: row.centerCode, name: row.centerName },
      county: county(row.centerCode),
      problem: row.problem,
      owner: row.owner,
      deadline: row.deadline,
      status: row.status,
      daysOverdue,
    })),
  };
}
