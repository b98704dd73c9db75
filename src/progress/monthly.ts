import { previousMonth } from '../briefing/month.js';
import type { CountyRef } from '../briefing/model.js';
import { countyOf, placeName } from '../model/audit.js';
import { monthOf } from '../model/dates.js';
import { figuresTables } from './figures.js';
import type { MonthFigures, MonthlyProgress, Reminder, Task, TaskReport, TaskUnitStatus } from './model.js';
import type { CenterEntry } from '../sources/centers.js';
import { countyTaskProgress, taskStatuses } from './status.js';

/** A ledger finding past its 整改时限, as the 约谈/提醒 list needs it. */
export interface OverdueFindingRef {
  id: string;
  unit: CountyRef;
  daysOverdue: number;
}

/** An audit graded at the lowest grade (不合格 or vetoed). */
export interface FailedAudit {
  unit: CountyRef;
  date: string;
}

export interface MonthlyProgressInput {
  month: string;
  asOf: string;
  centers: readonly CenterEntry[];
  tasks?: { tasks: readonly Task[]; reports: readonly TaskReport[] };
  figures?: readonly MonthFigures[];
  overdueFindings?: readonly OverdueFindingRef[];
  /** Audits of other modes are not among failedAudits (briefing --mode); the list's note names these. */
  failedAudits?: readonly FailedAudit[];
  modes?: readonly string[];
}

/**
 * What the 月通报 adds beside the audit scores: 进展情况 per county, the operating
 * figures with 环比/同比, and the 约谈/提醒 list. Pure: the caller reads the files.
 */
export function buildMonthlyProgress(input: MonthlyProgressInput): MonthlyProgress {
  const names = new Map(input.centers.map((c) => [c.code, c.name]));
  const statuses = input.tasks ? taskStatuses(input.tasks.tasks, input.tasks.reports, input.centers, input.asOf) : [];
  const overdue = statuses.filter((s) => s.daysOverdue > 0).sort((a, b) => b.daysOverdue - a.daysOverdue || a.unit.code.localeCompare(b.unit.code));
  const lastYearMonth = `${Number(input.month.slice(0, 4)) - 1}${input.month.slice(4)}`;
  return {
    month: input.month,
    asOf: input.asOf,
    tasks: input.tasks && { ...countyTaskProgress(statuses), overdue },
    figures: input.figures && {
      ...figuresTables({
        month: input.month,
        figures: input.figures,
        previousMonth: previousMonth(input.month),
        lastYearMonth,
        nameOf: (code) => names.get(code) ?? code,
      }),
      previousMonth: previousMonth(input.month),
      lastYearMonth,
    },
    reminders: [
      ...overdue.map(taskReminder),
      ...findingReminders(input.overdueFindings ?? [], names),
      ...repeatedFailures(input.failedAudits ?? [], input.month, names),
    ],
    modes: [...(input.modes ?? [])],
  };
}

function taskReminder(s: TaskUnitStatus): Reminder {
  return {
    kind: s.slow ? 'task-slow' : 'task-overdue',
    action: s.slow ? '约谈' : '提醒',
    county: s.county,
    unit: s.unit,
    subject: s.task.title,
    daysOverdue: s.daysOverdue,
  };
}

/** One 提醒 per unit with overdue findings (a ledger may hold dozens per center), most overdue first. */
function findingReminders(findings: readonly OverdueFindingRef[], names: Map<string, string>): Reminder[] {
  const byUnit = new Map<string, OverdueFindingRef[]>();
  for (const f of findings) byUnit.set(f.unit.code, [...(byUnit.get(f.unit.code) ?? []), f]);
  return [...byUnit.values()]
    .map((list) => {
      const worst = list.reduce((a, b) => (b.daysOverdue > a.daysOverdue ? b : a));
      return { kind: 'finding-overdue', action: '提醒', county: countyRef(worst.unit.code, names), unit: worst.unit, subject: worst.id, count: list.length, daysOverdue: worst.daysOverdue } satisfies Reminder;
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.unit.code.localeCompare(b.unit.code));
}

/** 约谈 a center graded lowest this month that was graded lowest at an earlier month's audit too. */
function repeatedFailures(failed: readonly FailedAudit[], month: string, names: Map<string, string>): Reminder[] {
  const months = new Map<string, { unit: CountyRef; months: Set<string> }>();
  for (const a of failed) {
    if (monthOf(a.date) > month) continue;
    let entry = months.get(a.unit.code);
    if (!entry) months.set(a.unit.code, (entry = { unit: a.unit, months: new Set() }));
    entry.months.add(monthOf(a.date));
  }
  return [...months.values()]
    .filter((e) => e.months.has(month) && e.months.size > 1)
    .sort((a, b) => a.unit.code.localeCompare(b.unit.code))
    .map((e) => ({
      kind: 'repeated-fail',
      action: '约谈',
      county: countyRef(e.unit.code, names),
      unit: e.unit,
      subject: [...e.months].sort().join('、'),
    }));
}

function countyRef(code: string, names: Map<string, string>): CountyRef {
  const county = countyOf(code);
  return { code: county, name: placeName(names.get(county) ?? county) };
}
