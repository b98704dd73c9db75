import type { Params } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import type { ChecklistFile, Item, PenaltyItem } from '../model/checklist.js';
import type { ItemVeto, VetoEffect } from './types.generated.js';
import { methodOf } from '../methods/index.js';
import type { YamlPath } from '../sources/yaml-doc.js';

/** A rule broken by a schema-valid checklist; `path` is where to point, `key` points at the key instead of the value. */
export interface Defect {
  path: YamlPath;
  code: string;
  params?: Params;
  /** Paths whose line the message names ("first at line N"). */
  ref?: YamlPath;
}

/**
 * The rules JSON Schema cannot express. `isClean(path)` says whether that part passed
 * the schema; parts that did not are skipped, so their shape can be trusted here.
 */
export function checklistDefects(c: ChecklistFile, isClean: (path: YamlPath) => boolean): Defect[] {
  const defects: Defect[] = [];
  // A missing key is reported on its parent, so a clean path may still be absent.
  if (isClean(['grades']) && Array.isArray(c.grades) && c.grades.length) defects.push(...gradeDefects(c));

  const dimensionIds = new Map<string, YamlPath>();
  const itemIds = new Map<string, YamlPath>();
  const grades = isClean(['grades']) && Array.isArray(c.grades) ? c.grades.map((g) => g.name) : undefined;
  const checkVeto = (veto: ItemVeto | VetoEffect | undefined, path: YamlPath) => {
    const capped = typeof veto === 'object' && 'cap-grade' in veto ? veto['cap-grade'] : undefined;
    if (capped !== undefined && grades && !grades.includes(capped)) {
      defects.push({ path: [...path, 'cap-grade'], code: 'checklist.cap-grade-unknown', params: { grade: capped, grades: grades.join(', ') } });
    }
  };
  const uniqueId = (id: string, path: YamlPath) => {
    const first = itemIds.get(id);
    if (first) defects.push({ path: [...path, 'id'], code: 'checklist.duplicate-item', params: { id }, ref: first });
    else itemIds.set(id, [...path, 'id']);
  };
  if (isClean(['veto'])) checkVeto(c.veto, ['veto']);
  defects.push(...formatDefects(c, isClean));

  const visitItem = (item: Item, path: YamlPath, bonus: boolean) => {
    if (!isClean(path)) return;
    uniqueId(item.id, path);
    checkVeto(item.veto, [...path, 'veto']);
    if (item.veto && item.na) defects.push({ path: [...path, 'na'], code: 'checklist.veto-na' });
    if (bonus && item.veto) defects.push({ path: [...path, 'veto'], code: 'checklist.bonus-veto' });
    for (const d of methodOf(item).check(item)) defects.push({ ...d, path: [...path, ...d.path] });
  };

  c.dimensions.forEach((dim, di) => {
    const path: YamlPath = ['dimensions', di];
    if (!isClean([...path, 'id']) || !isClean([...path, 'points'])) return;
    const first = dimensionIds.get(dim.id);
    if (first) defects.push({ path: [...path, 'id'], code: 'checklist.duplicate-dimension', params: { id: dim.id }, ref: first });
    else dimensionIds.set(dim.id, [...path, 'id']);
    if (Array.isArray(dim.items)) dim.items.forEach((item, ii) => visitItem(item, [...path, 'items', ii], false));
    // The sum needs only sound item points: a typo elsewhere in an item must not hide it.
    if (Array.isArray(dim.items) && dim.items.every(hasSoundPoints)) {
      const sum = Exact.sum(dim.items.map((i) => Exact.from(i.points)));
      if (!sum.eq(Exact.from(dim.points))) {
        defects.push({ path: [...path, 'points'], code: 'checklist.dimension-sum', params: { id: dim.id, points: dim.points, sum: sum.toString() } });
      }
    }
  });
  if (Array.isArray(c.bonus?.items)) c.bonus.items.forEach((item, ii) => visitItem(item, ['bonus', 'items', ii], true));
  if (Array.isArray(c.penalties?.items)) {
    c.penalties.items.forEach((p, pi) => {
      const path: YamlPath = ['penalties', 'items', pi];
      if (!isClean(path)) return;
      uniqueId(p.id, path);
      checkVeto(p.veto, [...path, 'veto']);
      defects.push(...penaltyDefects(p).map((d) => ({ ...d, path: [...path, ...d.path] })));
    });
  }
  return defects;
}

/** A 负面清单 event either costs points per occurrence or is a veto, never both or neither. */
function penaltyDefects(p: PenaltyItem): Defect[] {
  const vetoes = p.veto !== undefined && p.veto !== false;
  if (vetoes && p.per !== undefined) return [{ path: ['per'], code: 'checklist.penalty-both', params: { id: p.id } }];
  if (!vetoes && p.per === undefined) return [{ path: [], code: 'checklist.penalty-neither', params: { id: p.id } }];
  if (vetoes && p.cap !== undefined) return [{ path: ['cap'], code: 'checklist.penalty-veto-cap', params: { id: p.id } }];
  return [];
}

/** What format 1.1 added, used in a file that says `format: 1` (an older tool would read it wrong). */
function formatDefects(c: ChecklistFile, isClean: (path: YamlPath) => boolean): Defect[] {
  if (c.format !== 1 || !isClean(['format'])) return [];
  const used: YamlPath[] = [];
  for (const key of ['basis', 'veto', 'penalties'] as const) if (c[key] !== undefined) used.push([key]);
  if (c.level === 'city' || c.level === 'village') used.push(['level']);
  const items = [
    ...(Array.isArray(c.dimensions) ? c.dimensions.flatMap((d, di) => (Array.isArray(d?.items) ? d.items.map((item, ii) => ({ item, path: ['dimensions', di, 'items', ii] as YamlPath })) : [])) : []),
    ...(Array.isArray(c.bonus?.items) ? c.bonus.items.map((item, ii) => ({ item, path: ['bonus', 'items', ii] as YamlPath })) : []),
  ];
  for (const { item, path } of items) {
    if (item?.basis !== undefined) used.push([...path, 'basis']);
    if (item?.veto !== undefined && typeof item.veto !== 'boolean') used.push([...path, 'veto']);
  }
  return used.map((path) => ({ path, code: 'checklist.needs-format-1-1', params: { key: String(path[path.length - 1]) } }));
}

function hasSoundPoints(item: unknown): boolean {
  const points = (item as { points?: unknown } | null)?.points;
  return typeof points === 'number' && points > 0;
}

function gradeDefects(c: ChecklistFile): Defect[] {
  const defects: Defect[] = [];
  const names = new Set<string>();
  c.grades.forEach((g, i) => {
    if (names.has(g.name)) defects.push({ path: ['grades', i, 'name'], code: 'checklist.duplicate-grade', params: { name: g.name } });
    names.add(g.name);
    const prev = c.grades[i - 1];
    if (prev && !(g.min < prev.min)) {
      defects.push({ path: ['grades', i, 'min'], code: 'checklist.grades-order', params: { name: g.name, min: g.min, prev: prev.min } });
    }
  });
  const last = c.grades[c.grades.length - 1];
  if (last.min !== 0) defects.push({ path: ['grades', c.grades.length - 1, 'min'], code: 'checklist.grades-last', params: { name: last.name, min: last.min } });
  return defects;
}
