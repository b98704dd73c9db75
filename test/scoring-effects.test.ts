// Format 1.1 scoring, computed by hand against fixtures/scoring/effects.yaml:
// A-1 (10, veto: lowest-grade), A-2 (20, veto: true → the checklist's cap-grade 合格),
// A-3 (20, veto: deduct 10), B-1 (50, deduct 5 each); 负面清单 capped at 8: NEG-1 2 per event
// up to 6, NEG-2 3 per event, NEG-3 a veto event (lowest grade).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { readResultsJson, resultsJsonText } from '../src/formats/results-json.js';
import { score } from '../src/scoring/score.js';
import { explain } from '../src/sinks/explain.js';
import { ROOT, tempDir } from './helpers.js';
import { auditOf, fixtureChecklist, scored } from './scoring-helpers.js';

const effects = fixtureChecklist('effects');
const FULL = { 'A-1': '是', 'A-2': '是', 'A-3': '是', 'B-1': 0 };

describe('veto effects', () => {
  it('none triggered: full marks, no deductions', () => {
    const r = scored(effects, FULL);
    expect([r.total, r.grade, r.veto]).toEqual([100, '优秀', []]);
    expect(r.penalty).toEqual({ deducted: 0, cap: 8, applied: 0 });
  });

  it('veto: true takes the checklist default, cap-grade 合格: 80 would be 良好, is capped at 合格', () => {
    const r = scored(effects, { ...FULL, 'A-2': '否' });
    expect([r.total, r.grade, r.veto]).toEqual([80, '合格', ['A-2']]);
  });

  it('cap-grade never raises a grade: 55 stays 不合格', () => {
    const r = scored(effects, { ...FULL, 'A-2': '否', 'B-1': 5 }); // 100 − 20 − 25
    expect([r.total, r.grade]).toEqual([55, '不合格']);
  });

  it('deduct 10: 80 earned − 10 = 70, 合格, and the deduction is in the derivation', () => {
    const r = scored(effects, { ...FULL, 'A-3': '否' });
    expect([r.total, r.grade, r.veto]).toEqual([70, '合格', ['A-3']]);
    expect(r.derivation.vetoDeducted).toBe('10');
    expect(r.derivation.unrounded).toBe('70.000000');
  });

  it('lowest-grade: 90 earned is 不合格', () => {
    const r = scored(effects, { ...FULL, 'A-1': '否' });
    expect([r.total, r.grade, r.veto]).toEqual([90, '不合格', ['A-1']]);
  });

  it('several vetoes: the deduction applies and the worst grade rule wins', () => {
    const r = scored(effects, { ...FULL, 'A-1': '否', 'A-2': '否', 'A-3': '否' }); // 50 − 10
    expect([r.total, r.grade, r.veto]).toEqual([40, '不合格', ['A-1', 'A-2', 'A-3']]);
  });

  it('a deduction never takes the total below 0', () => {
    const r = scored(effects, { 'A-1': '是', 'A-2': '否', 'A-3': '否', 'B-1': 10, 'NEG-2': 1 }); // 10 − 10 − 3
    expect([r.total, r.grade]).toEqual([0, '不合格']);
  });

  it('--explain states which effect each veto had', () => {
    const r = scored(effects, { ...FULL, 'A-1': '否', 'A-2': '否', 'A-3': '否' });
    const text = explain(r, effects);
    expect(text).toContain('一票否决:A-1 挂牌并实体化运行 得 0 分,等次定为最低一档');
    expect(text).toContain('一票否决:A-2 专职人员在岗 得 0 分,等次不高于 合格');
    expect(text).toContain('一票否决:A-3 台账真实 得 0 分,从总分中扣 10 分');
    expect(text).toContain('等次:不合格');
  });
});

describe('负面清单 (penalties)', () => {
  const events = {
    ...FULL,
    'NEG-1': { value: 4, deficiencies: ['3号通报问题未整改', '5号通报问题未整改'] },
    'NEG-2': 1,
  };

  it('per event up to the event cap, then the section cap: min(min(4×2, 6) + 3, 8) = 8 → 92', () => {
    const r = scored(effects, events);
    expect(r.total).toBe(92);
    expect(r.grade).toBe('优秀');
    expect(r.penalty).toEqual({ deducted: 9, cap: 8, applied: 8 });
    expect(r.items.filter((i) => i.penalty).map((i) => [i.id, i.earned])).toEqual([
      ['NEG-1', -6],
      ['NEG-2', -3],
      ['NEG-3', 0],
    ]);
  });

  it('raise findings: one per described event, the undescribed rest as one, with the event defaults', () => {
    const r = scored(effects, events);
    expect(r.findings.map((f) => [f.id, f.problem, f.deducted, f.deadline, f.dimensionName])).toEqual([
      ['999901-20261120-NEG-1-1', '通报问题回头看仍未整改:3号通报问题未整改', 2, '2026-12-05', '负面清单'],
      ['999901-20261120-NEG-1-2', '通报问题回头看仍未整改:5号通报问题未整改', 2, '2026-12-05', '负面清单'],
      ['999901-20261120-NEG-1-3', '通报问题回头看仍未整改', 2, '2026-12-05', '负面清单'],
      ['999901-20261120-NEG-2', '因化解不力引发群体性事件', 3, '2026-12-20', '负面清单'],
    ]);
  });

  it('a veto event that occurred applies its veto and is named', () => {
    const r = scored(effects, { ...FULL, 'NEG-3': { value: 1, deficiencies: ['某村因土地纠纷引发命案'] } });
    expect([r.total, r.grade, r.veto]).toEqual([100, '不合格', ['NEG-3']]);
    expect(r.findings.map((f) => [f.id, f.deducted])).toEqual([['999901-20261120-NEG-3', 0]]);
  });

  it('unanswered events are none reported; answering 0 is the same', () => {
    expect(scored(effects, FULL).total).toBe(100);
    expect(scored(effects, { ...FULL, 'NEG-1': 0, 'NEG-2': 0, 'NEG-3': 0 }).findings).toEqual([]);
  });

  it('--explain shows what the section deducted and its cap', () => {
    const text = explain(scored(effects, events), effects);
    expect(text).toContain('负面清单扣分 = min(扣分合计 9, 本类限扣 8) = 8');
    expect(text).toContain('最终得分 = 100.000000 + 0 − 8 − 0 = 92.000000');
    // 负面清单 rows are not bonus items: a checklist without a bonus shows no bonus line.
    expect(text).not.toContain('加分 =');
  });

  it('survive a results JSON round trip: read back and re-scored to the same figures', () => {
    const r = scored(effects, { ...events, 'A-3': '否' });
    const file = join(tempDir(), 'results.json');
    writeFileSync(file, resultsJsonText([r]));
    const read = readResultsJson(file, new ChecklistRegistry([join(ROOT, 'fixtures/scoring/effects.yaml')]));
    expect(read.problems).toEqual([]);
    const again = score(read.responses[0].checklist, read.responses[0].audit);
    expect(again.ok && again.result).toEqual(r);
  });
});

describe('format 1 results are unchanged by format 1.1', () => {
  it('carry no penalty or deduction fields', () => {
    const methods = fixtureChecklist('methods');
    const r = score(methods, auditOf(methods, { 'A-1': '否', 'A-2': '完全达到', 'A-3': '法院', 'B-1': 1, 'B-2': 95, 'B-3': 15 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.result.penalty).toBeUndefined();
    expect(Object.keys(r.result.derivation)).not.toContain('vetoDeducted');
    expect([r.result.total, r.result.grade, r.result.veto]).toEqual([74, '不合格', ['A-1']]);
  });
});
