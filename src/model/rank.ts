/**
 * Competition ranking (1, 1, 3): equal scores share a rank, and the next rank
 * skips as many places as shared it. Returns ranks in the input's order.
 */
export function ranks(scores: number[]): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  const firstPlace = new Map<number, number>();
  for (let k = sorted.length - 1; k >= 0; k--) firstPlace.set(sorted[k], k + 1);
  return scores.map((s) => firstPlace.get(s)!);
}

/** Items sorted by score descending (stable for ties), each with its shared rank. */
export function ranked<T>(items: T[], scoreOf: (t: T) => number): { item: T; rank: number }[] {
  const order = items.map((item, i) => ({ item, i, s: scoreOf(item) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const r = ranks(order.map((o) => o.s));
  return order.map((o, k) => ({ item: o.item, rank: r[k] }));
}
