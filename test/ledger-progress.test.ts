import { describe, expect, it } from 'vitest';
import type { LedgerRow, LedgerStatus } from '../src/ledger/model.js';
import { daysOverdue, ledgerProgress, overdueRows } from '../src/ledger/progress.js';

function row(id: string, centerCode: string, status: LedgerStatus, deadline: string, county = centerCode.slice(0, 6)): LedgerRow {
  return {
    id,
    centerCode,
    centerName: `${centerCode}中心`,
    county,
    dimension: '机构设置规范化',
    item: 'INS-01 挂牌',
    problem: '问题',
    deducted: 1,
    measure: '',
    owner: '县委政法委',
    person: '',
    deadline,
    status,
    progress: '',
    closedOn: status === '已销号' ? '2026-11-01' : '',
    verifier: status === '已销号' ? '赵六' : '',
    note: '',
    review: '',
  };
}

const rows = [
  row('a', '999901', '未整改', '2026-11-10'),
  row('b', '999901101', '整改中', '2026-11-30'),
  row('c', '999901102', '已整改', '2026-10-31'),
  row('d', '999901', '已销号', '2026-10-01'),
  row('e', '999902', '未整改', '2026-12-31', '999902 乙县'),
  row('f', '999902', '反弹', '2026-09-01', '999902 乙县'),
  row('g', '999902201', '已整改', ''),
];

describe('ledger progress', () => {
  it('counts each real problem once (a 反弹 row is carried on by its new row), each status, overdue and 销号率 per county and overall', () => {
    const p = ledgerProgress(rows, '2026-11-20');
    expect(p.counties).toEqual([
      { county: '999901', label: '999901', findings: 4, open: 1, inProgress: 1, fixed: 1, closed: 1, rebound: 0, overdue: 2, closureRatePercent: 25 },
      { county: '999902', label: '999902 乙县', findings: 2, open: 1, inProgress: 0, fixed: 1, closed: 0, rebound: 1, overdue: 0, closureRatePercent: 0 },
    ]);
    expect(p.total).toEqual({ county: '', label: '', findings: 6, open: 2, inProgress: 1, fixed: 2, closed: 1, rebound: 1, overdue: 2, closureRatePercent: 16.7 });
  });

  it('has no rate for no findings', () => {
    expect(ledgerProgress([], '2026-11-20')).toEqual({ counties: [], total: expect.objectContaining({ findings: 0, closureRatePercent: null }) });
  });

  it('is overdue the day after the deadline, never when 已销号, 反弹 or without a deadline', () => {
    expect(daysOverdue(rows[0], '2026-11-10')).toBe(0);
    expect(daysOverdue(rows[0], '2026-11-11')).toBe(1);
    expect(daysOverdue(rows[3], '2027-01-01')).toBe(0);
    expect(daysOverdue(rows[5], '2027-01-01')).toBe(0);
    expect(daysOverdue(rows[6], '2027-01-01')).toBe(0);
  });

  it('lists overdue rows, most overdue first', () => {
    expect(overdueRows(rows, '2026-12-01').map((o) => [o.row.id, o.daysOverdue])).toEqual([
      ['c', 31],
      ['a', 21],
      ['b', 1],
    ]);
  });
});

describe('naming and ordering the counties of the progress table', () => {
  it('takes the registry’s name, else a name some row carries, else the code; counties by code', () => {
    const mixed = [
      row('x', '999903101', '未整改', '', '999903'),
      row('y', '999903', '未整改', '', '999903 丙县'),
      row('z', '999902', '未整改', ''),
      row('w', '999901', '未整改', ''),
    ];
    expect(ledgerProgress(mixed, '2026-11-20').counties.map((c) => [c.county, c.label])).toEqual([
      ['999901', '999901'],
      ['999902', '999902'],
      ['999903', '999903 丙县'],
    ]);
    const names = new Map([['999902', '乙县']]);
    expect(ledgerProgress(mixed, '2026-11-20', names).counties.map((c) => c.label)).toEqual(['999901', '乙县', '999903 丙县']);
    // The registry's name stands over any a row carries; a row without one shows the code.
    expect(ledgerProgress(mixed, '2026-11-20', new Map([['999903', '丙县']])).counties.map((c) => c.label)).toEqual(['999901', '999902', '丙县']);
    expect(ledgerProgress([row('v', '999904', '未整改', '', '')], '2026-11-20').counties.map((c) => c.label)).toEqual(['999904']);
  });

  it('rounds 销号率 half up to one decimal', () => {
    const closed = (id: string) => row(id, '999901', '已销号', '');
    const open = (id: string) => row(id, '999901', '未整改', '');
    // 1 of 8 = 12.5 %; 1 of 6 = 16.666… %; 5 of 6 = 83.333… %.
    expect(ledgerProgress([closed('a'), ...'bcdefgh'.split('').map(open)], '2026-11-20').total.closureRatePercent).toBe(12.5);
    expect(ledgerProgress([closed('a'), ...'bcdef'.split('').map(open)], '2026-11-20').total.closureRatePercent).toBe(16.7);
    expect(ledgerProgress([...'abcde'.split('').map(closed), open('f')], '2026-11-20').total.closureRatePercent).toBe(83.3);
  });

  it('lists rows equally overdue by 问题编号', () => {
    const late = [row('b', '999901', '未整改', '2026-11-01'), row('a', '999901', '整改中', '2026-11-01'), row('c', '999901', '已整改', '2026-10-01')];
    expect(overdueRows(late, '2026-11-11').map((o) => [o.row.id, o.daysOverdue])).toEqual([
      ['c', 41],
      ['a', 10],
      ['b', 10],
    ]);
  });
});
