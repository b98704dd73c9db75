import { t } from '../i18n/index.js';
import type { PlanProblem, Team, Visit } from './model.js';
import { groupBy } from './group.js';
import { compare, type Selected } from './select.js';
import { conflictsOf } from './teams.js';

/**
 * Which team goes where. Counties with the fewest teams able to go are served first, so
 * a county only a few teams may enter is not left to the end. Each visit goes to the
 * able team with the fewest visits so far; on a tie, one already going to that county
 * (less travel), then the lowest team number.
 */
export function assignTeams(selected: readonly Selected[], teams: readonly Team[]): { byVisit: Map<Selected, Team>; problems: PlanProblem[] } {
  const byVisit = new Map<Selected, Team>();
  const problems: PlanProblem[] = [];
  const load = new Map(teams.map((t) => [t.id, 0]));
  const counties = groupBy(selected, (s) => s.county);
  const able = (s: Selected) => teams.filter((t) => conflictsOf(t, s.entry.code, s.county).length === 0);
  const order = [...counties].sort((a, b) => able(a[1][0]).length - able(b[1][0]).length || compare(a[0], b[0]));
  for (const [, visits] of order) {
    const going = new Set<number>();
    for (const visit of visits) {
      const candidates = able(visit);
      if (candidates.length === 0) {
        problems.push(noTeam(visit, teams));
        continue;
      }
      const team = [...candidates].sort((a, b) => load.get(a.id)! - load.get(b.id)! || Number(going.has(b.id)) - Number(going.has(a.id)) || a.id - b.id)[0];
      load.set(team.id, load.get(team.id)! + 1);
      going.add(team.id);
      byVisit.set(visit, team);
    }
  }
  if (problems.length === 0) rebalance(selected, byVisit, load, able);
  return { byVisit, problems };
}

/**
 * Serving counties in turn can leave a team two or more visits above another that could
 * have taken one: such visits move to the less loaded team until none can. Each move
 * lowers the sum of squared loads, so this ends.
 */
function rebalance(selected: readonly Selected[], byVisit: Map<Selected, Team>, load: Map<number, number>, able: (s: Selected) => Team[]): void {
  for (let moved = true; moved; ) {
    moved = false;
    for (const visit of selected) {
      const from = byVisit.get(visit)!;
      const to = able(visit).sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id - b.id)[0];
      if (load.get(from.id)! - load.get(to.id)! < 2) continue;
      byVisit.set(visit, to);
      load.set(from.id, load.get(from.id)! - 1);
      load.set(to.id, load.get(to.id)! + 1);
      moved = true;
    }
  }
}

function noTeam(visit: Selected, teams: readonly Team[]): PlanProblem {
  const reasons = teams.map((team) => {
    const who = conflictsOf(team, visit.entry.code, visit.county).map(({ inspector, why }) => t(`plan.conflict.${why}`, { name: inspector.name, county: inspector.county }));
    return t('plan.conflict.team', { team: team.id, who: who.join(t('plan.list-separator')) });
  });
  return { code: 'plan.no-team', params: { code: visit.entry.code, name: visit.entry.name, county: visit.county, reasons: reasons.join(t('plan.sentence-separator')) }, input: 'inspectors' };
}

/**
 * When each team goes: its visits, grouped by county (county center first), are spread
 * evenly over the working days, `perDay` at most a day: visit j of m (from 0) takes slot
 * floor((2j + 1) × slots / 2m) of the days × perDay slots, the middle of its share.
 */
export function scheduleTeam(visits: readonly Selected[], days: readonly string[], perDay: number, team: Team): { dates: Map<Selected, string>; problems: PlanProblem[] } {
  const dates = new Map<Selected, string>();
  const slots = days.length * perDay;
  if (visits.length > slots) {
    return { dates, problems: [{ code: 'plan.over-capacity', params: { team: team.id, visits: visits.length, days: days.length, perDay } }] };
  }
  const ordered = [...visits].sort((a, b) => compare(a.county, b.county) || compare(a.entry.level, b.entry.level) || compare(a.entry.code, b.entry.code));
  ordered.forEach((v, j) => dates.set(v, days[Math.floor(Math.floor(((2 * j + 1) * slots) / (2 * ordered.length)) / perDay)]));
  return { dates, problems: [] };
}

export function visitOf(s: Selected, team: Team, date: string, notice: string): Visit {
  const { entry, ...draw } = s;
  return {
    center: { code: entry.code, name: entry.name, level: entry.level },
    ...draw,
    date,
    ...(s.mode === '明察' ? { notice } : {}),
    team: team.id,
    inspectors: team.inspectors.map((i) => ({ name: i.name, unit: i.unit, county: i.county })),
  };
}
