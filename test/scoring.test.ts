import { describe, expect, it } from 'vitest';
import { scoreResponses } from '../src/scoring/batch.js';
import { score } from '../src/scoring/score.js';
import { auditOf, fixtureChecklist, scored } from './scoring-helpers.js';

const methods = fixtureChecklist('methods');
const drift = fixtureChecklist('drift');

const FULL = { 'A-1': '是', 'A-2': '完全达到', 'A-3': ['法院', '检察院', '公安'], 'B-1': 0, 'B-2': 96, 'B-3': 15 };

describe('each method, computed by hand', () => {
  it('full answers earn the full 100', () => {
    const r = scored(methods, FULL);
    expect(r.total).toBe(100);
    expect(r.grade).toBe('优秀');
    expect(r.findings).toEqual([]);
  });

  it('a mixed audit: 10 + 12 + 14 + 8 + 10 + 13.5 = 67.5', () => {
    const r = scored(methods, { 'A-1': '是', 'A-2': '基本达到', 'A-3': '法院、公安', 'B-1': 2, 'B-2': '９２%', 'B-3': 13.5 });
    expect(r.items.map((i) => i.earned)).toEqual([10, 12, 14, 8, 10, 13.5, 0]);
    expect(r.total).toBe(67.5);
    expect(r.grade).toBe('合格');
    expect(r.dimensions.map((d) => [d.earned, d.applicable, d.points, d.rate])).toEqual([
      [36, 50, 50, 0.72],
      [31.5, 50, 50, 0.63],
    ]);
  });

  it('check accepts the written variants of yes and no', () => {
    for (const yes of ['是', 'yes', 'TRUE', '1', '✓', '√', 1, true]) expect(scored(methods, { ...FULL, 'A-1': yes }).items[0].earned).toBe(10);
    for (const no of ['否', 'no', 'false', '0', '✗', '×', 0, false]) expect(scored(methods, { ...FULL, 'A-1': no }).items[0].earned).toBe(0);
  });

  it('scale takes the first band whose min the value reaches, boundaries inclusive', () => {
    const at = (v: unknown) => scored(methods, { ...FULL, 'B-2': v }).items[4].earned;
    expect([at(95), at(94.99), at(90), at(89.9), at(80), at(79.99), at(0)]).toEqual([15, 10, 10, 5, 5, 0, 0]);
  });

  it('deduct floors at 0 (扣完为止)', () => {
    expect(scored(methods, { ...FULL, 'B-1': 3 }).items[3].earned).toBe(2);
    expect(scored(methods, { ...FULL, 'B-1': 4 }).items[3].earned).toBe(0);
    expect(scored(methods, { ...FULL, 'B-1': 40 }).items[3].earned).toBe(0);
  });

  it('multi sums the chosen options; 无 means none chosen', () => {
    expect(scored(methods, { ...FULL, 'A-3': '检察院;公安' }).items[2].earned).toBe(10);
    expect(scored(methods, { ...FULL, 'A-3': '无' }).items[2].earned).toBe(0);
  });

  it('multi counts an option written twice once', () => {
    const cases: [unknown, string, number][] = [
      ['法院、法院', '法院', 10],
      [['法院', '法院'], '法院', 10],
      ['法院、公安、法院', '法院、公安', 14],
    ];
    for (const [answer, shown, earned] of cases) {
      const row = scored(methods, { ...FULL, 'A-3': answer }).items[2];
      expect([row.answer, row.earned]).toEqual([shown, earned]);
    }
  });
});

describe('N/A 折算', () => {
  it('takes N/A items out of both sides: (100 − 15 lost…) base = earned / applicable × total', () => {
    const r = scored(methods, { ...FULL, 'A-2': '基本达到', 'B-2': { value: '不适用', note: '本级无回访任务' } });
    // earned 10+12+20+20+15 = 77 of applicable 85 → 77/85×100 = 90.588… → 90.6
    expect(r.derivation.earned).toBe('77');
    expect(r.derivation.applicable).toBe('85');
    expect(r.derivation.base).toBe('90.588235');
    expect(r.total).toBe(90.6);
    expect(r.grade).toBe('优秀');
    expect(r.items[4]).toMatchObject({ na: true, earned: null, note: '本级无回访任务' });
    expect(r.dimensions[1]).toMatchObject({ earned: 35, applicable: 35, points: 50, rate: 1 });
  });

  it('is an error, not 0 or NaN, when nothing applies', () => {
    const all = auditOf(drift, { 'P-4': { value: '不适用', note: '无' } });
    const outcome = score({ ...drift, dimensions: [{ ...drift.dimensions[0], items: [drift.dimensions[0].items[3]] }] }, all);
    expect(outcome).toMatchObject({ ok: false, code: 'score.nothing-applicable' });
  });
});

