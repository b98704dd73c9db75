import type { Place } from '../errors.js';
import { normalizeText } from '../model/text.js';
import { cellAddress } from '../xlsx/address.js';
import type { ProgressField, ProgressLogEntry, ProgressRow } from './model.js';

/** The 周调度表's column headers, in the order the workbook has them. */
export const PROGRESS_HEADERS: Record<ProgressField, string> = {
  task: '任务编号',
  title: '任务',
  owner: '责任单位',
  unit: '单位编码',
  unitName: '单位名称',
  deadline: '完成时限',
  evidenceRequired: '佐证要求',
  state: '完成情况',
  doneDate: '完成日期',
  note: '进展说明',
  evidence: '佐证',
};
export const PROGRESS_FIELDS = Object.keys(PROGRESS_HEADERS) as ProgressField[];

/** A row's identity across the master and every returned copy. */
export function progressKey(task: string, unit: string): string {
  return `${task}\u0000${unit}`;
}

/** How a field compares: the same text typed with a full-width digit or a stray space is the same value. */
export function progressValue(row: Partial<ProgressRow>, field: ProgressField): string {
  const v = row[field];
  return v === undefined ? '' : normalizeText(v);
}

/** One data row of a 周调度表 as read, with where each of its fields is, so every rule can point at a cell. */
export interface ProgressRowRead {
  file: string;
  sheet: string;
  number: number;
  /** 0-based column of each field the sheet has. */
  columns: Partial<Record<ProgressField, number>>;
  /** The fields the sheet has, read (empty cells as ''). */
  values: Partial<ProgressRow>;
}

/** file!sheet!cell of a field of a read row; its 任务编号 cell when the sheet lacks that column. */
export function progressPlace(r: ProgressRowRead, field: ProgressField): Place {
  const col = r.columns[field] ?? r.columns.task ?? 0;
  return { file: r.file, sheet: r.sheet, cell: cellAddress(col + 1, r.number) };
}

/** Everything a 周调度表 workbook holds, as read. */
export interface ProgressSheetsRead {
  file: string;
  /** The title line above the header ('' when a unit deleted it). */
  title: string;
  rows: ProgressRowRead[];
  /** Per-field hashes of each row as the workbook was written (its hidden sheet), by progressKey; undefined when it has none. */
  base?: Map<string, Map<ProgressField, string>>;
  log: ProgressLogEntry[];
}
