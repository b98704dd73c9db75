import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asCopy, auditResult, edited, fail, missing } from '../fixtures/ledger/builders.js';
import { addAudits } from '../src/ledger/audits.js';
import type { Ledger } from '../src/ledger/ledger.js';
import { mergeLedger, type LedgerCopy } from '../src/ledger/merge.js';
import { LEDGER_STATUSES, type LedgerRow } from '../src/ledger/model.js';
import type { SourcedResult } from '../src/ledger/audits.js';

const october = auditResult('999901', '2026-10-10', { 'INS-01': fail, 'MEC-01': missing('10月排查台账缺失', '11月排查台账缺失') });
const township = auditResult('999902101', '2026-10-12', { 'MEC-02': fail });

function built(): Ledger {
  const out = addAudits([], [
    { result: october, source: 'a.audit.yaml' },
    { result: township, source: 'b.audit.yaml' },
  ]);
  expect(out.problems).toEqual([]);
  return { rows: out.rows, log: [] };
}

const ledger = built();
const [ins01, mec01a, mec01b, town] = ledger.rows;

function merge(copies: LedgerCopy[], audits: SourcedResult[] = [], base: Ledger = ledger) {
  return mergeLedger({ ledger: base, ledgerFile: 'ledger.xlsx', copies, audits, time: '2026-11-30 09:00:00' });
}

function merged(copies: LedgerCopy[], audits: SourcedResult[] = [], base: Ledger = ledger) {
  const outcome = merge(copies, audits, base);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => `${p.file}!${p.sheet}!${p.cell}: ${p.message}`).join('\n'));
  return outcome;
}

function problems(copies: LedgerCopy[], audits: SourcedResult[] = [], base: Ledger = ledger) {
  const outcome = merge(copies, audits, base);
  if (outcome.ok) throw new Error('expected the merge to be refused');
  return outcome.problems;
}

const byId = (rows: LedgerRow[], id: string) => rows.find((r) => r.id === id)!;

describe('building the ledger from findings', () => {
  it('has one row per finding, with the audit’s owner, measure and deadline, open', () => {
    expect(ledger.rows.map((r) => r.id)).toEqual([
      '999901-20261010-INS-01',
      '999901-20261010-MEC-01-1',
      '999901-20261010-MEC-01-2',
      '999902101-20261012-MEC-02',
    ]);
    expect(ins01).toMatchObject({
      centerCode: '999901',
      county: '999901',
      dimension: '机构设置规范化',
      item: 'INS-01 综治中心挂牌并实体化运行',
      problem: '综治中心未实体化运行',
      deducted: 20,
      owner: '县委政法委',
      deadline: '2026-11-09',
      status: '未整改',
    });
    expect(mec01a.problem).toBe('矛盾纠纷排查台账缺失:10月排查台账缺失');
    expect(town.county).toBe('999902');
  });

  it('shows the county’s name, never a center’s, when a registry gave it', () => {
    const out = addAudits([], [{ result: township, source: 'b' }], { countyNames: new Map([['999902', '乙县']]) });
    expect(out.rows[0].county).toBe('乙县');
  });

  it('adds nothing when the same audit comes twice, and refuses two different versions of one audit', () => {
    const twice = addAudits(ledger.rows, [{ result: october, source: 'again.json' }]);
    expect(twice.rows).toHaveLength(ledger.rows.length);
    expect(twice.changes).toEqual([]);
    const other = auditResult('999901', '2026-10-10', { 'INS-02': fail });
    const out = addAudits([], [{ result: october, source: 'a.yaml' }, { result: other, source: 'b.yaml' }]);
    expect(out.problems).toMatchObject([{ code: 'ledger.duplicate-audit', file: 'b.yaml' }]);
  });
});

