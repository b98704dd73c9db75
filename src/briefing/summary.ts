import type { Result } from '../model/result.js';

/**
 * What the briefing keeps of one scored audit: the fields its tables read, not the whole
 * result (answers, findings and derivation texts are most of a result's size). A full
 * Result is one too, so the tables can be built from either.
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
  items: Pick<Result['items'][number], 'id' | 'title' | 'dimension' | 'points' | 'earned'>[];
  derivation: Pick<Result['derivation'], 'precision'>;
}

/**
 * `result` reduced to what the briefing reads. An audit of the month keeps its items (共性问题,
 * dimension rates, veto titles); an earlier one is only compared with (名次, 总分, 等次), so
 * `withItems` false drops items and dimensions.
 */
export function summarizeResult(result: Result, withItems: boolean): ResultSummary {
  const { center, checklist, date, status, total, grade, veto } = result;
  return {
    center: { code: center.code, name: center.name },
    checklist: { id: checklist.id, version: checklist.version, level: checklist.level },
    date,
    status,
    total,
    grade,
    veto,
    dimensions: withItems ? result.dimensions.map(({ id, name, earned }) => ({ id, name, earned })) : [],
    // Titles and ids are the checklist's own strings: kept by reference, not copied.
    items: withItems ? result.items.map(({ id, title, dimension, points, earned }) => ({ id, title, dimension, points, earned })) : [],
    derivation: { precision: result.derivation.precision },
  };
}
