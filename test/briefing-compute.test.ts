import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../src/briefing/compute.js';
import { isMonth, previousMonth } from '../src/briefing/month.js';
import { latestPerCenter, supersedes } from '../src/briefing/select.js';
import { briefingTables, cellText, formatChange } from '../src/briefing/tables.js';
import type { ResultSummary } from '../src/briefing/summary.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { parseCountyWeights } from '../src/briefing/weights.js';
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
    // The same rule as the input reader applies it, one audit against the one kept (n is the read order).
    const [a1, a2, b3, b4, c5, c6] = items;
    expect([supersedes(a2, 2, a1, 1), supersedes(a1, 1, a2, 2)]).toEqual([true, false]);
    expect([supersedes(b3, 3, b4, 4), supersedes(b4, 4, b3, 3)]).toEqual([true, false]);
    expect([supersedes(c6, 6, c5, 5), supersedes(c5, 5, c6, 6)]).toEqual([true, false]);
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

  it('never averages county and township centers together: the county center and the townships\' mean side by side, ranked on the county centers', async () => {
    const results = await cityResults();
    const b = buildBriefing({ month: '2026-11', results, grades: GRADES });
    // 甲区: county 93.0; townships (87 + 82 + 87) / 3 = 85.333…; 乙区: county 83.5, township 85.6 alone.
    expect(b.counties.map((c) => [c.county.code, c.countyScore?.toFixed(1), c.townshipMean?.toFixed(1), c.composite, c.rank])).toEqual([
      ['999901', '93.0', '85.3', undefined, 1],
      ['999902', '83.5', '85.6', undefined, 2],
    ]);
    // Without its county center 甲区 has nothing comparable to rank on.
    const partial = buildBriefing({ month: '2026-11', results: results.filter((r) => !(r.center.code === '999901' && r.date.startsWith('2026-11'))), grades: GRADES });
    expect(partial.counties.map((c) => [c.county.code, c.countyScore?.toFixed(1), c.rank])).toEqual([
      ['999901', undefined, undefined],
      ['999902', '83.5', 1],
    ]);
  });

  it('forms a county composite only with weights, and ranks on it as shown', async () => {
    const results = await cityResults();
    const weights = parseCountyWeights('county=0.4,township=0.6')!;
    const b = buildBriefing({ month: '2026-11', results, grades: GRADES, countyWeights: weights });
    // 甲区 0.4 × 93 + 0.6 × 85.333… = 88.4; 乙区 0.4 × 83.5 + 0.6 × 85.6 = 84.76 → 84.8.
    expect(b.counties.map((c) => [c.composite?.toString(), c.composite?.toFixed(1), c.rank])).toEqual([
      ['88.4', '88.4', 1],
      ['84.76', '84.8', 2],
    ]);
    // Other weights, another composite: 0.1 × 93 + 0.9 × 85.333… = 86.1; 0.1 × 83.5 + 0.9 × 85.6 = 85.39.
    const heavy = buildBriefing({ month: '2026-11', results, grades: GRADES, countyWeights: parseCountyWeights('township=0.9, county=0.1')! });
    expect(heavy.counties.map((c) => c.composite?.toString())).toEqual(['86.1', '85.39']);
  });

  it('accepts weights only as county=…,township=… summing to exactly 1', () => {
    expect(parseCountyWeights('county=0.4,township=0.6')).toEqual({ county: Exact.from('0.4'), township: Exact.from('0.6') });
    expect(parseCountyWeights('county=0.3333,township=0.6667')).toBeDefined();
    for (const bad of ['county=0.4,township=0.5', 'county=0.4', 'county=0.4,county=0.6', 'county=1.5,township=-0.5', 'county=a,township=b', 'town=0.4,county=0.6', '']) {
      expect(parseCountyWeights(bad), bad).toBeUndefined();
    }
  });

  it('compares with last month only: a center audited in September but not October has no 环比 and is not in 上月', async () => {
    const results = await cityResults();
    // 999902101 (乙区 township) was audited on 10-20 (75) and 11-18 (85.6); its October audit moves to September.
    const moved = results.map((r) => (r.center.code === '999902101' && r.date === '2026-10-20' ? { ...r, date: '2026-09-20' } : r));
    const b = buildBriefing({ month: '2026-11', results: moved, grades: GRADES });
    const row = b.ranking.flatMap((g) => g.rows).find((r) => r.code === '999902101')!;
    expect(row.total.toString()).toBe('85.6');
    expect([row.previousRank, row.previousTotal, row.change]).toEqual([undefined, undefined, undefined]);
    // October without it: 90, 85, 80, 84, 80, 70 → 489 / 6 = 81.5.
    // Per level: counties (90 + 85) / 2 = 87.5; townships (80 + 84 + 80 + 70) / 4 = 78.5.
    expect(b.overview.previousAudited).toBe(6);
    expect(b.overview.levels.map((l) => [l.level, l.previousAudited, l.previousAverage?.toString()])).toEqual([
      ['county', 2, '87.5'],
      ['township', 4, '78.5'],
    ]);
  });

  it('sums up the month from each center’s latest audit, against last month’s', async () => {
    const b = buildBriefing({ month: '2026-11', results: await cityResults(), grades: GRADES });
    expect([b.month, b.previousMonth]).toEqual(['2026-11', '2026-10']);
    // November's latest: 93, 83.5 (counties); 87, 82 (the 11-25 re-audit), 87, 85.6 vetoed (townships).
    const o = b.overview;
    expect([o.centers, o.audited, o.previousAudited, o.vetoed]).toEqual([6, 6, 7, 1]);
    // Never one average over both checklists: counties (93 + 83.5) / 2 = 88.25, townships (87 + 82 + 87 + 85.6) / 4 = 85.4;
    // October: counties (90 + 85) / 2 = 87.5, townships 389 / 5 = 77.8.
    expect(o.levels.map((l) => [l.level, l.audited, l.average?.toString(), l.previousAudited, l.previousAverage?.toString()])).toEqual([
      ['county', 2, '88.25', 2, '87.5'],
      ['township', 4, '85.4', 5, '77.8'],
    ]);
    expect(o.grades).toEqual({ 优秀: 1, 良好: 4, 合格: 0, 不合格: 1 });
    const rows = b.ranking.flatMap((g) => g.rows.map((r) => [g.level, r.code, r.total.toString(), r.previousTotal?.toString(), r.change?.toString(), r.grade]));
    expect(rows.sort()).toEqual(
      [
        ['county', '999901', '93', '90', '3', '优秀'],
        ['county', '999902', '83.5', '85', '-1.5', '良好'],
        ['township', '999901001', '87', '80', '7', '良好'],
        ['township', '999901101', '82', '84', '-2', '良好'],
        ['township', '999901102', '87', '80', '7', '良好'],
        ['township', '999902101', '85.6', '75', '10.6', '不合格'],
      ].sort(),
    );
    const vetoed = b.ranking.flatMap((g) => g.rows).find((r) => r.code === '999902101')!;
    expect(vetoed.veto.map((v) => v.id)).toHaveLength(1);
    expect(vetoed.county).toEqual({ code: '999902', name: '乙区' });
    // Each county's own center and the mean of its townships, side by side: 甲区 93 and (87 + 82 + 87) / 3.
    expect(b.counties.map((c) => [c.county.code, c.county.name, c.centers, c.audited, c.countyScore?.toString(), c.townshipMean?.toFixed(6)])).toEqual([
      ['999901', '甲区', 4, 4, '93', '85.333333'],
      ['999902', '乙区', 2, 2, '83.5', '85.600000'],
    ]);
    expect([b.city.centers, b.city.audited]).toEqual([6, 6]);
  });

  it('with the registry: counts the centers it lists and names those not audited this month, with their last score', async () => {
    const registry = [
      { code: '999901', name: '甲区综治中心' },
      { code: '999902102', name: '红星镇综治中心' },
      { code: '999902201', name: '新设镇综治中心' },
      { code: '999902201', name: '新设镇综治中心' },
    ];
    const b = buildBriefing({ month: '2026-11', results: await cityResults(), grades: GRADES, registry });
    expect(b.notAudited!.map((n) => [n.code, n.level, n.county.name, n.lastDate, n.lastTotal?.toString()])).toEqual([
      ['999902102', 'township', '乙区', '2026-10-22', '70'],
      ['999902201', 'township', '乙区', undefined, undefined],
    ]);
    expect(b.counties.map((c) => [c.county.code, c.centers, c.audited])).toEqual([
      ['999901', 4, 4],
      ['999902', 4, 2],
    ]);
    expect([b.overview.centers, b.overview.audited]).toEqual([8, 6]);
  });

  it('with the ledger: progress per county from its rows, 销号率 exact, overdue rows named like the other tables', async () => {
    const base = { centerName: '青石镇综治中心', county: '999901', dimension: '机构设置规范化', item: 'INS-01 挂牌', problem: '未挂牌', deducted: 2, measure: '', owner: '县委政法委', person: '', progress: '', closedOn: '', verifier: '', review: '', note: '' };
    const rows = [
      { ...base, id: 'a', centerCode: '999901101', deadline: '2026-11-10', status: '未整改' as const },
      { ...base, id: 'b', centerCode: '999901101', deadline: '2026-10-10', status: '已销号' as const, closedOn: '2026-10-09', verifier: '赵六' },
      { ...base, id: 'c', centerCode: '999901', deadline: '2026-12-10', status: '整改中' as const },
    ];
    const b = buildBriefing({ month: '2026-11', results: await cityResults(), grades: GRADES, ledger: { rows, asOf: '2026-11-30' } });
    expect(b.asOf).toBe('2026-11-30');
    const p = b.progress!;
    expect(p.counties.map((c) => [c.county.name, c.findings, c.closed, c.overdue, c.closureRate?.toFixed(6)])).toEqual([['甲区', 3, 1, 1, '0.333333']]);
    expect([p.city.county, p.city.findings, p.city.closureRate?.toFixed(6)]).toEqual([{ code: '', name: '' }, 3, '0.333333']);
    expect(p.overdue).toEqual([
      { id: 'a', center: { code: '999901101', name: '青石镇综治中心' }, county: { code: '999901', name: '甲区' }, problem: '未挂牌', owner: '县委政法委', deadline: '2026-11-10', status: '未整改', daysOverdue: 20 },
    ]);
  });

  it('shows a change with its sign and never -0.0', () => {
    expect(formatChange(Exact.from('2.5'), 1)).toBe('+2.5');
    expect(formatChange(Exact.from('-1'), 1)).toBe('-1.0');
    expect(formatChange(Exact.from('0'), 1)).toBe('0.0');
    expect(formatChange(Exact.from('-0.04'), 1)).toBe('0.0');
  });
});