describe('bonus', () => {
  it('adds min(bonus earned, cap) on top, and may pass the total', () => {
    const r = scored(methods, { ...FULL, 'BON-1': 5 });
    expect(r.bonus).toEqual({ earned: 5, cap: 3, applied: 3 });
    expect(r.total).toBe(103);
  });

  it('an unclaimed bonus is 0, not an unanswered item', () => {
    expect(scored(methods, FULL).bonus.applied).toBe(0);
  });
});

describe('veto', () => {
  it('an answered veto item earning 0 forces the lowest grade and is named', () => {
    const r = scored(methods, { ...FULL, 'A-1': '否' });
    expect(r.total).toBe(90);
    expect(r.grade).toBe('不合格');
    expect(r.veto).toEqual(['A-1']);
  });

  it('an unanswered veto item counted as 0 (--blank zero) vetoes nothing: the grade comes from the total', () => {
    const { 'A-1': _unanswered, ...rest } = FULL;
    const r = scored(methods, rest, { blankAsZero: true });
    expect(r.items[0]).toMatchObject({ id: 'A-1', blank: true, earned: 0 });
    expect(r.total).toBe(90);
    expect(r.veto).toEqual([]);
    expect(r.grade).toBe('优秀');
  });

  it('no veto when the veto item earns its points', () => {
    expect(scored(methods, FULL).veto).toEqual([]);
  });
});

describe('rounding and exact sums', () => {
  it('sums exactly: 10.1 + 20.2 + 30.3 + 29.35 is 89.95, which rounds to 90.0 and 优秀', () => {
    // In binary floats this sum is 89.94999999999999 and would round to 89.9 (良好).
    const r = scored(drift, { 'P-1': 10.1, 'P-2': 20.2, 'P-3': 30.3, 'P-4': 29.35 });
    expect(r.derivation.unrounded).toBe('89.950000');
    expect(r.total).toBe(90);
    expect(r.grade).toBe('优秀');
  });

  it('divides exactly: 28.7 of 56 applicable is 51.25, which rounds half-up to 51.3', () => {
    // Float division gives 51.24999999999999.
    const oneItem: typeof drift = { ...drift, dimensions: [{ ...drift.dimensions[0], points: 100, items: [{ ...drift.dimensions[0].items[2], points: 56 }, { ...drift.dimensions[0].items[3], points: 44 }] }] };
    const outcome = score(oneItem, auditOf(oneItem, { 'P-3': 28.7, 'P-4': { value: '不适用', note: '无' } }));
    expect(outcome.ok && outcome.result.total).toBe(51.3);
  });

  it('reads the grade from the rounded score: 79.95 is 80.0, 良好', () => {
    const r = scored(drift, { 'P-1': 14.5, 'P-2': 20.5, 'P-3': 35, 'P-4': 9.95 });
    expect(r.total).toBe(80);
    expect(r.grade).toBe('良好');
  });
});

describe('unanswered items', () => {
  it('make a response incomplete, listing them', () => {
    const outcome = score(methods, auditOf(methods, { 'A-1': '是', 'B-1': 0 }));
    expect(outcome).toMatchObject({ ok: false, code: 'score.incomplete', params: { count: 4, items: 'A-2, A-3, B-2, B-3' } });
  });

  it('count as 0 when the user asks (--blank zero), and are marked so', () => {
    const r = scored(methods, { 'A-1': '是', 'B-1': 0 }, { blankAsZero: true });
    expect(r.total).toBe(30);
    expect(r.items.filter((i) => i.blank).map((i) => i.id)).toEqual(['A-2', 'A-3', 'B-2', 'B-3']);
  });
});