describe('merging units’ copies', () => {
  it('takes a unit’s status, progress and person, and records who changed what', () => {
    const copy = asCopy([edited(ins01, { status: '整改中', progress: '已落实场所,人员调配中', person: '王五' })], '甲区.xlsx', ledger.rows);
    const out = merged([copy]);
    expect(byId(out.ledger.rows, ins01.id)).toMatchObject({ status: '整改中', progress: '已落实场所,人员调配中', person: '王五' });
    expect(out.changes).toEqual([
      { source: '甲区.xlsx', id: ins01.id, field: 'person', from: '', to: '王五', reason: 'update' },
      { source: '甲区.xlsx', id: ins01.id, field: 'status', from: '未整改', to: '整改中', reason: 'update' },
      { source: '甲区.xlsx', id: ins01.id, field: 'progress', from: '', to: '已落实场所,人员调配中', reason: 'update' },
    ]);
    expect(out.ledger.log).toContainEqual({ time: '2026-11-30 09:00:00', file: '甲区.xlsx', id: ins01.id, field: '整改状态', from: '未整改', to: '整改中', reason: '单位更新' });
  });

  it('leaves rows absent from a copy untouched: absence is not deletion', () => {
    const copy = asCopy([edited(town, { status: '整改中' })], '乙.xlsx', ledger.rows);
    const out = merged([copy]);
    expect(out.ledger.rows.map((r) => r.id)).toEqual(ledger.rows.map((r) => r.id));
    expect(out.ledger.rows.filter((r) => r.id !== town.id)).toEqual(ledger.rows.filter((r) => r.id !== town.id));
    // The copy was sent with every row: the ones it came back without are named, and kept.
    expect(out.notices).toMatchObject([{ code: 'ledger.rows-dropped', file: '乙.xlsx', message: expect.stringContaining(`${ins01.id}、${mec01a.id}、${mec01b.id}`) }]);
  });

  it('reads copies whose rows were reordered and whose columns were moved or dropped', () => {
    const fields = ['note', 'status', 'id', 'progress'] as const;
    const copy = asCopy([edited(town, { status: '已整改', progress: '已补录' }), edited(ins01, { status: '整改中' })], 'x.xlsx', ledger.rows, fields);
    const out = merged([copy]);
    expect(byId(out.ledger.rows, town.id)).toMatchObject({ status: '已整改', progress: '已补录', problem: town.problem });
    expect(byId(out.ledger.rows, ins01.id).status).toBe('整改中');
  });

  it('accepts a jump forward (未整改 → 已整改) but not a step back without a note', () => {
    expect(byId(merged([asCopy([edited(ins01, { status: '已整改' })], 'a.xlsx', ledger.rows)]).ledger.rows, ins01.id).status).toBe('已整改');
    const fixed = merged([asCopy([edited(ins01, { status: '已整改' })], 'a.xlsx', ledger.rows)]).ledger;
    const back = asCopy([edited(fixed.rows[0], { status: '整改中' })], 'b.xlsx', fixed.rows);
    expect(problems([back], [], fixed)).toMatchObject([{ code: 'ledger.step-back', file: 'b.xlsx', sheet: '整改台账', cell: 'N3' }]);
  });

  it('accepts a step back when the same row explains it in 整改进展 or 备注', () => {
    const fixed = merged([asCopy([edited(ins01, { status: '已整改' })], 'a.xlsx', ledger.rows)]).ledger;
    for (const note of [{ progress: '复查发现人员未到岗,重新整改' }, { note: '误报已整改' }]) {
      const back = asCopy([edited(fixed.rows[0], { status: '整改中', ...note })], 'b.xlsx', fixed.rows);
      expect(byId(merged([back], [], fixed).ledger.rows, ins01.id).status).toBe('整改中');
    }
  });

  it('refuses a step back on a row whose 整改进展 an earlier merge wrote, when the copy leaves that text as it was', () => {
    const fixed = merged([asCopy([edited(ins01, { status: '已整改', progress: '已落实场所和人员' })], 'a.xlsx', ledger.rows)]).ledger;
    const back = asCopy([edited(byId(fixed.rows, ins01.id), { status: '整改中' })], 'b.xlsx', fixed.rows);
    expect(problems([back], [], fixed)).toMatchObject([{ code: 'ledger.step-back', file: 'b.xlsx', sheet: '整改台账', cell: 'N3' }]);
  });

  it('requires 销号日期 and 核验人 for 已销号, pointing at the empty cell', () => {
    const noVerifier = asCopy([edited(ins01, { status: '已销号', closedOn: '2026-11-20' })], 'a.xlsx', ledger.rows);
    expect(problems([noVerifier])).toMatchObject([{ code: 'ledger.close-needs', cell: 'Q3', message: expect.stringContaining('核验人') }]);
    const noDate = asCopy([edited(ins01, { status: '已销号', verifier: '赵六' })], 'a.xlsx', ledger.rows);
    expect(problems([noDate])).toMatchObject([{ code: 'ledger.close-needs', cell: 'P3', message: expect.stringContaining('销号日期') }]);
    const both = asCopy([edited(ins01, { status: '已销号', closedOn: '2026-11-20', verifier: '赵六' })], 'a.xlsx', ledger.rows);
    expect(byId(merged([both]).ledger.rows, ins01.id)).toMatchObject({ status: '已销号', closedOn: '2026-11-20', verifier: '赵六' });
  });

  it('refuses a unit’s change to 整改时限 — cleared, moved or set — unless 备注 states an approved extension', () => {
    // ins01's deadline is 2026-11-09; the merge runs on 2026-11-30, so the row is overdue.
    for (const deadline of ['', '2026-12-31', '2026-11-01']) {
      const copy = asCopy([edited(ins01, { deadline, note: '单位申请延期' })], 'a.xlsx', ledger.rows);
      expect(problems([copy])).toMatchObject([{ code: 'ledger.deadline-owned', cell: 'M3', message: expect.stringContaining('经县委政法委批准延期至2027-01-31') }]);
    }
  });

  it('takes an extension stated in 备注 as 经…批准延期至<date>, records it as 批准延期, and only to that later date', () => {
    const extended = asCopy([edited(ins01, { deadline: '2026-12-31', note: '经县委政法委批准延期至2026年12月31日' })], 'a.xlsx', ledger.rows);
    const out = merged([extended]);
    expect(byId(out.ledger.rows, ins01.id).deadline).toBe('2026-12-31');
    expect(out.ledger.log).toContainEqual({ time: '2026-11-30 09:00:00', file: 'a.xlsx', id: ins01.id, field: '整改时限', from: '2026-11-09', to: '2026-12-31', reason: '批准延期' });
    const otherDate = asCopy([edited(ins01, { deadline: '2026-12-31', note: '经县委政法委批准延期至2027-01-31' })], 'a.xlsx', ledger.rows);
    expect(problems([otherDate])).toMatchObject([{ code: 'ledger.extension-mismatch', cell: 'M3' }]);
    const earlier = asCopy([edited(ins01, { deadline: '2026-11-01', note: '经县委政法委批准延期至2026-11-01' })], 'a.xlsx', ledger.rows);
    expect(problems([earlier])).toMatchObject([{ code: 'ledger.extension-not-later', cell: 'M3' }]);
    const cleared = asCopy([edited(ins01, { deadline: '', note: '经县委政法委批准延期至2026-12-31' })], 'a.xlsx', ledger.rows);
    expect(problems([cleared])).toMatchObject([{ code: 'ledger.extension-mismatch', cell: 'M3' }]);
    const noApprover = asCopy([edited(ins01, { deadline: '2026-12-31', note: '批准延期至2026-12-31' })], 'a.xlsx', ledger.rows);
    expect(problems([noApprover])).toMatchObject([{ code: 'ledger.deadline-owned' }]);
  });

  it('refuses a 销号日期 before the audit that found the problem or after the day of the merge', () => {
    // ins01 was found on 2026-10-10; the merge runs on 2026-11-30.
    for (const closedOn of ['2099-01-01', '2026-12-01', '2026-10-09', '2025-01-01']) {
      const copy = asCopy([edited(ins01, { status: '已销号', closedOn, verifier: '赵六' })], 'a.xlsx', ledger.rows);
      expect(problems([copy])).toMatchObject([{ code: 'ledger.closed-on-range', cell: 'P3', message: expect.stringContaining('2026-10-10') }]);
    }
    for (const closedOn of ['2026-10-10', '2026-11-30']) {
      const copy = asCopy([edited(ins01, { status: '已销号', closedOn, verifier: '赵六' })], 'a.xlsx', ledger.rows);
      expect(byId(merged([copy]).ledger.rows, ins01.id).closedOn).toBe(closedOn);
    }
  });

  it('reads dates typed as text, as serials and as date cells; refuses what is not a date', () => {
    const forms: [unknown, string][] = [
      ['2026/11/20', '2026-11-20'],
      ['2026年11月20日', '2026-11-20'],
      ['２０２６-１１-２０', '2026-11-20'],
      [46346, '2026-11-20'],
      [new Date(Date.UTC(2026, 10, 20)), '2026-11-20'],
    ];
    for (const [cell, iso] of forms) {
      const copy = asCopy([edited(ins01, { status: '已销号', verifier: '赵六' })], 'a.xlsx', ledger.rows);
      (copy.rows[0].cells as Map<string, unknown>).set('closedOn', cell);
      expect(byId(merged([copy]).ledger.rows, ins01.id).closedOn).toBe(iso);
    }
    const bad = asCopy([edited(ins01, { deadline: '2026-02-30', closedOn: '下周' })], 'a.xlsx', ledger.rows);
    expect(problems([bad]).map((p) => [p.code, p.cell])).toEqual([
      ['ledger.bad-date', 'M3'],
      ['ledger.bad-date', 'P3'],
    ]);
  });

  it('refuses a status that is not one of the five', () => {
    const copy = asCopy([edited(ins01, { status: '基本完成' })], 'a.xlsx', ledger.rows);
    expect(problems([copy])).toMatchObject([{ code: 'ledger.bad-status', cell: 'N3', message: expect.stringContaining('未整改/整改中/已整改/已销号/反弹') }]);
  });

  it('reports an unknown 问题编号, a row without one and a row given twice', () => {
    const copy = asCopy([edited(ins01, { id: '999901-20261010-INS-09' }), edited(ins01, { id: '', progress: '自查发现' }), town, edited(town, { progress: 'x' })], 'a.xlsx', ledger.rows);
    expect(problems([copy]).map((p) => [p.code, p.cell])).toEqual([
      ['ledger.unknown-id', 'B3'],
      ['ledger.missing-id', 'B4'],
      ['ledger.duplicate-id', 'B6'],
    ]);
  });

  it('skips blank rows a unit left behind', () => {
    const blank = edited(ins01, Object.fromEntries(Object.keys(ins01).map((k) => [k, ''])));
    expect(merged([asCopy([blank, edited(town, { status: '整改中' })], 'a.xlsx', ledger.rows)]).changes).toHaveLength(1);
  });

  it('reports a unit’s change to a protected field instead of taking it', () => {
    const copy = asCopy([edited(ins01, { problem: '综治中心已实体化运行', deducted: 10, status: '整改中' })], 'a.xlsx', ledger.rows);
    const found = problems([copy]);
    expect(found.map((p) => [p.code, p.cell])).toEqual([
      ['ledger.protected-changed', 'H3'],
      ['ledger.protected-changed', 'I3'],
    ]);
    expect(found[0].message).toContain('综治中心未实体化运行');
    expect(found[0].message).toContain('综治中心已实体化运行');
  });

  it('reports two copies setting one field differently, naming both cells; the same value twice is no conflict', () => {
    const a = asCopy([edited(ins01, { progress: '场所已落实' })], 'a.xlsx', ledger.rows);
    const b = asCopy([town, edited(ins01, { progress: '人员已到岗' })], 'b.xlsx', ledger.rows);
    const [conflict] = problems([a, b]);
    expect(conflict).toMatchObject({ code: 'ledger.conflict', file: 'a.xlsx', cell: 'O3' });
    expect(conflict.message).toContain('b.xlsx!整改台账!O4');
    const same = merged([a, asCopy([edited(ins01, { progress: '场所已落实' })], 'c.xlsx', ledger.rows)]);
    expect(same.changes).toMatchObject([{ field: 'progress', source: 'a.xlsx、c.xlsx' }]);
  });

  it('ignores what a stale copy did not change, even when the ledger moved on since it was sent', () => {
    const sent = ledger.rows;
    const now = merged([asCopy([edited(ins01, { status: '已整改', progress: '已整改到位' })], 'first.xlsx', sent)]).ledger;
    // The second unit's copy predates that merge: its row still says 未整改, but the unit only added a person.
    const late = asCopy([edited(ins01, { person: '王五' })], 'late.xlsx', sent);
    expect(byId(merged([late], [], now).ledger.rows, ins01.id)).toMatchObject({ status: '已整改', progress: '已整改到位', person: '王五' });
  });

  it('reports a field both the ledger (since the copy went out) and the unit changed', () => {
    const sent = ledger.rows;
    const now = merged([asCopy([edited(ins01, { progress: '已落实场所' })], 'first.xlsx', sent)]).ledger;
    const late = asCopy([edited(ins01, { progress: '人员到岗' })], 'late.xlsx', sent);
    expect(problems([late], [], now)).toMatchObject([{ code: 'ledger.changed-since', file: 'late.xlsx', cell: 'O3' }]);
  });

  it('compares with the ledger when a copy lost its hidden sheet', () => {
    const copy = asCopy([edited(ins01, { status: '整改中' }), town], 'a.xlsx');
    expect(merged([copy]).changes).toMatchObject([{ id: ins01.id, field: 'status' }]);
  });

  it('lists every problem of every copy with its place, and merges nothing', () => {
    const a = asCopy([edited(ins01, { status: '已销号' }), edited(town, { deducted: 1 })], 'a.xlsx', ledger.rows);
    const b = asCopy([edited(mec01a, { closedOn: 'soon' }), edited(mec01b, { id: 'nope' })], 'b.xlsx', ledger.rows);
    const found = problems([a, b]);
    expect(found.length).toBe(5);
    for (const p of found) expect(p).toMatchObject({ file: expect.any(String), sheet: '整改台账', cell: expect.stringMatching(/^[A-Z]+\d+$/) });
  });
});