// Figures checked by hand against fixtures/briefing/audits: each center's dimension scores add up to its total
// (999902101 is pro-rated over an N/A item: 77 of 90 applicable points → 85.6).
describe('the tables of the November briefing, figure by figure', () => {
  const november = async () => buildBriefing({ month: '2026-11', results: await cityResults(), grades: GRADES });

  it('ranks each level on its own, shared ranks skipping places, the vetoed center last whatever its total, with October’s rank', async () => {
    const b = await november();
    expect(b.ranking.map((g) => [g.level, g.rows.map((r) => [r.rank, r.previousRank, r.code, r.total.toString(), r.grade])])).toEqual([
      [
        'county',
        [
          [1, 1, '999901', '93', '优秀'],
          [2, 2, '999902', '83.5', '良好'],
        ],
      ],
      [
        'township',
        [
          // October: 84 (999901101), 80, 80, 75 (999902101), 70.
          [1, 2, '999901001', '87', '良好'],
          [1, 2, '999901102', '87', '良好'],
          [3, 1, '999901101', '82', '良好'],
          [4, 4, '999902101', '85.6', '不合格'],
        ],
      ],
    ]);
  });

  it('shows each center’s dimension scores at its precision and names the veto item with its title', async () => {
    const rows = (await november()).ranking.flatMap((g) => g.rows);
    const dims = (code: string) => {
      const row = rows.find((r) => r.code === code)!;
      return Object.entries(row.dimensions).map(([id, v]) => `${id} ${v.toString()}`);
    };
    expect(dims('999902')).toEqual(['institution 17.5', 'layout 17', 'mechanism 16', 'staffing 16', 'funding 17']);
    expect(dims('999902101')).toEqual(['institution 14', 'layout 18', 'mechanism 18', 'staffing 18', 'funding 9']);
    const vetoed = rows.find((r) => r.code === '999902101')!;
    expect([vetoed.veto, vetoed.precision, vetoed.date]).toEqual([[{ id: 'INS-01', title: '挂牌并实体化运行' }], 1, '2026-11-18']);
    expect(rows.find((r) => r.code === '999901')!.veto).toEqual([]);
  });

  it('lists the dimensions once, in checklist order', async () => {
    expect((await november()).dimensions).toEqual([
      { id: 'institution', name: '机构设置规范化' },
      { id: 'layout', name: '功能布局规范化' },
      { id: 'mechanism', name: '运行机制规范化' },
      { id: 'staffing', name: '队伍建设规范化' },
      { id: 'funding', name: '保障措施规范化' },
    ]);
  });

  it('counts grades per county and averages each dimension’s rate over its centers (each center once)', async () => {
    const b = await november();
    expect(b.counties.map((c) => [c.county.name, c.grades, c.precision])).toEqual([
      ['甲区', { 优秀: 1, 良好: 3, 合格: 0, 不合格: 0 }, 1],
      ['乙区', { 优秀: 0, 良好: 1, 合格: 0, 不合格: 1 }, 1],
    ]);
    // 甲区 institution: (19 + 18 + 20 + 17) / 20 / 4 = 0.925; 乙区 funding: (17/20 + 9/10) / 2 = 0.875 (an N/A item left out).
    const rate = (county: number, dimension: string) => b.counties[county].rates[dimension].toString();
    expect([rate(0, 'institution'), rate(0, 'mechanism'), rate(1, 'institution'), rate(1, 'funding')]).toEqual(['0.925', '0.825', '0.7875', '0.875']);
  });

  it('lists the common problems by how many centers lost points, then share, then points lost, with their figures', async () => {
    const b = await november();
    expect(b.commonLimit).toBe(10);
    expect(b.common.map((c) => [c.rank, c.item, c.title, c.dimension, c.centers, c.applicable, c.share.toFixed(4), c.lost.toString(), c.counties])).toEqual([
      [1, 'MEC-01', '受理和化解', '运行机制规范化', 6, 6, '1.0000', '20', 2],
      [1, 'STA-01', '专职力量', '队伍建设规范化', 6, 6, '1.0000', '18', 2],
      [1, 'LAY-01', '场所和功能区', '功能布局规范化', 6, 6, '1.0000', '15', 2],
      [1, 'FUN-02', '经费保障', '保障措施规范化', 6, 6, '1.0000', '13', 2],
      [5, 'INS-02', '机构和人员', '机构设置规范化', 5, 6, '0.8333', '9.5', 2],
      [6, 'INS-01', '挂牌并实体化运行', '机构设置规范化', 1, 6, '0.1667', '5', 1],
    ]);
  });
});

