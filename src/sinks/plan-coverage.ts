import { t } from '../i18n/index.js';
import type { Coverage } from '../plan/coverage.js';
import { teamName } from '../plan/tables.js';
import { renderTable } from './terminal.js';

/** Coverage as two tables (not yet done; not inspected in four quarters), for the screen and for Markdown alike. */
function coverageTables(c: Coverage) {
  return [
    {
      title: t('status.table.open'),
      empty: t('status.none-open'),
      headers: [t('plan.col.date'), t('plan.col.team'), t('plan.col.code'), t('plan.col.name')],
      rows: c.open.map((v) => [v.date, teamName(v.team), v.code, v.name]),
    },
    {
      title: t('status.table.stale'),
      empty: t('status.none-stale'),
      headers: [t('plan.col.code'), t('plan.col.name'), t('status.col.last')],
      rows: c.stale.map((s) => [s.code, s.name, s.last ?? t('status.never')]),
    },
  ];
}

function summaryLine(c: Coverage): string {
  const rate = c.planned ? `${((c.done.length / c.planned) * 100).toFixed(1)}%` : '—';
  return t('status.summary', { planned: c.planned, done: c.done.length, open: c.open.length, rate });
}

/** `registry`: a registry was given, so the stale list covers every center (else only those the plan and audits name). */
export function coverageText(c: Coverage, registry: boolean): string {
  const lines = [t('status.title', { quarter: c.quarter }), summaryLine(c)];
  for (const table of coverageTables(c)) {
    lines.push('', table.title, table.rows.length ? renderTable(table.headers.map((header) => ({ header })), table.rows) : table.empty);
  }
  if (!registry) lines.push(t('status.no-registry'));
  return `${lines.join('\n')}\n`;
}

/** The same as a Markdown section, appended to the briefing's .md when a plan is given. */
export function coverageMarkdown(c: Coverage): string {
  const lines = [`## ${t('status.title', { quarter: c.quarter })}`, '', summaryLine(c), ''];
  for (const table of coverageTables(c)) {
    lines.push(`### ${table.title}`, '');
    if (table.rows.length) {
      lines.push(`| ${table.headers.join(' | ')} |`, `| ${table.headers.map(() => '---').join(' | ')} |`, ...table.rows.map((r) => `| ${r.join(' | ')} |`), '');
    } else lines.push(table.empty, '');
  }
  return lines.join('\n');
}
