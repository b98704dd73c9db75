import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../src/briefing/compute.js';
import { isMonth, previousMonth } from '../src/briefing/month.js';
import { auditsNeeded, latestPerCenter } from '../src/briefing/select.js';
import { briefingTables, cellText, formatChange } from '../src/briefing/tables.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { Exact } from '../src/model/exact.js';
import { scoreResponses } from '../src/scoring/batch.js';
import { readResponses } from '../src/sources/responses.js';

const FIX = 'fixtures/briefing';

async function cityResults() {
  const registry = new ChecklistRegistry([`${FIX}/checklists/mini-county.yaml`, `${FIX}/checklists/mini-township.yaml`]);
  const read = await readResponses([`${FIX}/audits`], registry);
  expect(read.problems).toEqual([]);
  const scored = scoreResponses(read.responses);
  expect(scored.problems).toEqual([]);
  return scored.results;
}

const GRADES = ['优秀', '良好', '合格', '不合格'];

describe('briefing computation', () => {
  it('knows months', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-00')).toBe(false);
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
  });

  it('takes each center\'s latest audit: a later date, then final over draft, then the one read last', () => {
    const items = [
      { code: 'a', date: '2026-11-05', status: 'final' as const, n: 1 },
      { code: 'a', date: '2026-11-25', status: 'draft' as const, n: 2 },
      { code: 'b', date: '2026-11-10', status: 'final' as const, n: 3 },
      { code: 'b', date: '2026-11-10', status: 'draft' as const, n: 4 },
      { code: 'c', date: '2026-11-10', status: 'draft' as const, n: 5 },
      { code: 'c', date: '2026-11-10', status: 'draft' as const, n: 6 },
      { code: 'c', date: '2026-12-01', status: 'final' as const, n: 7 },
      { code: 'd', date: '2026-10-31', status: 'final' as const, n: 8 },
    ];
    const latest = latestPerCenter(items, (i) => i, (d) => d.date.startsWith('2026-11'));
    expect([...latest.values()].map((i) => i.n)).toEqual([2, 3, 6]);
    // The month's latest and the latest before it; December's audit is never needed.
    expect(auditsNeeded(items, '2026-11', (i) => i).map((i) => i.n).sort()).toEqual([2, 3, 6, 8]);
  });

  it('keeps the common problems tied with the last one kept', async () => {
    const results = await cityResults();
    const at = (limit: number) => buildBriefing({ month: '2026-11', results, grades: GRADES, commonLimit: limit }).common.map((c) => c.item);
    expect(at(2)).toEqual(['MEC-01', 'STA-01', 'LAY-01', 'FUN-02']);
    expect(at(5)).toEqual(['MEC-01', 'STA-01', 'LAY-01', 'FUN-02', 'INS-02']);
    expect(at(6)).toHaveLength(6);
  });

  it('does not depend on the order results are read in', async () => {
    const results = await cityResults();
    const a = buildBriefing({ month: '2026-11', results, grades: GRADES });
    const b = buildBriefing({ month: '2026-11', results: [...results].reverse(), grades: GRADES });
    const text = (x: typeof a) => briefingTables(x).map((t) => t.rows.map((r) => r.cells.map(cellText).join('|')).join('\n'));
    expect(text(b)).toEqual(text(a));
  });

  it('ranks counties on the average as shown, so equal shown averages tie', async () => {
    const results = await cityResults();
    // Drop 甲区's county center: 甲区 becomes (87 + 82 + 87) / 3 = 85.333… → 85.3.
    const b = buildBriefing({ month: '2026-11', results: results.filter((r) => !(r.center.code === '999901' && r.date.startsWith('2026-11'))), grades: GRADES });
    expect(b.counties.map((c) => [c.county.code, c.average?.toFixed(1), c.rank])).toEqual([
      ['999901', '85.3', 1],
      ['999902', '84.6', 2],
    ]);
    // 乙区 at 89.0 gives (89.0 + 85.6) / 2 = 87.3; 甲区's 87.25 also shows 87.3: they share rank 1 though 87.25 < 87.3.
    const both = buildBriefing({
      month: '2026-11',
      results: results.map((r) => (r.center.code === '999902' && r.date.startsWith('2026-11') ? { ...r, total: 89 } : r)),
      grades: GRADES,
    });
    expect(both.counties.map((c) => [c.average!.toString(), c.average!.toFixed(1), c.rank])).toEqual([
      ['87.25', '87.3', 1],
      ['87.3', '87.3', 1],
    ]);
  });

  it('shows a change with its sign and never -0.0', () => {
    expect(formatChange(Exact.from('2.5'), 1)).toBe('+2.5');
    expect(formatChange(Exact.from('-1'), 1)).toBe('-1.0');
    expect(formatChange(Exact.from('0'), 1)).toBe('0.0');
    expect(formatChange(Exact.from('-0.04'), 1)).toBe('0.0');
  });
});
