/**
 * The one normalisation every cell read from a workbook goes through, whatever reader
 * (streaming or in-memory) and whatever wrote the file (Excel, WPS, LibreOffice, exceljs).
 */

/** A formula error or an error typed into a cell (#N/A, #DIV/0!, #REF!…). */
export interface CellError {
  error: string;
}

/**
 * A cell as the rest of the program sees it: blank is null; text, number, boolean and
 * Date (UTC midnight for a plain date: read it with getUTC*) as themselves; an error as
 * `{ error }`. Numbers to the 15 significant digits Excel shows; a number shown as a
 * percentage as the text typed ("95%", from 0.95 with format 0%). Formulas are their cached result, rich text its whole text, hyperlinks
 * their text, shared-string indexes the resolved string.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

/**
 * What a formula cell holds when the file has no computed result for it (written by a
 * program, never opened and saved in Excel): not a blank, which would score as 未作答 or 0.
 */
export const NO_RESULT = '#NO-RESULT';

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string' && Object.keys(v).length === 1;
}

/**
 * Turns whatever exceljs gives for a cell into a CellValue. `sharedStrings` resolves a
 * `{sharedString: n}` the streaming reader sometimes returns instead of the string.
 */
export function normalizeCell(raw: unknown, sharedStrings?: readonly unknown[], numFmt?: string): CellValue {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case 'string':
      return raw === '' ? null : detach(raw);
    case 'number':
      if (!Number.isFinite(raw)) return null;
      // Typed "95%", Excel and Calc store 0.95 shown as a percentage: what the person wrote is "95%".
      if (numFmt && isPercentFormat(numFmt)) return `${Number((raw * 100).toPrecision(15))}%`;
      // Excel shows 15 significant digits: a cached 0.30000000000000004 is the 0.3 a person sees.
      return Number(raw.toPrecision(15));
    case 'boolean':
      return raw;
    case 'bigint':
      return Number(raw);
    case 'object':
      break;
    default:
      return String(raw);
  }
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  const o = raw as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return normalizeCell((o.richText as { text?: unknown }[]).map((run) => (run && typeof run.text === 'string' ? run.text : '')).join(''));
  }
  if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? { error: NO_RESULT } : normalizeCell(o.result, sharedStrings, numFmt);
  if (typeof o.sharedString === 'number') return normalizeCell(sharedStrings?.[o.sharedString], sharedStrings);
  if (typeof o.error === 'string') return { error: o.error };
  if ('text' in o) return normalizeCell(o.text, sharedStrings);
  if ('hyperlink' in o) return normalizeCell(o.hyperlink);
  return null;
}

/** A number format that shows a percentage: a % outside quotes and escapes (0%, 0.0%, but not "%"). */
export function isPercentFormat(numFmt: string): boolean {
  return numFmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

/**
 * A copy of a string that does not keep its source alive: the streaming reader's strings
 * are slices of whole XML chunks, so keeping one cell's text kept its 64 KB chunk (10,000
 * rows kept the whole sheet's XML in memory).
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A cell as a person reads it, for messages: dates as YYYY-MM-DD, errors as their code. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}
