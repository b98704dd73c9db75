import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { rateChange } from '../progress/figures.js';
import type { FigureRates, FiguresRow, MonthlyProgress, Reminder, TaskUnitStatus } from '../progress/model.js';
import { renderTable } from './terminal.js';

const HUNDRED = Exact.of(100n);

/** A rate as a percentage with one decimal, half-up, or — when there is none. */
function percent(v?: Exact): string {
  return v ? `${v.mul(HUNDRED).toFixed(1)}%` : '—';
}

/** A change in percentage points with its sign, or — when either month has no rate. */
function points(v?: Exact): string {
  if (!v) return '—';
  const text = v.toFixed(1);
  return v.gt(Exact.ZERO) ? `+${text}` : text;
}

interface Table {
  title: string;
  empty: string;
  headers: string[];
  rows: (string | number)[][];
}

/** 进展情况, 运行数据 and 约谈/提醒 as tables, shared by the screen and Markdown. */
function monthlyTables(m: MonthlyProgress): Table[] {
  const tables: Table[] = [];
  if (m.tasks) {
    const rows = [...m.tasks.counties, { ...m.tasks.city, county: { code: '', name: t('progress.status.city') } }];
    tables.push({
      title: t('monthly.tasks.title', { asOf: m.asOf }),
      empty: t('progress.no-units'),
      headers: ['rank', 'county', 'due', 'done', 'overdue', 'slow', 'rate'].map((k) => t(`progress.status.${k}`)),
      rows: rows.map((p) => [p.rank ?? '', p.county.name, p.due, p.done, p.overdue, p.slow, percent(p.rate)]),
    });
  }
  if (m.figures) {
    const f = m.figures;
    tables.push({
      title: t('monthly.figures.title', { month: m.month, previous: f.previousMonth, lastYear: f.lastYearMonth }),
      empty: t('monthly.figures.none'),
      headers: ['rank', 'county', 'received', 'resolution', 'mom', 'yoy', 'on-time', 'satisfaction', 'petitions', 'petitions-yoy'].map((k) => t(`monthly.figures.${k}`)),
      rows: [...f.counties, { ...f.city, name: t('progress.status.city') }].map(figuresRow),
    });
  }
  tables.push({
    title: t('monthly.reminders.title'),
    empty: t('monthly.reminders.none'),
    headers: ['action', 'county', 'unit', 'kind', 'subject', 'days'].map((k) => t(`monthly.reminders.${k}`)),
    rows: m.reminders.map(reminderRow),
  });
  return tables;
}

function figuresRow(r: FiguresRow): (string | number)[] {
  const rates: FigureRates = r.rates;
  const petitionsYoy = r.lastYear ? r.figures.petitions - r.lastYear.figures.petitions : undefined;
  return [
    r.rank ?? '',
    r.name,
    r.figures.received,
    percent(rates.resolution),
    points(rateChange(rates.resolution, r.previous?.rates.resolution)),
    points(rateChange(rates.resolution, r.lastYear?.rates.resolution)),
    percent(rates.onTime),
    percent(rates.satisfaction),
    r.figures.petitions,
    petitionsYoy === undefined ? '—' : petitionsYoy > 0 ? `+${petitionsYoy}` : String(petitionsYoy),
  ];
}

function reminderRow(r: Reminder): (string | number)[] {
  const subject = r.count && r.count > 1 ? t('monthly.reminders.findings', { id: r.subject, count: r.count }) : r.subject;
  return [r.action, r.county.name, r.unit.name, t(`monthly.reminders.kind.${r.kind}`), subject, r.daysOverdue ?? '—'];
}

/** The section on the screen, after the briefing's tables. */
export function monthlyText(m: MonthlyProgress): string {
  const lines: string[] = [];
  for (const table of monthlyTables(m)) {
    const numeric = (i: number) => table.rows.every((r) => typeof r[i] === 'number' || /^([+-]?\d|—$)/.test(String(r[i])));
    lines.push('', table.title, table.rows.length ? renderTable(table.headers.map((header, i) => ({ header, align: numeric(i) ? 'right' : 'left' })), table.rows) : table.empty);
  }
  return `${lines.join('\n')}\n`;
}

/** The same as Markdown, appended to the briefing's .md. */
export function monthlyMarkdown(m: MonthlyProgress): string {
  const lines: string[] = [];
  for (const table of monthlyTables(m)) {
    lines.push(`## ${table.title}`, '');
    if (table.rows.length) {
      lines.push(`| ${table.headers.join(' | ')} |`, `| ${table.headers.map(() => '---').join(' | ')} |`, ...table.rows.map((r) => `| ${r.join(' | ')} |`), '');
    } else lines.push(table.empty, '');
  }
  lines.push(t('monthly.note'), '');
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
