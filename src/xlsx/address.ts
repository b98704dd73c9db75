/** Column 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters → number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1-style address of a 1-based column and row. */
export function cellAddress(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/** A1:B2 range from two corners (1-based). */
export function rangeAddress(col1: number, row1: number, col2: number, row2: number): string {
  return `${cellAddress(col1, row1)}:${cellAddress(col2, row2)}`;
}

/** Parses "B12" → {col: 2, row: 12}. */
export function parseAddress(address: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return m ? { col: columnNumber(m[1]), row: Number(m[2]) } : undefined;
}

/** Parses "A1:C3" (or a single cell) into its corners. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = range.split(':');
  const p = parseAddress(a);
  const q = parseAddress(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** A sheet name quoted for a formula reference: 'My sheet'!A1. */
export function sheetRef(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}
