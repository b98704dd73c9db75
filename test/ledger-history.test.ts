import { describe, expect, it } from 'vitest';
import { auditResult, fail, missing } from '../fixtures/ledger/builders.js';
import { addAudits, type SourcedResult } from '../src/ledger/audits.js';
import type { LedgerRow } from '../src/ledger/model.js';
import { ledgerProgress } from '../src/ledger/progress.js';
import { score } from '../src/scoring/score.js';
import { auditOf, fixtureChecklist, type RawAnswers } from './scoring-helpers.js';

// 回头看 over a center's three audits (October, November, December), on the ledger-mini checklist.
const A = '999901';
const sourced = (code: string, date: string, answers: Parameters<typeof auditResult>[2]): SourcedResult => ({ result: auditResult(code, date, answers), source: `${code}-${date}.audit.yaml` });
const byId = (rows: LedgerRow[], id: string) => rows.find((r) => r.id === id);
const build = (...audits: SourcedResult[]) => {
  const out = addAudits([], audits);
  expect(out.problems).toEqual([]);
  return out.rows;
};
/** A unit's update as merge would take it: the row's status (and what 销号 needs). */
const set = (rows: LedgerRow[], id: string, status: LedgerRow['status']) =>
  rows.map((r) => (r.id === id ? { ...r, status, ...(status === '已销号' ? { closedOn: '2026-10-30', verifier: '赵六' } : {}) } : r));

describe('回头看 over three audits of one center', () => {
  const oct = sourced(A, '2026-10-10', { 'INS-01': fail, 'MEC-02': fail });
  const nov = sourced(A, '2026-11-10', { 'MEC-02': fail });
  const dec = sourced(A, '2026-12-10', { 'MEC-02': fail });

  it('keeps one row for a problem still open at each later audit, with each audit recorded in 复查', () => {
    const rows = build(oct, nov, dec);
    expect(rows.map((r) => r.id)).toEqual(['999901-20261010-INS-01', '999901-20261010-MEC-02']);
    expect(byId(rows, '999901-20261010-MEC-02')).toMatchObject({ status: '未整改', review: '2026-11-10 复查:仍失分,扣 20 分;2026-12-10 复查:仍失分,扣 20 分' });
    // INS-01 earned full points in November: done, awaiting verification.
    expect(byId(rows, '999901-20261010-INS-01')).toMatchObject({ status: '已整改', review: '2026-11-10 复查:该项得满分' });
    expect(byId(rows, '999901-20261010-INS-01')!.note).toContain('回头看(2026-11-10)该项得满分');
    expect(ledgerProgress(rows, '2026-12-20').total).toMatchObject({ findings: 2, open: 1, fixed: 1, rebound: 0 });
  });

  it('turns a closed problem that fails again into 反弹 with one new row; a third audit finds that row open and adds none', () => {
    const first = set(build(oct), '999901-20261010-MEC-02', '已销号');
    const second = addAudits(first, [nov]).rows;
    expect(byId(second, '999901-20261010-MEC-02')).toMatchObject({ status: '反弹', review: '2026-11-10 复查:再次失分,反弹,扣 20 分' });
    expect(byId(second, '999901-20261110-MEC-02')).toMatchObject({ status: '未整改', note: '反弹自 999901-20261010-MEC-02' });
    const third = addAudits(second, [dec]).rows;
    expect(third.filter((r) => r.item.startsWith('MEC-02')).map((r) => r.id)).toEqual(['999901-20261010-MEC-02', '999901-20261110-MEC-02']);
    expect(byId(third, '999901-20261110-MEC-02')).toMatchObject({ status: '未整改', review: '2026-12-10 复查:仍失分,扣 20 分' });
    // Each real problem once: INS-01 (已整改) and MEC-02 (the rebound row is carried on by the new one).
    expect(ledgerProgress(third, '2026-12-20').total).toMatchObject({ findings: 2, open: 1, fixed: 1, rebound: 1 });
  });

  it('treats a problem marked 已整改 that fails again as a rebound too', () => {
    const first = set(build(oct), '999901-20261010-MEC-02', '已整改');
    const rows = addAudits(first, [nov]).rows;
    expect(byId(rows, '999901-20261010-MEC-02')!.status).toBe('反弹');
    expect(byId(rows, '999901-20261110-MEC-02')!.note).toBe('反弹自 999901-20261010-MEC-02');
  });

  it('gives the same ledger built from all three audits as built from the earliest and merged with the later ones in date order', () => {
    const stepwise = addAudits(addAudits(build(oct), [nov]).rows, [dec]).rows;
    expect(build(dec, oct, nov)).toEqual(stepwise);
  });

  it('changes nothing when the same later audit is merged again', () => {
    const once = addAudits(build(oct), [nov, dec]).rows;
    const again = addAudits(once, [nov, dec]);
    expect(again.rows).toEqual(once);
    expect(again.changes).toEqual([]);
  });

  it('adds a row for an item first failing at a later audit, and counts deduct deficiencies found again on their open rows', () => {
    const rows = build(sourced(A, '2026-10-10', { 'MEC-01': missing('10月台账缺失') }), sourced(A, '2026-11-10', { 'MEC-01': missing('10月台账缺失', '11月台账缺失'), 'MEC-03': fail }));
    expect(rows.map((r) => r.id)).toEqual(['999901-20261010-MEC-01', '999901-20261110-MEC-03']);
    expect(byId(rows, '999901-20261010-MEC-01')!.review).toBe('2026-11-10 复查:仍失分,扣 10 分');
  });
});

