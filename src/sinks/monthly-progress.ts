import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { rateChange } from '../progress/figures.js';
import type { FigureRates, FiguresRow, MonthlyProgress, Reminder, TaskUnitStatus } from '../progress/model.js';
import { cellText, type BriefingTable, type Cell, type Column } from '../briefing/tables.js';
import { renderTable } from './terminal.js';

const HUNDRED = Exact.of(100n);
const PERCENT_PLACES = 1;

const text = (s: string): Cell => ({ kind: 'text', text: s });
const int = (n: number, tone?: 'bad'): Cell => ({ kind: 'int', value: n, ...(tone ? { tone } : {}) });
const none: Cell = { kind: 'none' };
const percent = (v?: Exact): Cell => (v ? { kind: 'percent', value: v, places: PERCENT_PLACES } : none);
/** A change of a rate, in percentage points. */
const points = (v?: Exact): Cell => (v ? { kind: 'change', value: v, places: PERCENT_PLACES } : none);
const column = (header: string, width: number, align: 'left' | 'right' = 'right', wrap?: number): Column => ({ header, align, width, ...(wrap ? { wrap } : {}) });

/**
 * 进展情况, 运行数据 and 约谈/提醒 as the briefing's typed tables, so the screen, Markdown and
 * the workbook word and round every figure alike. Column widths fit A4 landscape at 9 pt.
 */
export function monthlyTables(m: MonthlyProgress): BriefingTable[] {
  return [...(m.tasks ? [tasksTable(m)] : []), ...(m.figures ? [figuresTable(m)] : []), remindersTable(m)];
}

function tasksTable(m: MonthlyProgress): BriefingTable {
  const tasks = m.tasks!;
  const rows = [...tasks.counties.map((p) => ({ p, total: false })), { p: { ...tasks.city, county: { code: '', name: t('progress.status.city') } }, total: true }];
  return {
    id: 'tasks',
    title: t('monthly.tasks.title', { asOf: m.asOf }),
    columns: [
      column(t('progress.status.rank'), 6),
      column(t('progress.status.county'), 14, 'left'),
      ...['due', 'done', 'overdue', 'slow'].map((k) => column(t(`progress.status.${k}`), 10)),
      column(t('progress.status.rate'), 10),
    ],
    rows: rows.map(({ p, total }) => ({
      cells: [p.rank === undefined ? text('') : int(p.rank), text(p.county.name), int(p.due), int(p.done), int(p.overdue, p.overdue ? 'bad' : undefined), int(p.slow, p.slow ? 'bad' : undefined), percent(p.rate)],
      ...(total ? { total } : {}),
    })),
    notes: [t('monthly.tasks.note')],
  };
}

function figuresTable(m: MonthlyProgress): BriefingTable {
  const f = m.figures!;
  const keys = ['rank', 'county', 'received', 'resolution', 'mom', 'yoy', 'on-time', 'satisfaction', 'petitions', 'petitions-yoy'];
  return {
    id: 'figures',
    title: t('monthly.figures.title', { month: m.month, previous: f.previousMonth, lastYear: f.lastYearMonth }),
    columns: keys.map((k) => column(t(`monthly.figures.${k}`), k === 'county' ? 14 : 11, k === 'county' ? 'left' : 'right', k === 'county' ? undefined : 8)),
    rows: [...f.counties.map((r) => ({ cells: figuresCells(r) })), { cells: figuresCells({ ...f.city, name: t('progress.status.city') }), total: true }],
    notes: [t('monthly.figures.note')],
  };
}

function figuresCells(r: FiguresRow): Cell[] {
  const rates: FigureRates = r.rates;
  const petitionsYoy = r.lastYear ? r.figures.petitions - r.lastYear.figures.petitions : undefined;
  return [
    r.rank === undefined ? text('') : int(r.rank),
    text(r.name),
    int(r.figures.received),
    percent(rates.resolution),
    points(rateChange(rates.resolution, r.previous?.rates.resolution)),
    points(rateChange(rates.resolution, r.lastYear?.rates.resolution)),
    percent(rates.onTime),
    percent(rates.satisfaction),
    int(r.figures.petitions),
    // More petitions is worse, not better: text, so no colour reads a rise as good.
    petitionsYoy === undefined ? none : text(petitionsYoy > 0 ? `+${petitionsYoy}` : String(petitionsYoy)),
  ];
}

