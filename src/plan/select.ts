import { placeName } from '../model/audit.js';
import { countyCodeOf, type CenterEntry } from '../sources/centers.js';
import { groupBy } from './group.js';
import { drawKey, lot } from './lot.js';
import type { Draw, PlanProblem, PlanSettings, Reason, RiskFacts, Stratum } from './model.js';

/** A center chosen for the quarter, before a team and a date are given to it. */
export interface Selected extends Draw {
  entry: CenterEntry;
}

export interface SelectionInput {
  quarter: string;
  seed: string;
  registry: readonly CenterEntry[];
  settings: PlanSettings;
  riskOf: (code: string) => { facts: RiskFacts; weight: number };
}

/** `20%` / `12.5%` → a share; `2` → a count per county; undefined otherwise. */
export function parseSample(text: string): { percent: number } | { count: number } | undefined {
  const s = text.trim().replace(/％/g, '%');
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(s);
  if (pct) return Number(pct[1]) > 0 && Number(pct[1]) <= 100 ? { percent: Number(pct[1]) } : undefined;
  return /^[1-9]\d*$/.test(s) ? { count: Number(s) } : undefined;
}

/** How many of a county's townships are drawn: the share rounded up, or the count; at least one when it has any. */
function quotaOf(townships: number, sample: NonNullable<ReturnType<typeof parseSample>>): number {
  if (townships === 0) return 0;
  const wanted = 'count' in sample ? sample.count : Math.ceil((sample.percent * townships) / 100 - 1e-9);
  return Math.min(townships, Math.max(1, wanted));
}

/**
 * Who is inspected: every county center (unless `counties: none`), every --must center,
 * and in each county the townships with the highest draw keys until its quota is met
 * (must townships count toward it). Then the 暗访 share: the visits with the smallest
 * second lot (purpose 暗访) are 暗访.
 */
export function selectCenters(input: SelectionInput): { selected: Selected[]; strata: Stratum[]; problems: PlanProblem[] } {
  const { registry, settings } = input;
  const sample = parseSample(settings.sample);
  if (!sample) return { selected: [], strata: [], problems: [{ code: 'plan.bad-sample', params: { value: settings.sample } }] };
  const byCode = new Map(registry.map((e) => [e.code, e]));
  const unknown = settings.must.filter((c) => !byCode.has(c));
  if (unknown.length) return { selected: [], strata: [], problems: unknown.map((code) => ({ code: 'plan.must-unknown', params: { code, count: registry.length } })) };
  const must = new Set(settings.must);

  const selected: Selected[] = [];
  const strata: Stratum[] = [];
  const candidate = (entry: CenterEntry, reason: Reason): Selected => {
    const { facts, weight } = input.riskOf(entry.code);
    const u = lot(input.seed, input.quarter, entry.code);
    return { entry, county: countyCodeOf(entry), reason, weight, risk: facts, lot: u, key: drawKey(u, weight), mode: '明察' };
  };
  for (const [county, entries] of byCounty(registry)) {
    for (const e of entries.filter((x) => x.level === 'county')) {
      if (must.has(e.code)) selected.push(candidate(e, 'must'));
      else if (settings.counties === 'all') selected.push(candidate(e, 'county'));
    }
    const townships = entries.filter((x) => x.level === 'township');
    const quota = quotaOf(townships.length, sample);
    const musts = townships.filter((e) => must.has(e.code)).map((e) => candidate(e, 'must'));
    const drawn = townships
      .filter((e) => !must.has(e.code))
      .map((e) => candidate(e, 'drawn'))
      .sort((a, b) => b.key - a.key || compare(a.entry.code, b.entry.code))
      .slice(0, Math.max(0, quota - musts.length));
    selected.push(...[...musts, ...drawn].sort((a, b) => compare(a.entry.code, b.entry.code)));
    strata.push({ county, name: placeName(byCode.get(county)?.name ?? county), townships: townships.length, quota });
  }
  assignModes(selected, input);
  return { selected, strata, problems: [] };
}

/** round(share × visits) visits are 暗访: those with the smallest 暗访 lot. */
function assignModes(selected: Selected[], input: SelectionInput): void {
  const covert = Math.round(input.settings.covert * selected.length);
  const covertLot = new Map(selected.map((s) => [s, lot(input.seed, input.quarter, s.entry.code, '暗访')]));
  const order = [...selected].sort((a, b) => covertLot.get(a)! - covertLot.get(b)!);
  for (const s of order.slice(0, covert)) s.mode = '暗访';
}

/** Registry entries by county code, counties in code order. */
function byCounty(registry: readonly CenterEntry[]): Map<string, CenterEntry[]> {
  const groups = groupBy([...registry].sort((a, b) => compare(a.code, b.code)), countyCodeOf);
  return new Map([...groups].sort((a, b) => compare(a[0], b[0])));
}

/** Code-point order: the same on every machine, unlike a locale's collation. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
