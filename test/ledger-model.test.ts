import { describe, expect, it } from 'vitest';
import { extensionsOf, statedExtension } from '../src/ledger/extension.js';
import type { MergeLogEntry } from '../src/ledger/ledger.js';
import { appendNote, fieldHash, findingKey, fingerprint, LEDGER_COLUMNS, parseFingerprint, rowOfFinding, type LedgerRow } from '../src/ledger/model.js';
import type { Finding } from '../src/model/result.js';

describe('an extension stated in 备注', () => {
  it('is read as 经<approver>批准延期至<date>, 同意 for 批准, the date as in any date cell', () => {
    expect(statedExtension('经县委政法委批准延期至2027-01-31')).toEqual({ approver: '县委政法委', until: '2027-01-31' });
    expect(statedExtension('因场地改造,经 分管副县长 同意延期至 2027年1月5日。')).toEqual({ approver: '分管副县长', until: '2027-01-05' });
    expect(statedExtension('经区委政法委批准延期至2027/2/28,其余不变')).toEqual({ approver: '区委政法委', until: '2027-02-28' });
  });

  it('is none without an approver, without the words, or with a date that is not a date', () => {
    for (const note of ['批准延期至2027-01-31', '经县委政法委批准延期', '延期至2027-01-31', '经县委政法委批准延期至2027-02-30', '']) {
      expect(statedExtension(note), note).toBeUndefined();
    }
  });
});

describe('the approved extensions of a ledger', () => {
  const entry = (field: string, reason: string, id = 'a'): MergeLogEntry => ({ time: '2026-11-30 09:00:00', file: 'a.xlsx', id, field, from: '2026-11-30', to: '2026-12-31', reason });

  it('are the 合并记录 lines that moved 整改时限 by 批准延期, in order', () => {
    const log = [entry('整改时限', '批准延期', 'a'), entry('整改状态', '单位更新'), entry('整改时限', '单位更新'), entry('备注', '批准延期'), entry('整改时限', '批准延期', 'b')];
    expect(extensionsOf(log).map((e) => e.id)).toEqual(['a', 'b']);
    expect(extensionsOf([])).toEqual([]);
  });
});

describe('row fingerprints on the hidden sheet', () => {
  const row = { id: '999901-20261010-INS-01', centerCode: '999901', status: '未整改', deducted: 2, note: ' 备注 ' } as unknown as LedgerRow;

  it('hash every field as it compares (spaces and full-width forms aside), and read back field by field', () => {
    const parsed = parseFingerprint(fingerprint(row))!;
    expect([...parsed.keys()]).toEqual(LEDGER_COLUMNS.map((c) => c.field));
    expect([parsed.get('id'), parsed.get('deducted'), parsed.get('note'), parsed.get('problem')]).toEqual([fieldHash('999901-20261010-INS-01'), fieldHash('2'), fieldHash('备注'), fieldHash('')]);
    expect(fieldHash('')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('written before 复查 existed (one hash fewer) read with 复查 empty', () => {
    const hashes = fingerprint(row).slice(3).split('.');
    const old = parseFingerprint(`v1:${hashes.slice(0, -1).join('.')}`)!;
    expect(old.get('review')).toBe(fieldHash(''));
    expect(old.get('note')).toBe(fieldHash('备注'));
  });

  it('are refused when another version wrote them, a hash is missing or is not one', () => {
    const body = fingerprint(row).slice(3);
    const hashes = body.split('.');
    for (const bad of [`v2:${body}`, `v1:${hashes.slice(0, -2).join('.')}`, `v1:${[...hashes, 'abcdef01'].join('.')}`, `v1:${body.replace(/^[0-9a-f]{8}/, 'ABCDEF01')}`, `v1:${body.replace(/^[0-9a-f]{8}/, 'gabcdef01')}`, `v1:${body.replace(/^[0-9a-f]{8}/, 'abcdef01g')}`, 'v1', '']) {
      expect(parseFingerprint(bad), bad).toBeUndefined();
    }
  });
});

describe('what a 问题编号 says', () => {
  it('names the center, the audit date and the item, for an id an audit made', () => {
    expect(findingKey('999901101-20261120-MEC-03-2')).toEqual({ center: '999901101', date: '2026-11-20', item: 'MEC-03' });
    expect(findingKey('999901-20261120-INS-01')).toEqual({ center: '999901', date: '2026-11-20', item: 'INS-01' });
    for (const other of ['甲-1', '999901-2026112-INS-01', '99990-20261120-INS-01', '999901-20261120-ins-01', 'x999901-20261120-INS-01']) expect(findingKey(other), other).toBeUndefined();
  });
});

describe('free text the tool appends to', () => {
  it('adds a sentence after what was there, trimmed, with a ;', () => {
    expect([appendNote(' 原备注 ', '回头看'), appendNote('   ', '回头看'), appendNote('', '回头看')]).toEqual(['原备注;回头看', '回头看', '回头看']);
  });
});

describe('a ledger row made from a finding', () => {
  const finding: Finding = {
    id: '999901101-20261010-MEC-01-2',
    center: { code: '999901101', name: '青石镇综治中心' },
    date: '2026-10-10',
    item: 'MEC-01',
    itemTitle: '矛盾纠纷排查台账',
    dimension: 'mechanism',
    dimensionName: '运行机制规范化',
    problem: '矛盾纠纷排查台账缺失:9月台账缺失',
    measure: '补建排查台账并按月排查',
    owner: '县综治中心',
    person: '李四',
    deadline: '2026-11-09',
    deducted: 5,
    status: '整改中',
  };

  it('carries what the audit decided and leaves what the unit and the verifier fill in empty', () => {
    expect(rowOfFinding(finding, new Map([['999901', '甲区']]))).toEqual({
      id: '999901101-20261010-MEC-01-2',
      centerCode: '999901101',
      centerName: '青石镇综治中心',
      county: '甲区',
      dimension: '运行机制规范化',
      item: 'MEC-01 矛盾纠纷排查台账',
      problem: '矛盾纠纷排查台账缺失:9月台账缺失',
      deducted: 5,
      measure: '补建排查台账并按月排查',
      owner: '县综治中心',
      person: '李四',
      deadline: '2026-11-09',
      status: '整改中',
      progress: '',
      closedOn: '',
      verifier: '',
      note: '',
      review: '',
    });
  });

  it('names the county by its code without a registry, and keeps the audit file’s note', () => {
    expect(rowOfFinding({ ...finding, note: '已约谈' })).toMatchObject({ county: '999901', note: '已约谈' });
  });
});
