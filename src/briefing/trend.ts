import type { LedgerRow } from '../ledger/model.js';
import { Exact } from '../model/exact.js';
import type { Result } from '../model/result.js';
import { previousMonth } from './month.js';
import { supersedes, type Dated } from './select.js';

/**
 * The 12-month trend of the 通报's charts: the city average per checklist and the ledger's
 * 销号率 at each month's end. A month without audits is a gap, never a zero. Results are
 * fed one at a time (addToTrend), so a caller streaming a year of archives keeps only one
 * small entry per center and month, not the results themselves.
 */

const TREND_MONTHS = 12;

/**
 * A center's latest final audit of one month, as the trend keeps it: 12 months of 40,000
 * centers are half a million of these, so the checklist is shared and the total a plain number.
 */
interface MonthEntry {
  date: string;
  /** Order of arrival: on the same day the one read last wins, as in the briefing. */
  seq: number;
  checklist: TrendChecklist;
  total: number;
}

export interface TrendChecklist {
  id: string;
  version: string;
  name: string;
  level: string;
}

export interface TrendAccumulator {
  /** The months of the window, oldest first. */
  months: string[];
  /** month → center code → that center's latest audit in the month. */
  latest: Map<string, Map<string, MonthEntry>>;
  /** One object per checklist (id and version), shared by its entries. */
  checklists: Map<string, TrendChecklist>;
  seq: number;
  /** Decimals scores are shown with: the highest any fed checklist uses. */
  precision: number;
}

export interface TrendLine {
  checklist: TrendChecklist;
  /** City average per month of `months`; undefined where no center was audited with this checklist. */
  averages: (Exact | undefined)[];
  precision: number;
}

export interface Trend {
  months: string[];
  /** One line per checklist (id and version): scores of different checklists are never averaged together. */
  lines: TrendLine[];
  /** 销号率 (closed ÷ findings) at each month's end; undefined where there were no findings yet. Absent without a ledger. */
  closureRates?: (Exact | undefined)[];
}

/** An empty trend for the `span` months ending with `month`. */
export function newTrend(month: string, span = TREND_MONTHS): TrendAccumulator {
  const months = [month];
  while (months.length < span) months.unshift(previousMonth(months[0]));
  return { months, latest: new Map(months.map((m) => [m, new Map()])), checklists: new Map(), seq: 0, precision: 0 };
}

/** Counts one scored audit (drafts and months outside the window are ignored); a later audit of the center in the same month replaces it. */
export function addToTrend(acc: TrendAccumulator, result: Result): void {
  if (result.status !== 'final') return;
  const month = acc.latest.get(result.date.slice(0, 7));
  if (!month) return;
  const { id, version, name, level } = result.checklist;
  const key = `${id}\u0000${version}`;
  const checklist = acc.checklists.get(key) ?? { id, version, name, level };
  acc.checklists.set(key, checklist);
  const entry: MonthEntry = { date: result.date, seq: acc.seq++, checklist, total: result.total };
  const code = result.center.code;
  const dated = (e: MonthEntry): Dated => ({ code, date: e.date, status: 'final' });
  const current = month.get(code);
  if (!current || supersedes(dated(entry), entry.seq, dated(current), current.seq)) month.set(code, entry);
  acc.precision = Math.max(acc.precision, result.derivation.precision);
}

/** The trend's series: per checklist, the mean of each month's reported totals (each center once); and the 销号率 from the ledger. */
export function trendSeries(acc: TrendAccumulator, ledger?: readonly LedgerRow[]): Trend {
  const lines = new Map<string, { checklist: TrendChecklist; sums: Exact[]; counts: number[] }>();
  acc.months.forEach((month, i) => {
    for (const entry of acc.latest.get(month)!.values()) {
      const key = `${entry.checklist.id}\u0000${entry.checklist.version}`;
      let line = lines.get(key);
      if (!line) lines.set(key, (line = { checklist: entry.checklist, sums: acc.months.map(() => Exact.ZERO), counts: acc.months.map(() => 0) }));
      line.sums[i] = line.sums[i].add(Exact.from(entry.total));
      line.counts[i]++;
    }
  });
  return {
    months: acc.months,
    lines: [...lines.values()]
      .sort((a, b) => levelOrder(a.checklist.level) - levelOrder(b.checklist.level) || cmp(a.checklist.id, b.checklist.id) || cmp(a.checklist.version, b.checklist.version))
      .map(({ checklist, sums, counts }) => ({
        checklist,
        averages: sums.map((sum, i) => (counts[i] ? sum.div(Exact.of(BigInt(counts[i]))) : undefined)),
        precision: acc.precision,
      })),
    ...(ledger ? { closureRates: acc.months.map((month) => closureRateAt(ledger, monthEnd(month))) } : {}),
  };
}

/**
 * 销号率 on a date, reconstructed from the ledger as it is now: a row counts from the audit
 * date in its 问题编号 (rows without one, from the start) and is closed from its 销号日期.
 * 反弹 rows are left out, as the ledger's own count does: the row opened at 回头看 carries the problem.
 */
export function closureRateAt(rows: readonly LedgerRow[], date: string): Exact | undefined {
  let findings = 0;
  let closed = 0;
  for (const row of rows) {
    if (row.status === '反弹') continue;
    const found = foundOn(row.id);
    if (found !== undefined && found > date) continue;
    findings++;
    if (row.status === '已销号' && row.closedOn !== '' && row.closedOn <= date) closed++;
  }
  return findings ? Exact.of(BigInt(closed), BigInt(findings)) : undefined;
}

/** The audit date a finding id carries (`<code>-<YYYYMMDD>-<item>`), as YYYY-MM-DD. */
function foundOn(id: string): string | undefined {
  const m = /^\d+-(\d{4})(\d{2})(\d{2})-/.exec(id);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The last day of a month, YYYY-MM-DD; dates compare as text. */
function monthEnd(month: string): string {
  return `${month}-31`;
}

const LEVELS = ['city', 'county', 'township', 'village'];
function levelOrder(level: string): number {
  return LEVELS.includes(level) ? LEVELS.indexOf(level) : LEVELS.length;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