describe('回头看', () => {
  const closedLedger = (): Ledger => {
    const copy = asCopy([edited(ins01, { status: '已销号', closedOn: '2026-11-05', verifier: '赵六' })], 'a.xlsx', ledger.rows);
    return merged([copy]).ledger;
  };

  it('marks an open finding 已整改 when a later audit gives its item full points, leaving 销号 to a person', () => {
    const later = auditResult('999901', '2026-12-01', { 'INS-01': fail });
    const out = merged([], [{ result: later, source: 'dec.audit.yaml' }]);
    for (const id of [mec01a.id, mec01b.id]) {
      expect(byId(out.ledger.rows, id)).toMatchObject({ status: '已整改', note: expect.stringContaining('回头看(2026-12-01)该项得满分') });
    }
    expect(byId(out.ledger.rows, town.id).status).toBe('未整改');
    expect(out.changes.filter((c) => c.reason === 'review' && c.field === 'status')).toHaveLength(2);
    expect(out.ledger.log.find((e) => e.id === mec01a.id && e.field === '整改状态')).toMatchObject({ reason: '回头看', file: 'dec.audit.yaml', to: '已整改' });
  });

  it('marks a 已销号 finding 反弹 when its item loses points again, and opens a new finding that refers to it', () => {
    const later = auditResult('999901', '2026-12-01', { 'INS-01': fail });
    const out = merged([], [{ result: later, source: 'dec.audit.yaml' }], closedLedger());
    const old = byId(out.ledger.rows, ins01.id);
    expect(old).toMatchObject({ status: '反弹', note: expect.stringContaining('999901-20261201-INS-01') });
    expect(byId(out.ledger.rows, '999901-20261201-INS-01')).toMatchObject({ status: '未整改', note: `反弹自 ${ins01.id}` });
  });

  it('does nothing to other centers, to earlier audits, or to a finding the same audit made', () => {
    const same = merged([], [{ result: october, source: 'again.yaml' }]);
    expect(same.changes).toEqual([]);
    const earlier = auditResult('999901', '2026-09-01');
    expect(merged([], [{ result: earlier, source: 'sep.yaml' }]).changes).toEqual([]);
  });

  it('applies units’ updates before the audit, and the audit’s findings become new rows', () => {
    const copy = asCopy([edited(mec01a, { status: '整改中', progress: '补建中' })], 'a.xlsx', ledger.rows);
    const later = auditResult('999901', '2026-12-01', { 'INS-02': fail });
    const out = merged([copy], [{ result: later, source: 'dec.yaml' }]);
    expect(byId(out.ledger.rows, mec01a.id).status).toBe('已整改');
    expect(out.ledger.rows.at(-1)).toMatchObject({ id: '999901-20261201-INS-02', status: '未整改' });
    expect(out.changes.filter((c) => c.reason === 'audit')).toHaveLength(1);
  });
});

