import type ExcelJSType from 'exceljs';
import { installStreamingDecoder } from './sax-decode.js';

export type ExcelJS = typeof ExcelJSType;

let loading: Promise<ExcelJS> | undefined;

/** exceljs costs ~250 ms and ~27 MB to import: loaded on first use, once. */
export function excel(): Promise<ExcelJS> {
  installStreamingDecoder();
  loading ??= import('exceljs').then((m) => (m.default ?? m) as ExcelJS);
  return loading;
}
