import { describe, expect, it } from 'vitest';
import { figureRates, rateChange, sumFigures } from '../src/progress/figures.js';
import type { Figures, MonthFigures, Task, TaskReport } from '../src/progress/model.js';
import { buildMonthlyProgress } from '../src/progress/monthly.js';
import type { CenterEntry } from '../src/sources/centers.js';
import { countyTaskProgress, taskStatuses, taskUnits } from '../src/progress/status.js';

const centers: CenterEntry[] = [
  { code: '999901', name: '甲区综治中心', level: 'county' },
  { code: '999901101', name: '城关镇综治中心', level: 'township' },
  { code: '999901102', name: '石桥镇综治中心', level: 'township' },
  { code: '999902', name: '乙区综治中心', level: 'county' },
  { code: '999902101', name: '河口镇综治中心', level: 'township' },
  { code: '999903', name: '丙县综治中心', level: 'county' },
];

const tasks: Task[] = [
  { id: 'T1', title: '落实综治中心专项经费', scope: { kind: 'counties' }, owner: '县财政局', deadline: '2026-11-30' },
  { id: 'T2', title: '开展一次回头看', scope: { kind: 'counties', counties: ['999902'] }, owner: '区委政法委', deadline: '2026-11-15' },
  { id: 'T3', title: '乡镇中心挂牌', scope: { kind: 'townships', county: '999901' }, owner: '镇党委', deadline: '2026-11-10' },
  { id: 'T4', title: '出台考核办法', scope: { kind: 'counties' }, owner: '县委政法委', deadline: '2026-12-31' },
];

const reports: TaskReport[] = [
  { task: 'T1', unit: '999901', state: '已完成', doneDate: '2026-11-20' },
  { task: 'T1', unit: '999902', state: '推进中' },
  { task: 'T3', unit: '999901101', state: '已完成', doneDate: '2026-11-12' },
  { task: 'T4', unit: '999903', state: '已完成', doneDate: '2026-11-25' },
];

function figures(received: number, closed: number, resolved: number, closedOnTime: number, visited: number, satisfied: number, petitions = 0): Figures {
  return { received, closed, resolved, closedOnTime, visited, satisfied, petitions };
}

describe('task scope', () => {
  it('falls on every county center, the listed ones, or one county’s townships', () => {
    expect(taskUnits(tasks[0], centers).map((c) => c.code)).toEqual(['999901', '999902', '999903']);
    expect(taskUnits(tasks[1], centers).map((c) => c.code)).toEqual(['999902']);
    expect(taskUnits(tasks[2], centers).map((c) => c.code)).toEqual(['999901101', '999901102']);
  });
});

describe('task status on a date', () => {
  const byKey = (asOf: string) =>
    new Map(taskStatuses(tasks, reports, centers, asOf).map((s) => [`${s.task.id} ${s.unit.code}`, s]));

  it('is due on its deadline and overdue from the next day, unless done', () => {
    const onDeadline = byKey('2026-11-30');
    expect(onDeadline.get('T1 999902')).toMatchObject({ due: true, daysOverdue: 0, slow: false });
    const after = byKey('2026-12-01');
    expect(after.get('T1 999902')).toMatchObject({ state: '推进中', due: true, daysOverdue: 1, slow: false });
    expect(after.get('T1 999901')).toMatchObject({ state: '已完成', daysOverdue: 0 });
  });

  it('counts a unit that never reported as not started, and overdue-and-not-started as 进展缓慢', () => {
    const s = byKey('2026-12-01');
    expect(s.get('T1 999903')).toMatchObject({ state: '未启动', daysOverdue: 1, slow: true });
    expect(s.get('T3 999901102')).toMatchObject({ state: '未启动', daysOverdue: 21, slow: true });
    // A late completion is done, not overdue.
    expect(s.get('T3 999901101')).toMatchObject({ state: '已完成', daysOverdue: 0, slow: false });
    // Not yet due: neither overdue nor slow, even without a report.
    expect(s.get('T4 999901')).toMatchObject({ due: false, daysOverdue: 0, slow: false });
  });

  it('gives 进展情况 per county with 完成率 = done ÷ due, ranked, and the city', () => {
    const { counties, city } = countyTaskProgress(taskStatuses(tasks, reports, centers, '2026-12-01'));
    // 甲区: T1 done, T3 × 2 (one done) → 2/3; 乙区: T1 推进中, T2 未启动 → 0/2; 丙县: T1 未启动 → 0/1 (T4 not due).
    const view = counties.map((c) => [c.county.name, c.rank, c.due, c.done, c.overdue, c.slow, c.rate?.toFixed(4)]);
    expect(view).toEqual([
      ['甲区', 1, 3, 2, 1, 1, '0.6667'],
      ['乙区', 2, 2, 0, 2, 1, '0.0000'],
      ['丙县', 2, 1, 0, 1, 1, '0.0000'],
    ]);
    expect([city.due, city.done, city.overdue, city.slow, city.rate?.toString()]).toEqual([6, 2, 4, 3, '0.333333']);
  });
});

