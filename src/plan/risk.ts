import { daysBetween } from '../model/dates.js';
import type { LedgerRow } from '../ledger/model.js';
import { daysOverdue } from '../ledger/progress.js';
import type { RiskFactor, RiskFacts } from './model.js';

/**
 * The published risk weights. A center's weight is 1 plus, for each factor, `per` for
 * each unit of it, at most `max`. Weight 2 makes a center about twice as likely to be
 * drawn as one of weight 1; nobody's chance is ever zero.
 */
export const RISK_FACTORS: readonly RiskFactor[] = [
  // per full quarter since the last audit (never audited: 4 quarters)
  { id: 'unvisited', per: 0.25, max: 1 },
  // per point the last score fell below 90 % of the checklist's total
  { id: 'low-score', per: 0.05, max: 1 },
  // the last audit was in the lowest grade (不合格) or vetoed
  { id: 'failed', per: 1, max: 1 },
  // per rectification-ledger row past its deadline
  { id: 'overdue', per: 0.5, max: 2 },
  // per 反弹 row (a closed problem found failing again)
  { id: 'rebound', per: 1, max: 2 },
];

/** The line a score is measured against, in percent of the checklist total. */
const GOOD_STANDING_PERCENT = 90;
/** Quarters without an audit beyond which a center counts as never visited. */
const UNVISITED_CAP = 4;
const DAYS_PER_QUARTER = 91;

/** A center's latest audit before the as-of date, as the history gives it. */
export interface LastAudit {
  code: string;
  date: string;
  /** Final score in percent of the checklist total. */
  percent: number;
  failed: boolean;
}

const NO_RISK: RiskFacts = { unvisited: 0, lowScore: 0, failed: 0, overdue: 0, rebound: 0 };

/** What the history (when given) and the center's ledger rows say about one center. */
export function riskFacts(code: string, asOf: string, history: ReadonlyMap<string, LastAudit> | undefined, rows: readonly LedgerRow[]): RiskFacts {
  const facts = { ...NO_RISK };
  if (history) {
    const last = history.get(code);
    facts.unvisited = last ? Math.min(UNVISITED_CAP, Math.floor(daysBetween(last.date, asOf) / DAYS_PER_QUARTER)) : UNVISITED_CAP;
    if (last) {
      facts.lowScore = Math.max(0, Math.floor(GOOD_STANDING_PERCENT - last.percent));
      facts.failed = last.failed ? 1 : 0;
    }
  }
  for (const row of rows) {
    if (daysOverdue(row, asOf) > 0) facts.overdue++;
    if (row.status === '反弹') facts.rebound++;
  }
  return facts;
}

const FACT_OF: Record<RiskFactor['id'], keyof RiskFacts> = {
  unvisited: 'unvisited',
  'low-score': 'lowScore',
  failed: 'failed',
  overdue: 'overdue',
  rebound: 'rebound',
};

/** 1 + Σ min(max, per × fact), summed in hundredths so the printed weight is exact. */
export function weightOf(facts: RiskFacts): number {
  let hundredths = 100;
  for (const f of RISK_FACTORS) hundredths += Math.min(Math.round(f.max * 100), Math.round(f.per * 100) * facts[FACT_OF[f.id]]);
  return hundredths / 100;
}

/** Each center's latest audit before `asOf`: later audits are not known when the plan is made. */
export function lastAudits(audits: readonly LastAudit[], asOf: string): Map<string, LastAudit> {
  const last = new Map<string, LastAudit>();
  for (const a of audits) {
    if (a.date >= asOf) continue;
    const seen = last.get(a.code);
    if (!seen || a.date > seen.date) last.set(a.code, a);
  }
  return last;
}
