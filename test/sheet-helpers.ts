// Shared by the spreadsheet tests: a frozen checklist, valid answers for every item, and
// templates filled the way a person fills them in Excel (exceljs in memory stands in for Excel).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { resolveChecklist } from '../src/checklist/load.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { placedItems, type Checklist, type Item } from '../src/model/checklist.js';
import { writeFormTemplate, writeWideTemplate, type TemplateCenter } from '../src/formats/fill-in-workbook.js';
import { ROOT } from './helpers.js';

export const CHECKLIST_FILE = join(ROOT, 'fixtures', 'sheets', 'checklist.yaml');
export const checklist: Checklist = resolveChecklist(CHECKLIST_FILE);
export const registry = (): ChecklistRegistry => new ChecklistRegistry([CHECKLIST_FILE]);
export const items: Item[] = placedItems(checklist).map((p) => p.item);

/** Full marks for an item, written the way its method reads it. */
export function fullAnswer(item: Item): ExcelJS.CellValue {
  const i = item as Item & { levels?: { label: string }[]; options?: { label: string }[]; bands?: { min: number }[] };
  switch (item.method) {
    case 'check':
      return '是';
    case 'levels':
      return i.levels![0].label;
    case 'multi':
      return i.options!.map((o) => o.label).join('、');
    case 'deduct':
      return 0;
    case 'scale':
      return i.bands![0].min;
    default:
      return item.points;
  }
}

export const CENTERS: TemplateCenter[] = [
  { code: '999901', name: '示例市甲区综治中心' },
  { code: '999902', name: '示例市乙区综治中心' },
  { code: '009903', name: '示例市丙县综治中心' },
];

export type Key = string; // 'code' | 'name' | 'date' | 'inspectors' | item id | `${id} 说明`

export interface WideSheet {
  ws: ExcelJS.Worksheet;
  wb: ExcelJS.Workbook;
  header: number;
  /** Column number of a header key. */
  col(key: Key): number;
  /** The cell of center row `i` (0-based) and a column key. */
  at(i: number, key: Key): ExcelJS.Cell;
  address(i: number, key: Key): string;
}

const WIDE_KEYS: Record<string, string> = { 编码: 'code', 名称: 'name', 检查日期: 'date', 检查人: 'inspectors' };

/** A wide template for `centers`, filled with full marks (date, inspectors, every answer) unless `blank`. */
export async function wideWorkbook(dir: string, centers: TemplateCenter[] = CENTERS, opts: { blank?: boolean } = {}): Promise<WideSheet> {
  const template = join(dir, `template-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeWideTemplate(template, checklist, centers);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('评分表')!;
  const header = 3;
  const cols = new Map<string, number>();
  ws.getRow(header).eachCell((cell, c) => {
    const text = String(cell.value).split('\n')[0];
    cols.set(WIDE_KEYS[text] ?? text, c);
  });
  const sheet: WideSheet = {
    ws,
    wb,
    header,
    col: (key) => {
      const c = cols.get(key);
      if (!c) throw new Error(`no column ${key}`);
      return c;
    },
    at: (i, key) => ws.getCell(header + 1 + i, sheet.col(key)),
    address: (i, key) => sheet.at(i, key).address,
  };
  if (!opts.blank) {
    centers.forEach((_, i) => {
      sheet.at(i, 'date').value = '2026-11-20';
      sheet.at(i, 'inspectors').value = '张三、李四';
      for (const item of items) sheet.at(i, item.id).value = fullAnswer(item);
    });
  }
  return sheet;
}

export interface FormSheets {
  wb: ExcelJS.Workbook;
  info: ExcelJS.Worksheet;
  form: ExcelJS.Worksheet;
  /** Row of an item on 评分表. */
  row(id: string): number;
  answer(id: string): ExcelJS.Cell;
  note(id: string): ExcelJS.Cell;
  /** The value cell of a 基本信息 label. */
  info_(label: string): ExcelJS.Cell;
}

/** A form template for one center, filled with full marks unless `blank`. */
export async function formWorkbook(dir: string, center: TemplateCenter | undefined = CENTERS[0], opts: { blank?: boolean } = {}): Promise<FormSheets> {
  const template = join(dir, `template-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeFormTemplate(template, checklist, center);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const info = wb.getWorksheet('基本信息')!;
  const form = wb.getWorksheet('评分表')!;
  const rows = new Map<string, number>();
  form.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && /^[A-Z]+-\d+$/.test(v)) rows.set(v, n);
  });
  const infoRows = new Map<string, number>();
  info.eachRow((row, n) => infoRows.set(String(row.getCell(1).value), n));
  const sheets: FormSheets = {
    wb,
    info,
    form,
    row: (id) => rows.get(id)!,
    answer: (id) => form.getCell(rows.get(id)!, 6),
    note: (id) => form.getCell(rows.get(id)!, 7),
    info_: (label) => info.getCell(infoRows.get(label)!, 2),
  };
  if (!opts.blank) {
    if (!center) {
      sheets.info_('中心编码').value = '999901';
      sheets.info_('中心名称').value = '示例市甲区综治中心';
    }
    sheets.info_('检查日期').value = '2026/11/20';
    sheets.info_('检查人').value = '张三 李四';
    for (const item of items) sheets.answer(item.id).value = fullAnswer(item);
  }
  return sheets;
}

export async function save(wb: ExcelJS.Workbook, path: string): Promise<string> {
  await wb.xlsx.writeFile(path);
  return path;
}
