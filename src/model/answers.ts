import type { Params } from '../i18n/index.js';
import { methodOf } from '../methods/index.js';
import type { RawAnswer } from '../methods/method.js';
import type { Answer } from './audit.js';
import type { Item } from './checklist.js';
import { isNotApplicable, normalizeText } from './text.js';

export type AnswerOutcome =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'blank' }
  | { kind: 'error'; code: string; params: Params };

/**
 * Reads one item's answer from any source. A blank value is "unanswered"; 不适用 is
 * accepted only where the item allows it, and only with a note saying why.
 */
export function readAnswer(item: Item, raw: RawAnswer & { note?: unknown }): AnswerOutcome {
  // A note of nothing but spaces explains nothing: it is no note (an N/A needs a real one).
  const note = typeof raw.note === 'string' ? normalizeText(raw.note) || undefined : raw.note == null ? undefined : String(raw.note);
  if (isBlank(raw.value)) return { kind: 'blank' };
  // Any item may go uninspected this time, with the reason; unlike 不适用 it needs no `na: true`.
  if (isUninspected(raw.value)) {
    if (!note) return { kind: 'error', code: 'answer.uninspected-needs-note', params: { item: item.id } };
    return { kind: 'answer', answer: { na: true, uninspected: true, note } };
  }
  if (isNotApplicable(raw.value)) {
    if (!item.na) return { kind: 'error', code: 'answer.na-not-allowed', params: { item: item.id } };
    if (!note) return { kind: 'error', code: 'answer.na-needs-note', params: { item: item.id } };
    return { kind: 'answer', answer: { na: true, note } };
  }
  const parsed = methodOf(item).parse(raw, item);
  if (!parsed.ok) return { kind: 'error', code: parsed.code, params: { ...parsed.params, item: item.id } };
  return { kind: 'answer', answer: { value: parsed.value, na: false, note } };
}

export const UNINSPECTED = '未查';

function isUninspected(value: unknown): boolean {
  return typeof value === 'string' && normalizeText(value) === UNINSPECTED;
}

/** An answer as an audit file stores it, and as `readAnswer` reads it back. */
export function storedAnswer(item: Item, answer: Answer): { value: unknown; deficiencies?: string[] } {
  if (answer.uninspected) return { value: UNINSPECTED };
  return answer.na ? { value: '不适用' } : methodOf(item).serialize(answer.value!);
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && normalizeText(value) === '');
}
