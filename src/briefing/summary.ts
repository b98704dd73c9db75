import type { ItemResult, Result } from '../model/result.js';

/** An item as the briefing reads it: what its checklist says of it, the same for every center. */
export type ItemRef = Pick<ItemResult, 'id' | 'title' | 'dimension' | 'points'>;

/**
 * What the briefing keeps of one scored audit: the fields its tables read, not the whole
 * result (answers, findings and derivation texts are most of a result's size). At 40,000
 * centers an object per item was most of the briefing's memory: `items` is shared by every
 * result that lists the same items, and what each earned is one number in `earned`.
 */
export interface ResultSummary {
  center: Result['center'];
  checklist: Pick<Result['checklist'], 'id' | 'version' | 'level'>;
  date: string;
  status: Result['status'];
  total: number;
  grade: string;
  veto: string[];
  dimensions: Pick<Result['dimensions'][number], 'id' | 'name' | 'earned'>[];
  items: readonly ItemRef[];
  /** What `items[i]` earned; NaN where it did not apply (N/A, 未查). */
  earned: Float64Array;
  derivation: Pick<Result['derivation'], 'precision'>;
}

/**
 * The item lists already kept, by checklist: results of one checklist list the same items, so
 * they share one list (a list is re-used only when every field of every item is the same).
 */
const itemLists = new Map<string, readonly ItemRef[]>();

/**
 * `result` reduced to what the briefing reads. An audit of the month keeps its items (共性问题,
 * dimension rates, veto titles); an earlier one is only compared with (名次, 总分, 等次), so
 * `withItems` false drops items and dimensions. Texts from the input are copied: a short
 * string cut from a file's text would keep the whole text alive.
 */
export function summarizeResult(result: Result, withItems: boolean): ResultSummary {
  const { center, checklist, date, status, total, grade, veto } = result;
  return {
    center: { code: copied(center.code), name: copied(center.name) },
    checklist: { id: checklist.id, version: checklist.version, level: checklist.level },
    date: copied(date),
    status,
    total,
    grade,
    veto,
    dimensions: withItems ? result.dimensions.map(({ id, name, earned }) => ({ id, name, earned })) : [],
    items: withItems ? itemsOf(result) : [],
    earned: Float64Array.from(withItems ? result.items : [], (i) => i.earned ?? NaN),
    derivation: { precision: result.derivation.precision },
  };
}

/** A full result as the briefing reads it; a summary as it is. */
export function summaryOf(r: Result | ResultSummary): ResultSummary {
  return 'earned' in r ? r : summarizeResult(r, true);
}

function itemsOf(result: Result): readonly ItemRef[] {
  const key = `${result.checklist.id}\u0000${result.checklist.version}\u0000${result.checklist.sha256}`;
  const known = itemLists.get(key);
  const same = known?.length === result.items.length && result.items.every((i, k) => sameItem(i, known[k]));
  if (same) return known!;
  // Titles and ids are the checklist's own strings: kept by reference, not copied.
  const items = result.items.map(({ id, title, dimension, points }) => ({ id, title, dimension, points }));
  itemLists.set(key, items);
  return items;
}

function sameItem(a: ItemRef, b: ItemRef): boolean {
  return a.id === b.id && a.title === b.title && a.dimension === b.dimension && a.points === b.points;
}

/** A string of its own: V8 may represent a substring as a view that keeps its parent alive. */
function copied(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