describe('the briefing at its edges', () => {
  it('takes county names from the registry over the audited centers’ names, and lists a county center not audited as county', async () => {
    const registry = [
      { code: '999901', name: '示例市甲区社会治安综合治理中心' },
      { code: '999903', name: '丙县综治中心' },
    ];
    const b = buildBriefing({ month: '2026-11', results: await cityResults(), grades: GRADES, registry });
    expect(b.counties.map((c) => [c.county.code, c.county.name, c.centers, c.audited])).toEqual([
      ['999901', '示例市甲区', 4, 4],
      ['999902', '乙区', 2, 2],
      ['999903', '丙县', 1, 0],
    ]);
    expect(b.notAudited!.map((n) => [n.code, n.level, n.county.name, n.lastDate])).toEqual([['999903', 'county', '丙县', undefined]]);
    expect(b.ranking[0].rows[0].county).toEqual({ code: '999901', name: '示例市甲区' });
  });

  it('with no audit in the month: nothing ranked, no average, one decimal, last month still counted', async () => {
    const b = buildBriefing({ month: '2026-12', results: (await cityResults()).filter((r) => r.date < '2026-12'), grades: GRADES });
    expect(b.ranking).toEqual([]);
    expect([b.overview.audited, b.overview.precision, b.overview.previousAudited]).toEqual([0, 1, 6]);
    expect(b.overview.levels.map((l) => [l.level, l.audited, l.average, l.previousAudited, l.previousAverage?.toString()])).toEqual([
      ['county', 0, undefined, 2, '88.25'],
      ['township', 0, undefined, 4, '85.4'],
    ]);
    expect(b.common).toEqual([]);
    expect(b.draftsLeftOut).toEqual([]);
    // The dimensions still come from the results given, so the tables keep their columns.
    expect(b.dimensions.map((d) => d.id)).toEqual(['institution', 'layout', 'mechanism', 'staffing', 'funding']);
  });
});

