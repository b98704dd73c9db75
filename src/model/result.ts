import type { AuditMode, Center, Evidence } from './audit.js';
import type { ChecklistRef } from './checklist.js';
import { Exact } from './exact.js';

export const FINDING_STATUSES = ['未整改', '整改中', '已整改', '已销号'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface DimensionResult {
  id: string;
  name: string;
  /** Points earned, exact (Σ item points earned): a consumer adding dimensions gets the base back. Sinks round it for display. */
  earned: number;
  /** Points of the items that applied (full points less N/A). */
  applicable: number;
  /** Full points of the dimension. */
  points: number;
  /** earned / applicable (unrounded earned), 0..1; null when nothing applied. */
  rate: number | null;
}

export interface ItemResult {
  id: string;
  /** Dimension id; undefined for a bonus item or a 负面清单 event. */
  dimension?: string;
  /** A 负面清单 event: `earned` is minus what it deducted (before the section cap), `points` 0. */
  penalty?: true;
  title: string;
  /** The answer as a person reads it (是, 基本达到, 92%); empty when unanswered. */
  answer: string;
  /** The answer as an audit file stores it, so a results file can be read back as responses. */
  value?: unknown;
  deficiencies?: string[];
  note?: string;
  /** Files backing the answer, as the audit file records them (paths relative to the audit file). */
  evidence?: Evidence[];
  na: boolean;
  /** 未查: not inspected this time (out of the denominator like N/A, `earned` null). */
  uninspected?: true;
  /** Unanswered and counted as 0 because the user asked (--blank zero). */
  blank?: boolean;
  points: number;
  /** null for N/A. */
  earned: number | null;
}

export interface Finding {
  /** <center code>-<YYYYMMDD>-<item id>[-n] */
  id: string;
  center: Center;
  date: string;
  item: string;
  itemTitle: string;
  dimension: string;
  dimensionName: string;
  problem: string;
  measure: string;
  owner: string;
  person: string;
  deadline: string;
  deducted: number;
  status: FindingStatus;
  note?: string;
}

/** The numbers behind the final score, so anyone can re-derive it (score --explain). */
export interface Derivation {
  earned: string;
  applicable: string;
  notApplicable: string;
  total: string;
  /** earned / applicable × total, exact to 6 decimals. */
  base: string;
  bonusEarned: string;
  bonusCap: string;
  bonusApplied: string;
  /** 负面清单 and veto deductions, present only for checklists that have them (format 1.1). */
  penaltyDeducted?: string;
  penaltyApplied?: string;
  vetoDeducted?: string;
  /** base + bonus − deductions (never below 0), before rounding. */
  unrounded: string;
  precision: number;
}

export interface Result {
  format: 1;
  center: Center;
  checklist: Required<Omit<ChecklistRef, 'file'>> & { name: string; level: string };
  date: string;
  inspectors: string[];
  status: 'draft' | 'final';
  /** How the audit was made (自查, 督查, 暗访, …), when the audit file says. */
  mode?: AuditMode;
  /** Final score, rounded half-up to the checklist's precision. */
  total: number;
  /** Score before bonus, rounded. */
  base: number;
  grade: string;
  /** Ids of the veto items and veto events that applied (their effects are in the checklist). */
  veto: string[];
  /** Items not inspected this time (未查): present only for a partial inspection. */
  uninspected?: string[];
  dimensions: DimensionResult[];
  bonus: { earned: number; cap: number; applied: number };
  /** 负面清单 totals, for checklists that have one: deducted before and applied after the section cap. */
  penalty?: { deducted: number; cap: number | null; applied: number };
  items: ItemResult[];
  findings: Finding[];
  derivation: Derivation;
}

/** A score as every sink shows it: rounded half-up to the checklist's precision, once, from the exact figure. */
export function shownScore(value: number, precision: number): string {
  return Exact.from(value).toFixed(precision);
}

/** The same rounding as a number, for a workbook cell. */
export function roundedScore(value: number, precision: number): number {
  return Exact.from(value).round(precision).toNumber();
}
