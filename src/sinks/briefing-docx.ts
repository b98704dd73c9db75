import { AlignmentType, Document, ImageRun, PageOrientation, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type IRunOptions, type ISectionOptions } from 'docx';
import type { Briefing } from '../briefing/model.js';
import { CHART_SIZE, type ChartSection, type ChartSpec } from '../charts/specs.js';
import { documentSections } from '../briefing/document.js';
import { cellText, monthLabel, overviewText, type BriefingTable } from '../briefing/tables.js';
import { t } from '../i18n/index.js';
import { writeFileAtomic } from '../util/fs.js';
import { displayWidth } from '../util/width.js';
import { numeral } from './briefing-md.js';

/**
 * The briefing as a 公文-style .docx (GB/T 9704-like): A4, its margins, a 宋体 bold title
 * (方正小标宋 is not on stock Windows, Kylin or UOS; 宋体 is on all three), body in 仿宋 三号,
 * level-one headings in 黑体. Fonts are set on the East-Asian slot, which is the one Word,
 * WPS and LibreOffice use for Chinese text; Latin digits keep Times New Roman.
 */

const MM = 1440 / 25.4; // twips per millimetre
const A4 = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
/** Text width of a page, in twips: what table columns share. */
const TEXT_WIDTH = { portrait: Math.round((210 - 28 - 26) * MM), landscape: Math.round((297 - 37 - 35) * MM) };
const PT = 2; // docx sizes are half-points
const FONT = { body: '仿宋', title: '宋体', heading: '黑体', latin: 'Times New Roman' };
const SIZE = { title: 22 * PT, body: 16 * PT, table: 10.5 * PT, wideTable: 9 * PT };
/** Tables with more columns than this print in 小五 so they fit the A4 text width. */
const WIDE_COLUMNS = 10;
/** Cell side margins: Word's default 1.9 mm each side costs a digit per column in a 15-column table. */
const CELL_MARGIN = Math.round(1 * MM);
/** Body paragraphs and level-one headings indent their first line by two characters (twips), as 公文 do. */
const FIRST_LINE = 2 * (SIZE.body / PT) * 20;
/** docx sizes images in pixels of 1/96 inch; a chart spans the portrait text width. */
const CHART_WIDTH = Math.floor((TEXT_WIDTH.portrait / 1440) * 96);

export interface DocxOptions {
  /** 文号/期数 line, e.g. "第 11 期". */
  issueNo?: string;
  force?: boolean;
  /** Chart images, each printed under its section with a numbered caption. */
  charts?: DocxChart[];
  /** The 任务进展 section's tables (deployed tasks, 运行数据, 约谈/提醒), when those inputs were given. */
  monthly?: BriefingTable[];
  /** Every ranking in full, however long. */
  all?: boolean;
}

export interface DocxChart {
  spec: ChartSpec;
  png: Buffer;
}

export async function writeBriefingDocx(path: string, b: Briefing, title: string, opts: DocxOptions = {}): Promise<void> {
  const doc = new Document({
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.body } } } },
    sections: pages(body(b, title, opts)),
  });
  writeFileAtomic(path, await Packer.toBuffer(doc), { force: opts.force });
}

type Block = Paragraph | Table | { wide: (Paragraph | Table)[] };

/** Portrait pages, with a landscape section for each wide table (the ranking has 15 columns). */
function pages(blocks: Block[]): ISectionOptions[] {
  const sections: ISectionOptions[] = [];
  let portrait: (Paragraph | Table)[] = [];
  const flush = () => {
    if (portrait.length) sections.push(page(false, portrait));
    portrait = [];
  };
  for (const block of blocks) {
    if ('wide' in block) {
      flush();
      sections.push(page(true, block.wide));
    } else portrait.push(block);
  }
  flush();
  return sections;
}

function page(landscape: boolean, children: (Paragraph | Table)[]): ISectionOptions {
  const margin = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
  return {
    properties: {
      page: {
        // docx wants the portrait size and swaps it for landscape.
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: landscape ? { top: margin.right, bottom: margin.left, left: margin.top, right: margin.bottom } : margin,
      },
    },
    children,
  };
}

