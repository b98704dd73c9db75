import type { LedgerRow } from '../ledger/model.js';
import type { CenterEntry } from '../sources/centers.js';
import { assignTeams, scheduleTeam, visitOf } from './assign.js';
import { noticeDate, quarterRange, workingDays } from './calendar.js';
import type { Inspector, Plan, PlanProblem, PlanSettings, Visit } from './model.js';
import { groupBy } from './group.js';
import { lastAudits, riskFacts, RISK_FACTORS, weightOf, type LastAudit } from './risk.js';
import { compare, selectCenters } from './select.js';
import { formTeams } from './teams.js';

export interface PlanInput {
  quarter: string;
  seed: string;
  registry: readonly CenterEntry[];
  inspectors: readonly Inspector[];
  settings: PlanSettings;
  /** Risk facts are as of this date (default: the quarter's first day). */
  asOf?: string;
  /** Past audits (--history); undefined when none were given. */
  history?: readonly LastAudit[];
  /** Rectification-ledger rows (--ledger); undefined when none was given. */
  ledger?: readonly LedgerRow[];
}

export type PlanOutcome = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

/** The whole plan from its inputs: pure, so the same inputs and seed give the same plan, byte for byte. */
export function buildPlan(input: PlanInput): PlanOutcome {
  const range = quarterRange(input.quarter);
  if (!range) return { ok: false, problems: [{ code: 'plan.bad-quarter', params: { value: input.quarter } }] };
  const asOf = input.asOf ?? range.start;
  const history = input.history ? lastAudits(input.history, asOf) : undefined;
  const ledger = groupBy(input.ledger ?? [], (row) => row.centerCode);
  const riskOf = (code: string) => {
    const facts = riskFacts(code, asOf, history, ledger.get(code) ?? []);
    return { facts, weight: weightOf(facts) };
  };
  const selection = selectCenters({ quarter: range.quarter, seed: input.seed, registry: input.registry, settings: input.settings, riskOf });
  if (selection.problems.length) return { ok: false, problems: selection.problems };

  const teams = formTeams(input.inspectors, input.settings.teamSize);
  if (teams.length === 0) {
    return { ok: false, problems: [{ code: 'plan.too-few-inspectors', params: { count: input.inspectors.length, size: input.settings.teamSize }, input: 'inspectors' }] };
  }
  const assigned = assignTeams(selection.selected, teams);
  if (assigned.problems.length) return { ok: false, problems: assigned.problems };

  const days = workingDays(range.start, range.end, input.settings.exclude);
  const visits: Visit[] = [];
  const problems: PlanProblem[] = [];
  for (const team of teams) {
    const mine = selection.selected.filter((s) => assigned.byVisit.get(s) === team);
    const scheduled = scheduleTeam(mine, days, input.settings.perDay, team);
    problems.push(...scheduled.problems);
    for (const s of mine) {
      const date = scheduled.dates.get(s);
      if (date) visits.push(visitOf(s, team, date, noticeDate(date, input.settings.noticeDays, input.settings.exclude)));
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      quarter: range.quarter,
      seed: input.seed,
      start: range.start,
      end: range.end,
      asOf,
      internal: visits.some((v) => v.mode === '暗访'),
      options: input.settings,
      factors: RISK_FACTORS,
      strata: selection.strata,
      teams,
      visits: visits.sort(byDateTeam),
    },
  };
}

function byDateTeam(a: Visit, b: Visit): number {
  return compare(a.date, b.date) || a.team - b.team || compare(a.center.code, b.center.code);
}

