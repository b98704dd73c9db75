import { loadChecklistFile } from '../src/checklist/load.js';
import { readAnswer } from '../src/model/answers.js';
import type { Answer, Audit, FindingOverride } from '../src/model/audit.js';
import { placedItems, type Checklist, type Item } from '../src/model/checklist.js';
import { score, type ScoreOptions } from '../src/scoring/score.js';
import type { Result } from '../src/model/result.js';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export function fixtureChecklist(name: string): Checklist {
  const { checklist, problems } = loadChecklistFile(join(ROOT, 'fixtures', 'scoring', `${name}.yaml`));
  if (!checklist) throw new Error(problems.map((p) => p.message).join('\n'));
  return checklist;
}

export type RawAnswers = Record<string, unknown | { value: unknown; note?: string; deficiencies?: string[] }>;

/** Builds an audit the way sources do: every answer goes through readAnswer. */
export function auditOf(checklist: Checklist, raw: RawAnswers, findings: Record<string, FindingOverride> = {}): Audit {
  const items = new Map(placedItems(checklist).map((p) => [p.item.id, p.item]));
  const answers: Record<string, Answer> = {};
  for (const [id, entry] of Object.entries(raw)) {
    const r = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as { value: unknown; note?: string; deficiencies?: string[] }) : { value: entry };
    const outcome = readAnswer(items.get(id)!, r);
    if (outcome.kind === 'error') throw new Error(`${id}: ${outcome.code}`);
    if (outcome.kind === 'answer') answers[id] = outcome.answer;
  }
  return {
    source: 'test.audit.yaml',
    checklist: { id: checklist.id, version: checklist.version, sha256: checklist.sha256 },
    center: { code: '999901', name: '示例市甲区综治中心' },
    date: '2026-11-20',
    inspectors: ['张三'],
    status: 'final',
    answers,
    findings,
  };
}

export function scored(checklist: Checklist, raw: RawAnswers, opts?: ScoreOptions, findings?: Record<string, FindingOverride>): Result {
  const outcome = score(checklist, auditOf(checklist, raw, findings), opts);
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.result;
}

/** The answer that earns an item's full points. */
export function fullAnswer(item: Item): unknown {
  switch (item.method) {
    case 'check':
      return '是';
    case 'levels':
      return [...item.levels].sort((a, b) => b.points - a.points)[0].label;
    case 'multi':
      return item.options.map((o) => o.label);
    case 'deduct':
      return 0;
    case 'scale':
      return item.bands[0].min;
    case 'points':
      return item.points;
  }
}

/** The answer that earns an item nothing. */
export function worstAnswer(item: Item): unknown {
  switch (item.method) {
    case 'check':
      return '否';
    case 'levels':
      return [...item.levels].sort((a, b) => a.points - b.points)[0].label;
    case 'multi':
      return '无';
    case 'deduct':
      return 99;
    case 'scale':
      return item.range?.[0] ?? 0;
    case 'points':
      return 0;
  }
}

/** Full answers to every scored item of a checklist, with some replaced. */
export function completeAnswers(checklist: Checklist, overrides: RawAnswers = {}): RawAnswers {
  const all = Object.fromEntries(checklist.dimensions.flatMap((d) => d.items).map((i) => [i.id, fullAnswer(i)]));
  return { ...all, ...overrides };
}