describe('回头看 of a deduct item with several deficiencies', () => {
  const oct = sourced(A, '2026-10-10', { 'MEC-01': missing('8月台账缺失', '9月台账缺失', '10月台账缺失') });
  const dec = sourced(A, '2026-12-10', { 'MEC-01': missing('11月台账缺失', '12月台账缺失') });

  it('rebounds each closed row to all the new rows, and the new rows name every rebound row and the one still open', () => {
    let rows = build(oct);
    expect(rows.map((r) => r.id)).toEqual(['999901-20261010-MEC-01-1', '999901-20261010-MEC-01-2', '999901-20261010-MEC-01-3']);
    rows = set(set(rows, '999901-20261010-MEC-01-1', '已销号'), '999901-20261010-MEC-01-2', '已整改');
    rows = set(rows, '999901-20261010-MEC-01-3', '整改中');
    const out = addAudits(rows, [dec]);
    expect(out.problems).toEqual([]);
    const again = '回头看(2026-12-10)该项再次失分,已反弹,见 999901-20261210-MEC-01-1、999901-20261210-MEC-01-2';
    expect(out.rows.map((r) => [r.id, r.status, r.note, r.review])).toEqual([
      ['999901-20261010-MEC-01-1', '反弹', again, '2026-12-10 复查:再次失分,反弹,扣 10 分'],
      ['999901-20261010-MEC-01-2', '反弹', again, '2026-12-10 复查:再次失分,反弹,扣 10 分'],
      ['999901-20261010-MEC-01-3', '整改中', '', '2026-12-10 复查:仍失分,扣 10 分'],
      ['999901-20261210-MEC-01-1', '未整改', '反弹自 999901-20261010-MEC-01-1、999901-20261010-MEC-01-2;前次问题 999901-20261010-MEC-01-3 尚未销号', ''],
      ['999901-20261210-MEC-01-2', '未整改', '反弹自 999901-20261010-MEC-01-1、999901-20261010-MEC-01-2;前次问题 999901-20261010-MEC-01-3 尚未销号', ''],
    ]);
  });

  it('names every row of the item still open in the new rows, one after another', () => {
    const rows = set(set(build(oct), '999901-20261010-MEC-01-1', '已销号'), '999901-20261010-MEC-01-2', '整改中');
    const added = addAudits(rows, [dec]).rows.filter((r) => r.id.startsWith('999901-20261210'));
    expect(added.map((r) => r.note)).toEqual(Array(2).fill('反弹自 999901-20261010-MEC-01-1;前次问题 999901-20261010-MEC-01-2、999901-20261010-MEC-01-3 尚未销号'));
  });

  it('records every change it makes for 合并记录: the status, the note and 复查, each from and to', () => {
    const rows = set(build(oct), '999901-20261010-MEC-01-1', '已销号').filter((r) => r.id.endsWith('-1'));
    const { changes } = addAudits(rows, [dec]);
    const from = '999901-20261010-MEC-01-1';
    expect(changes).toEqual([
      { source: dec.source, id: from, field: 'status', from: '已销号', to: '反弹', reason: 'review' },
      { source: dec.source, id: from, field: 'note', from: '', to: '回头看(2026-12-10)该项再次失分,已反弹,见 999901-20261210-MEC-01-1、999901-20261210-MEC-01-2', reason: 'review' },
      { source: dec.source, id: from, field: 'review', from: '', to: '2026-12-10 复查:再次失分,反弹,扣 10 分', reason: 'review' },
      { source: dec.source, id: '999901-20261210-MEC-01-1', from: '', to: '矛盾纠纷排查台账缺失:11月台账缺失', reason: 'audit' },
      { source: dec.source, id: '999901-20261210-MEC-01-2', from: '', to: '矛盾纠纷排查台账缺失:12月台账缺失', reason: 'audit' },
    ]);
  });
});

