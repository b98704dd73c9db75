import type { Briefing } from '../briefing/model.js';
import { briefingTables, cellText, overviewText, type BriefingTable } from '../briefing/tables.js';
import { t } from '../i18n/index.js';
import { markdownTable } from './md-table.js';

/** The most overdue findings a 简报 lists; the workbook and JSON list them all. */
const OVERDUE_SHOWN = 20;

/**
 * The briefing as Markdown, ready to paste into a 工作简报: the overview sentence under
 * 总体情况, then one numbered section per table, its notes under it.
 */
export function briefingMarkdown(b: Briefing, title: string): string {
  const sections = briefingTables(b, { overdueLimit: OVERDUE_SHOWN, auditDates: true }).map((table, i) => section(table, i + 2));
  return [`# ${title}`, '', `## ${heading(1, t('briefing.overview.heading'))}`, '', overviewText(b), '', ...sections].join('\n');
}

function section(table: BriefingTable, n: number): string {
  const lines = [`## ${heading(n, table.title)}`, ''];
  if (table.rows.length) {
    const columns = table.columns.map((c) => ({ header: c.header, align: c.align === 'right' ? ('right' as const) : ('left' as const) }));
    lines.push(markdownTable(columns, table.rows.map((r) => r.cells.map((c) => (r.total ? `**${cellText(c)}**` : cellText(c))))), '');
  }
  for (const note of table.notes) lines.push(note, '');
  return lines.join('\n');
}

function heading(n: number, title: string): string {
  return t('briefing.md.section', { cn: numeral(n), n, title });
}

/** Section numbers as a 工作简报 writes them: 一、二、… */
export function numeral(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n];
  return `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${digits[n % 10]}`;
}