describe('scoring a batch', () => {
  it('scores every response it can and names the source and center of each it cannot', () => {
    const complete = auditOf(methods, FULL);
    const incomplete = { ...auditOf(methods, { 'A-1': '是' }), source: '乙区.xlsx', center: { code: '999902', name: '乙区综治中心' } };
    const out = scoreResponses([{ audit: incomplete, checklist: methods }, { audit: complete, checklist: methods }]);
    expect(out.results.map((r) => [r.center.code, r.total])).toEqual([['999901', 100]]);
    expect(out.problems).toMatchObject([{ code: 'score.incomplete', file: '乙区.xlsx' }]);
    expect(out.problems[0].message).toBe('中心 999902(乙区综治中心):有 5 个评分项未作答:A-2, A-3, B-1, B-2, B-3。请补全,或加 --blank zero 按 0 分计');
    expect(scoreResponses([{ audit: incomplete, checklist: methods }], { blankAsZero: true }).results.map((r) => r.total)).toEqual([10]);
  });
});

describe('findings', () => {
  it('one per item that loses points, with the checklist defaults and a deadline of date + days', () => {
    const r = scored(methods, { ...FULL, 'A-3': '法院', 'A-2': '基本达到' });
    expect(r.findings.map((f) => [f.id, f.problem, f.owner, f.deducted, f.deadline, f.status])).toEqual([
      ['999901-20261120-A-2', '中心领导配备', '', 8, '2026-12-20', '未整改'],
      ['999901-20261120-A-3', '部门入驻不全', '县委政法委', 10, '2026-12-20', '未整改'],
    ]);
  });

  it('one per described deficiency for deduct, the lost points split across them', () => {
    const r = scored(methods, { ...FULL, 'B-1': { value: 4, deficiencies: ['9月台账缺失', '10月台账缺失', '11月台账缺失'] } });
    expect(r.findings.map((f) => [f.id, f.problem, f.deducted, f.deadline])).toEqual([
      ['999901-20261120-B-1-1', '排查台账缺失:9月台账缺失', 6, '2026-11-30'],
      ['999901-20261120-B-1-2', '排查台账缺失:10月台账缺失', 6, '2026-11-30'],
      ['999901-20261120-B-1-3', '排查台账缺失:11月台账缺失', 6, '2026-11-30'],
      // The fourth deficiency was counted but not described; the item floors at 0, so it costs the last 2.
      ['999901-20261120-B-1-4', '排查台账缺失', 2, '2026-11-30'],
    ]);
  });

  it('charges each described deficiency `per` until the item is used up, when every one is described', () => {
    const r = scored(methods, { ...FULL, 'B-1': { value: 4, deficiencies: ['8月台账缺失', '9月台账缺失', '10月台账缺失', '11月台账缺失'] } });
    expect(r.findings.map((f) => [f.id, f.deducted])).toEqual([
      ['999901-20261120-B-1-1', 6],
      ['999901-20261120-B-1-2', 6],
      ['999901-20261120-B-1-3', 6],
      ['999901-20261120-B-1-4', 2],
    ]);
  });

  it('gives deficiencies counted but not described one more finding with what is left', () => {
    const r = scored(methods, { ...FULL, 'B-1': { value: 3, deficiencies: ['9月台账缺失'] } });
    expect(r.findings.map((f) => [f.id, f.problem, f.deducted])).toEqual([
      ['999901-20261120-B-1-1', '排查台账缺失:9月台账缺失', 6],
      ['999901-20261120-B-1-2', '排查台账缺失', 12],
    ]);
  });

  it('takes the response overrides over the defaults', () => {
    const r = scored(methods, { ...FULL, 'A-1': '否' }, {}, { 'A-1': { owner: '区委政法委', deadline: '2026-12-31', measure: '年底前挂牌' } });
    expect(r.findings[0]).toMatchObject({ problem: '未实体化运行', owner: '区委政法委', deadline: '2026-12-31', measure: '年底前挂牌', deducted: 10 });
  });

  it('never come from N/A or bonus items', () => {
    const r = scored(methods, { ...FULL, 'B-3': { value: '不适用', note: '无卷宗' }, 'BON-1': 0 });
    expect(r.findings).toEqual([]);
  });
});
