import { t, type Params } from './i18n/index.js';

/** Where a problem is: a text position, a spreadsheet cell, or just a file. */
export interface Place {
  file?: string;
  line?: number;
  col?: number;
  sheet?: string;
  cell?: string;
}

/** One thing wrong with a user's input: a stable code, a localized message and its place. */
export interface Problem extends Place {
  code: string;
  message: string;
}

export function problem(code: string, params: Params = {}, place: Place = {}): Problem {
  return { ...place, code, message: t(code, params) };
}

/** `file:line:col` for text, `file!sheet!cell` for workbooks. */
export function formatPlace(p: Place): string {
  if (p.sheet !== undefined) return [p.file, p.sheet, p.cell].filter((s) => s !== undefined).join('!');
  if (p.line !== undefined) return `${p.file ?? '<stdin>'}:${p.line}:${p.col ?? 1}`;
  return p.file ?? '';
}

export function formatProblem(p: Problem): string {
  const place = formatPlace(p);
  return place ? `${place}: ${p.message}` : p.message;
}

/** 0 success, 1 invalid input, 2 usage; 3 is a bug of ours (reported in one line, details in a log). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3, interrupted: 130 } as const;

/**
 * A user's mistake: reported as its problems, never as a stack trace.
 * `exitCode` 1 is invalid input, 2 a usage error.
 */
export class UserError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'UserError';
  }
}

export function usageError(code: string, params: Params = {}): UserError {
  return new UserError([problem(code, params)], EXIT.usage);
}

export function inputError(code: string, params: Params = {}, place: Place = {}): UserError {
  return new UserError([problem(code, params, place)], EXIT.invalid);
}
