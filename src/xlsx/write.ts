import { closeSync, fsyncSync, openSync } from 'node:fs';
import { displayWidth } from '../util/width.js';
import { atomicTarget, fsErrorReason } from '../util/fs.js';
import { inputError } from '../errors.js';
import { t } from '../i18n/index.js';
import { cellAddress, columnLetter, rangeAddress, sheetRef } from './address.js';
import { excel, type ExcelJS } from './load.js';
import type { SheetState } from './read.js';
import { BODY_PT, columnBreaks, MARGINS_IN, printScale, rowHeight, xmlText, type CellText } from './layout.js';

type Workbook = InstanceType<ExcelJS['stream']['xlsx']['WorkbookWriter']>;
type Worksheet = ReturnType<Workbook['addWorksheet']>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Style = Record<string, any>;

/** What a cell may be given: Date is written as a real date cell; `{formula, result}` keeps the cached result. */
export type CellInput = string | number | boolean | Date | null | undefined | { formula: string; result?: string | number | boolean };

/**
 * How a column is written.
 * - `kind: 'text'` (default): as given.
 * - `kind: 'code'`: always a string, formatted as text (`@`) so 007 stays 007 when retyped.
 * - `kind: 'date'`: a Date or a YYYY-MM-DD string becomes a date cell shown yyyy-mm-dd.
 * - `kind: 'number'`: as given, with `numFmt` (e.g. '0.0').
 */
export interface ColumnSpec {
  header: string;
  kind?: 'text' | 'code' | 'date' | 'number';
  numFmt?: string;
  /** Width in Excel units; by default from the header and the first rows' display width (CJK counts 2). */
  width?: number;
  minWidth?: number;
  /** Cap for the automatic width (default 40); longer text wraps when `wrap`. */
  maxWidth?: number;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Stays editable on a protected sheet (the whole column, including empty rows below). */
  unlocked?: boolean;
  /** An editable column gets a light fill so a person sees where to type. */
  input?: boolean;
  hidden?: boolean;
  /** Printed pages: this column starts a new page (the sheet's key columns repeated before it). */
  newPage?: boolean;
}

export interface SheetSpec {
  name: string;
  state?: SheetState;
  columns: ColumnSpec[];
  /** A title row merged across the table, bold and larger. */
  title?: string;
  /** A second line under the title (制表单位, 日期…), merged, smaller. */
  subtitle?: string;
  /**
   * A row of group labels just above the header, each merged across its columns, left
   * to right from column A (e.g. a dimension over its items); an empty label leaves its columns blank.
   */
  groups?: { label: string; columns: number }[];
  /**
   * `table` (default): header row styled, frozen, filtered, borders on data cells, printed
   * on A4 (see SheetOut). `plain`: values only (hidden data).
   */
  look?: 'table' | 'plain';
  /** Columns frozen at the left besides the rows above the data (default 0); printed again on every page when the table is wider than a page. */
  freezeColumns?: number;
  autoFilter?: boolean;
  /** Portrait instead of landscape. */
  portrait?: boolean;
  /** Rows held back to size the columns before anything is written (default 200). */
  sampleRows?: number;
}

export interface RowOptions {
  bold?: boolean;
  /** ARGB fill for the whole row, e.g. 'FFFFF2CC'. */
  fill?: string;
}

export type ValidationRule =
  | { type: 'list'; values: string[]; title?: string; prompt?: string; error?: string }
  | { type: 'whole' | 'decimal'; min?: number; max?: number; title?: string; prompt?: string; error?: string }
  | { type: 'any'; title?: string; prompt?: string }
  /** A formula that must be TRUE, written relative to the range's top-left cell, e.g. OR(F5="不适用",ISNUMBER(F5)). */
  | { type: 'custom'; formula: string; title?: string; prompt?: string; error?: string };

export interface HighlightRule {
  /** cellIs operator, or `expression` with a formula relative to the range's top-left cell. */
  operator: 'lessThan' | 'greaterThan' | 'equal' | 'notEqual' | 'between' | 'expression';
  formulae: (string | number)[];
  /** ARGB fill (default light red FFFFC7CE) and font colour (default dark red FF9C0006). */
  fill?: string;
  color?: string;
}

