import type { Briefing } from '../briefing/model.js';
import { briefingTables, overviewText, type BriefingTable, type Cell, type Column } from '../briefing/tables.js';
import { cellAddress, createWorkbook, rangeAddress, type CellInput, type ColumnSpec, type SheetOut } from '../xlsx/index.js';

/**
 * The briefing workbook: one sheet per table, each titled with the briefing's title and
 * the table's name, printable on A4 (landscape, fit to width, header repeated), header
 * frozen. Colour is conditional formatting, so it follows the numbers if someone edits
 * them: a red–yellow–green scale on scores, red for the failing grade and for overdue,
 * green/red for 环比 and 升降. Every figure is a number cell formatted to the decimals
 * the other outputs show. `extra` tables (the monthly sections) become sheets after them.
 */
export async function writeBriefingXlsx(path: string, b: Briefing, title: string, opts: { force?: boolean; extra?: readonly BriefingTable[] } = {}): Promise<void> {
  const book = await createWorkbook(path, opts);
  try {
    const used = new Set<string>();
    // The 进展情况, 运行数据 and 约谈/提醒 sections (src/sinks/monthly-progress.ts) follow the audit tables, laid out alike.
    for (const table of [...briefingTables(b), ...(opts.extra ?? [])]) {
      const extra = table.id === 'counties' ? [overviewText(b)] : [];
      writeTable(book.addSheet(sheetSpec(table, title, used)), table, b, extra);
    }
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

const GOOD = { fill: 'FFC6EFCE', color: 'FF006100' };
const BAD = { fill: 'FFFFC7CE', color: 'FF9C0006' };
const TOTAL_FILL = 'FFF2F2F2';

/** Excel refuses sheet names over 31 characters, with []:*?/\ or used twice. */
function sheetName(title: string, used: Set<string>): string {
  // A long title's closing parenthesis (运行数据(2026-11;环比对 …)) is detail the sheet's banner repeats: cut, not truncated mid-way.
  const short = title.length > 31 ? title.replace(/\s*[((][^()()]*[))]$/, '') : title;
  const base = short.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(name);
  return name;
}

function sheetSpec(table: BriefingTable, title: string, used: Set<string>) {
  return {
    name: sheetName(table.title, used),
    title,
    subtitle: table.title,
    columns: table.columns.map((c, i) => columnSpec(c, table.rows.map((r) => r.cells[i]))),
    // Ranked tables are printed as they are; a filter would let a sort mix the notes into the rows.
    autoFilter: false,
  };
}

/** The number format a column needs, read from its first numeric cell. */
function columnSpec(c: Column, cells: Cell[]): ColumnSpec {
  // Codes wrap too: a finding's id is longer than its column, and breaks at its hyphens.
  const spec: ColumnSpec = { header: c.header, width: c.width, align: c.align, wrap: c.wrap !== undefined || c.kind === 'code' };
  if (c.kind) return { ...spec, kind: c.kind };
  const sample = cells.find((cell) => cell && cell.kind !== 'none' && cell.kind !== 'text');
  if (!sample) return spec;
  return { ...spec, kind: 'number', numFmt: numberFormat(sample) };
}

function numberFormat(cell: Cell): string {
  const decimals = (places: number) => (places > 0 ? `0.${'0'.repeat(places)}` : '0');
  switch (cell.kind) {
    case 'score':
      return decimals(cell.places);
    case 'percent':
      return `${decimals(cell.places)}%`;
    case 'change':
      return `+${decimals(cell.places)};-${decimals(cell.places)};${decimals(cell.places)}`;
    default:
      return '0';
  }
}

/** The value as the cell stores it: the displayed (rounded) number, so Excel shows exactly what the other outputs print. */
function cellValue(cell: Cell): CellInput {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'int':
      return cell.value;
    case 'score':
    case 'change':
      return Number(cell.value.toFixed(cell.places));
    case 'percent':
      // The fraction Excel formats as a percentage, rounded where the other outputs round it.
      return Number(cell.value.toFixed(cell.places + 2));
    case 'none':
      return '—';
  }
}

function writeTable(sheet: SheetOut, table: BriefingTable, b: Briefing, extraNotes: string[]): void {
  const first = sheet.firstDataRow;
  for (const row of table.rows) sheet.addRow(row.cells.map(cellValue), row.total ? { bold: true, fill: TOTAL_FILL } : undefined);
  const ranked = table.rows.filter((r) => !r.total).length;
  if (ranked) colour(sheet, table, b, first, first + ranked - 1);
  notes(sheet, [...extraNotes, ...table.notes]);
}

/** Conditional formats over the ranked rows (a 合计 row is not compared with the counties it sums). */
function colour(sheet: SheetOut, table: BriefingTable, b: Briefing, top: number, bottom: number): void {
  const failing = b.grades[b.grades.length - 1];
  table.columns.forEach((c, i) => {
    const col = i + 1;
    const range = rangeAddress(col, top, col, bottom);
    const kinds = new Set(table.rows.map((r) => r.cells[i]?.kind));
    const tones = new Set(table.rows.map((r) => r.cells[i]).map((cell) => (cell && (cell.kind === 'text' || cell.kind === 'int') ? cell.tone : undefined)));
    if (c.scale) sheet.colorScale(range);
    if (kinds.has('change')) {
      sheet.highlight(range, { operator: 'greaterThan', formulae: [0], ...GOOD });
      sheet.highlight(range, { operator: 'lessThan', formulae: [0], ...BAD });
    }
    if (!tones.has('good') && !tones.has('bad')) return;
    const at = cellAddress(col, top);
    if (tones.has('good')) {
      // 升降: ↑ rose, ↓ fell.
      sheet.highlight(range, { operator: 'expression', formulae: [`LEFT(${at},1)="↑"`], ...GOOD });
      sheet.highlight(range, { operator: 'expression', formulae: [`LEFT(${at},1)="↓"`], ...BAD });
    } else if (table.rows.some((r) => r.cells[i]?.kind === 'text' && (r.cells[i] as { text: string }).text === failing)) {
      sheet.highlight(range, { operator: 'equal', formulae: [`"${failing}"`], ...BAD });
    } else if (kinds.has('int')) {
      // Counts of the failing grade or of overdue findings: red when any.
      sheet.highlight(range, { operator: 'greaterThan', formulae: [0], ...BAD });
    } else {
      // A text column shown red wherever it says something (否决情形, overdue deadlines).
      sheet.highlight(range, { operator: 'expression', formulae: [`AND(LEN(${at})>0,${at}<>"—")`], ...BAD });
    }
  });
}

/** Notes under the table, each merged across it and tall enough for its wrapped text. */
function notes(sheet: SheetOut, lines: string[]): void {
  sheet.addRow([]);
  for (const line of lines) sheet.addNote(line);
}
