import type { ChecklistFile, Dimension, Item, ItemVeto, PenaltyItem } from '../checklist/types.generated.js';
import { Exact } from './exact.js';

export type { ChecklistFile, Dimension, Item, ItemVeto, PenaltyItem };

/** A loaded, valid checklist with the facts derived from it. */
export interface Checklist extends ChecklistFile {
  file: string;
  /** Of the normalised text (no BOM, LF line ends). */
  sha256: string;
  /** Of the file's bytes when they differ from the text's: what older audits recorded. */
  byteSha256?: string;
  precision: number;
  /** Σ dimension points (100 for the shipped checklists). */
  total: Exact;
}

/**
 * An item with the dimension it belongs to; bonus items have `dimension` undefined, and
 * 负面清单 events carry `penalty` (their `item` is how they are answered).
 */
export interface PlacedItem {
  item: Item;
  dimension?: Dimension;
  penalty?: PenaltyItem;
}

export function placedItems(checklist: ChecklistFile): PlacedItem[] {
  const scored = checklist.dimensions.flatMap((dimension) => dimension.items.map((item) => ({ item, dimension })));
  const bonus = (checklist.bonus?.items ?? []).map((item) => ({ item }));
  const penalties = (checklist.penalties?.items ?? []).map((penalty) => ({ item: penaltyAsItem(checklist, penalty), penalty }));
  return [...scored, ...bonus, ...penalties];
}

/**
 * A 负面清单 event is answered like a `deduct` item (how many occurred, each optionally
 * described), so every source, prompt and template reads it without a method of its own.
 * Its `points` is the most it can take off the total: its own cap, the section's, or the total.
 */
export function penaltyAsItem(checklist: ChecklistFile, p: PenaltyItem): Item {
  // Scoring asks for every event of every center: derive it once per event of a loaded checklist.
  const known = asItems.get(p);
  if (known && known.checklist === checklist) return known.item;
  const most = p.cap ?? checklist.penalties?.cap ?? checklistTotal(checklist).toNumber();
  const { per, cap: _cap, veto: _veto, ...common } = p;
  const item: Item = { ...common, method: 'deduct', per: per ?? most, points: most };
  asItems.set(p, { checklist, item });
  return item;
}

const asItems = new WeakMap<PenaltyItem, { checklist: ChecklistFile; item: Item }>();

/** What a veto does once triggered. */
export type VetoRule = { kind: 'lowest-grade' } | { kind: 'cap-grade'; grade: string } | { kind: 'deduct'; points: number };

/** An item's veto rule: its own effect, else the checklist's default, else the lowest grade (format 1's only rule). */
export function vetoRuleOf(checklist: ChecklistFile, veto: ItemVeto | undefined): VetoRule | undefined {
  if (veto === undefined || veto === false) return undefined;
  const effect = veto === true ? (checklist.veto ?? 'lowest-grade') : veto;
  if (effect === 'lowest-grade') return { kind: 'lowest-grade' };
  return 'cap-grade' in effect ? { kind: 'cap-grade', grade: effect['cap-grade'] } : { kind: 'deduct', points: effect.deduct };
}

export function checklistTotal(checklist: ChecklistFile): Exact {
  return Exact.sum(checklist.dimensions.map((d) => Exact.from(d.points)));
}

/** The checklist as a response records it. */
export interface ChecklistRef {
  id: string;
  version: string;
  sha256?: string;
  /**
   * Where the checklist file was, relative to the audit file, when it was named by path
   * (kept outside checklists/): resuming or scoring finds it without --checklist.
   */
  file?: string;
}

export function refOf(checklist: Checklist): ChecklistRef {
  return { id: checklist.id, version: checklist.version, sha256: checklist.sha256 };
}

/** Grade names best first over the checklists used; they normally share them, and any extra ones follow. */
export function gradeNames(checklists: Iterable<Pick<ChecklistFile, 'grades'>>): string[] {
  const names: string[] = [];
  for (const c of new Set(checklists)) for (const g of c.grades) if (!names.includes(g.name)) names.push(g.name);
  return names;
}
