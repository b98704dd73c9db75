import { parseDate } from '../model/dates.js';
import type { MergeLogEntry } from './ledger.js';
import { columnOf } from './model.js';

/**
 * 整改时限 is the committee's (DESIGN "Ledger ownership"): a unit may move it only by an
 * approved extension, stated in the same row's 备注 as
 *   经<批准单位或领导>批准延期至<日期>     (同意 is read as 批准; the date as in any date cell)
 * e.g. "经县委政法委批准延期至2027-01-31". The stated date must be the new 整改时限, later
 * than the old one. Merge records the change in 合并记录 as 批准延期; `ledger status` lists it.
 */
export interface Extension {
  approver: string;
  /** The new 整改时限, YYYY-MM-DD. */
  until: string;
}

const STATED = /经\s*(\S(?:.*?\S)?)\s*(?:批准|同意)\s*延期至\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)/;

/** The extension a 备注 states, or undefined when it states none (or its date is not a date). */
export function statedExtension(note: string): Extension | undefined {
  const m = STATED.exec(note);
  const until = m ? parseDate(m[2]) : undefined;
  return m && until ? { approver: m[1], until } : undefined;
}

/** How 合并记录 names an approved extension (the 说明 column). */
export const EXTENSION_REASON = '批准延期';

/** The approved extensions a ledger's merge record holds, latest last. */
export function extensionsOf(log: readonly MergeLogEntry[]): MergeLogEntry[] {
  const header = columnOf('deadline').header;
  return log.filter((e) => e.reason === EXTENSION_REASON && e.field === header);
}
