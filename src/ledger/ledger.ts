import type { LedgerField, LedgerRow } from './model.js';

/** One line of the 合并记录 sheet: which file changed which row's field, from what to what, when. */
export interface MergeLogEntry {
  /** Local time of the merge, YYYY-MM-DD HH:mm:ss. */
  time: string;
  file: string;
  id: string;
  /** The column's header, or 新增问题 for a row added from an audit. */
  field: string;
  from: string;
  to: string;
  /** 单位更新, 批准延期, 新评估 or 回头看. */
  reason: string;
}

/** A ledger as the committee keeps it: its rows in order and the record of every merge so far. */
export interface Ledger {
  rows: LedgerRow[];
  log: MergeLogEntry[];
}

/** `extension`: a unit moved 整改时限 under an approved extension stated in 备注. */
export type ChangeReason = 'update' | 'extension' | 'audit' | 'review';

/** One change a merge makes; `field` is absent when a whole row was added. */
export interface LedgerChange {
  /** The file the change came from (an edited copy or an audit source). */
  source: string;
  id: string;
  field?: LedgerField;
  from: string;
  to: string;
  reason: ChangeReason;
}
