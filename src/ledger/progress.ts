import { countyOf } from '../model/audit.js';
import { daysBetween } from '../model/dates.js';
import { Exact } from '../model/exact.js';
import type { LedgerRow } from './model.js';

/** Rectification progress of one county, or of the whole ledger. */
export interface Progress {
  /** 6-digit county code; '' for the whole ledger. */
  county: string;
  /** 所属县 as shown: the county's name when known, else its code; '' for the whole ledger. */
  label: string;
  /**
   * 问题数: each real problem once. A 反弹 row is not counted: the row opened for it at 回头看
   * carries the same problem on. The four statuses below add up to it.
   */
  findings: number;
  /** 未整改 */
  open: number;
  /** 整改中 */
  inProgress: number;
  /** 已整改 (done, awaiting verification) */
  fixed: number;
  /** 已销号 */
  closed: number;
  /** 反弹: rows superseded by the row opened at 回头看 (not in 问题数). */
  rebound: number;
  /** 逾期 on the as-of date. */
  overdue: number;
  /** 销号率 = closed / findings in percent, rounded half-up to 1 decimal as tables show it; null when there are no findings. */
  closureRatePercent: number | null;
}

export interface LedgerProgress {
  /** By county code, ascending. */
  counties: Progress[];
  total: Progress;
}

export interface OverdueRow {
  row: LedgerRow;
  daysOverdue: number;
}

/**
 * Days past 整改时限 on `asOf` (YYYY-MM-DD), or 0 when not overdue. Not overdue: 已销号,
 * no deadline set, or 反弹 (its work goes on, and is judged, on the row opened for it).
 */
export function daysOverdue(row: LedgerRow, asOf: string): number {
  if (row.status === '已销号' || row.status === '反弹' || !row.deadline) return 0;
  return Math.max(0, daysBetween(row.deadline, asOf));
}

/** Per county and overall: 问题数, each status, 逾期 and 销号率, as of a date; `names` (a registry's) label the counties. */
export function ledgerProgress(rows: readonly LedgerRow[], asOf: string, names?: ReadonlyMap<string, string>): LedgerProgress {
  const byCounty = new Map<string, Progress>();
  const total = empty('', '');
  for (const row of rows) {
    const code = countyOf(row.centerCode);
    let county = byCounty.get(code);
    if (!county) byCounty.set(code, (county = empty(code, names?.get(code) ?? (row.county || code))));
    // A registry name may be on some rows only (rows added before it was given): prefer it.
    if (county.label === code && row.county !== code && row.county) county.label = row.county;
    count(county, row, asOf);
    count(total, row, asOf);
  }
  const counties = [...byCounty.values()].sort((a, b) => a.county.localeCompare(b.county));
  return { counties: counties.map(withRate), total: withRate(total) };
}

/** The rows past their deadline on `asOf`, most overdue first. */
export function overdueRows(rows: readonly LedgerRow[], asOf: string): OverdueRow[] {
  return rows
    .map((row) => ({ row, daysOverdue: daysOverdue(row, asOf) }))
    .filter((o) => o.daysOverdue > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.row.id.localeCompare(b.row.id));
}

function empty(county: string, label: string): Progress {
  return { county, label, findings: 0, open: 0, inProgress: 0, fixed: 0, closed: 0, rebound: 0, overdue: 0, closureRatePercent: null };
}

const COUNTER = { 未整改: 'open', 整改中: 'inProgress', 已整改: 'fixed', 已销号: 'closed', 反弹: 'rebound' } as const;

function count(p: Progress, row: LedgerRow, asOf: string): void {
  if (row.status !== '反弹') p.findings++;
  p[COUNTER[row.status]]++;
  if (daysOverdue(row, asOf) > 0) p.overdue++;
}

function withRate(p: Progress): Progress {
  return { ...p, closureRatePercent: p.findings ? Exact.of(BigInt(p.closed) * 100n, BigInt(p.findings)).round(1).toNumber() : null };
}
