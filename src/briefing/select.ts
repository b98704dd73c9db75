/**
 * Which audits a briefing uses: for each center, its latest audit dated in the
 * month (a re-audit later in the month replaces the first), and its latest one before
 * the month (last month's score for 环比, or the last known score of a center not
 * audited this month). briefing/inputs.ts reads only those; compute.ts picks them again
 * from whatever results it is given.
 */

export interface Dated {
  code: string;
  date: string;
  status: 'draft' | 'final';
}

/** Later date wins; on the same day a final audit beats a draft, then the one read last. */
export function supersedes(a: Dated, ai: number, b: Dated, bi: number): boolean {
  if (a.date !== b.date) return a.date > b.date;
  if (a.status !== b.status) return a.status === 'final';
  return ai > bi;
}

/** Each center's latest item among those `keep` accepts, by center code. */
export function latestPerCenter<T>(items: readonly T[], dated: (t: T) => Dated, keep: (d: Dated) => boolean): Map<string, T> {
  const best = new Map<string, { item: T; d: Dated; i: number }>();
  items.forEach((item, i) => {
    const d = dated(item);
    if (!keep(d)) return;
    const current = best.get(d.code);
    if (!current || supersedes(d, i, current.d, current.i)) best.set(d.code, { item, d, i });
  });
  return new Map([...best].map(([code, b]) => [code, b.item]));
}
