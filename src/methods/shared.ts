import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { normalizeText, numberText, isNotApplicable } from '../model/text.js';
import type { FindingPart, ItemDefect, Parsed } from './method.js';

/** Duplicate labels, and labels that would read as 不适用. */
export function labelDefects(key: string, labels: string[]): ItemDefect[] {
  const defects: ItemDefect[] = [];
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    const norm = normalizeText(label);
    if (seen.has(norm)) defects.push({ path: [key, i, 'label'], code: 'checklist.duplicate-label', params: { label } });
    if (isNotApplicable(norm)) defects.push({ path: [key, i, 'label'], code: 'checklist.label-reserved', params: { label } });
    seen.add(norm);
  });
  return defects;
}

/** A number from a cell, YAML or prompt: JS numbers, or text with full-width digits and an optional %. */
export function parseNumber(raw: unknown): Exact | undefined {
  if (typeof raw === 'number') return Exact.parse(raw);
  if (typeof raw !== 'string') return undefined;
  const text = numberText(raw);
  return text === undefined ? undefined : Exact.parse(text);
}

export function fail(code: string, params: Record<string, string | number> = {}): Parsed {
  return { ok: false, code, params };
}

export function listOf(labels: string[]): string {
  return labels.join(t('list.separator'));
}

export function describeRaw(raw: unknown): string {
  if (Array.isArray(raw)) return raw.map(String).join('、');
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return String(raw);
}

/** Most methods lose points as one thing: one finding for the item. */
export function wholeLoss(_item: unknown, _value: unknown, lost: Exact): FindingPart[] {
  return [{ deducted: lost }];
}