function remindersTable(m: MonthlyProgress): BriefingTable {
  return {
    id: 'reminders',
    title: t('monthly.reminders.title'),
    columns: [
      column(t('monthly.reminders.action'), 6, 'left'),
      column(t('monthly.reminders.county'), 12, 'left'),
      column(t('monthly.reminders.unit'), 18, 'left', 16),
      column(t('monthly.reminders.kind'), 26, 'left', 16),
      column(t('monthly.reminders.subject'), 44, 'left', 30),
      column(t('monthly.reminders.days'), 10),
    ],
    rows: m.reminders.map((r) => ({ cells: reminderCells(r) })),
    notes: [m.modes.length ? t('monthly.reminders.modes', { modes: m.modes.join('、') }) : t('monthly.reminders.all-modes')],
  };
}

function reminderCells(r: Reminder): Cell[] {
  const subject = r.count && r.count > 1 ? t('monthly.reminders.findings', { id: r.subject, count: r.count }) : r.subject;
  return [text(r.action), text(r.county.name), text(r.unit.name), text(t(`monthly.reminders.kind.${r.kind}`)), text(subject), r.daysOverdue === undefined ? none : int(r.daysOverdue)];
}

function emptyText(table: BriefingTable): string {
  return t(table.id === 'tasks' ? 'progress.no-units' : table.id === 'figures' ? 'monthly.figures.none' : 'monthly.reminders.none');
}

/** The section on the screen, after the briefing's tables. */
export function monthlyText(m: MonthlyProgress): string {
  const lines: string[] = [];
  for (const table of monthlyTables(m)) {
    const body = table.rows.length ? renderTable(table.columns.map((c) => ({ header: c.header, align: c.align })), table.rows.map((r) => r.cells.map(cellText))) : emptyText(table);
    lines.push('', table.title, body, ...table.notes);
  }
  return `${lines.join('\n')}\n`;
}

/** The same as Markdown, appended to the briefing's .md. */
export function monthlyMarkdown(m: MonthlyProgress): string {
  const lines: string[] = [];
  for (const table of monthlyTables(m)) {
    lines.push(`## ${table.title}`, '');
    if (table.rows.length) {
      const headers = table.columns.map((c) => c.header);
      lines.push(`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...table.rows.map((r) => `| ${r.cells.map(cellText).join(' | ')} |`), '');
    } else lines.push(emptyText(table), '');
    for (const note of table.notes) lines.push(note, '');
  }
  return lines.join('\n');
}

/** An overdue task × unit in JSON, for the briefing and `progress status --json` alike. */
export function overdueTaskJson(s: TaskUnitStatus) {
  return { task: s.task.id, title: s.task.title, deadline: s.task.deadline, unit: s.unit, county: s.county, state: s.state, daysOverdue: s.daysOverdue, slow: s.slow };
}

/** For the briefing's .json: rates in percent with one decimal (as shown), null where the tables show —. */
export function monthlyJson(m: MonthlyProgress) {
  const pct = (v?: Exact) => (v ? Number(v.mul(HUNDRED).toFixed(1)) : null);
  const pts = (v?: Exact) => (v ? Number(v.toFixed(1)) : null);
  const figures = (r: FiguresRow) => ({
    code: r.code,
    name: r.name,
    rank: r.rank ?? null,
    ...r.figures,
    resolutionRatePercent: pct(r.rates.resolution),
    onTimeRatePercent: pct(r.rates.onTime),
    satisfactionRatePercent: pct(r.rates.satisfaction),
    resolutionMomPoints: pts(rateChange(r.rates.resolution, r.previous?.rates.resolution)),
    resolutionYoyPoints: pts(rateChange(r.rates.resolution, r.lastYear?.rates.resolution)),
    petitionsLastYear: r.lastYear?.figures.petitions ?? null,
  });
  return {
    month: m.month,
    asOf: m.asOf,
    tasks: m.tasks && {
      counties: [...m.tasks.counties, m.tasks.city].map((p) => ({ county: p.county, rank: p.rank ?? null, due: p.due, done: p.done, overdue: p.overdue, slow: p.slow, completionRatePercent: pct(p.rate) })),
      overdue: m.tasks.overdue.map(overdueTaskJson),
    },
    figures: m.figures && { previousMonth: m.figures.previousMonth, lastYearMonth: m.figures.lastYearMonth, centers: m.figures.centers.map(figures), counties: m.figures.counties.map(figures), city: figures(m.figures.city) },
    reminders: m.reminders,
  };
}
