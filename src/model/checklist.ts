import type { ChecklistFile, Dimension, Item } from '../checklist/types.generated.js';
import { Exact } from './exact.js';

export type { ChecklistFile, Dimension, Item };

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

/** An item with the dimension it belongs to; bonus items have `dimension` undefined. */
export interface PlacedItem {
  item: Item;
  dimension?: Dimension;
}

export function placedItems(checklist: ChecklistFile): PlacedItem[] {
  const scored = checklist.dimensions.flatMap((dimension) => dimension.items.map((item) => ({ item, dimension })));
  const bonus = (checklist.bonus?.items ?? []).map((item) => ({ item }));
  return [...scored, ...bonus];
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