describe('merge never loses or invents a row', () => {
  const forward: Record<string, string[]> = { 未整改: ['未整改', '整改中', '已整改'], 整改中: ['整改中', '已整改'], 已整改: ['已整改'], 已销号: ['已销号'], 反弹: ['反弹'] };
  it('keeps every row, changes only what copies changed, whatever subset and order they send', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ row: fc.nat(ledger.rows.length - 1), step: fc.nat(2), progress: fc.string({ maxLength: 6 }) }), { maxLength: 8 }),
        (edits) => {
          const chosen = new Map<string, LedgerRow>();
          for (const e of edits) {
            const row = ledger.rows[e.row];
            const options = forward[row.status];
            chosen.set(row.id, edited(row, { status: options[e.step % options.length], progress: e.progress.trim() }));
          }
          const out = merged([asCopy([...chosen.values()].reverse(), 'u.xlsx', ledger.rows)]);
          expect(out.ledger.rows.map((r) => r.id)).toEqual(ledger.rows.map((r) => r.id));
          for (const row of out.ledger.rows) {
            const want = chosen.get(row.id);
            expect(row).toEqual(want ? { ...want, progress: want.progress.trim() } : byId(ledger.rows, row.id));
          }
          expect(LEDGER_STATUSES).toEqual(expect.arrayContaining(out.ledger.rows.map((r) => r.status)));
        },
      ),
    );
  });
});

