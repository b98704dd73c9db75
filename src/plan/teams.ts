import type { Inspector, Team } from './model.js';

const LEADER_ROLE = '组长';

/**
 * Teams of `size` from the roster, the same for the same roster. Heads: the 组长 in
 * roster order, then others if there are too few; the number of teams is
 * floor(inspectors / size). Each other inspector, in roster order, joins a team with a
 * free place, preferring one that already has someone from their home county (a team
 * from one county can inspect every other county: 交叉检查 stays possible); when all
 * are full, the smallest team takes the rest.
 */
export function formTeams(inspectors: readonly Inspector[], size: number): Team[] {
  const count = Math.floor(inspectors.length / size);
  if (count === 0) return [];
  const ordered = [...inspectors.filter((i) => i.role === LEADER_ROLE), ...inspectors.filter((i) => i.role !== LEADER_ROLE)];
  const teams: Team[] = ordered.slice(0, count).map((head, i) => ({ id: i + 1, inspectors: [head] }));
  for (const inspector of ordered.slice(count)) {
    const open = teams.filter((t) => t.inspectors.length < size);
    const pool = open.length ? open : smallest(teams);
    const home = pool.filter((t) => t.inspectors.some((m) => m.county === inspector.county));
    (home[0] ?? smallest(pool)[0]).inspectors.push(inspector);
  }
  return teams;
}

function smallest(teams: Team[]): Team[] {
  const min = Math.min(...teams.map((t) => t.inspectors.length));
  return teams.filter((t) => t.inspectors.length === min);
}

/** Why a team may not inspect a center: a member from its county (交叉检查) or a declared conflict (回避). */
export function conflictsOf(team: Team, code: string, county: string): { inspector: Inspector; why: 'home' | 'declared' }[] {
  const found: { inspector: Inspector; why: 'home' | 'declared' }[] = [];
  for (const inspector of team.inspectors) {
    if (inspector.county === county) found.push({ inspector, why: 'home' });
    else if (inspector.conflicts.some((c) => c === code || c === county)) found.push({ inspector, why: 'declared' });
  }
  return found;
}
