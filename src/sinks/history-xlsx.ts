import { historySummary, historyTables, historyTitle } from '../history/tables.js';
import type { History } from '../history/model.js';
import { createWorkbook, type CellInput } from '../xlsx/index.js';

/** The history workbook: one printable sheet per table, titled with the center; figures are number cells. */
export async function writeHistoryXlsx(path: string, h: History, opts: { force?: boolean } = {}): Promise<void> {
  const book = await createWorkbook(path, opts);
  try {
    for (const table of historyTables(h)) {
      const sheet = book.addSheet({
        name: table.title.slice(0, 31),
        title: historyTitle(h),
        subtitle: table.id === 'audits' ? historySummary(h) : table.title,
        columns: table.columns.map((c, i) => ({ header: c.header, align: c.align, width: c.width, wrap: c.width !== undefined, ...numberFormat(table.rows.map((r) => r[i])) })),
      });
      for (const row of table.rows) sheet.addRow(row.map(cellOf));
    }
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

/** "88.0", "+1.5", "3": figures, written as number cells; codes, ids and dates stay text. */
const FIGURE = /^[+-]?\d{1,3}(\.\d+)?$/;

function cellOf(text: string): CellInput {
  return FIGURE.test(text) ? Number(text) : text;
}

/** The format that shows a column's figures as the text did: its decimals, and a sign for changes. */
function numberFormat(cells: string[]): { kind: 'number'; numFmt: string } | Record<string, never> {
  const sample = cells.find((c) => FIGURE.test(c));
  if (!sample) return {};
  const places = sample.split('.')[1]?.length ?? 0;
  const digits = places ? `0.${'0'.repeat(places)}` : '0';
  return { kind: 'number', numFmt: cells.some((c) => c.startsWith('+')) ? `+${digits};-${digits};${digits}` : digits };
}