describe('what merge messages say', () => {
  it('names the first ten rows a copy came back without, and how many more', () => {
    const many: Ledger = { rows: Array.from({ length: 13 }, (_, i) => ({ ...ins01, id: `${ins01.id}-${i + 1}` })), log: [] };
    const copy = asCopy([edited(many.rows[0], { person: '王五' })], '甲区.xlsx', many.rows);
    const [notice] = merged([copy], [], many).notices;
    const ids = many.rows.slice(1, 11).map((r) => r.id).join('、');
    expect(notice).toMatchObject({ code: 'ledger.rows-dropped', file: '甲区.xlsx' });
    expect(notice.message).toBe(`副本下发时有、交回时没有的 12 个问题:${ids} …(+2);这些问题在台账中保持不变(缺行不等于删除)`);
    const ten = asCopy([many.rows[0], many.rows[1], many.rows[2]], '乙区.xlsx', many.rows);
    expect(merged([ten], [], many).notices[0].message).toContain(`${many.rows.slice(3).map((r) => r.id).join('、')};`);
  });

  it('shows an empty 整改时限 as (空) when a unit clears or sets one', () => {
    const cleared = asCopy([edited(ins01, { deadline: '', note: '单位申请延期' })], 'a.xlsx', ledger.rows);
    expect(problems([cleared])[0].message).toContain('(此处从"2026-11-09"改成了"(空)")');
    const unset: Ledger = { rows: ledger.rows.map((r) => (r.id === ins01.id ? { ...r, deadline: '' } : r)), log: [] };
    const set = asCopy([edited(byId(unset.rows, ins01.id), { deadline: '2026-12-31', note: '单位申请延期' })], 'a.xlsx', unset.rows);
    expect(problems([set], [], unset)[0].message).toContain('(此处从"(空)"改成了"2026-12-31")');
  });

  it('judges 销号日期 of a row no audit made only against the day of the merge', () => {
    const own: Ledger = { rows: [{ ...ins01, id: '县-专项-1' }], log: [] };
    const late = asCopy([edited(own.rows[0], { status: '已销号', closedOn: '2026-12-01', verifier: '赵六' })], 'a.xlsx', own.rows);
    expect(problems([late], [], own)).toMatchObject([{ code: 'ledger.closed-on-range', message: '销号日期 2026-12-01 不在检查日期 — 与今天 2026-11-30 之间;请填写实际核验销号的日期' }]);
    const early = asCopy([edited(own.rows[0], { status: '已销号', closedOn: '2020-01-01', verifier: '赵六' })], 'a.xlsx', own.rows);
    expect(byId(merged([early], [], own).ledger.rows, '县-专项-1').closedOn).toBe('2020-01-01');
  });
});

