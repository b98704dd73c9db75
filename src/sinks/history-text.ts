import { historySummary, historyTables, historyTitle } from '../history/tables.js';
import type { History } from '../history/model.js';
import { markdownTable } from './md-table.js';
import { colors, renderTable } from './terminal.js';

/** The history on screen: title, the summary sentence, then each table under its title. */
export function historyTerminal(h: History): string {
  const c = colors();
  const tables = historyTables(h).map((table) => [c.bold(table.title), renderTable(table.columns, table.rows)].join('\n'));
  return [c.bold(historyTitle(h)), historySummary(h), '', tables.join('\n\n')].join('\n');
}

/** The history as Markdown for a 工作简报 or a briefing note before a visit. */
export function historyMarkdown(h: History): string {
  const sections = historyTables(h).map((table) => `## ${table.title}\n\n${markdownTable(table.columns, table.rows)}\n`);
  return [`# ${historyTitle(h)}`, '', historySummary(h), '', ...sections].join('\n');
}
