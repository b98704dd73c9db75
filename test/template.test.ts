import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFormTemplate, writeWideTemplate } from '../src/formats/fill-in-workbook.js';
import { runCli, tempDir } from './helpers.js';
import { CENTERS, checklist, CHECKLIST_FILE, formWorkbook, fullAnswer, items, save, wideWorkbook } from './sheet-helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('zongzhi-template-');
});

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/**
 * The rule of an answer cell for a few items of each method, written out from fixtures/sheets/checklist.yaml:
 * dropdowns list the labels (and 不适用 where the item allows it), counts are whole numbers ≥ 0, measured values
 * stay within the item's range and direct scores within its points; multi answers are free text.
 */
// exceljs's types leave out the `any` type (no validation) that it reads and writes.
const RULES: Record<string, Partial<Omit<ExcelJS.DataValidation, 'type'>> & { type: ExcelJS.DataValidation['type'] | 'any' }> = {
  'INS-01': { type: 'list', formulae: ['"是,否"'] },
  'LAY-05': { type: 'list', formulae: ['"是,否,不适用"'] },
  'INS-02': { type: 'list', formulae: ['"完全达到,基本达到,未达到"'] },
  'FUN-02': { type: 'list', formulae: ['"完全达到,基本达到,未达到,不适用"'] },
  'INS-03': { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] },
  'INS-04': { type: 'any' },
  'INS-06': { type: 'decimal', operator: 'between', formulae: [0, 100] },
  'LAY-01': { type: 'decimal', operator: 'between', formulae: [0, 10000] },
  'MEC-09': { type: 'decimal', operator: 'between', formulae: [0, 365] },
  'STA-05': { type: 'decimal', operator: 'between', formulae: [0, 4] },
  'BON-02': { type: 'decimal', operator: 'between', formulae: [0, 2] },
};

describe('wide template', () => {
  it('has the hidden _zongzhi sheet, 填表说明 and one row per center', async () => {
    const path = join(dir, 'wide.xlsx');
    await writeWideTemplate(path, checklist, CENTERS);
    const wb = await open(path);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['_zongzhi', 'veryHidden'],
      ['填表说明', 'visible'],
      ['评分表', 'visible'],
    ]);
    const meta = wb.getWorksheet('_zongzhi')!;
    const values = Object.fromEntries([1, 2, 3, 4, 5].map((r) => [meta.getCell(r, 1).value, meta.getCell(r, 2).value]));
    expect(values).toEqual({ format: 1, checklist: 'sheet-fixture', version: 'test.1', sha256: checklist.sha256, layout: 'wide' });
    const ws = wb.getWorksheet('评分表')!;
    // Printed across pages, the title heads each page's own columns, after the repeated 编码 and 名称.
    expect(ws.getCell('C1').value).toContain(checklist.name);
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['编码', '名称', '检查日期', '检查人', `${items[0].id} 说明`]));
    expect(ws.getCell('E3').value).toBe(`${items[0].id}\n${items[0].title}(${items[0].points})`);
    expect([ws.getCell('A4').value, ws.getCell('B4').value, ws.getCell('A6').value]).toEqual(['999901', '示例市甲区综治中心', '009903']);
    expect(ws.getCell('A6').numFmt).toBe('@');
    // Dimension names over their items.
    expect(ws.getCell('E2').value).toBe(`${checklist.dimensions[0].name}(${checklist.dimensions[0].points})`);
    // Frozen below the header and right of the name; printed A4 landscape across pages at 9 pt or more, title, header and code/name repeated.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: false, printTitlesRow: '1:3', printTitlesColumn: 'A:B', pageOrder: 'overThenDown' });
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(90);
    expect(ws.autoFilter).toBeTruthy();
  });

  it('validates every answer column from its method: dropdowns, number limits, prompts with the criteria', async () => {
    const path = join(dir, 'wide-validation.xlsx');
    await writeWideTemplate(path, checklist, CENTERS);
    const ws = (await open(path)).getWorksheet('评分表')!;
    const cellOf = (id: string, row: number) => ws.getCell(row, 5 + items.findIndex((i) => i.id === id) * 2);
    for (const [id, rule] of Object.entries(RULES)) {
      for (const row of [4, 900]) expect(cellOf(id, row).dataValidation, `${id} row ${row}`).toMatchObject(rule);
    }
    // What a person sees when a typed answer is refused, and in the prompt beside the cell.
    expect(cellOf('INS-03', 4).dataValidation).toMatchObject({ showErrorMessage: true, error: '请按要求填写:问题个数(每处扣 0.5 分,扣完 2 分为止)' });
    expect(cellOf('STA-05', 4).dataValidation.error).toBe('请按要求填写:直接打分:0–4,步长 0.5');
    expect(cellOf('LAY-01', 4).dataValidation.error).toBe('请按要求填写:实测数值,0–10000㎡');
    expect(cellOf('INS-03', 4).dataValidation.prompt).toContain('问题个数(每处扣 0.5 分,扣完 2 分为止)');
    items.forEach((item, i) => {
      const v = ws.getCell(4, 5 + i * 2).dataValidation;
      expect(v, item.id).toBeDefined();
      expect(v.promptTitle!.length).toBeLessThanOrEqual(32);
      expect(v.prompt!.length).toBeLessThanOrEqual(255);
      expect(ws.getCell(4, 5 + i * 2).protection?.locked).toBe(false);
    });
    // Prefilled codes and names are locked; dates and inspectors are not.
    expect(ws.getCell('A4').protection?.locked).not.toBe(false);
    expect(ws.getCell('C4').protection?.locked).toBe(false);
  });

  it('lets a supervisor type codes and names when no registry was given', async () => {
    const path = join(dir, 'wide-blank.xlsx');
    await writeWideTemplate(path, checklist, []);
    const ws = (await open(path)).getWorksheet('评分表')!;
    expect(ws.getColumn(1).style.protection?.locked).toBe(false);
    expect(ws.getColumn(1).style.numFmt).toBe('@');
    expect(ws.getCell(1003, 5).dataValidation?.type).toBe('list');
  });
});

