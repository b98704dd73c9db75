import type { ChecklistFile, Dimension, Item, PenaltyItem } from '../model/checklist.js';
import type { YamlPath } from '../sources/yaml-doc.js';

/** What a change is about: the checklist as a whole, a dimension, an item (bonus included) or a 负面清单 event. */
export type Subject = 'checklist' | 'dimension' | 'item' | 'penalty';

/**
 * added / removed; renamed (a new title or name, same id); rescored (anything that changes
 * a score or a grade); reworded (criteria, guidance, basis or finding defaults: what people
 * read, not what is computed).
 */
export type ChangeKind = 'added' | 'removed' | 'renamed' | 'rescored' | 'reworded';

export interface FieldChange {
  key: string;
  old?: unknown;
  new?: unknown;
}

export interface ChecklistChange {
  subject: Subject;
  kind: ChangeKind;
  /** The item, event or dimension id; the key for checklist-wide changes. */
  id: string;
  /** The title or name (the new one when it changed). */
  title: string;
  /** True when answering the same way may give another score or grade. */
  scoring: boolean;
  fields: FieldChange[];
  /** Where it is: in the new file, or in the old one for what was removed. */
  side: 'old' | 'new';
  path: YamlPath;
}

/** Keys people read; every other key of an item or event takes part in scoring. */
const TEXT_KEYS = new Set(['title', 'criteria', 'guidance', 'basis', 'finding']);

/** Everything that changed from `old` to `new`, checklist-wide first, then dimensions, items and events in file order. */
export function diffChecklists(old: ChecklistFile, next: ChecklistFile): ChecklistChange[] {
  return [...checklistChanges(old, next), ...dimensionChanges(old, next), ...itemChanges(old, next), ...penaltyChanges(old, next)];
}

function checklistChanges(old: ChecklistFile, next: ChecklistFile): ChecklistChange[] {
  const keys: [string, (c: ChecklistFile) => unknown, boolean][] = [
    ['name', (c) => c.name, false],
    ['basis', (c) => c.basis, false],
    ['level', (c) => c.level, true],
    ['precision', (c) => c.precision ?? 1, true],
    ['grades', (c) => c.grades, true],
    ['veto', (c) => c.veto ?? 'lowest-grade', true],
    ['bonus.cap', (c) => c.bonus?.cap, true],
    ['penalties.cap', (c) => c.penalties?.cap, true],
  ];
  return keys.flatMap(([key, get, scoring]) => {
    const fields = fieldChanges([key], (k) => (k === key ? get(old) : undefined), (k) => (k === key ? get(next) : undefined));
    if (!fields.length) return [];
    const kind: ChangeKind = scoring ? 'rescored' : key === 'name' ? 'renamed' : 'reworded';
    return [{ subject: 'checklist', kind, id: key, title: next.name, scoring, fields, side: 'new', path: key.split('.') }];
  });
}

function dimensionChanges(old: ChecklistFile, next: ChecklistFile): ChecklistChange[] {
  const before = new Map(old.dimensions.map((d, i) => [d.id, { d, path: ['dimensions', i] as YamlPath }]));
  const after = new Map(next.dimensions.map((d, i) => [d.id, { d, path: ['dimensions', i] as YamlPath }]));
  const changes: ChecklistChange[] = [];
  for (const [id, { d, path }] of after) {
    const was = before.get(id)?.d;
    const base = { subject: 'dimension' as const, id, title: d.name, side: 'new' as const, path };
    if (!was) {
      changes.push({ ...base, kind: 'added', scoring: true, fields: [{ key: 'points', new: d.points }] });
      continue;
    }
    if (was.points !== d.points) changes.push({ ...base, kind: 'rescored', scoring: true, fields: [{ key: 'points', old: was.points, new: d.points }] });
    if (was.name !== d.name) changes.push({ ...base, kind: 'renamed', scoring: false, fields: [{ key: 'name', old: was.name, new: d.name }] });
  }
  for (const [id, { d, path }] of before) {
    if (!after.has(id)) changes.push({ subject: 'dimension', kind: 'removed', id, title: d.name, scoring: true, fields: [{ key: 'points', old: d.points }], side: 'old', path });
  }
  return changes;
}