describe('operating figure rates', () => {
  it('are computed exactly from the counts', () => {
    // 化解成功率 = 57 ÷ 60 = 95%; 按期办结率 = 49 ÷ 52 = 94.230769…%; 满意率 = 29 ÷ 30 = 96.666…%.
    const r = figureRates(figures(60, 52, 57, 49, 30, 29));
    expect(r.resolution?.toFixed(4)).toBe('0.9500');
    expect(r.onTime?.toFixed(5)).toBe('0.94231');
    expect(r.satisfaction?.toFixed(5)).toBe('0.96667');
  });

  it('rounds half-up exactly where binary floats would round down', () => {
    // 1 ÷ 8 = 12.5% exactly: one decimal of the percentage is 12.5, and 0.125 at two decimals is 0.13.
    const r = figureRates(figures(8, 0, 1, 0, 0, 0));
    expect(r.resolution?.toFixed(2)).toBe('0.13');
    // 0.1 + 0.2 style drift: 3 of 10 and 1 of 10 differ by exactly 20 points.
    expect(rateChange(figureRates(figures(10, 0, 3, 0, 0, 0)).resolution, figureRates(figures(10, 0, 1, 0, 0, 0)).resolution)?.toString()).toBe('20');
  });

  it('has no rate when nothing was received, closed or visited', () => {
    expect(figureRates(figures(0, 0, 0, 0, 0, 0))).toEqual({ resolution: undefined, onTime: undefined, satisfaction: undefined });
  });

  it('pools a county by summing counts, not averaging rates', () => {
    // 1/1 and 1/3: pooled 2/4 = 50%, while the mean of the rates would be 66.7%.
    const pooled = figureRates(sumFigures([figures(1, 0, 1, 0, 0, 0), figures(3, 0, 1, 0, 0, 0)]));
    expect(pooled.resolution?.toString()).toBe('0.5');
  });
});

describe('monthly progress for the briefing', () => {
  const monthFigures: MonthFigures[] = [
    { code: '999901', month: '2026-11', figures: figures(40, 36, 38, 35, 20, 19, 2) },
    { code: '999901101', month: '2026-11', figures: figures(10, 10, 9, 10, 10, 10, 0) },
    { code: '999902', month: '2026-11', figures: figures(50, 45, 45, 40, 25, 20, 5) },
    { code: '999901', month: '2026-10', figures: figures(30, 30, 27, 28, 10, 9, 3) },
    { code: '999901', month: '2025-11', figures: figures(20, 20, 16, 15, 10, 8, 6) },
    { code: '999902', month: '2026-12', figures: figures(99, 99, 0, 0, 0, 0, 0) },
  ];
  const monthly = buildMonthlyProgress({
    month: '2026-11',
    asOf: '2026-12-01',
    centers,
    tasks: { tasks, reports },
    figures: monthFigures,
    overdueFindings: [
      { id: '999902-20261020-INS-02', unit: { code: '999902', name: '乙区综治中心' }, daysOverdue: 3 },
      { id: '999902-20261020-INS-01', unit: { code: '999902', name: '乙区综治中心' }, daysOverdue: 12 },
    ],
    failedAudits: [
      { unit: { code: '999901102', name: '石桥镇综治中心' }, date: '2026-10-12' },
      { unit: { code: '999901102', name: '石桥镇综治中心' }, date: '2026-11-18' },
      { unit: { code: '999902101', name: '河口镇综治中心' }, date: '2026-11-05' },
    ],
  });

  it('ranks centers and counties on 化解成功率 with 环比 and 同比 when reported', () => {
    const f = monthly.figures!;
    // 999901: 38/40 = 95%; 999901101: 9/10 = 90%; 999902: 45/50 = 90% (tie). December is not mixed in.
    expect(f.centers.map((r) => [r.code, r.rank, r.rates.resolution?.toString()])).toEqual([
      ['999901', 1, '0.95'],
      ['999901101', 2, '0.9'],
      ['999902', 2, '0.9'],
    ]);
    const jia = f.centers[0];
    // 环比: 95% − 27/30 (90%) = +5 points; 同比: 95% − 16/20 (80%) = +15 points.
    expect(rateChange(jia.rates.resolution, jia.previous?.rates.resolution)?.toString()).toBe('5');
    expect(rateChange(jia.rates.resolution, jia.lastYear?.rates.resolution)?.toString()).toBe('15');
    expect(f.centers[2].previous).toBeUndefined();
    // 甲区 pooled: (38 + 9) ÷ (40 + 10) = 94%; 乙区 90%. City: 92 ÷ 100.
    expect(f.counties.map((r) => [r.name, r.rank, r.figures.received, r.rates.resolution?.toString()])).toEqual([
      ['甲区', 1, 50, '0.94'],
      ['乙区', 2, 50, '0.9'],
    ]);
    expect(f.city.rates.resolution?.toString()).toBe('0.92');
    expect(f.city.figures.petitions).toBe(7);
    expect([f.previousMonth, f.lastYearMonth]).toEqual(['2026-10', '2025-11']);
  });

  it('lists 约谈 for slow tasks and repeated 不合格, 提醒 for other overdue tasks and findings', () => {
    // Overdue findings: one line per unit, naming the most overdue and how many.
    const view = monthly.reminders.map((r) => [r.action, r.kind, r.unit.code, r.subject, r.daysOverdue, r.count]);
    expect(view).toEqual([
      ['约谈', 'task-slow', '999901102', '乡镇中心挂牌', 21, undefined],
      ['约谈', 'task-slow', '999902', '开展一次回头看', 16, undefined],
      ['提醒', 'task-overdue', '999902', '落实综治中心专项经费', 1, undefined],
      ['约谈', 'task-slow', '999903', '落实综治中心专项经费', 1, undefined],
      ['提醒', 'finding-overdue', '999902', '999902-20261020-INS-01', 12, 2],
      ['约谈', 'repeated-fail', '999901102', '2026-10、2026-11', undefined, undefined],
    ]);
    expect(monthly.reminders[0].county).toEqual({ code: '999901', name: '甲区' });
  });
});
