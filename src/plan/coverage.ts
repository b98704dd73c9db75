import type { Audit } from '../model/audit.js';
import type { CenterEntry } from '../sources/centers.js';
import type { Plan } from './model.js';
import { quarterRange } from './calendar.js';
import { compare } from './select.js';

/** A planned visit as coverage needs it. */
export interface PlannedVisit {
  code: string;
  name: string;
  date: string;
  team: number;
}

/** An audit as coverage needs it: final ones count as done. */
export interface AuditSeen {
  code: string;
  name: string;
  date: string;
}

export interface Coverage {
  quarter: string;
  planned: number;
  done: PlannedVisit[];
  open: PlannedVisit[];
  /** Centers with no audit in the four quarters ending with the plan's; `last` is their latest audit, if any. */
  stale: { code: string; name: string; last?: string }[];
}

/** The first day of the four quarters ending with `quarter`. */
function fourQuartersFrom(quarter: string): string {
  const [year, q] = quarter.split('Q').map(Number);
  const first = q === 4 ? `${year}Q1` : `${year - 1}Q${q + 1}`;
  return quarterRange(first)!.start;
}

/**
 * Planned vs audited in the quarter (a planned center counts as done when it has an
 * audit dated in the quarter), and the centers of `universe` with no audit in the last
 * four quarters (never audited included).
 */
export function coverage(quarter: string, planned: readonly PlannedVisit[], audits: readonly AuditSeen[], universe: readonly Pick<CenterEntry, 'code' | 'name'>[]): Coverage {
  const range = quarterRange(quarter)!;
  const inQuarter = new Set(audits.filter((a) => a.date >= range.start && a.date <= range.end).map((a) => a.code));
  const from = fourQuartersFrom(quarter);
  const last = new Map<string, string>();
  for (const a of audits) if (a.date <= range.end && (last.get(a.code) ?? '') < a.date) last.set(a.code, a.date);
  const stale = universe
    .filter((c) => (last.get(c.code) ?? '') < from)
    .map((c) => ({ code: c.code, name: c.name, ...(last.has(c.code) ? { last: last.get(c.code) } : {}) }))
    .sort((a, b) => compare(a.last ?? '', b.last ?? '') || compare(a.code, b.code));
  return {
    quarter: range.quarter,
    planned: planned.length,
    done: planned.filter((v) => inQuarter.has(v.code)),
    open: planned.filter((v) => !inQuarter.has(v.code)),
    stale,
  };
}

/**
 * A plan's coverage from the audits read (final ones count; those after `until` are not
 * known yet, as in a monthly briefing). Without a registry, the centers the plan and
 * the audits name are the ones checked for four quarters without an audit.
 */
export function planCoverage(plan: Pick<Plan, 'quarter' | 'visits'>, audits: readonly Pick<Audit, 'center' | 'date' | 'status'>[], registry?: readonly CenterEntry[], until = '9999-12-31'): Coverage {
  const seen: AuditSeen[] = audits.filter((a) => a.status === 'final' && a.date <= until).map((a) => ({ code: a.center.code, name: a.center.name, date: a.date }));
  const planned = plan.visits.map((v) => ({ code: v.center.code, name: v.center.name, date: v.date, team: v.team }));
  return coverage(plan.quarter, planned, seen, registry ?? knownCenters(planned, seen));
}

function knownCenters(planned: readonly PlannedVisit[], audits: readonly AuditSeen[]): { code: string; name: string }[] {
  const byCode = new Map<string, { code: string; name: string }>();
  for (const c of [...planned, ...audits]) if (!byCode.has(c.code)) byCode.set(c.code, { code: c.code, name: c.name });
  return [...byCode.values()];
}
