import type ExcelJSType from 'exceljs';

export type ExcelJS = typeof ExcelJSType;

let loading: Promise<ExcelJS> | undefined;

/**
 * exceljs costs ~250 ms and ~27 MB to import: loaded on first use, once. Its streaming reader is fixed for CJK
 * text at build time (scripts/patch-exceljs.mjs), not here.
 */
export function excel(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((m) => (m.default ?? m) as ExcelJS);
  return loading;
}