describe('the briefing’s parts that name and order things', () => {
  it('orders the levels county first, whatever code comes first, and says how the city row pools', async () => {
    const results = (await cityResults()).filter((r) => r.center.code !== '999901');
    const b = buildBriefing({ month: '2026-11', results, grades: GRADES });
    expect(b.ranking.map((g) => [g.level, g.rows[0].code])).toEqual([
      ['county', '999902'],
      ['township', '999901001'],
    ]);
    expect(b.city.county).toEqual({ code: '', name: '' });
  });

  it('echoes the weights it was given, and leaves a county unnamed by an empty registry name', async () => {
    const weights = parseCountyWeights('county=0.4,township=0.6')!;
    const b = buildBriefing({ month: '2026-11', results: await cityResults(), grades: GRADES, countyWeights: weights, registry: [{ code: '999902', name: '' }] });
    expect(b.countyWeights).toBe(weights);
    expect(b.counties.map((c) => c.county.name)).toEqual(['甲区', '乙区']);
  });

  it('lists the centers not audited by code, with their latest audit before the month only', async () => {
    const registry = [
      { code: '999902201', name: '新设镇综治中心' },
      { code: '999902102', name: '红星镇综治中心' },
      { code: '999901001', name: '青石镇综治中心' },
    ];
    // December: 999901001's latest audit before the month is November's. September: it has none before the month yet.
    const december = buildBriefing({ month: '2026-12', results: (await cityResults()).filter((r) => r.date < '2026-12'), grades: GRADES, registry });
    expect(december.notAudited!.map((n) => [n.code, n.lastDate])).toEqual([
      ['999901001', '2026-11-12'],
      ['999902102', '2026-10-22'],
      ['999902201', undefined],
    ]);
    const september = buildBriefing({ month: '2026-09', results: await cityResults(), grades: GRADES, registry });
    expect(september.notAudited!.map((n) => [n.code, n.lastDate])).toEqual([
      ['999901001', undefined],
      ['999902201', undefined],
    ]);
  });

  it('has no 环比 against last month’s audit made with another checklist', async () => {
    const results = (await cityResults()).map((r) => (r.center.code === '999901' && r.date.startsWith('2026-10') ? { ...r, checklist: { ...r.checklist, id: 'county-old' } } : r));
    const row = buildBriefing({ month: '2026-11', results, grades: GRADES }).ranking[0].rows.find((r) => r.code === '999901')!;
    expect([row.previousTotal?.toString(), row.change, row.checklistChanged]).toEqual(['90', undefined, true]);
  });

  it('averages a dimension’s rate over the centers where it applied at all', async () => {
    const results = (await cityResults()).map((r) =>
      r.center.code === '999901' && r.date.startsWith('2026-11') ? { ...r, items: r.items.map((i) => (i.dimension === 'institution' ? { ...i, earned: null, na: true } : i)) } : r,
    );
    const b = buildBriefing({ month: '2026-11', results, grades: GRADES });
    // 甲区 institution without its county center: (18 + 20 + 17) / 20 / 3.
    expect(b.counties[0].rates.institution.toFixed(6)).toBe('0.916667');
  });

  it('shows a screen the head and tail of a long ranking, the whole of it elsewhere', async () => {
    // 45 township centers (copies of one November audit, scores 50, 51, … 94): over four times the 10 shown at each end.
    const one = (await cityResults()).find((r) => r.center.code === '999901001' && r.date.startsWith('2026-11'))!;
    const many = Array.from({ length: 45 }, (_, i) => ({ ...one, center: { ...one.center, code: `999901${String(200 + i)}`, name: `镇${i}` }, total: 50 + i, grade: '合格' }));
    const b = buildBriefing({ month: '2026-11', results: many, grades: GRADES });
    const full = briefingTables(b)[0];
    expect(full.rows).toHaveLength(45);
    const cut = briefingTables(b, { rankingEnds: 10 })[0];
    const ranks = cut.rows.map((r) => cellText(r.cells[0]));
    expect(ranks).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '⋯', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45']);
    expect(cellText(cut.rows[0].cells[6])).toBe('94.0');
    expect(cut.notes.at(-1)).toBe('本组共 45 个中心,此处列出前 10 名和后 10 名;完整排名见 .xlsx、.md 或 .json 输出(-o),或加 --all 在终端显示全部。');
    // Forty rows (four times ten) are shown whole.
    const forty = buildBriefing({ month: '2026-11', results: many.slice(0, 40), grades: GRADES });
    expect(briefingTables(forty, { rankingEnds: 10 })[0].rows).toHaveLength(40);
  });
});