// The look every workbook of this product shares. 宋体 and 黑体 are on every Windows and in
// the WPS fonts Kylin and UOS ship (Microsoft YaHei is not); charset 134 (GB2312) tells
// Excel to pick a Chinese face when the named one is missing.
const FONT = '宋体';
const TITLE_FONT = '黑体';
const CHARSET = 134;
const TITLE_PT = 16;
const BORDER = { top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, left: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
const HEADER_FILL = 'FFDDEBF7';
const INPUT_FILL = 'FFFFFDE7';
const TITLE_STYLE: Style = { font: { name: TITLE_FONT, size: TITLE_PT, charset: CHARSET }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
const SUBTITLE_STYLE: Style = { font: { name: FONT, size: BODY_PT, charset: CHARSET, color: { argb: 'FF404040' } }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
const NOTE_STYLE: Style = { font: { name: FONT, size: BODY_PT, charset: CHARSET }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } };
const HEADER_STYLE: Style = {
  font: { name: FONT, size: BODY_PT, charset: CHARSET, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
  border: BORDER,
};
const DATE_FORMAT = 'yyyy-mm-dd';
const MAX_WIDTH = 40;
/** A row never shorter than one line of body type. */
const MIN_ROW_PT = rowHeight([{ text: ' ', width: 10, size: BODY_PT, wrap: false }]);
const LIST_LITERAL_MAX = 255;
/** drain(): how often to look at the buffer, and how much may wait before yielding. */
const DRAIN_EVERY = 64;
const MAX_BUFFERED = 4 * 1024 * 1024;
/** A sheet-protection password hashed with a small spinCount: exceljs's default 100000 costs seconds. */
const SPIN_COUNT = 1000;

/** Display width of a text for column sizing: CJK and full-width characters count 2. */
export function textWidth(s: string): number {
  let max = 0;
  for (const line of s.split('\n')) max = Math.max(max, displayWidth(line));
  return max;
}

/**
 * A workbook being written by exceljs's streaming writer into a temp file beside
 * `path`; `commit()` renames it into place, `abort()` removes it. Sheets are written
 * one after another: adding a sheet commits the previous one.
 */
export class WorkbookOut {
  private current?: SheetOut;
  private readonly lists = new Map<string, { column: number; values: string[] }>();
  private sheets: { name: string; state: SheetState }[] = [];
  private done = false;

  private constructor(
    private readonly wb: Workbook,
    private readonly target: ReturnType<typeof atomicTarget>,
    readonly path: string,
  ) {}

  /** Refuses an existing `path` unless `force` (a located UserError), before anything is written. */
  static async create(path: string, opts: { force?: boolean } = {}): Promise<WorkbookOut> {
    const target = atomicTarget(path, opts);
    const ExcelJS = await excel();
    // Inline strings, not a shared-string table: the table holds every distinct string in
    // memory until the end (measured on 400k rows × 10: 443 MB vs 129 MB peak, and a larger file).
    // exceljs writes them as real inline strings thanks to scripts/exceljs/cell-xform.js (applied at build time).
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target.temp, useStyles: true, useSharedStrings: false });
    wb.creator = 'zongzhi-audit';
    // The first font is the Normal style's, whose digit width is the unit of every column
    // width: 宋体 at body size (exceljs would add Calibri 11, missing on Kylin/UOS and
    // replaced there by a wider face, which spreads every table across more paper).
    (wb as unknown as { styles: { _addFont(font: Style): number } }).styles._addFont({ name: FONT, size: BODY_PT, charset: CHARSET });
    return new WorkbookOut(wb, target, path);
  }

  /** Starts a sheet (committing the one before). */
  addSheet(spec: SheetSpec): SheetOut {
    if (this.done) throw new Error('workbook already committed');
    this.current?.commitSync();
    this.sheets.push({ name: spec.name, state: spec.state ?? 'visible' });
    const visibleBefore = this.sheets.filter((s) => s.state === 'visible').length;
    // The first visible sheet is the one a person sees on opening the file.
    const selected = (spec.state ?? 'visible') === 'visible' && visibleBefore === 1;
    this.current = new SheetOut(this, this.wb, spec, selected);
    return this.current;
  }

  /**
   * A reference to `values` as a range on the veryHidden `_lists` sheet, for list
   * validations too long for a literal (Excel's limit is 255 characters).
   */
  listRange(values: string[]): string {
    const key = JSON.stringify(values);
    let list = this.lists.get(key);
    if (!list) {
      list = { column: this.lists.size + 1, values };
      this.lists.set(key, list);
    }
    const col = columnLetter(list.column);
    return sheetRef(LISTS_SHEET, `$${col}$1:$${col}$${Math.max(1, values.length)}`);
  }

  /** Finishes every sheet, writes the file and renames it into place. */
  async commit(): Promise<void> {
    if (this.done) return;
    try {
      this.current?.commitSync();
      this.current = undefined;
      if (this.lists.size) this.writeLists();
      const firstVisible = Math.max(0, this.sheets.findIndex((s) => s.state === 'visible'));
      this.wb.views = [{ activeTab: firstVisible, firstSheet: firstVisible, visibility: 'visible', x: 0, y: 0, width: 28800, height: 16000 }];
      await this.wb.commit();
      this.done = true;
      const fd = openSync(this.target.temp, 'r');
      fsyncSync(fd);
      closeSync(fd);
      this.target.commit();
    } catch (e) {
      this.target.abort();
      if ((e as NodeJS.ErrnoException).code) throw inputError('file.write-failed', { path: this.path, reason: fsErrorReason(e) });
      throw e;
    }
  }

  /** Gives up: the temp file is removed and the target left untouched. */
  async abort(): Promise<void> {
    this.done = true;
    this.target.abort();
  }

  private writeLists(): void {
    const lists = [...this.lists.values()];
    const sheet = this.addSheet({ name: LISTS_SHEET, state: 'veryHidden', look: 'plain', columns: lists.map(() => ({ header: '' })) });
    const height = Math.max(...lists.map((l) => l.values.length));
    for (let r = 0; r < height; r++) sheet.addRow(lists.map((l) => l.values[r] ?? null));
    sheet.commitSync();
  }
}

/** The hidden sheet holding long dropdown lists. */
export const LISTS_SHEET = '_lists';

/** One sheet being written; rows go out in order and cannot be touched once written. */
export class SheetOut {
  private readonly ws: Worksheet;
  private readonly table: boolean;
  /** Row number of the header (0 when there is none). */
  readonly headerRow: number;
  /** Row number of the first data row. */
  readonly firstDataRow: number;
  private rowNumber: number;
  private pending: { values: CellInput[]; opts?: RowOptions }[] = [];
  private flushed = false;
  private committed = false;
  private readonly sample: number;
  private readonly styles: { plain: Style; date: Style }[] = [];
  private readonly rowStyles = new Map<string, Style[]>();
  private sinceDrain = 0;
  private widths: number[] = [];
  /** Columns (0-based) that start a printed page. */
  private breaks: number[] = [];
  /** Conditional formats need distinct priorities; the first added wins. */
  private priority = 0;

  constructor(
    private readonly book: WorkbookOut,
    wb: Workbook,
    private readonly spec: SheetSpec,
    selected: boolean,
  ) {
    this.table = (spec.look ?? 'table') === 'table';
    const above = (spec.title ? 1 : 0) + (spec.subtitle ? 1 : 0) + (spec.groups?.length ? 1 : 0);
    this.headerRow = this.table ? above + 1 : 0;
    this.firstDataRow = this.headerRow + 1;
    this.rowNumber = 0;
    this.sample = spec.sampleRows ?? 200;
    this.ws = wb.addWorksheet(spec.name, {
      state: spec.state ?? 'visible',
      views: [
        this.table
          ? { state: 'frozen', xSplit: spec.freezeColumns ?? 0, ySplit: this.headerRow, tabSelected: selected, showGridLines: true }
          : { tabSelected: selected },
      ],
      // The scale and column breaks follow from the column widths (flush()).
      pageSetup: this.table
        ? { paperSize: 9, orientation: spec.portrait ? 'portrait' : 'landscape', fitToPage: false, printTitlesRow: `1:${this.headerRow}`, margins: MARGINS_IN }
        : undefined,
      headerFooter: this.table ? { oddFooter: t('sheet.footer') } : undefined,
    } as never);
    this.placeParts();
  }

  /**
   * exceljs 4.4.0's streaming writer (pinned) writes sheetProtection after dataValidations,
   * where Excel's schema does not allow it, and cannot write column page breaks: both are
   * written here, in the order CT_Worksheet requires.
   */
  private placeParts(): void {
    type Writer = { _writeCloseSheetData(): void; _writeSheetProtection(): void; _writeRowBreaks(): void; _write(text: string): void };
    const w = this.ws as unknown as Writer;
    const closeData = w._writeCloseSheetData.bind(w);
    const protection = w._writeSheetProtection.bind(w);
    const rowBreaks = w._writeRowBreaks.bind(w);
    w._writeCloseSheetData = () => {
      closeData();
      protection();
    };
    w._writeSheetProtection = () => {};
    w._writeRowBreaks = () => {
      rowBreaks();
      if (!this.breaks.length) return;
      const brk = this.breaks.map((col) => `<brk id="${col}" max="1048575" man="1"/>`).join('');
      w._write(`<colBreaks count="${this.breaks.length}" manualBreakCount="${this.breaks.length}">${brk}</colBreaks>`);
    };
  }

  get name(): string {
    return this.spec.name;
  }

  private get validations(): { add(range: string, rule: unknown): void } {
    return (this.ws as unknown as { dataValidations: { add(range: string, rule: unknown): void } }).dataValidations;
  }

  /** The number the next added row will have. */
  get nextRow(): number {
    return Math.max(this.firstDataRow, this.rowNumber + 1) + (this.flushed ? 0 : this.pending.length);
  }

  /** Adds a data row (values in column order); returns its row number. */
  addRow(values: CellInput[], opts?: RowOptions): number {
    if (this.committed) throw new Error(`sheet ${this.spec.name} already committed`);
    const number = this.nextRow;
    if (this.flushed) this.writeRow(values, opts);
    else {
      this.pending.push({ values, opts });
      if (this.pending.length >= this.sample) this.flush();
    }
    return number;
  }

  /**
   * Lets the zip compressor catch up. exceljs's streaming writer never pushes back: rows
   * added in a tight loop pile up in memory until the loop yields. Await this after each
   * row of a long loop; it yields only when more than a few MB are waiting (cheap otherwise).
   */
  async drain(): Promise<void> {
    if (++this.sinceDrain < DRAIN_EVERY) return;
    this.sinceDrain = 0;
    for (let spins = 0; this.buffered() > MAX_BUFFERED && spins < 100_000; spins++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Bytes written by this sheet and not yet taken by the compressor (exceljs internals, pinned at 4.4.0). */
  private buffered(): number {
    type State = { length?: number };
    type Pipe = { writableLength?: number; readableLength?: number; _writableState?: State; _readableState?: State };
    const stream = (this.ws as unknown as { _stream?: { buffers?: { length: number }[]; pipes?: Pipe[] } })._stream;
    if (!stream) return 0;
    let bytes = 0;
    for (const b of stream.buffers ?? []) bytes += b.length;
    // archiver's PassThrough (readable-stream 2/3: no writableLength) holds what the deflater has not taken.
    for (const p of stream.pipes ?? []) bytes += (p._writableState?.length ?? p.writableLength ?? 0) + (p._readableState?.length ?? p.readableLength ?? 0);
    return bytes;
  }

  /** Data validation over a whole range at once (never per cell). Long lists go through a hidden range. */
  validate(range: string, rule: ValidationRule): void {
    const clip = (s: string | undefined, max: number) => (s === undefined ? undefined : xmlText(s).slice(0, max));
    const common = {
      allowBlank: true,
      showInputMessage: rule.prompt !== undefined,
      promptTitle: clip(rule.title, 32),
      prompt: clip(rule.prompt, 255),
    };
    if (rule.type === 'any') {
      this.validations.add(range, { type: 'any', ...common } as never);
      return;
    }
    const error = { showErrorMessage: true, errorStyle: 'stop', errorTitle: clip(rule.title, 32), error: clip(rule.error, 255) };
    if (rule.type === 'custom') {
      this.validations.add(range, { type: 'custom', ...common, ...error, formulae: [rule.formula] });
      return;
    }
    if (rule.type === 'list') {
      const literal = `"${rule.values.map(xmlText).join(',')}"`;
      const fits = literal.length <= LIST_LITERAL_MAX && rule.values.every((v) => !/[,"]/.test(v));
      this.validations.add(range, { type: 'list', ...common, ...error, formulae: [fits ? literal : this.book.listRange(rule.values)] } as never);
      return;
    }
    const { min, max } = rule;
    const [operator, formulae] =
      min !== undefined && max !== undefined ? ['between', [min, max]] : min !== undefined ? ['greaterThanOrEqual', [min]] : max !== undefined ? ['lessThanOrEqual', [max]] : ['greaterThanOrEqual', [-1e15]];
    this.validations.add(range, { type: rule.type, operator, ...common, ...error, formulae } as never);
  }

  /**
   * A three-colour scale: red (low), yellow, green (high), between the range's minimum and
   * maximum or the given bounds (a score's 0 and full points). Used where a data bar might
   * be: exceljs writes data bars without the x14 extension Excel expects.
   */
  colorScale(range: string, opts: { min?: number; max?: number } = {}): void {
    const colors = ['FFF8696B', 'FFFFEB84', 'FF63BE7B'];
    const low = opts.min === undefined ? { type: 'min' } : { type: 'num', value: opts.min };
    const high = opts.max === undefined ? { type: 'max' } : { type: 'num', value: opts.max };
    this.ws.addConditionalFormatting({
      ref: range,
      rules: [{ type: 'colorScale', priority: ++this.priority, cfvo: [low, { type: 'percentile', value: 50 }, high], color: colors.map((argb) => ({ argb })) }],
    } as never);
  }

  /** A fill (red by default) on cells meeting a condition, e.g. `{operator: 'lessThan', formulae: [60]}`. */
  highlight(range: string, rule: HighlightRule): void {
    const style = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: rule.fill ?? 'FFFFC7CE' } }, font: { color: { argb: rule.color ?? 'FF9C0006' } } };
    const r =
      rule.operator === 'expression'
        ? { type: 'expression', priority: ++this.priority, formulae: rule.formulae, style }
        : { type: 'cellIs', priority: ++this.priority, operator: rule.operator, formulae: rule.formulae, style };
    this.ws.addConditionalFormatting({ ref: range, rules: [r] } as never);
  }

  /** Protects the sheet's structure (small spinCount); `unlocked` columns stay editable. */
  protect(password?: string): void {
    void this.ws.protect(password ?? '', {
      spinCount: SPIN_COUNT,
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: false,
    } as never);
  }

  /** Writes what is left and closes the sheet (WorkbookOut does this when the next sheet starts). */
  commitSync(): void {
    if (this.committed) return;
    this.flush();
    const last = Math.max(this.rowNumber, this.headerRow);
    if (this.table && (this.spec.autoFilter ?? true) && this.headerRow) {
      this.ws.autoFilter = rangeAddress(1, this.headerRow, this.spec.columns.length, last);
    }
    this.ws.commit();
    this.committed = true;
  }

  private flush(): void {
    if (this.flushed) return;
    this.flushed = true;
    const cols = this.spec.columns;
    this.widths = cols.map((c, i) => c.width ?? this.autoWidth(c, i));
    this.ws.columns = cols.map((c, i) => ({
      width: this.widths[i],
      hidden: c.hidden ?? false,
      // Column-level protection and format reach the empty rows a person fills in below.
      style: c.unlocked || c.kind === 'code' ? { protection: { locked: !c.unlocked }, ...(c.kind === 'code' ? { numFmt: '@' } : {}) } : undefined,
    })) as never;
    cols.forEach((c) => {
      const base: Style = {
        font: { name: FONT, size: BODY_PT, charset: CHARSET },
        alignment: { vertical: 'middle', wrapText: c.wrap ?? false, horizontal: c.align ?? (c.kind === 'number' ? 'right' : c.kind === 'date' ? 'center' : 'left') },
        ...(this.table ? { border: BORDER } : {}),
        ...(c.unlocked ? { protection: { locked: false } } : {}),
        ...(c.input ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } } } : {}),
      };
      const plain = { ...base, ...(c.kind === 'code' ? { numFmt: '@' } : c.kind === 'date' ? { numFmt: DATE_FORMAT } : c.numFmt ? { numFmt: c.numFmt } : {}) };
      this.styles.push({ plain, date: { ...plain, numFmt: c.numFmt ?? DATE_FORMAT } });
    });
    if (this.table) {
      this.setupPages();
      this.writeHead();
    }
    for (const { values, opts } of this.pending) this.writeRow(values, opts);
    this.pending = [];
  }

  /**
   * A4 at the largest scale that fits the table one page wide and keeps body type at 9 pt
   * or more; a wider table prints across pages at that floor, breaking between columns
   * (and before any `newPage` column) with the frozen key columns repeated, page after page
   * across before going down, so a record's parts are on consecutive sheets of paper.
   */
  private setupPages(): void {
    const portrait = this.spec.portrait ?? false;
    const printed = this.spec.columns.map((c, i) => (c.hidden ? 0 : this.widths[i]));
    const { scale, fits } = printScale(printed, portrait);
    const forced = this.spec.columns.flatMap((c, i) => (c.newPage ? [i] : []));
    const repeated = this.spec.freezeColumns ?? 0;
    const setup = (this.ws as unknown as { pageSetup: Style }).pageSetup;
    setup.scale = scale;
    if (fits && !forced.length) return;
    this.breaks = columnBreaks(printed, { repeated, scale, portrait, forced });
    setup.pageOrder = 'overThenDown';
    if (repeated) setup.printTitlesColumn = `A:${columnLetter(repeated)}`;
  }

  private autoWidth(c: ColumnSpec, i: number): number {
    let width = this.table ? Math.min(textWidth(c.header), 16) : 0;
    for (const { values } of this.pending) width = Math.max(width, textWidth(displayOf(values[i], c)));
    return Math.max(c.minWidth ?? 6, Math.min(c.maxWidth ?? MAX_WIDTH, width + 2));
  }

  /** The widths of columns `from`..`to` (1-based, inclusive) together: a merged cell's width. */
  private span(from: number, to: number): number {
    return this.widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  }

  /**
   * The column ranges (1-based, inclusive) each printed page shows besides the repeated key
   * columns: the whole table when it fits one page wide.
   */
  private pageParts(): [number, number][] {
    const n = this.spec.columns.length;
    if (!this.breaks.length) return [[1, n]];
    const starts = [this.spec.freezeColumns ?? 0, ...this.breaks];
    return starts.map((start, k) => [start + 1, k + 1 < starts.length ? starts[k + 1] : n]);
  }

  /** Splits columns from..to at the page breaks, so that no merged cell runs off a page's edge. */
  private onPages(from: number, to: number): [number, number][] {
    const pieces: [number, number][] = [];
    for (const [a, b] of this.pageParts()) if (a <= to && b >= from) pieces.push([Math.max(a, from), Math.min(b, to)]);
    return pieces.length ? pieces : [[from, to]];
  }

  /**
   * A row holding one text (title, subtitle, note) merged across the table, as tall as the
   * text needs. On a table printed across pages it is repeated over each page's columns
   * (`every`), or kept to the first page's (a note), never cut at a page edge.
   */
  private putBanner(number: number, text: string, style: Style, every = true): void {
    const row = this.ws.getRow(number);
    const size = (style.font as { size: number }).size;
    const parts = every ? this.pageParts() : this.pageParts().slice(0, 1);
    row.height = rowHeight(parts.map(([a, b]) => ({ text, width: this.span(a, b), size, wrap: true })));
    for (let c = 1; c <= this.spec.columns.length; c++) row.getCell(c).style = style;
    for (const [a, b] of parts) {
      row.getCell(a).value = xmlText(text);
      if (b > a) this.ws.mergeCells(number, a, number, b);
    }
    row.commit();
  }

  private writeHead(): void {
    if (this.spec.title) this.putBanner(++this.rowNumber, this.spec.title, TITLE_STYLE);
    if (this.spec.subtitle) this.putBanner(++this.rowNumber, this.spec.subtitle, SUBTITLE_STYLE);
    if (this.spec.groups?.length) {
      const row = this.ws.getRow(++this.rowNumber);
      const cells: CellText[] = [];
      let col = 1;
      for (const g of this.spec.groups) {
        for (let c = col; c < col + g.columns; c++) row.getCell(c).style = HEADER_STYLE;
        for (const [a, b] of g.label ? this.onPages(col, col + g.columns - 1) : []) {
          row.getCell(a).value = xmlText(g.label);
          if (b > a) this.ws.mergeCells(this.rowNumber, a, this.rowNumber, b);
          cells.push({ text: g.label, width: this.span(a, b), size: BODY_PT, wrap: true });
        }
        col += g.columns;
      }
      row.height = rowHeight(cells);
      row.commit();
    }
    const header = this.ws.getRow(++this.rowNumber);
    this.spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = xmlText(c.header);
      cell.style = HEADER_STYLE;
    });
    header.height = rowHeight(this.spec.columns.map((c, i) => ({ text: c.header, width: this.widths[i], size: BODY_PT, wrap: true, typeset: true })));
    header.commit();
  }

  /**
   * A note under the table: one text merged across every column, wrapped, as tall as it
   * needs. Merged before it is written (a streamed row cannot be touched once out).
   */
  addNote(text: string): void {
    if (this.committed) throw new Error(`sheet ${this.spec.name} already committed`);
    this.flush();
    this.putBanner((this.rowNumber = Math.max(this.rowNumber + 1, this.firstDataRow)), text, NOTE_STYLE, false);
  }

  private rowStyle(opts: RowOptions): Style[] {
    const key = `${opts.bold ? 'b' : ''}|${opts.fill ?? ''}`;
    let styles = this.rowStyles.get(key);
    if (!styles) {
      styles = this.styles.flatMap((s) =>
        [s.plain, s.date].map((st) => ({
          ...st,
          ...(opts.bold ? { font: { ...st.font, bold: true } } : {}),
          ...(opts.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: opts.fill } } } : {}),
        })),
      );
      this.rowStyles.set(key, styles);
    }
    return styles;
  }

  private writeRow(values: CellInput[], opts?: RowOptions): void {
    this.rowNumber = Math.max(this.rowNumber + 1, this.firstDataRow);
    const row = this.ws.getRow(this.rowNumber);
    const special = opts && (opts.bold || opts.fill) ? this.rowStyle(opts) : undefined;
    const cols = this.spec.columns;
    const n = Math.max(values.length, this.table ? cols.length : 0);
    const texts: CellText[] = [];
    for (let i = 0; i < n; i++) {
      const c = cols[i] ?? {};
      const value = toCell(values[i], c as ColumnSpec);
      const cell = row.getCell(i + 1);
      if (value !== null) cell.value = (typeof value === 'string' ? xmlText(value) : value) as never;
      const isDate = value instanceof Date;
      const styles = this.styles[i];
      if (styles) cell.style = special ? special[i * 2 + (isDate ? 1 : 0)] : isDate ? styles.date : styles.plain;
      if (this.table && value !== null && !c.hidden) texts.push({ text: displayOf(value, c as ColumnSpec), width: this.widths[i], size: BODY_PT, wrap: (c as ColumnSpec).wrap ?? false });
    }
    if (this.table) row.height = rowHeight(texts, MIN_ROW_PT);
    row.commit();
  }
}

function toCell(v: CellInput, c: ColumnSpec): CellInput | null {
  if (v === undefined || v === null || v === '') return null;
  if (c.kind === 'code') return typeof v === 'object' && !(v instanceof Date) ? v : String(v);
  if (c.kind === 'date' && typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  return v;
}

function displayOf(v: CellInput, c: ColumnSpec): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return 'yyyy-mm-dd';
  if (typeof v === 'object') return String(v.result ?? '');
  if (typeof v === 'number' && c.numFmt) return v.toFixed(c.numFmt.split('.')[1]?.length ?? 0);
  return String(v);
}

/** Opens a streaming workbook writer for `path` (temp file + rename; refuses an existing file unless force). */
export function createWorkbook(path: string, opts: { force?: boolean } = {}): Promise<WorkbookOut> {
  return WorkbookOut.create(path, opts);
}

export { cellAddress, rangeAddress };
