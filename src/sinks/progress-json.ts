import type { Progress } from '../ledger/progress.js';
import { Exact } from '../model/exact.js';

/** The status counts of a county's (or the city's) ledger rows. */
export type ProgressCounts = Pick<Progress, 'findings' | 'open' | 'inProgress' | 'fixed' | 'closed' | 'rebound' | 'overdue'>;

/**
 * Ledger progress as every JSON output writes it (`ledger status --json`, the briefing): one
 * field set, one convention (README 的 JSON 字段约定), whichever command computed the counts.
 * The county is left out for the whole ledger or city.
 */
export function progressJson(p: ProgressCounts, county?: { code: string; name: string }) {
  return {
    ...(county ? { county } : {}),
    findings: p.findings,
    open: p.open,
    inProgress: p.inProgress,
    fixed: p.fixed,
    closed: p.closed,
    rebound: p.rebound,
    overdue: p.overdue,
    // From the counts, rounded half-up once: a consumer recomputing closed ÷ findings gets the same figure.
    closureRatePercent: p.findings ? Number(Exact.of(BigInt(p.closed * 100), BigInt(p.findings)).toFixed(1)) : null,
  };
}
