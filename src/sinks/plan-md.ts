import type { Plan } from '../plan/model.js';
import { planPreamble, planTitle, strataTable, teamsTable, visitsTable, weightsTable, type PlanTable } from '../plan/tables.js';

/** The plan as Markdown, for the 通知 or a web page: title, how it was drawn, then the tables. */
export function planMarkdown(plan: Plan): string {
  const tables = [visitsTable(plan), teamsTable(plan), strataTable(plan), weightsTable(plan)];
  return [`# ${planTitle(plan)}`, '', ...planPreamble(plan).flatMap((line) => [line, '']), ...tables.flatMap(section)].join('\n');
}

function section(table: PlanTable): string[] {
  return [
    `## ${table.title}`,
    '',
    row(table.columns.map((c) => c.header)),
    row(table.columns.map(() => '---')),
    ...table.rows.map(row),
    '',
  ];
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}
