/** Excel's limit on the text of one cell; longer text is refused where it enters, never cut. */
export const TEXT_LIMIT = 32_767;

// Line and paragraph separators (Word's Shift+Enter pastes as U+000B) are line breaks to a reader.
const LINE_BREAKS = /\r\n?|[\u000B\u2028\u2029]/g;
// What XML 1.0 cannot carry or Unicode reserves: C0/C1 controls (but tab and newline),
// non-characters, and surrogates that are not half of a pair (the `u` flag matches pairs whole).
const UNWANTED =
  /[\u0000-\u0008\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

// Characters that are already NFC and need no change: tab, newline, printable ASCII and Latin,
// general punctuation, CJK (without the combining kana marks U+3099/U+309A) and full-width forms.
const PLAIN = /^[\t\n\u0020-\u007E\u00A0-\u02FF\u2010-\u2027\u2030-\u205E\u3000-\u3098\u309B-\u9FFF\uFF00-\uFFEF]*$/;

/**
 * Text as it may enter the program from any source (YAML, a cell, JSON, CSV, a prompt):
 * line separators become newlines, characters no workbook or XML file can hold are
 * removed (`removed` counts them, for the warning the source gives), and the result is
 * NFC so that the same words typed on two systems compare equal.
 */
export function cleanText(s: string): { text: string; removed: number } {
  // Most text is plain (ASCII, CJK, full-width forms), which none of the steps below changes:
  // a 200,000-row ledger holds millions of such cells.
  if (PLAIN.test(s)) return { text: s, removed: 0 };
  let removed = 0;
  const text = s
    .replace(LINE_BREAKS, '\n')
    .replace(UNWANTED, () => {
      removed++;
      return '';
    })
    .normalize('NFC');
  return { text, removed };
}

/**
 * How a person's typed answer is read: filled spreadsheets and hand-written audit files
 * carry full-width digits (９２), ideographic spaces and stray blanks.
 */
export function normalizeText(s: string): string {
  const text = cleanText(s).text;
  // Most answers need none of the steps below: one test instead of four passes over every cell.
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\t\r\n]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

// Exactly what the replacements of normalizeText change: full-width forms, the blanks it turns into
// spaces, runs of spaces, and whitespace at either end (what trim() removes, \s in a RegExp).
const NEEDS_NORMALIZING = /[\uFF01-\uFF5E\u3000\u00A0\t\r\n]| {2}|^\s|\s$/;

/** A number as text: "92", "９２.５", "92.5%", "92.5 %", "1,200"; undefined when it is not one. */
export function numberText(raw: string): string | undefined {
  const s = normalizeText(raw).replace(/\s*%$/, '').replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? s : undefined;
}

const YES = new Set(['是', 'yes', 'y', 'true', '1', '✓', '✔', '√', '对', '有', '达到']);
const NO = new Set(['否', 'no', 'n', 'false', '0', '✗', '✘', '×', 'x', '无', '未达到']);

export function booleanText(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = normalizeText(raw).toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

const NOT_APPLICABLE = new Set(['不适用', 'n/a', 'na', '缺项', '/']);

export function isNotApplicable(raw: unknown): boolean {
  return typeof raw === 'string' && NOT_APPLICABLE.has(normalizeText(raw).toLowerCase());
}

/** Splits a multi-answer cell on any of 、 , ， ; ； (and newlines). */
export function splitList(raw: string): string[] {
  return raw
    .split(/[、,，;；\n]/)
    .map(normalizeText)
    .filter((s) => s !== '');
}

/** Inspectors' names as typed in one field: separated by any list separator, a slash or spaces. */
export function splitNames(raw: string): string[] {
  return normalizeText(raw)
    .split(/[、,，;；/\s]+/)
    .filter((s) => s !== '');
}

/** The label nearest to what was typed, for "did you mean" hints (edit distance, at most half the length). */
export function nearest(input: string, labels: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const label of labels) {
    const d = editDistance(input, label);
    if (d < bestDistance) [best, bestDistance] = [label, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.ceil(best.length / 2)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length];
}
