import type { Briefing } from '../briefing/model.js';
import { briefingTables, cellText, overviewText, toneOf, type BriefingTable } from '../briefing/tables.js';
import { wrapText } from '../util/line-break.js';
import { colors, renderTable } from './terminal.js';

/** The most overdue findings a screen shows; the workbook and JSON list them all. */
const OVERDUE_SHOWN = 20;

/** A ranking longer than four times this shows its first and last this many rows on screen, unless --all. */
const RANKING_ENDS = 10;

/** The briefing on screen: title, the overview sentence, then each table with its notes. */
export function briefingTerminal(b: Briefing, title: string, opts: { all?: boolean } = {}): string {
  const c = colors();
  const tables = briefingTables(b, { overdueLimit: OVERDUE_SHOWN, ...(opts.all ? {} : { rankingEnds: RANKING_ENDS }) });
  return [c.bold(title), '', overviewText(b), '', ...tables.map((table) => tableText(table)).flatMap((s) => [s, ''])].join('\n');
}

function tableText(table: BriefingTable): string {
  const c = colors();
  const paint = { good: c.green, bad: c.red };
  const body = table.rows.length
    ? renderTable(
        // Headers are wrapped here too: renderTable wraps only the body, and five dimension names would double the width.
        table.columns.map((col) => ({ header: col.wrap ? wrapText(col.header, col.wrap) : col.header, align: col.align, width: col.wrap })),
        table.rows.map((row) =>
          row.cells.map((cell) => {
            const text = cellText(cell);
            const tone = toneOf(cell);
            const styled = tone ? paint[tone](text) : text;
            return row.total ? c.bold(styled) : styled;
          }),
        ),
      )
    : null;
  return [c.bold(table.title), ...(body ? [body] : []), ...table.notes.map((n) => c.dim(n))].join('\n');
}
