import { countyOf, placeName } from '../model/audit.js';
import { Exact } from '../model/exact.js';
import { ranked } from '../model/rank.js';
import type { CountyRef } from '../briefing/model.js';
import type { FigureRates, Figures, FiguresRow, MonthFigures } from './model.js';

const FIELDS: (keyof Figures)[] = ['received', 'closed', 'resolved', 'closedOnTime', 'visited', 'satisfied', 'petitions'];

/** Rates from the counts, exact; a zero denominator gives no rate rather than 0 or NaN. */
export function figureRates(f: Figures): FigureRates {
  return {
    resolution: ratio(f.resolved, f.received),
    onTime: ratio(f.closedOnTime, f.closed),
    satisfaction: ratio(f.satisfied, f.visited),
  };
}

function ratio(part: number, whole: number): Exact | undefined {
  return whole === 0 ? undefined : Exact.of(BigInt(part), BigInt(whole));
}

/** A county's (or the city's) figures: the counts summed, so its rates weigh every case alike. */
export function sumFigures(all: readonly Figures[]): Figures {
  const total = Object.fromEntries(FIELDS.map((k) => [k, 0])) as unknown as Figures;
  for (const f of all) for (const k of FIELDS) total[k] += f[k];
  return total;
}

export interface FiguresInput {
  month: string;
  /** Every center's figures, any months; the month, the one before and the same month last year are used. */
  figures: readonly MonthFigures[];
  previousMonth: string;
  lastYearMonth: string;
  /** Name of a center or county by code (registry), falling back to the code. */
  nameOf: (code: string) => string;
}

/**
 * Figures rows for the month: each reporting center and each county, ranked by
 * 化解成功率 as displayed (a percentage with one decimal; ties share a rank).
 */
export function figuresTables(input: FiguresInput): { centers: FiguresRow[]; counties: FiguresRow[]; city: FiguresRow } {
  const monthOf = (m: string) => new Map(input.figures.filter((f) => f.month === m).map((f) => [f.code, f.figures]));
  const [now, before, lastYear] = [monthOf(input.month), monthOf(input.previousMonth), monthOf(input.lastYearMonth)];
  const countyRef = (code: string): CountyRef => ({ code: countyOf(code), name: placeName(input.nameOf(countyOf(code))) });

  const centers = [...now.keys()].sort().map((code) =>
    row(code, input.nameOf(code), countyRef(code), now.get(code)!, before.get(code), lastYear.get(code)),
  );
  const countyCodes = [...new Set(centers.map((c) => c.county.code))].sort();
  const sumOf = (map: Map<string, Figures>, county: string) => {
    const members = [...map].filter(([code]) => county === '' || countyOf(code) === county).map(([, f]) => f);
    return members.length ? sumFigures(members) : undefined;
  };
  const counties = countyCodes.map((county) =>
    row(county, countyRef(county).name, countyRef(county), sumOf(now, county)!, sumOf(before, county), sumOf(lastYear, county)),
  );
  const city = row('', '', { code: '', name: '' }, sumOf(now, '') ?? sumFigures([]), sumOf(before, ''), sumOf(lastYear, ''));
  return { centers: rank(centers), counties: rank(counties), city };
}

function row(code: string, name: string, county: CountyRef, now: Figures, before?: Figures, lastYear?: Figures): FiguresRow {
  const withRates = (f: Figures) => ({ figures: f, rates: figureRates(f) });
  return {
    code,
    name,
    county,
    ...withRates(now),
    previous: before && withRates(before),
    lastYear: lastYear && withRates(lastYear),
  };
}

/** Rows without a 化解成功率 (nothing received) are listed last, unranked. */
function rank(rows: FiguresRow[]): FiguresRow[] {
  const rated = rows.filter((r) => r.rates.resolution);
  const order = ranked(rated, (r) => r.rates.resolution!.round(3).toNumber());
  return [...order.map(({ item, rank }) => ({ ...item, rank })), ...rows.filter((r) => !r.rates.resolution)];
}

/** 环比/同比 of a rate, in percentage points, exact; undefined when either side has no rate. */
export function rateChange(now?: Exact, then?: Exact): Exact | undefined {
  return now && then ? now.sub(then).mul(Exact.of(100n)) : undefined;
}
