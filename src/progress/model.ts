import type { CountyRef } from '../briefing/model.js';
import type { Place } from '../errors.js';
import type { Exact } from '../model/exact.js';

/**
 * Deployed tasks (部署任务), their weekly progress (周调度) and the centers' monthly
 * operating figures (运行数据), as numbers before any wording or layout. The 月通报
 * reports them beside the audit scores; sinks round once, half-up, for display.
 */

/** Who must carry a task out: every county center, the listed ones, or every township center of a county. */
export type TaskScope =
  | { kind: 'counties'; counties?: string[] }
  | { kind: 'townships'; county: string };

export interface Task {
  id: string;
  title: string;
  scope: TaskScope;
  /** 责任单位 as the committee wrote it (e.g. 县委政法委). */
  owner: string;
  /** YYYY-MM-DD; due on that day, overdue from the next. */
  deadline: string;
  /** 佐证材料 required to count it done. */
  evidence?: string;
}

export const TASK_STATES = ['未启动', '推进中', '已完成'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** One unit's report on one task, from a 周调度表 row. */
export interface TaskReport {
  task: string;
  /** Center code of the unit carrying the task out. */
  unit: string;
  state: TaskState;
  /** 完成日期, when 已完成. */
  doneDate?: string;
  note?: string;
  evidence?: string;
  /** Where the row was read (file!sheet!cell of its 任务编号), to locate a problem with it. */
  place?: Place;
}

/** A task as one unit stands on the as-of date. */
export interface TaskUnitStatus {
  task: Task;
  unit: CountyRef;
  county: CountyRef;
  /** 未启动 when the unit never reported. */
  state: TaskState;
  doneDate?: string;
  /** Due on or before the as-of date. */
  due: boolean;
  /** Days past the deadline, not done; 0 when not overdue. */
  daysOverdue: number;
  /** 进展缓慢: overdue and not even started — a 约谈 candidate. */
  slow: boolean;
}

/** 进展情况 of one county, or of the whole city (county.code ''). */
export interface CountyTaskProgress {
  county: CountyRef;
  /** Rank by 完成率 as displayed (ties share); undefined for the city row or nothing due. */
  rank?: number;
  /** Task × unit pairs whose deadline has come. */
  due: number;
  /** Of those due, done (by the deadline or later). */
  done: number;
  overdue: number;
  slow: number;
  /** 完成率 = done / due, exact; undefined when nothing is due. */
  rate?: Exact;
}

/** The monthly counts a center reports. Rates are computed from these, never typed. */
export interface Figures {
  /** 受理矛盾纠纷数 */
  received: number;
  /** 办结数 */
  closed: number;
  /** 化解成功数 */
  resolved: number;
  /** 按期办结数 */
  closedOnTime: number;
  /** 回访数 */
  visited: number;
  /** 群众满意数 */
  satisfied: number;
  /** 信访件数 */
  petitions: number;
}

export interface MonthFigures {
  /** Center code. */
  code: string;
  /** YYYY-MM */
  month: string;
  figures: Figures;
}

/** Exact rates; undefined when the denominator is 0 (no case, no rate — never 0 or NaN). */
export interface FigureRates {
  /** 化解成功率 = 化解成功数 / 受理矛盾纠纷数 */
  resolution?: Exact;
  /** 按期办结率 = 按期办结数 / 办结数 */
  onTime?: Exact;
  /** 满意率 = 群众满意数 / 回访数 */
  satisfaction?: Exact;
}

/** One center's (or one county's summed) figures for the month, with 环比 and 同比. */
export interface FiguresRow {
  /** Center code, or county code for a county row, '' for the city. */
  code: string;
  name: string;
  county: CountyRef;
  rank?: number;
  figures: Figures;
  rates: FigureRates;
  /** Previous month's, when reported. */
  previous?: { figures: Figures; rates: FigureRates };
  /** Same month last year's, when reported. */
  lastYear?: { figures: Figures; rates: FigureRates };
}

export type ReminderKind = 'task-slow' | 'task-overdue' | 'finding-overdue' | 'repeated-fail';

/** A line of the 约谈/提醒 list: who, about what, and how late. */
export interface Reminder {
  kind: ReminderKind;
  /** 约谈 for slow tasks and repeated 不合格; 提醒 for the rest. */
  action: '约谈' | '提醒';
  county: CountyRef;
  unit: CountyRef;
  /** Task title, finding id or grade months, as the list shows it. */
  subject: string;
  /** For overdue findings, one line per unit: how many (subject is the most overdue one). */
  count?: number;
  daysOverdue?: number;
}

/** What the 月通报 adds from tasks, progress and figures. */
export interface MonthlyProgress {
  month: string;
  asOf: string;
  /** Present when tasks were given. */
  tasks?: {
    counties: CountyTaskProgress[];
    city: CountyTaskProgress;
    /** Overdue task × unit pairs, most overdue first. */
    overdue: TaskUnitStatus[];
  };
  /** Present when figures were given. */
  figures?: {
    centers: FiguresRow[];
    counties: FiguresRow[];
    city: FiguresRow;
    previousMonth: string;
    lastYearMonth: string;
  };
  reminders: Reminder[];
  /** The audit modes the briefing counted (--mode); empty for every mode. */
  modes: string[];
}

/**
 * One row of a 周调度表 as the workbook holds it: the committee's columns (task to
 * evidenceRequired) and what the unit reports. '' for an empty cell; dates YYYY-MM-DD.
 */
export interface ProgressRow {
  task: string;
  title: string;
  owner: string;
  /** Center code of the unit carrying the task out. */
  unit: string;
  unitName: string;
  deadline: string;
  evidenceRequired: string;
  state: TaskState;
  doneDate: string;
  note: string;
  evidence: string;
}

export type ProgressField = keyof ProgressRow;

/** The fields a unit fills in; every other one is the committee's. */
export const UNIT_FIELDS: readonly ProgressField[] = ['state', 'doneDate', 'note', 'evidence'];

/** One line of a 周调度表's 合并记录: which returned copy changed which row's field, when. */
export interface ProgressLogEntry {
  /** Local time of the merge, YYYY-MM-DD HH:mm:ss. */
  time: string;
  /** The copy's file name, never its folder (the record travels with the workbook). */
  file: string;
  task: string;
  unit: string;
  /** The column's header. */
  field: string;
  from: string;
  to: string;
}