function body(b: Briefing, title: string, opts: DocxOptions): Block[] {
  const out: Block[] = [
    // Without --issue-no, a blank 期数 for the office to fill in.
    centred(opts.issueNo ?? t('briefing.docx.issue-no')),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480, after: 480 }, children: [run(title, { font: font(FONT.title), size: SIZE.title, bold: true })] }),
    plain(t('briefing.docx.to')),
    heading(1, t('briefing.overview.heading')),
    indented(overviewText(b)),
  ];
  // Figures are numbered in print order (图1, 图2, …).
  let figure = 0;
  const figures = (section: ChartSection) => (opts.charts ?? []).filter((c) => c.spec.section === section).flatMap((c) => chartBlock(c, ++figure));
  out.push(...figures('overview'));
  let n = 2;
  for (const section of documentSections(b, opts.monthly, { all: opts.all })) {
    out.push(heading(n++, t(section.heading)), ...figures(section.charts));
    for (const table of section.tables) out.push(...tableBlock(table));
  }
  out.push(heading(n, t('briefing.docx.next-steps')), indented(t('briefing.docx.next-steps-placeholder')));
  out.push(plain(''), plain(t('briefing.docx.cc')), plain(t('briefing.docx.printed', { month: monthLabel(b.month) })));
  return out;
}

/** A chart across the text width, its caption under it (图题在图下) and kept on the same page. */
function chartBlock(chart: DocxChart, n: number): Paragraph[] {
  const caption = t('chart.caption', { n, title: chart.spec.title });
  const image = new ImageRun({
    type: 'png',
    data: chart.png,
    transformation: { width: CHART_WIDTH, height: Math.round((CHART_WIDTH * CHART_SIZE.height) / CHART_SIZE.width) },
    altText: { name: chart.spec.id, title: caption, description: caption },
  });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240 }, children: [image] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(caption, { font: font(FONT.heading), size: SIZE.table + 2 * PT })] }),
  ];
}

function tableBlock(table: BriefingTable): Block[] {
  const caption = new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [run(table.title, { font: font(FONT.heading), size: SIZE.table + 2 * PT })] });
  const notes = table.notes.map((note) => new Paragraph({ children: [run(note, { size: SIZE.table })] }));
  if (!table.rows.length) return [caption, ...notes];
  const wide = table.columns.length > WIDE_COLUMNS;
  const size = wide ? SIZE.wideTable : SIZE.table;
  const widths = columnWidths(table, wide ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait);
  // Each cell carries its width too: LibreOffice lays a fixed table out by the cells', not the grid's.
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({ width: { size: widths[i], type: WidthType.DXA }, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { size, bold })] })] });
  const grid = new Table({
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    columnWidths: widths,
    rows: [
      // Repeated on every page the table runs onto.
      new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, i) => cell(c.header, i, true)) }),
      ...table.rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(cellText(c), i, r.total)) })),
    ],
  });
  return wide ? [{ wide: [caption, grid, ...notes] }] : [caption, grid, ...notes];
}

/**
 * Columns share the text width in proportion to what they hold: a score never wraps
 * mid-number, a header wraps after three characters, long names after ten.
 */
function columnWidths(table: BriefingTable, total: number): number[] {
  const need = table.columns.map((c, i) => {
    const cells = table.rows.reduce((w, r) => Math.max(w, displayWidth(cellText(r.cells[i]))), -Infinity);
    // +3: the cells' 1 mm side margins (CELL_MARGIN), and digits run wider than half a CJK character.
    return Math.min(20, Math.max(cells, Math.min(6, displayWidth(c.header)))) + 3;
  });
  const sum = need.reduce((a, n) => a + n, 0);
  return need.map((n) => Math.floor((n / sum) * total));
}

function font(name: string): IRunOptions['font'] {
  return { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: name, cs: name };
}

function run(text: string, opts: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, ...opts });
}

function heading(n: number, title: string): Paragraph {
  // Never the last line of a page: it stays with what it heads.
  return new Paragraph({ indent: { firstLine: FIRST_LINE }, keepNext: true, children: [run(t('briefing.md.section', { cn: numeral(n), n, title }), { font: font(FONT.heading) })] });
}

function indented(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: FIRST_LINE }, children: [run(text)] });
}

function plain(text: string): Paragraph {
  return new Paragraph({ children: [run(text)] });
}

function centred(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text)] });
}
