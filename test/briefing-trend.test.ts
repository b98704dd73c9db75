import { describe, expect, it } from 'vitest';
import { addToTrend, closureRateAt, newTrend, trendSeries } from '../src/briefing/trend.js';
import type { LedgerRow } from '../src/ledger/model.js';
import { ledgerProgress } from '../src/ledger/progress.js';
import { Exact } from '../src/model/exact.js';
import type { Result } from '../src/model/result.js';

const COUNTY = { id: 'county', version: '2026.1', name: '县级细则', level: 'county', sha256: '' };
const TOWNSHIP = { id: 'township', version: '2026.1', name: '乡镇细则', level: 'township', sha256: '' };

/** The fields of a scored result the trend reads; the rest of a Result plays no part in it. */
function result(code: string, date: string, total: number, opts: { checklist?: typeof COUNTY; status?: 'final' | 'draft' } = {}): Result {
  return { center: { code, name: code }, date, total, status: opts.status ?? 'final', checklist: opts.checklist ?? COUNTY, derivation: { precision: 1 } } as unknown as Result;
}

function row(id: string, status: LedgerRow['status'], closedOn = ''): LedgerRow {
  return { id, centerCode: id.split('-')[0], status, closedOn } as LedgerRow;
}

const texts = (xs: (Exact | undefined)[]) => xs.map((x) => x?.toFixed());

describe('12-month trend', () => {
  it('spans the twelve months ending with the briefing month, across a year end', () => {
    expect(newTrend('2026-03').months).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('averages each month per checklist, exactly, and leaves months without audits as gaps, not zeros', () => {
    const acc = newTrend('2026-11');
    for (const r of [
      result('999901', '2026-11-03', 85),
      result('999902', '2026-11-04', 85),
      result('999903', '2026-11-05', 86),
      result('999901', '2026-09-10', 80.1),
      result('999902', '2026-09-11', 80.2),
      result('999901101', '2026-11-06', 70, { checklist: TOWNSHIP }),
    ])
      addToTrend(acc, r);
    const trend = trendSeries(acc);
    expect(trend.lines.map((l) => l.checklist.id)).toEqual(['county', 'township']);
    const [county, township] = trend.lines;
    // (85 + 85 + 86) / 3 = 256/3: kept exact, rounded only for display.
    expect(county.averages[11]!.eq(Exact.of(256n, 3n))).toBe(true);
    expect(county.averages[9]!.toFixed()).toBe('80.15');
    expect(texts(county.averages.slice(0, 9))).toEqual(Array(9).fill(undefined));
    expect(county.averages[10]).toBeUndefined();
    // The township center's 70 never pulls the county centers' average down.
    expect(texts(township.averages)).toEqual([...Array(11).fill(undefined), '70']);
  });

  it('counts each center once a month: its latest final audit; drafts and months outside the window are left out', () => {
    const acc = newTrend('2026-11');
    addToTrend(acc, result('999901', '2026-11-20', 90));
    addToTrend(acc, result('999901', '2026-11-03', 60));
    addToTrend(acc, result('999901', '2026-11-25', 10, { status: 'draft' }));
    addToTrend(acc, result('999902', '2025-11-30', 10));
    addToTrend(acc, result('999902', '2026-12-01', 10));
    const [line] = trendSeries(acc).lines;
    expect(texts(line.averages)).toEqual([...Array(11).fill(undefined), '90']);
  });

  it('gives the same series whatever order the results come in', () => {
    const results = [result('999901', '2026-10-02', 91.5), result('999902', '2026-10-03', 72), result('999901', '2026-10-30', 88), result('999903', '2026-06-01', 65.5)];
    const of = (rs: Result[]) => {
      const acc = newTrend('2026-11');
      for (const r of rs) addToTrend(acc, r);
      return texts(trendSeries(acc).lines[0].averages);
    };
    expect(of([...results].reverse())).toEqual(of(results));
    expect(of(results)[10]).toBe('80');
  });

  it('computes the 销号率 at each month end from the finding dates and 销号日期', () => {
    const rows = [
      row('999901-20260910-INS-01', '已销号', '2026-10-15'),
      row('999901-20260910-INS-02', '整改中'),
      row('999902-20261005-LAY-01', '已销号', '2026-11-02'),
      row('999902-20261005-LAY-02', '反弹', '2026-10-20'),
      row('999902-20261105-LAY-02', '未整改'),
    ];
    expect(closureRateAt(rows, '2026-08-31')).toBeUndefined();
    // September: two findings, none closed; October: three, one closed; November: four, two closed.
    expect(closureRateAt(rows, '2026-09-30')!.toFixed()).toBe('0');
    expect(closureRateAt(rows, '2026-10-31')!.eq(Exact.of(1n, 3n))).toBe(true);
    expect(closureRateAt(rows, '2026-11-30')!.toFixed()).toBe('0.5');
    const trend = trendSeries(newTrend('2026-11'), rows);
    expect(texts(trend.closureRates!.slice(8))).toEqual([undefined, '0', closureRateAt(rows, '2026-10-31')!.toFixed(), '0.5']);
    // The month's own figure is the ledger's: the same rule as its 整改进度 table.
    expect(ledgerProgress(rows, '2026-11-30').total.closureRatePercent).toBe(50);
    expect(trendSeries(newTrend('2026-11')).closureRates).toBeUndefined();
  });
});
