import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import type { History, HistoryAudit } from './model.js';

/**
 * The history as the tables every sink shows (terminal, .md, .xlsx): the same headers,
 * the same rounded figures. Cells are display text; the workbook turns the numeric ones
 * back into numbers.
 */
export interface HistoryTable {
  id: 'audits' | 'changes' | 'findings';
  title: string;
  columns: { header: string; align?: 'left' | 'right'; width?: number }[];
  rows: string[][];
}

const DASH = '—';

export function historyTitle(h: History): string {
  return t('history.title', { name: h.name, code: h.code });
}

/** One sentence: how many audits over what span, the score and grade from first to last, the problems' state. */
export function historySummary(h: History): string {
  const first = h.audits[0];
  const last = h.audits[h.audits.length - 1];
  const closed = h.findings.filter((f) => f.status === '已销号').length;
  const open = h.findings.filter((f) => f.status !== '已销号' && f.status !== '反弹').length;
  const span = h.audits.length === 1 ? first.date : t('md.date-range', { from: first.date, to: last.date });
  const trend =
    h.audits.length === 1
      ? t('history.summary.one', { total: fixed(last.total, last.precision), grade: last.grade })
      : t('history.summary.trend', { from: fixed(first.total, first.precision), to: fixed(last.total, last.precision), gradeFrom: first.grade, gradeTo: last.grade });
  return t('history.summary', { count: h.audits.length, span, trend, findings: h.findings.length, closed, open });
}

export function historyTables(h: History): HistoryTable[] {
  return [auditsTable(h), ...(h.changes.length ? [changesTable(h)] : []), findingsTable(h)];
}

function auditsTable(h: History): HistoryTable {
  // Dimensions by name, in the order they first appear: two checklist versions usually share them.
  const dims = [...new Map(h.audits.flatMap((a) => a.dimensions.map((d) => [d.id, d.name] as const))).entries()];
  const right = (header: string) => ({ header, align: 'right' as const });
  return {
    id: 'audits',
    title: t('history.audits.title'),
    columns: [
      { header: t('table.date') },
      { header: t('history.col.status') },
      { header: t('history.col.checklist') },
      right(t('table.total')),
      right(t('history.col.change')),
      { header: t('table.grade') },
      ...dims.map(([, name]) => right(name)),
      { header: t('history.col.veto') },
      right(t('table.findings')),
    ],
    rows: h.audits.map((a, i) => [
      a.date,
      t(`history.status.${a.status}`),
      `${a.checklist.id} ${a.checklist.version}`,
      fixed(a.total, a.precision),
      i === 0 || !h.changes[i - 1].comparable ? DASH : signed(h.changes[i - 1].total!, a.precision),
      a.grade,
      ...dims.map(([id]) => dimension(a, id)),
      a.veto.join('、') || DASH,
      String(a.findings),
    ]),
  };
}

function changesTable(h: History): HistoryTable {
  const precision = h.audits[h.audits.length - 1].precision;
  return {
    id: 'changes',
    title: t('history.changes.title'),
    columns: [
      { header: t('history.col.span') },
      { header: t('history.col.total-change'), align: 'right' },
      { header: t('history.col.grade-change') },
      { header: t('history.col.dimension-change'), width: 30 },
      { header: t('history.col.newly-lost'), width: 24 },
      { header: t('history.col.recovered'), width: 24 },
    ],
    rows: h.changes.map((c) => [
      `${c.from} → ${c.to}`,
      c.total ? signed(c.total, precision) : t('history.not-comparable'),
      c.grade.from === c.grade.to ? c.grade.to : `${c.grade.from} → ${c.grade.to}`,
      c.dimensions.filter((d) => !d.change.isZero()).map((d) => `${d.name} ${signed(d.change, precision)}`).join('、') || DASH,
      c.newlyLost.join('、') || DASH,
      c.recovered.join('、') || DASH,
    ]),
  };
}

function findingsTable(h: History): HistoryTable {
  return {
    id: 'findings',
    title: t('history.findings.title'),
    columns: [
      { header: t('history.col.finding') },
      { header: t('table.date') },
      { header: t('history.col.item'), width: 24 },
      { header: t('history.col.problem'), width: 30 },
      { header: t('history.col.deducted'), align: 'right' },
      { header: t('history.col.deadline') },
      { header: t('history.col.state') },
      { header: t('history.col.closed-on') },
      { header: t('history.col.note'), width: 24 },
    ],
    rows: h.findings.map((f) => [f.id, f.date, f.item, f.problem, String(f.deducted), f.deadline || DASH, f.status, f.closedOn || DASH, f.note || DASH]),
  };
}

function dimension(a: HistoryAudit, id: string): string {
  const d = a.dimensions.find((x) => x.id === id);
  return d ? fixed(d.earned, a.precision) : DASH;
}

function fixed(n: number, precision: number): string {
  return n.toFixed(precision);
}

function signed(e: Exact, precision: number): string {
  const text = e.toFixed(precision);
  return e.gt(Exact.ZERO) ? `+${text}` : text;
}