describe('merge rules at their edges', () => {
  const fixed = () => merged([asCopy([edited(ins01, { status: '已整改', progress: '已落实场所' })], 'a.xlsx', ledger.rows)]).ledger;

  it('says nothing of dropped rows when a copy comes back whole', () => {
    expect(merged([asCopy([edited(ins01, { person: '王五' }), mec01a, mec01b, town], '甲区.xlsx', ledger.rows)]).notices).toEqual([]);
  });

  it('names the id and the other place of a row given twice, and the ledger an unknown id is not in', () => {
    const twice = asCopy([edited(ins01, { person: '王五' }), edited(ins01, { person: '李四' })], 'a.xlsx', ledger.rows);
    expect(problems([twice]).map((p) => [p.code, p.cell, p.message])).toEqual([['ledger.duplicate-id', 'B4', `问题编号 ${ins01.id} 重复出现(前一处在 a.xlsx!整改台账!B3);每个问题只能占一行`]]);
    const unknown = asCopy([edited(ins01, { id: '999901-20261010-INS-09' })], 'a.xlsx');
    expect(problems([unknown])[0].message).toContain('问题编号 999901-20261010-INS-09 不在台账 ledger.xlsx 中');
  });

  it('takes a unit’s change the ledger already made since the copy went out as no change and no conflict', () => {
    const sent = ledger.rows;
    const since: Ledger = { rows: ledger.rows.map((r) => (r.id === ins01.id ? { ...r, person: '王五' } : r)), log: [] };
    const out = merged([asCopy([edited(ins01, { person: '王五' })], 'a.xlsx', sent)], [], since);
    expect(out.changes).toEqual([]);
    expect(byId(out.ledger.rows, ins01.id).person).toBe('王五');
  });

  it('needs the step back explained by new text on the same row of the same copy', () => {
    const base = fixed();
    const row = byId(base.rows, ins01.id);
    // Clearing 整改进展 explains nothing.
    const cleared = asCopy([edited(row, { status: '整改中', progress: '' })], 'b.xlsx', base.rows);
    expect(problems([cleared], [], base)).toMatchObject([{ code: 'ledger.step-back', message: '整改状态从"已整改"退回"整改中",需要在同一行的"整改进展"或"备注"中说明原因' }]);
    // Another copy's new 整改进展 does not explain this copy's step back.
    const back = asCopy([edited(row, { status: '整改中' })], 'b.xlsx', base.rows);
    const other = asCopy([edited(row, { progress: '人员调整中' })], 'c.xlsx', base.rows);
    expect(problems([back, other], [], base)).toMatchObject([{ code: 'ledger.step-back', file: 'b.xlsx', cell: 'N3' }]);
    // Two copies stepping back alike, one explaining it: taken.
    const explained = asCopy([edited(row, { status: '整改中', note: '复查发现问题未解决' })], 'c.xlsx', base.rows);
    expect(byId(merged([back, explained], [], base).ledger.rows, ins01.id).status).toBe('整改中');
  });

  it('names every other copy that set a field differently, with its value', () => {
    const a = asCopy([edited(ins01, { person: '王五' })], 'a.xlsx', ledger.rows);
    const b = asCopy([edited(ins01, { person: '李四' })], 'b.xlsx', ledger.rows);
    const c = asCopy([edited(ins01, { person: '王五' })], 'c.xlsx', ledger.rows);
    const d = asCopy([edited(ins01, { person: '赵六' })], 'd.xlsx', ledger.rows);
    expect(problems([a, b, c, d]).map((p) => [p.code, p.file, p.message])).toEqual([
      ['ledger.conflict', 'a.xlsx', '"责任人"此处为"王五",与 b.xlsx!整改台账!L3 "李四", d.xlsx!整改台账!L3 "赵六" 不一致;请确认以哪一份为准并统一后再合并'],
    ]);
  });

  it('lets a unit edit 备注 of a closed row, and points at the emptied 核验人 when it clears one', () => {
    // The committee entered a 销号日期 after the day of the merge in its own ledger: a unit's merge does not judge it.
    const closed: Ledger = { rows: ledger.rows.map((r) => (r.id === ins01.id ? { ...r, status: '已销号' as const, closedOn: '2026-12-05', verifier: '赵六' } : r)), log: [] };
    const row = byId(closed.rows, ins01.id);
    expect(byId(merged([asCopy([edited(row, { note: '已归档' })], 'a.xlsx', closed.rows)], [], closed).ledger.rows, ins01.id).note).toBe('已归档');
    const cleared = asCopy([edited(row, { verifier: '' })], 'a.xlsx', closed.rows);
    expect(problems([cleared], [], closed)).toMatchObject([{ code: 'ledger.close-needs', cell: 'Q3', message: '整改状态为"已销号"时必须填写"核验人"' }]);
  });

  it('says which date 备注 states when 整改时限 disagrees with it', () => {
    const copy = asCopy([edited(ins01, { deadline: '2026-12-31', note: '经县委政法委批准延期至2027-01-31' })], 'a.xlsx', ledger.rows);
    expect(problems([copy])[0].message).toBe('备注写明批准延期至 2027-01-31,但整改时限填的是"2026-12-31";两处应一致');
  });

  it('refuses the whole merge when two versions of one audit come with it, and records added rows as 新增问题', () => {
    const later = auditResult('999901', '2026-12-01', { 'INS-02': fail });
    const other = auditResult('999901', '2026-12-01', { 'MEC-02': fail });
    expect(problems([], [{ result: later, source: 'a.yaml' }, { result: other, source: 'b.yaml' }]).map((p) => [p.code, p.message])).toEqual([
      ['ledger.duplicate-audit', '中心 999901 在 2026-12-01 的评估有两份且内容不同(另一份:a.yaml);请只保留正确的一份'],
    ]);
    // The same audit twice is one audit.
    const out = merged([], [{ result: later, source: 'a.yaml' }, { result: later, source: 'a-copy.yaml' }]);
    expect(out.ledger.log.filter((e) => e.field === '新增问题')).toEqual([{ time: '2026-11-30 09:00:00', file: 'a.yaml', id: '999901-20261201-INS-02', field: '新增问题', from: '', to: expect.any(String), reason: '新评估' }]);
  });
});

describe('a row as an audit opens it', () => {
  it('starts with no progress, no closing date, no verifier and nothing reviewed', () => {
    expect(ledger.rows.map((r) => [r.status, r.progress, r.closedOn, r.verifier, r.review])).toEqual(ledger.rows.map(() => ['未整改', '', '', '', '']));
  });
});
