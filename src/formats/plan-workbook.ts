import { UserError } from '../errors.js';
import { catalog } from '../i18n/catalog/index.js';
import { t } from '../i18n/index.js';
import { parseDate } from '../model/dates.js';
import type { RecordedPlan, RecordedVisit, VisitField } from '../plan/compare.js';
import type { Plan } from '../plan/model.js';
import { planPreamble, planTitle, strataTable, teamsTable, visitsTable, weightsTable, type PlanTable } from '../plan/tables.js';
import { cellAddress, cellText, createWorkbook, readWorkbook, WorkbookUnreadable, type ColumnSpec, type WorkbookOut } from '../xlsx/index.js';

/** The overview sheet's name: `plan verify` reads it back. */
const VISITS_SHEET = '督查安排表';

/**
 * 督查安排表: the overview of every visit, one sheet per team (what a team carries), and
 * the sheet saying how the draw was made (seed, weights, strata). Every sheet prints on
 * A4 landscape, fit to width, header repeated, 第 N 页 footer (the adapter's table look).
 */
export async function writePlanXlsx(path: string, plan: Plan, opts: { force?: boolean } = {}): Promise<void> {
  const book = await createWorkbook(path, opts);
  try {
    const title = planTitle(plan);
    sheet(book, VISITS_SHEET, title, planPreamble(plan)[0], visitsTable(plan));
    for (const team of plan.teams) {
      const table = visitsTable(plan, team.id);
      sheet(book, table.title, title, teamsTable(plan).rows[team.id - 1][1], table);
    }
    for (const table of [teamsTable(plan), strataTable(plan), weightsTable(plan)]) sheet(book, table.title, title, planPreamble(plan)[0], table);
    method(book, title, planPreamble(plan));
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

function sheet(book: WorkbookOut, name: string, title: string, subtitle: string, table: PlanTable): void {
  const columns: ColumnSpec[] = table.columns.map((c) => ({ header: c.header, width: c.width, kind: c.kind, wrap: c.wrap }));
  const out = book.addSheet({ name, title, subtitle, columns, autoFilter: false });
  // Row heights come from the adapter (src/xlsx/layout.ts), computed from each wrapped cell.
  for (const row of table.rows) out.addRow(row);
}

const METHOD_WIDTH = 100;

/** 抽取说明: seed, period, options and the algorithm in words, one wrapped paragraph a row. */
function method(book: WorkbookOut, title: string, lines: string[]): void {
  const out = book.addSheet({ name: t('plan.sheet.method'), title, columns: [{ header: t('plan.sheet.method'), width: METHOD_WIDTH, wrap: true }], autoFilter: false, portrait: true });
  for (const line of lines) out.addRow([line]);
}

/** The overview sheet's columns a verify reads back, by their header in either language. */
const READ_BACK: { field: 'code' | VisitField; key: string }[] = [
  { field: 'code', key: 'plan.col.code' },
  { field: 'date', key: 'plan.col.date' },
  { field: 'team', key: 'plan.col.team' },
  { field: 'mode', key: 'plan.col.mode' },
  { field: 'weight', key: 'plan.col.weight' },
];

/**
 * The 督查安排表 sheet of a plan workbook read back for `plan verify`: each row's code,
 * date, team number, mode and weight, each located at its cell. Undefined when the
 * workbook has no such sheet or header.
 */
export async function readPlanWorkbook(file: string): Promise<RecordedPlan | undefined> {
  const visits: RecordedVisit[] = [];
  let found = false;
  try {
    for await (const sheet of readWorkbook(file)) {
      if (sheet.name !== VISITS_SHEET) continue;
      let cols: Map<string, number> | undefined;
      for await (const row of sheet.rows()) {
        const texts = row.cells.map((c) => cellText(c).trim());
        if (!cols) {
          cols = headerColumns(texts);
          continue;
        }
        const fields: Partial<Record<VisitField, string>> = {};
        for (const [field, col] of cols) if (field !== 'code') fields[field as VisitField] = fieldText(field as VisitField, row.cells[col], texts[col] ?? '');
        const at = (field?: VisitField) => ({ file, sheet: sheet.name, cell: cellAddress((cols!.get(field ?? 'code') ?? 0) + 1, row.number) });
        visits.push({ code: texts[cols.get('code')!] ?? '', fields, place: at });
      }
      found = cols !== undefined;
    }
  } catch (e) {
    if (e instanceof WorkbookUnreadable) throw new UserError([e.problem]);
    throw e;
  }
  return found ? { file, visits } : undefined;
}

/** Columns by field once the header row (the one naming 中心编码) is met; undefined for the title rows above it. */
function headerColumns(texts: string[]): Map<string, number> | undefined {
  const named = (key: string) => texts.findIndex((x) => x === catalog[key].zh || x === catalog[key].en);
  if (named('plan.col.code') < 0) return undefined;
  return new Map(READ_BACK.map((r) => [r.field, named(r.key)] as const).filter(([, col]) => col >= 0));
}

/** A cell as the JSON would say it: a date cell as YYYY-MM-DD, 第3组 as 3. */
function fieldText(field: VisitField, raw: unknown, text: string): string {
  if (field === 'date') return parseDate(raw) ?? text;
  if (field === 'team') return /\d+/.exec(text)?.[0] ?? text;
  return text;
}
