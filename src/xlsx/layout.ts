import { breakLines } from '../util/line-break.js';
import { isWide } from '../util/width.js';

/**
 * How a sheet lands on paper: row heights from the text they hold, and the print scale.
 * Pure arithmetic, used by every writer through SheetOut (streaming included), because
 * neither LibreOffice nor WPS fits a row to its wrapped text when opening a file, and a
 * fit-to-width scale decided by the application cannot promise a readable type size.
 *
 * Units: column widths in Excel's units (the digit width of the workbook's default font,
 * 宋体 at body size); type and row heights in points.
 */

/** Body type, and the smallest size anything may print at (font × scale). */
export const BODY_PT = 10;
export const MIN_PRINTED_PT = 9;
/** The smallest scale that keeps body type at MIN_PRINTED_PT. */
export const MIN_SCALE = Math.ceil((MIN_PRINTED_PT / BODY_PT) * 100);

/**
 * What a width unit prints as differs by application: Excel measures 宋体's digit (7 px at
 * 96 dpi, 5.25 pt); LibreOffice, which substitutes Noto Sans CJK, prints columns about a
 * fifth wider (measured: 6.3 pt). Text is wrapped for the narrower, pages are filled for
 * the wider, so neither cuts a line nor pushes a column off the page.
 */
const PT_PER_UNIT_WRAP = 5.25;
const PT_PER_UNIT_PAGE = 6.4;
/** Space a cell keeps between its border and its text, both sides together, in points. */
const CELL_INSET_PT = 6;
/**
 * A line of type takes 1.3 × its size: LibreOffice sets Noto Sans CJK (what it and domestic
 * Linux substitute for 宋体) 1.22 em apart (measured in its PDFs); Excel sets 宋体 closer.
 */
const LINE_HEIGHT = 1.3;
const ROW_PADDING_PT = 4;
/**
 * Half-width characters print wider than half an em in the fonts substituted for 宋体
 * (DejaVu digits are 0.64 em): size them at 0.6 em so a row is never a line short.
 */
const HALF_WIDTH_EM = 0.6;

/** The margins every sheet uses, in inches (as the pageSetup takes them); A4 in points. */
export const MARGINS_IN = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const A4 = { short: 595.3, long: 841.9 };

/** What one cell asks of its row. */
export interface CellText {
  text: string;
  /** Column width (or the merged columns' total), Excel units. */
  width: number;
  size: number;
  wrap: boolean;
  /**
   * Count lines as the typesetting rules break them (line-break.ts: no break inside `0.5分`,
   * none before `)`), as well as greedily: Excel, WPS and LibreOffice keep such runs together
   * too, so a header sized greedily could lose its last line. Headers only: it costs more.
   */
  typeset?: boolean;
}

/**
 * The characters XML 1.0 allows (§2.2): tab, newline, carriage return, U+0020–U+D7FF,
 * U+E000–U+FFFD and paired surrogates. Vertical tab and form feed become a line break
 * (as the sources read them); anything else outside the set is dropped.
 */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x0b\x0c]/g, '\n').replace(/[\x00-\x08\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/**
 * Lines a text takes in a column `width` units wide at `size` pt, wrapping greedily as the
 * applications do: a CJK character (1 em) may start a line anywhere; other characters
 * (HALF_WIDTH_EM each) go in words that break after a space or a hyphen, and a word longer
 * than the line breaks anywhere. Display width as displayWidth counts it (CJK = 2).
 */
export function lineCount(text: string, width: number, size: number, wrap = true): number {
  let lines = 1;
  if (!wrap) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    return lines;
  }
  const room = lineRoom(width, size);
  let used = 0;
  let word = 0;
  const place = (w: number) => {
    if (used > 0 && used + w > room) {
      lines++;
      used = 0;
    }
    if (w > room) {
      lines += Math.ceil(w / room) - 1;
      used = w % room;
    } else used += w;
  };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 10) {
      if (word) place(word);
      lines++;
      used = word = 0;
    } else if (isWide(c)) {
      if (word) place(word);
      word = 0;
      place(1);
    } else {
      word += HALF_WIDTH_EM;
      if (c === 32 || c === 45) {
        place(word);
        word = 0;
      }
    }
  }
  if (word) place(word);
  return lines;
}

/** Ems of type that fit on one line of a column `width` units wide. */
function lineRoom(width: number, size: number): number {
  return Math.max(1, (width * PT_PER_UNIT_WRAP - CELL_INSET_PT) / size);
}

/** Lines by the typesetting rules or greedily, whichever is more: a row sized so is never a line short. */
export function typesetLineCount(text: string, width: number, size: number): number {
  // breakLines measures display columns: a CJK character is 2, one em.
  const typeset = breakLines(text, Math.floor(lineRoom(width, size) * 2)).length;
  return Math.max(typeset, lineCount(text, width, size));
}

/** Height a row needs so no cell's text is cut or drawn over the next row, in points. */
export function rowHeight(cells: CellText[], minimum = 0): number {
  let height = minimum;
  for (const c of cells) {
    if (c.text === '') continue;
    const lines = c.typeset && c.wrap ? typesetLineCount(c.text, c.width, c.size) : lineCount(c.text, c.width, c.size, c.wrap);
    height = Math.max(height, lines * c.size * LINE_HEIGHT + ROW_PADDING_PT);
  }
  return Math.ceil(height * 4) / 4;
}

/** Printable width of an A4 page in Excel units at 100 %. */
export function pageWidth(portrait: boolean): number {
  return ((portrait ? A4.short : A4.long) - (MARGINS_IN.left + MARGINS_IN.right) * 72) / PT_PER_UNIT_PAGE;
}

/**
 * The print scale for columns of these widths: as large as fits one page wide (never above
 * 100 %), but never below MIN_SCALE. A table wider than that prints across pages instead,
 * its key columns repeated (see SheetOut).
 */
export function printScale(widths: number[], portrait: boolean): { scale: number; fits: boolean } {
  const total = widths.reduce((a, b) => a + b, 0);
  const scale = Math.min(100, Math.floor((pageWidth(portrait) / Math.max(1, total)) * 100));
  return { scale: Math.max(MIN_SCALE, scale), fits: scale >= MIN_SCALE };
}

/**
 * Where a table prints across pages: before each `forced` column, and before the first
 * column that no longer fits, page after page, with the `repeated` first columns printed
 * again on each. Returns 0-based column indexes.
 */
export function columnBreaks(widths: number[], opts: { repeated: number; scale: number; portrait: boolean; forced: number[] }): number[] {
  const room = (pageWidth(opts.portrait) * 100) / opts.scale;
  const key = widths.slice(0, opts.repeated).reduce((a, b) => a + b, 0);
  const breaks: number[] = [];
  let used = key;
  for (let i = opts.repeated; i < widths.length; i++) {
    if (used > key && (opts.forced.includes(i) || used + widths[i] > room)) {
      breaks.push(i);
      used = key;
    }
    used += widths[i];
  }
  return breaks;
}
