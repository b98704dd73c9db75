import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnLetter,
  columnNumber,
  createWorkbook,
  normalizeCell,
  NO_RESULT,
  readAllSheets,
  readWorkbook,
  sniffFile,
  textWidth,
  WorkbookUnreadable,
  xlsxProblem,
} from '../src/xlsx/index.js';
import { tempDir } from './helpers.js';

const DATE = new Date(Date.UTC(2026, 10, 20));

async function sample(dir: string, name = 'sample.xlsx') {
  const path = join(dir, name);
  const book = await createWorkbook(path);
  const meta = book.addSheet({ name: '_meta', state: 'veryHidden', look: 'plain', columns: [{ header: 'k' }, { header: 'v' }] });
  meta.addRow(['checklist', 'county']);
  const sheet = book.addSheet({
    name: '汇总',
    title: '示例市综治中心规范化建设评估汇总',
    subtitle: '制表:示例市委政法委',
    columns: [
      { header: '编码', kind: 'code' },
      { header: '名称', wrap: true },
      { header: '检查日期', kind: 'date' },
      { header: '总分', kind: 'number', numFmt: '0.0' },
      { header: '公式' },
      { header: '答案', unlocked: true, input: true },
    ],
  });
  sheet.validate('F4:F6', { type: 'list', values: ['是', '否'], title: '答案', prompt: '是 或 否' });
  sheet.validate('E4:E6', { type: 'list', values: Array.from({ length: 60 }, (_, i) => `很长的选项名称${i}`) });
  sheet.addRow(['009901', '示例市甲区综治中心', DATE, 92.45, { formula: 'D4*2', result: 184.9 }, '是']);
  sheet.addRow(['999902', '示例市乙区综治中心', '2026-11-21', 81, { formula: 'B5&"!"', result: '乙!' }, '92']);
  sheet.addRow(['999903', '=SUM(1,2)', null, 0, null, '０７']);
  sheet.colorScale('D4:D6', { min: 0, max: 100 });
  sheet.highlight('D4:D6', { operator: 'lessThan', formulae: [60] });
  sheet.protect('zongzhi');
  await book.commit();
  return path;
}

