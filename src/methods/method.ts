import type { Params } from '../i18n/index.js';
import type { Exact } from '../model/exact.js';
import type { Item } from '../checklist/types.generated.js';

/** The part of the checklist JSON Schema a method adds to its item shape. */
export interface MethodSchema {
  properties: Record<string, object>;
  required: string[];
}

/** A semantic defect in one item, at a path relative to the item. */
export interface ItemDefect {
  path: (string | number)[];
  code: string;
  params?: Params;
}

/** An answer as a source found it: a YAML value, a cell, or a prompt's result. */
export interface RawAnswer {
  value: unknown;
  deficiencies?: unknown;
}

/** A deduct answer: how many deficiencies, and the ones described. */
export interface DeficiencyCount {
  count: number;
  descriptions: string[];
}

export interface FindingPart {
  description?: string;
  deducted: Exact;
}

export type AnswerValue = boolean | string | string[] | Exact | DeficiencyCount;

export type Parsed = { ok: true; value: AnswerValue } | { ok: false; code: string; params: Params };

/** What the terminal should ask; the prompt layer turns it into an inquirer question. */
export type PromptSpec =
  | { kind: 'confirm' }
  | { kind: 'select'; choices: { label: string; points: number }[] }
  | { kind: 'checkbox'; choices: { label: string; points: number }[] }
  | { kind: 'count'; per: number; points: number }
  | { kind: 'number'; min?: number; max?: number; unit?: string }
  | { kind: 'score'; max: number; step: number };

/** How an answer cell of a fill-in workbook is validated. */
export type CellSpec =
  | { kind: 'list'; values: string[] }
  | { kind: 'whole'; min: number; max?: number }
  | { kind: 'decimal'; min?: number; max?: number }
  | { kind: 'text' };

/**
 * One scoring method: everything the tool knows about it lives in its module,
 * registered in `index.ts`. Nothing here does I/O.
 */
export interface Method {
  name: string;
  schema: MethodSchema;
  /** Rules the schema cannot express (sums, ordering, uniqueness). */
  check(item: Item): ItemDefect[];
  /** Reads an answer the way a person meant it; errors carry a message code and params. */
  parse(raw: RawAnswer, item: Item): Parsed;
  earned(item: Item, value: AnswerValue): Exact;
  /** The answer as text a person reads and `parse` reads back. */
  format(value: AnswerValue, item: Item): string;
  /** The answer as stored in an audit file or results JSON. */
  serialize(value: AnswerValue): { value: unknown; deficiencies?: string[] };
  /**
   * How the points an answer lost divide into findings for the ledger: one part per
   * described deficiency where the method has them, else the whole loss as one.
   */
  findingParts(item: Item, value: AnswerValue, lost: Exact): FindingPart[];
  /** What a valid answer looks like, for error messages and input hints. */
  hint(item: Item): string;
  prompt(item: Item): PromptSpec;
  cell(item: Item): CellSpec;
}
