/**
 * The spreadsheet adapter: the one place that knows exceljs (loaded lazily on first use,
 * so importing this module costs nothing at start-up).
 *
 * Reading:  readWorkbook(file) yields each sheet ({name, state, index, merges(), rows()}), one streaming reader
 *           for every size and part order (names from workbook.xml via the zip directory),
 *           rows as {number, cells: CellValue[]} with every cell through normalizeCell.
 *           sniffFile / xlsxProblem say what a file really is before parsing.
 *           Numbers come back as Excel shows them (15 digits; a percentage-formatted 0.95 as "95%"),
 *           strings detached from the XML so keeping one keeps nothing else alive.
 * Writing:  createWorkbook(path, {force}) → WorkbookOut; addSheet(spec) → SheetOut;
 *           sheet.addRow(values) then `await sheet.drain()` in long loops (memory stays flat),
 *           validate(range, rule), dataBar/colorScale/highlight, protect(), merge();
 *           book.commit() renames the temp file into place, book.abort() removes it.
 * Progress: progress(label, total?) draws on stderr when it is a terminal (./progress.js).
 */
export { normalizeCell, cellText, isCellError, isPercentFormat, NO_RESULT, type CellValue, type CellError } from './cell.js';
export { columnLetter, columnNumber, cellAddress, rangeAddress, parseAddress, parseRange, sheetRef } from './address.js';
export { progress, type Progress } from './progress.js';
export { sniffFile, xlsxProblem, type FileKind } from './sniff.js';
export { readWorkbook, readAllSheets, WorkbookUnreadable, INFLATED_LIMIT, type SheetIn, type RowIn, type SheetState } from './read.js';
export {
  createWorkbook,
  WorkbookOut,
  SheetOut,
  LISTS_SHEET,
  textWidth,
  type CellInput,
  type ColumnSpec,
  type SheetSpec,
  type RowOptions,
  type ValidationRule,
  type HighlightRule,
} from './write.js';
