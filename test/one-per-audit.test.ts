// Issue 17: the duplicate-audit index keeps its records off the V8 heap, in a buffer that grows.
import { describe, expect, it } from 'vitest';
import type { ResponseRead } from '../src/formats/results-json.js';
import type { Problem } from '../src/errors.js';
import { OnePerAudit } from '../src/sources/responses.js';

/** A response as the index sees it: who, when, which checklist, from where, with which answers. */
function response(code: string, source: string, value = '是', date = '2026-11-20', version = '2026.1'): ResponseRead {
  return {
    audit: { center: { code, name: '' }, date, checklist: { id: 'county', version, sha256: '' }, source, answers: { 'INS-01': { value, na: false } } },
  } as unknown as ResponseRead;
}

// Long sources with CJK: the records outgrow the first 64 KB of the buffer several times over.
const sourceOf = (i: number) => `回收表/第${i}批/汇总表-${'甲乙丙'.repeat(10)}.xlsx!评分表!A${i + 5}`;
const CENTERS = 3000;

describe('OnePerAudit', () => {
  const index = new OnePerAudit();
  const admitted = Array.from({ length: CENTERS }, (_, i) => index.admit(response(String(100001 + i), sourceOf(i))));

  it('admits each first copy as new', () => {
    expect(admitted.every((a) => a === 'new')).toBe(true);
  });

  it('takes an identical copy from another source as the same audit, first and last records alike', () => {
    expect(index.admit(response('100001', 'a.audit.yaml'))).toBe('copy');
    expect(index.admit(response(String(100000 + CENTERS), 'b.json'))).toBe('copy');
  });

  it('refuses a copy with other answers, naming the source of the first copy exactly', () => {
    for (const i of [0, 1234, CENTERS - 1]) {
      const conflict = index.admit(response(String(100001 + i), 'later.xlsx!评分表!A9', '否')) as Problem;
      expect(conflict.code).toBe('responses.conflict');
      expect(conflict.file).toBe('later.xlsx!评分表!A9');
      expect(conflict.message).toContain(sourceOf(i));
    }
  });

  it('keeps another date or another checklist version apart: no copy, no conflict', () => {
    expect(index.admit(response('100001', 'x', '否', '2026-11-21'))).toBe('new');
    expect(index.admit(response('100001', 'y', '否', '2026-11-20', '2025.1'))).toBe('new');
  });
});