// Hand-made summaries, small enough to check every order by hand. Item ids and titles are only labels here.
describe('the briefing’s orders and names on hand-made audits', () => {
  type Item = ResultSummary['items'][number] & { earned: number | null };
  const item = (id: string, title: string, points: number, earned: number | null): Item => ({ id, title, dimension: 'institution', points, earned });
  // Bonus items and 负面清单 events belong to no dimension.
  const outside = (id: string, title: string, points: number, earned: number): Item => ({ id, title, points, earned });
  const audit = (code: string, items: Item[], more: Partial<ResultSummary> = {}): ResultSummary => {
    const level = code.length === 6 ? 'county' : 'township';
    return {
      center: { code, name: `${code}中心` },
      checklist: { id: `mini-${level}`, version: '1', level },
      date: '2026-11-10',
      status: 'final',
      total: 80,
      grade: '良好',
      veto: [],
      dimensions: [{ id: 'institution', name: '机构设置规范化', earned: 0 }],
      items: items.map(({ earned, ...ref }) => ref),
      earned: Float64Array.from(items, (i) => i.earned ?? NaN),
      derivation: { precision: 1 },
      ...more,
    };
  };
  const briefing = (results: ResultSummary[], more: Partial<Parameters<typeof buildBriefing>[0]> = {}) => buildBriefing({ month: '2026-11', results, grades: GRADES, ...more });

  it('takes, of two audits of a center on the same day, the one given last', () => {
    const first = audit('999901', [], { total: 70 });
    const second = audit('999901', [], { total: 90 });
    const others = ['999903', '999902', '999904'].map((code) => audit(code, []));
    expect(briefing([first, ...others, second]).ranking[0].rows.find((r) => r.code === '999901')!.total.toString()).toBe('90');
    expect(briefing([second, ...others, first]).ranking[0].rows.find((r) => r.code === '999901')!.total.toString()).toBe('70');
  });

  it('lists counties and centers not audited in code order, whatever order the registry gives', () => {
    const registry = ['999905', '999903', '999904001', '999901', '999902', '999904'].map((code) => ({ code, name: `${code}中心` }));
    const b = briefing([audit('999902', []), audit('999901', [])], { registry });
    expect(b.counties.map((c) => c.county.code)).toEqual(['999901', '999902', '999903', '999904', '999905']);
    expect(b.notAudited!.map((n) => n.code)).toEqual(['999903', '999904', '999904001', '999905']);
  });

  it('orders common problems tied on every figure by item id, then title (one id, two checklists’ titles)', () => {
    const b = briefing([
      audit('999901', [item('B-01', '乙', 10, 5), item('A-01', '甲', 10, 5), item('C-01', '丙二', 10, 5)]),
      audit('999902', [item('C-01', '丙一', 10, 5)], { checklist: { id: 'mini-county-old', version: '1', level: 'county' } }),
    ]);
    expect(b.common.map((c) => [c.rank, c.item, c.title])).toEqual([
      [1, 'A-01', '甲'],
      [1, 'B-01', '乙'],
      [1, 'C-01', '丙一'],
      [1, 'C-01', '丙二'],
    ]);
  });

  it('orders common problems lost at as many centers by share first, before points lost', () => {
    // X lost at both centers it applied to (2 of 2, 1 point each); Y at two of three (2 of 3, 5 points each).
    const b = briefing([
      audit('999901', [item('Y-01', '乙', 10, 5), item('X-01', '甲', 10, 9)]),
      audit('999902', [item('Y-01', '乙', 10, 5), item('X-01', '甲', 10, 9)]),
      audit('999903', [item('Y-01', '乙', 10, 10), item('X-01', '甲', 10, null)]),
    ]);
    expect(b.common.map((c) => [c.rank, c.item, c.centers, c.applicable, c.lost.toString()])).toEqual([
      [1, 'X-01', 2, 2, '2'],
      [1, 'Y-01', 2, 3, '10'],
    ]);
  });

  it('never counts a bonus item or a 负面清单 event as a common problem', () => {
    const b = briefing([audit('999901', [item('INS-01', '挂牌', 10, 5), outside('BON-01', '创新做法', 3, 0), outside('NEG-01', '发生重大案事件', 0, -2)])]);
    expect(b.common.map((c) => c.item)).toEqual(['INS-01']);
  });

  it('names a veto item by its own title wherever it stands among the items', () => {
    const b = briefing([audit('999901', [item('INS-02', '机构和人员', 15, 10), item('INS-01', '挂牌并实体化运行', 5, 0)], { veto: ['INS-01'], grade: '不合格' })]);
    expect(b.ranking[0].rows[0].veto).toEqual([{ id: 'INS-01', title: '挂牌并实体化运行' }]);
  });

  it('lists the levels of the overview county first also when this month audited only townships', () => {
    const b = briefing([audit('999901001', []), audit('999901', [], { date: '2026-10-10' })]);
    expect(b.overview.levels.map((l) => [l.level, l.audited, l.previousAudited])).toEqual([
      ['county', 0, 1],
      ['township', 1, 0],
    ]);
  });

  it('names a dimension as the first center in code order does when two checklists name it differently', () => {
    // A county center's code is the prefix of its townships' codes, so its checklist names the columns.
    const county = audit('999901', [], { dimensions: [{ id: 'institution', name: '机构设置规范化', earned: 0 }] });
    const township = audit('999901001', [], { dimensions: [{ id: 'institution', name: '机构设置', earned: 0 }] });
    expect(briefing([township, county]).dimensions).toEqual([{ id: 'institution', name: '机构设置规范化' }]);
    expect(briefing([county, township]).dimensions).toEqual([{ id: 'institution', name: '机构设置规范化' }]);
  });
});