describe('form template', () => {
  it('has 基本信息 and 评分表 with every item, its criteria and points, answers unlocked', async () => {
    const path = join(dir, 'form.xlsx');
    await writeFormTemplate(path, checklist, CENTERS[2]);
    const wb = await open(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['_zongzhi', '填表说明', '基本信息', '评分表']);
    expect(wb.getWorksheet('_zongzhi')!.getCell('B5').value).toBe('form');
    const info = wb.getWorksheet('基本信息')!;
    expect([info.getCell('A3').value, info.getCell('B3').value, info.getCell('B4').value]).toEqual(['中心编码', '009903', '示例市丙县综治中心']);
    const form = wb.getWorksheet('评分表')!;
    expect(form.getRow(3).values).toEqual([undefined, '编号', '类别', '评分项目', '评分标准', '分值', '答案', '问题说明', '检查方法']);
    items.forEach((item, i) => {
      const row = form.getRow(4 + i);
      expect(row.getCell(1).value).toBe(item.id);
      expect(row.getCell(4).value).toBe(item.criteria);
      expect(row.getCell(5).value).toBe(item.points);
      // What first users missed: how to check each item, as the on-site audit shows it.
      expect(row.getCell(8).value).toBe(item.guidance ?? '');
      expect(row.getCell(6).protection?.locked).toBe(false);
      if (RULES[item.id]) expect(row.getCell(6).dataValidation, item.id).toMatchObject(RULES[item.id]);
      if (item.veto) expect(String(row.getCell(3).value)).toContain('一票否决');
    });
    expect(form.getCell('A4').protection?.locked).not.toBe(false);
  });
});

