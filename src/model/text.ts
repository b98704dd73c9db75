/**
 * How a person's typed answer is read: filled spreadsheets and hand-written audit files
 * carry full-width digits (９２), ideographic spaces and stray blanks.
 */
export function normalizeText(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\t\r\n]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

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
