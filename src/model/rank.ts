import type { Result } from './result.js';

/**
 * Competition ranking (1, 1, 3): equal scores share a rank, and the next rank
 * skips as many places as shared it. Returns ranks in the input's order.
 */
export function ranks(scores: number[]): number[] {
  return rankedBy(scores.map((s, i) => ({ s, i })), (o) => [o.s])
    .sort((a, b) => a.item.i - b.item.i)
    .map((r) => r.rank);
}

/** Items sorted by score descending (stable for ties), each with its shared rank. */
export function ranked<T>(items: T[], scoreOf: (t: T) => number): { item: T; rank: number }[] {
  return rankedBy(items, (t) => [scoreOf(t)]);
}

/**
 * Items sorted by a key compared element by element, larger first (stable for ties);
 * items whose keys are equal in every element share a rank.
 */
export function rankedBy<T>(items: T[], keyOf: (t: T) => number[]): { item: T; rank: number }[] {
  const order = items.map((item, i) => ({ item, i, key: keyOf(item) })).sort((a, b) => compareKeys(b.key, a.key) || a.i - b.i);
  let rank = 0;
  return order.map((o, k) => {
    if (k === 0 || compareKeys(o.key, order[k - 1].key) !== 0) rank = k + 1;
    return { item: o.item, rank };
  });
}

function compareKeys(a: number[], b: number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return 0;
}

/**
 * The ranking rule of every table (DESIGN, Decisions: Ranking): a vetoed center below all
 * others, then the grade band, best first, then the total. A worse grade never ranks above
 * a better one, whatever the totals. `grades` are the grade names, best first.
 */
export function standingOf(r: Pick<Result, 'veto' | 'grade' | 'total'>, grades: readonly string[]): number[] {
  const band = grades.indexOf(r.grade);
  return [r.veto.length ? 0 : 1, -(band < 0 ? grades.length : band), r.total];
}

/** Results in ranking order with their shared ranks (see standingOf). */
export function rankResults<T extends Pick<Result, 'veto' | 'grade' | 'total'>>(results: T[], grades: readonly string[]): { item: T; rank: number }[] {
  return rankedBy(results, (r) => standingOf(r, grades));
}

/** The results of one checklist (id and version), ranked among themselves. */
export interface ChecklistRanking {
  checklist: Result['checklist'];
  rows: { item: Result; rank: number }[];
}

/**
 * Results grouped by the checklist they were scored with, in order of first appearance,
 * each group ranked on its own: scores of different checklists are never ranked together.
 */
export function rankPerChecklist(results: Result[], grades: readonly string[]): ChecklistRanking[] {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const key = `${r.checklist.id}@${r.checklist.version}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => ({ checklist: group[0].checklist, rows: rankResults(group, grades) }));
}