describe('xlsx adapter: cell normalisation', () => {
  it('normalises every kind of cell exceljs returns', () => {
    expect(normalizeCell(undefined)).toBeNull();
    expect(normalizeCell('')).toBeNull();
    expect(normalizeCell('  ')).toBe('  ');
    expect(normalizeCell({ richText: [{ text: '粗' }, { text: '体' }] })).toBe('粗体');
    expect(normalizeCell({ formula: 'A1', result: 3 })).toBe(3);
    expect(normalizeCell({ sharedFormula: 'A1', result: '是' })).toBe('是');
    // No cached result (written by a program, never saved in Excel): not a blank that would score 0.
    expect(normalizeCell({ formula: 'A1' })).toEqual({ error: NO_RESULT });
    expect(normalizeCell({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ error: '#DIV/0!' });
    expect(normalizeCell({ sharedString: 1 }, ['a', { richText: [{ text: '共' }, { text: '享' }] }])).toBe('共享');
    expect(normalizeCell({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(normalizeCell({ text: { richText: [{ text: '富' }, { text: '链' }] }, hyperlink: 'x' })).toBe('富链');
    expect(normalizeCell({ error: '#N/A' })).toEqual({ error: '#N/A' });
    expect(normalizeCell(DATE)).toBe(DATE);
    expect(normalizeCell(new Date(NaN))).toBeNull();
    expect(normalizeCell(Number.NaN)).toBeNull();
    expect(normalizeCell({ formula: 'A1+A2', result: 0.1 + 0.2 })).toBe(0.3);
    expect(normalizeCell(999901101001)).toBe(999901101001);
    expect(normalizeCell(0.95, undefined, '0%')).toBe('95%');
    expect(normalizeCell(0.925, undefined, '0.0%')).toBe('92.5%');
    expect(normalizeCell({ formula: 'A1/B1', result: 0.5 }, undefined, '0%')).toBe('50%');
    expect(normalizeCell(0.95, undefined, '0.00"%"')).toBe(0.95);
    expect(cellText(DATE)).toBe('2026-11-20');
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
  });

  it('converts columns and measures CJK as two', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(703)).toBe('AAA');
    for (const n of [1, 26, 27, 52, 702, 703, 16384]) expect(columnNumber(columnLetter(n))).toBe(n);
    expect(textWidth('综治中心')).toBe(8);
    expect(textWidth('INS-01')).toBe(6);
  });
});

describe('xlsx adapter: write then read back', () => {
  it('round-trips CJK text, codes, dates, numbers, formulas, merges and sheet states', async () => {
    const dir = tempDir();
    const path = await sample(dir);
    expect(readdirSync(dir)).toEqual(['sample.xlsx']);
    {
      const sheets = await readAllSheets(path);
      expect(sheets.map((s) => [s.name, s.state])).toEqual([
        ['_meta', 'veryHidden'],
        ['汇总', 'visible'],
        ['_lists', 'veryHidden'],
      ]);
      const rows = sheets[1].rows;
      expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(rows[0].cells).toEqual(['示例市综治中心规范化建设评估汇总']);
      expect(rows[2].cells).toEqual(['编码', '名称', '检查日期', '总分', '公式', '答案']);
      expect(rows[3].cells).toEqual(['009901', '示例市甲区综治中心', DATE, 92.45, 184.9, '是']);
      expect(rows[4].cells).toEqual(['999902', '示例市乙区综治中心', new Date(Date.UTC(2026, 10, 21)), 81, '乙!', '92']);
      // A string starting with = stays a string; text that looks like a number stays text.
      expect(rows[5].cells).toEqual(['999903', '=SUM(1,2)', null, 0, null, '０７']);
      expect(sheets[1].merges.sort()).toEqual(['A1:F1', 'A2:F2']);
      expect(sheets[0].rows[0].cells).toEqual(['checklist', 'county']);
    }
    // Long dropdown lists live on a veryHidden sheet, not in a literal.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toContainEqual(['_lists', 'veryHidden']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell('E4').dataValidation.formulae[0]).toMatch(/^'_lists'!\$A\$1:\$A\$60$/);
    expect(summary.getCell('F5').dataValidation.formulae[0]).toBe('"是,否"');
    expect(summary.getCell('F4').protection?.locked).toBe(false);
    expect(summary.getCell('A4').numFmt).toBe('@');
    expect(summary.getCell('C4').numFmt).toBe('yyyy-mm-dd');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: false, paperSize: 9, printTitlesRow: '1:3' });
    expect(summary.pageSetup.scale).toBeGreaterThanOrEqual(90);
    expect(summary.autoFilter).toBe('A3:F6');
    expect(summary.getColumn(2).width).toBeGreaterThanOrEqual(textWidth('示例市甲区综治中心'));
    expect(summary.getCell('A1').font).toMatchObject({ name: '黑体', size: 16 });
  });

  it('reads the whole text of rich text, inline or shared', async () => {
    const dir = tempDir();
    for (const useSharedStrings of [false, true]) {
      const path = join(dir, `rich-${useSharedStrings}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: true });
      const ws = wb.addWorksheet('s');
      ws.addRow([{ richText: [{ text: '粗', font: { bold: true } }, { text: '体' }] }, { text: '链接', hyperlink: 'https://example.org' }]).commit();
      ws.commit();
      await wb.commit();
      // exceljs's streaming reader alone keeps only the last run of *inline* rich text ("体").
      const [sheet] = await readAllSheets(path);
      expect(sheet.rows[0].cells).toEqual(['粗体', '链接']);
    }
  });

  it('reads a number shown as a percentage as the percentage typed', async () => {
    const dir = tempDir();
    const path = join(dir, 'percent.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 0.95;
    ws.getCell('A1').numFmt = '0%';
    ws.getCell('B1').value = 0.95;
    await wb.xlsx.writeFile(path);
    const [sheet] = await readAllSheets(path);
    expect(sheet.rows[0].cells).toEqual(['95%', 0.95]);
  });

  it('reads a merge as its range, its inner cells blank', async () => {
    const dir = tempDir();
    const path = join(dir, 'merged.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评分表');
    ws.getCell('A1').value = '是';
    ws.mergeCells('A1:A3');
    ws.getCell('B2').value = 5;
    await wb.xlsx.writeFile(path);
    const [sheet] = await readAllSheets(path);
    expect(sheet.rows.map((r) => r.cells)).toEqual([['是'], [null, 5]]);
    expect(sheet.merges).toEqual(['A1:A3']);
  });

  it('refuses an existing output without force and leaves no temp file on abort', async () => {
    const dir = tempDir();
    const path = await sample(dir);
    await expect(createWorkbook(path)).rejects.toThrow(/已存在/);
    const book = await createWorkbook(path, { force: true });
    book.addSheet({ name: 'x', columns: [{ header: 'a' }] }).addRow(['b']);
    await book.abort();
    expect(readdirSync(dir)).toEqual(['sample.xlsx']);
    const [, sheet] = await readAllSheets(path);
    expect(sheet.name).toBe('汇总');
  });
});

describe('xlsx adapter: sniffing', () => {
  it('says what a file named .xlsx really is', async () => {
    const dir = tempDir();
    const write = (name: string, data: string | Buffer) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    const good = await sample(dir);
    expect(sniffFile(good)).toBe('xlsx');
    expect(xlsxProblem(good)).toBeUndefined();
    expect(sniffFile(write('empty.xlsx', ''))).toBe('empty');
    expect(sniffFile(write('csv.xlsx', '\uFEFF编码,名称\n009901,甲区\n'))).toBe('text');
    expect(sniffFile(write('old.xlsx', Buffer.from('D0CF11E0A1B11AE1000000000000000000', 'hex')))).toBe('ole');
    expect(sniffFile(write('page.xlsx', '<html><body><table><tr><td>1</td></tr></table></body></html>'))).toBe('html');
    expect(sniffFile(write('xml.xlsx', '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'))).toBe('xml');
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(good);
    expect(sniffFile(write('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))))).toBe('corrupt-zip');
    expect(sniffFile(join(dir, 'nothing.xlsx'))).toBe('missing');
    const ole = xlsxProblem(join(dir, 'old.xlsx'))!;
    expect(ole).toMatchObject({ code: 'xlsx.kind-ole', file: join(dir, 'old.xlsx') });
    expect(ole.message).toContain('.xls');
    await expect(readAllSheets(join(dir, 'csv.xlsx'))).rejects.toBeInstanceOf(WorkbookUnreadable);
    // A zip whose entries are damaged inside: exceljs fails, and the failure is a located problem.
    const broken = Buffer.from(bytes);
    for (let i = 200; i < broken.length - 2000; i += 97) broken[i] ^= 0xff;
    const path = write('garbled.xlsx', broken);
    const error = await readAllSheets(path).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookUnreadable);
    expect((error as WorkbookUnreadable).problem.code).toMatch(/^xlsx\./);
    expect(existsSync(path)).toBe(true);
  });

  it('streams sheet after sheet, skipping the ones not read', async () => {
    const dir = tempDir();
    const path = await sample(dir);
    const names = [];
    for await (const sheet of readWorkbook(path)) {
      names.push(sheet.name);
      if (sheet.name === '汇总') {
        let n = 0;
        for await (const _ of sheet.rows()) n++;
        expect(n).toBe(6);
      }
    }
    expect(names).toEqual(['_meta', '汇总', '_lists']);
  });
});