describe('what 回头看 leaves alone', () => {
  it('opens a row for a problem whose only earlier row is 反弹 (an audit merged out of date order)', () => {
    const oct = sourced(A, '2026-10-10', { 'MEC-02': fail });
    const rebounded = build(oct).map((r) => ({ ...r, status: '反弹' as const }));
    const nov = addAudits(rebounded, [sourced(A, '2026-11-10', { 'MEC-02': fail })]);
    expect(nov.rows.map((r) => [r.id, r.status])).toEqual([
      ['999901-20261010-MEC-02', '反弹'],
      ['999901-20261110-MEC-02', '未整改'],
    ]);
  });

  it('does not close an open problem when the later audit did not inspect its item or found it not applicable', () => {
    const oct = build(sourced(A, '2026-10-10', { 'MEC-02': fail }));
    const nov = addAudits(oct, [sourced(A, '2026-11-10', { 'MEC-02': { value: '未查', note: '负责人不在' } })]);
    expect(nov.rows).toEqual(oct);
    expect(nov.changes).toEqual([]);
  });

  it('does not take a second audit of the same day for a 回头看 of that day’s rows', () => {
    const morning = build(sourced(A, '2026-10-10', { 'MEC-02': fail }));
    const afternoon = addAudits(morning, [sourced(A, '2026-10-10', {})]);
    expect(afternoon.rows).toEqual(morning);
    expect(afternoon.changes).toEqual([]);
  });
});

// The 负面清单 of fixtures/scoring/effects.yaml (format 1.1): NEG-1 takes 2 points per event and has finding defaults.
describe('回头看 of 负面清单 events: the same rules as a scored item', () => {
  const effects = fixtureChecklist('effects');
  const at = (date: string, events: RawAnswers = {}): SourcedResult => {
    const outcome = score(effects, { ...auditOf(effects, { 'A-1': '是', 'A-2': '是', 'A-3': '是', 'B-1': 0, ...events }), date });
    if (!outcome.ok) throw new Error(outcome.code);
    return { result: outcome.result, source: `${date}.audit.yaml` };
  };
  const oct = at('2026-10-10', { 'NEG-1': { value: 1, deficiencies: ['3号通报问题未整改'] } });
  const nov = at('2026-11-10', { 'NEG-1': { value: 1, deficiencies: ['7号通报问题未整改'] } });
  const dec = at('2026-12-10');
  const OLD = '999901-20261010-NEG-1';

  it('records an event found again on its open row, in 复查, without a second row', () => {
    const rows = build(oct, nov);
    expect(rows.map((r) => [r.id, r.status, r.dimension, r.review])).toEqual([[OLD, '未整改', '负面清单', '2026-11-10 复查:仍失分,扣 2 分']]);
  });

  it('turns a closed event row into 反弹 when the event occurs again, and adds the new event as a row', () => {
    const rows = addAudits(set(build(oct), OLD, '已销号'), [nov]).rows;
    expect(rows.map((r) => [r.id, r.status, r.problem, r.note])).toEqual([
      [OLD, '反弹', '通报问题回头看仍未整改:3号通报问题未整改', '回头看(2026-11-10)该项再次失分,已反弹,见 999901-20261110-NEG-1'],
      ['999901-20261110-NEG-1', '未整改', '通报问题回头看仍未整改:7号通报问题未整改', `反弹自 ${OLD}`],
    ]);
  });

  it('marks an open event row 已整改 when the later audit found no such event (销号 still after verification)', () => {
    expect(build(oct, dec).map((r) => [r.id, r.status, r.review])).toEqual([[OLD, '已整改', '2026-12-10 复查:该项得满分']]);
  });
});