describe('zongzhi template and score, through the CLI', () => {
  it('wide: template with --centers → filled → scored to .xlsx and .json', async () => {
    const work = tempDir();
    const centers = join(work, 'centers.csv');
    writeFileSync(centers, '\uFEFF编码,名称,层级\n999901,示例市甲区综治中心,县级\n009903,示例市丙县综治中心,县级\n999901101,甲区某镇,乡镇\n');
    const template = join(work, '评分汇总.xlsx');
    const made = await runCli(['template', '--checklist', CHECKLIST_FILE, '--layout', 'wide', '--centers', centers, '-o', template]);
    expect(made.stderr).toContain(template);
    expect(made.code).toBe(0);
    const again = await runCli(['template', '--checklist', CHECKLIST_FILE, '--layout', 'wide', '-o', template]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在');

    const wb = await open(template);
    const ws = wb.getWorksheet('评分表')!;
    expect([ws.getCell('A4').value, ws.getCell('A5').value, ws.getCell('A6').value]).toEqual(['999901', '009903', null]);
    const header = ws.getRow(3).values as unknown[];
    const colOf = (id: string) => header.findIndex((h) => typeof h === 'string' && h.split('\n')[0] === id);
    for (const row of [4, 5]) {
      ws.getCell(row, 3).value = '2026/11/20';
      for (const item of items) ws.getCell(row, colOf(item.id)).value = fullAnswer(item);
    }
    const lost = items.find((i) => i.method === 'levels')!;
    ws.getCell(5, colOf(lost.id)).value = '未达到';
    ws.getCell(5, colOf(lost.id) + 1).value = '常务副主任未到位';
    const filled = await save(wb, join(work, 'filled.xlsx'));
    const report = join(work, 'report.xlsx');
    const json = join(work, 'results.json');
    const scored = await runCli(['score', filled, '--checklist', CHECKLIST_FILE, '-o', report, '-o', json, '--centers', centers]);
    expect(scored.stderr).toContain(report);
    expect(scored.code).toBe(0);
    const results = JSON.parse(readFileSync(json, 'utf8'));
    expect(results.map((r: { center: { code: string }; total: number }) => [r.center.code, r.total])).toEqual([
      ['999901', 105],
      ['009903', 105 - lost.points],
    ]);
    expect(results[1].findings[0]).toMatchObject({ item: lost.id, note: '常务副主任未到位' });
    const summary = (await open(report)).getWorksheet('汇总')!;
    expect(summary.getCell('B4').value).toBe('999901');
  });

  it('form: one workbook per center into a folder, filled, then the folder scored', async () => {
    const work = tempDir();
    const centers = join(work, 'centers.csv');
    writeFileSync(centers, '编码,名称\n999901,示例市甲区综治中心\n999902,示例市乙区/综治中心\n');
    const folder = join(work, '填报表');
    const bad = await runCli(['template', '--checklist', CHECKLIST_FILE, '--layout', 'form', '--centers', centers, '-o', join(work, 'x.xlsx')]);
    expect(bad.code).toBe(2);
    const made = await runCli(['template', '--checklist', CHECKLIST_FILE, '--layout', 'form', '--centers', centers, '-o', folder]);
    expect(made.code).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['999901-示例市甲区综治中心.xlsx', '999902-示例市乙区_综治中心.xlsx']);
    for (const file of files) {
      const wb = await open(join(folder, file));
      const info = wb.getWorksheet('基本信息')!;
      info.getCell('B5').value = '2026年11月20日';
      const form = wb.getWorksheet('评分表')!;
      items.forEach((item, i) => (form.getCell(4 + i, 6).value = fullAnswer(item)));
      await wb.xlsx.writeFile(join(folder, file));
    }
    const json = join(work, 'r.json');
    const scored = await runCli(['score', folder, '--checklist', CHECKLIST_FILE, '-o', json]);
    expect(scored.code).toBe(0);
    const results = JSON.parse(readFileSync(json, 'utf8'));
    expect(results.map((r: { center: { name: string } }) => r.center.name)).toEqual(['示例市甲区综治中心', '示例市乙区/综治中心']);
  });

  it('lists every error of every file, exits 1 and writes nothing; --skip-invalid scores the rest with an 错误 sheet', async () => {
    const work = tempDir();
    const w = await wideWorkbook(work);
    w.at(1, items.find((i) => i.method === 'levels')!.id).value = '部分';
    const wide = await save(w.wb, join(work, 'a-wide.xlsx'));
    const f = await formWorkbook(work);
    f.info_('检查日期').value = '下周';
    const form = await save(f.wb, join(work, 'b-form.xlsx'));
    writeFileSync(join(work, 'c-empty.xlsx'), '');
    const report = join(work, 'out', 'report.xlsx');
    const inputs = [wide, form, join(work, 'c-empty.xlsx')];
    const failed = await runCli(['score', ...inputs, '--checklist', CHECKLIST_FILE, '-o', report]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${wide}!评分表!`);
    expect(failed.stderr).toContain(`${form}!基本信息!B5: “下周”不是有效日期`);
    expect(failed.stderr).toContain('c-empty.xlsx 是空文件');
    expect(existsSync(report)).toBe(false);

    const skipped = await runCli(['score', ...inputs, '--checklist', CHECKLIST_FILE, '-o', report, '--skip-invalid']);
    expect(skipped.code).toBe(0);
    const wb = await open(report);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '评分明细', '问题清单', '错误']);
    const errors = wb.getWorksheet('错误')!;
    expect(errors.getCell('E3').value).toBe('answer.unknown-level');
    expect([errors.getCell('B3').value, errors.getCell('C3').value]).toEqual([wide, '评分表']);
    expect(errors.getCell('E5').value).toBe('xlsx.kind-empty');
    expect(wb.getWorksheet('汇总')!.getCell('B4').value).toBe('999901');
    // Two valid centers of the wide sheet (the third row had the error).
    expect(wb.getWorksheet('汇总')!.getCell('B5').value).toBe('009903');
    expect(wb.getWorksheet('汇总')!.getCell('B6').value).toBe(null);
  });
});