interface Placed<T> {
  entry: T;
  /** The dimension id, or `bonus`. */
  where: string;
  path: YamlPath;
}

function itemsOf(c: ChecklistFile): Map<string, Placed<Item>> {
  const placed = new Map<string, Placed<Item>>();
  c.dimensions.forEach((d: Dimension, di) => d.items.forEach((entry, ii) => placed.set(entry.id, { entry, where: d.id, path: ['dimensions', di, 'items', ii] })));
  c.bonus?.items.forEach((entry, ii) => placed.set(entry.id, { entry, where: 'bonus', path: ['bonus', 'items', ii] }));
  return placed;
}

function penaltiesOf(c: ChecklistFile): Map<string, Placed<PenaltyItem>> {
  return new Map((c.penalties?.items ?? []).map((entry, ii) => [entry.id, { entry, where: 'penalties', path: ['penalties', 'items', ii] }]));
}

function itemChanges(old: ChecklistFile, next: ChecklistFile): ChecklistChange[] {
  return entryChanges('item', itemsOf(old), itemsOf(next));
}

function penaltyChanges(old: ChecklistFile, next: ChecklistFile): ChecklistChange[] {
  return entryChanges('penalty', penaltiesOf(old), penaltiesOf(next));
}

/** Items or events matched by id: added, removed, and for the ones in both what changed, by kind. */
function entryChanges<T extends Item | PenaltyItem>(subject: 'item' | 'penalty', before: Map<string, Placed<T>>, after: Map<string, Placed<T>>): ChecklistChange[] {
  const changes: ChecklistChange[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    const base = { subject, id, title: now.entry.title, side: 'new' as const, path: now.path };
    if (!was) {
      changes.push({ ...base, kind: 'added', scoring: true, fields: summary(now, 'new') });
      continue;
    }
    const get = (p: Placed<T>) => (key: string) => (key === 'dimension' ? p.where : (p.entry as unknown as Record<string, unknown>)[key]);
    const keys = [...new Set(['dimension', ...Object.keys(was.entry), ...Object.keys(now.entry)])];
    const all = fieldChanges(keys, get(was), get(now));
    const title = all.filter((f) => f.key === 'title');
    const text = all.filter((f) => TEXT_KEYS.has(f.key) && f.key !== 'title');
    const scoring = all.filter((f) => !TEXT_KEYS.has(f.key));
    // Point at the first changed key (a moved item, or a key now gone, at the item itself).
    const current = get(now);
    const at = (fields: FieldChange[]) => (fields[0].key === 'dimension' || current(fields[0].key) === undefined ? now.path : [...now.path, fields[0].key]);
    if (title.length) changes.push({ ...base, kind: 'renamed', scoring: false, fields: title, path: at(title) });
    if (scoring.length) changes.push({ ...base, kind: 'rescored', scoring: true, fields: scoring, path: at(scoring) });
    if (text.length) changes.push({ ...base, kind: 'reworded', scoring: false, fields: text, path: at(text) });
  }
  for (const [id, was] of before) {
    if (!after.has(id)) changes.push({ subject, kind: 'removed', id, title: was.entry.title, scoring: true, fields: summary(was, 'old'), side: 'old', path: was.path });
  }
  return changes;
}

/** What an added or removed item was worth, so a reviewer sees the weight that moved. */
function summary(p: Placed<Item | PenaltyItem>, side: 'old' | 'new'): FieldChange[] {
  const e = p.entry as Partial<Item> & Partial<PenaltyItem>;
  const keys = ['points', 'method', 'per', 'veto'] as const;
  return [{ key: 'dimension', [side]: p.where }, ...keys.filter((k) => e[k] !== undefined).map((k) => ({ key: k, [side]: e[k] }))];
}

function fieldChanges(keys: string[], old: (key: string) => unknown, next: (key: string) => unknown): FieldChange[] {
  return keys.filter((key) => !same(old(key), next(key))).map((key) => ({ key, old: old(key), new: next(key) }));
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted: `{ label, points }` and `{ points, label }` are the same level. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}
