import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../src/errors.js';
import { readFilledWorkbook } from '../src/formats/fill-in-workbook.js';
import { ranked } from '../src/model/rank.js';
import type { Result } from '../src/model/result.js';
import { scoreResponses } from '../src/scoring/batch.js';
import { writeReport } from '../src/sinks/report-xlsx.js';
import { readAllSheets, type CellValue } from '../src/xlsx/index.js';
import { tempDir } from './helpers.js';
import { checklist, items, registry, save, wideWorkbook } from './sheet-helpers.js';

const CENTERS = [
  { code: '999901101', name: '甲区城关镇综治中心' },
  { code: '999901102', name: '甲区新华街道综治中心' },
  { code: '999902101', name: '乙区某镇综治中心' },
  { code: '999902102', name: '乙区某乡综治中心' },
];
const lost = items.find((i) => i.method === 'levels' && !i.na)!;
const veto = items.find((i) => i.veto)!;
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

let dir: string;
let results: Result[];

beforeAll(async () => {
  dir = tempDir('zongzhi-report-');
  const w = await wideWorkbook(dir, CENTERS);
  // 0 and 1 tie at full marks; 2 loses one level item (with a note); 3 fails the veto item.
  w.at(2, lost.id).value = '未达到';
  w.at(2, `${lost.id} 说明`).value = '常务副主任未到位';
  w.at(3, veto.id).value = '否';
  w.at(1, 'date').value = '2026-11-21';
  const file = await save(w.wb, join(dir, 'filled.xlsx'));
  const read = await readFilledWorkbook(file, registry());
  expect(read.problems).toEqual([]);
  const scored = scoreResponses(read.responses);
  results = ranked(scored.results, (r) => r.total).map((r) => r.item);
});

const rowsOf = (sheet: { rows: { number: number; cells: CellValue[] }[] }) => new Map(sheet.rows.map((r) => [r.number, r.cells]));

describe('scored report workbook', () => {
  it('汇总: title, header, one row per center with shared ranks, dimension scores, veto and findings', async () => {
    const path = join(dir, 'report.xlsx');
    await writeReport(path, results);
    const sheets = await readAllSheets(path);
    expect(sheets.map((s) => s.name)).toEqual(['汇总', '评分明细', '问题清单']);
    const rows = rowsOf(sheets[0]);
    expect(rows.get(1)).toEqual([`${checklist.name} 评估结果汇总表`]);
    expect(String(rows.get(2)![0])).toMatch(/^清单版本 test\.1;共 4 个中心;制表日期 \d{4}-\d{2}-\d{2}$/);
    const dims = checklist.dimensions.map((d) => `${d.name}(${d.points})`);
    expect(rows.get(3)).toEqual(['名次', '编码', '名称', '检查日期', '总分', '等次', ...dims, '加分', '否决项', '问题数']);
    const full = checklist.dimensions.map((d) => d.points);
    const top = 100 + checklist.bonus!.cap;
    expect(rows.get(4)).toEqual([1, '999901101', '甲区城关镇综治中心', date('2026-11-20'), top, '优秀', ...full, checklist.bonus!.cap, null, 0]);
    expect(rows.get(5)).toEqual([1, '999901102', '甲区新华街道综治中心', date('2026-11-21'), top, '优秀', ...full, checklist.bonus!.cap, null, 0]);
    // Ranked by grade band, then score: the vetoed center keeps its higher score but is graded 不合格 and ranks last.
    const lower = results.find((r) => r.center.code === '999902101')!;
    expect(rows.get(6)).toEqual([3, '999902101', '乙区某镇综治中心', date('2026-11-20'), top - lost.points, '优秀', ...lower.dimensions.map((d) => d.earned), checklist.bonus!.cap, null, 1]);
    const vetoed = results.find((r) => r.center.code === '999902102')!;
    expect(vetoed.total).toBeGreaterThan(lower.total);
    expect(rows.get(7)).toEqual([4, '999902102', '乙区某乡综治中心', date('2026-11-20'), top - veto.points, '不合格', ...vetoed.dimensions.map((d) => d.earned), checklist.bonus!.cap, veto.id, 1]);
    expect(rows.get(8)).toBeUndefined();
  });

  it('汇总 prints as the office needs it: frozen header, filter, A4 landscape at 9 pt or more, title and header repeated, colour scales and a red 不合格', async () => {
    const path = join(dir, 'report-look.xlsx');
    await writeReport(path, results);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBe(`A3:${ws.getColumn(ws.columnCount).letter}7`);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: false, printTitlesRow: '1:3' });
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(90);
    expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16 });
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('B4').numFmt).toBe('@');
    expect(ws.getCell('D4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('E4').numFmt).toBe('0.0');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.find((c) => c.ref === 'E4:E7')?.rules[0].type).toBe('colorScale');
    expect(cf.some((c) => c.ref === 'F4:F7' && c.rules[0].type === 'cellIs')).toBe(true);
    // Columns sized for Chinese (CJK counted 2) up to what fits the page; a longer name wraps in a taller row.
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(12);
    expect(ws.getCell('C4').alignment?.wrapText).toBe(true);
  });

  it('ranks within each county when the registry gives parents, ties sharing a rank', async () => {
    const path = join(dir, 'report-county.xlsx');
    const centers = join(dir, 'centers.csv');
    writeFileSync(centers, '编码,名称,层级,上级编码\n999901,示例市甲区,县级,\n999902,示例市乙区,县级,\n999901101,甲区城关镇综治中心,乡镇,999901\n999901102,甲区新华街道综治中心,乡镇,999901\n999902101,乙区某镇综治中心,乡镇,999902\n999902102,乙区某乡综治中心,乡镇,999902\n');
    await writeReport(path, results, { centers });
    const [summary, , findings] = await readAllSheets(path);
    const rows = rowsOf(summary);
    expect(rows.get(3)!.slice(0, 4)).toEqual(['名次', '所属县(市、区)', '县内名次', '编码']);
    expect([4, 5, 6, 7].map((r) => rows.get(r)!.slice(0, 4))).toEqual([
      [1, '示例市甲区', 1, '999901101'],
      [1, '示例市甲区', 1, '999901102'],
      [3, '示例市乙区', 1, '999902101'],
      [4, '示例市乙区', 2, '999902102'],
    ]);
    // 问题清单 names the county too.
    const f = rowsOf(findings);
    expect(f.get(4)![4]).toBe('示例市乙区');
  });

  it('评分明细: one row per center and item, with answer, points, earned and note', async () => {
    const path = join(dir, 'report-details.xlsx');
    await writeReport(path, results);
    const [, details] = await readAllSheets(path);
    const rows = rowsOf(details);
    expect(rows.get(1)).toEqual(['评分明细表']);
    expect(rows.get(2)).toEqual(['编码', '名称', '检查日期', '类别', '编号', '评分项目', '分值', '答案', '得分', '说明']);
    expect(details.rows).toHaveLength(2 + results.length * items.length);
    const third = results[3];
    expect(third.center.code).toBe('999902101');
    const index = items.findIndex((i) => i.id === lost.id);
    const row = rows.get(3 + 3 * items.length + index)!;
    const dimension = checklist.dimensions.find((d) => d.items.some((i) => i.id === lost.id))!;
    expect(row).toEqual([third.center.code, third.center.name, date('2026-11-20'), dimension.name, lost.id, lost.title, lost.points, '未达到', 0, '常务副主任未到位']);
    const bonusRow = rows.get(2 + items.length)!;
    expect(bonusRow[3]).toBe('加分项');
  });

  it('问题清单: every finding in the ledger columns, in order', async () => {
    const path = join(dir, 'report-findings.xlsx');
    await writeReport(path, results);
    const [, , findings] = await readAllSheets(path);
    const rows = rowsOf(findings);
    // Printed in parts (问题 | 整改 | 复查), the title heads each part's columns, after the repeated 序号 and 问题编号.
    expect(rows.get(1)).toEqual([null, null, '问题清单', ...Array(6).fill(null), '问题清单', ...Array(8).fill(null), '问题清单']);
    expect(rows.get(3)).toEqual(['序号', '问题编号', '中心编码', '中心名称', '所属县(市、区)', '规范化类别', '评分项', '问题描述', '扣分', '整改措施', '责任单位', '责任人', '整改时限', '整改状态', '整改进展', '销号日期', '核验人', '备注', '复查']);
    // Written out by hand from fixtures/sheets/checklist.yaml: the veto item failed (2 points, 30 days) and the
    // leader item at 未达到 (3.5 points, 60 days, with the inspector's note); unset cells at the end are absent.
    expect(rows.get(4)).toEqual([
      1, '999902102-20261120-INS-01', '999902102', '乙区某乡综治中心', '999902', '机构设置规范化', 'INS-01 综治中心挂牌并实体化运行',
      '县综治中心未挂牌或未实体化运行', 2, '按统一标识挂牌,落实场所、人员和工作机制,实现常态化实体化运行', '县委政法委', null,
      date('2026-12-20'), '未整改',
    ]);
    expect(rows.get(5)).toEqual([
      2, '999902101-20261120-INS-02', '999902101', '乙区某镇综治中心', '999902', '机构设置规范化', 'INS-02 机构规格和中心领导配备',
      '中心机构规格未落实或领导配备不到位', 3.5, '商县委编办落实正科级机构规格,明确中心主任并选配专职常务副主任', '县委政法委、县委编办', null,
      date('2027-01-19'), '未整改', null, null, null, '常务副主任未到位',
    ]);
    expect(rows.get(6)).toBeUndefined();
  });

  it('错误: every skipped problem with its file, sheet and cell', async () => {
    const path = join(dir, 'report-errors.xlsx');
    const skipped = [
      problem('answer.unknown-level', { value: '部分', labels: '完全达到/基本达到/未达到' }, { file: '甲区.xlsx', sheet: '评分表', cell: 'F12' }),
      problem('xlsx.kind-empty', { path: '乙区.xlsx' }, { file: '乙区.xlsx' }),
      problem('audit.date', { value: 'x' }, { file: 'a.audit.yaml', line: 4, col: 7 }),
    ];
    await writeReport(path, results, { skipped });
    const sheets = await readAllSheets(path);
    expect(sheets.map((s) => s.name)).toEqual(['汇总', '评分明细', '问题清单', '错误']);
    const rows = rowsOf(sheets[3]);
    expect(rows.get(1)).toEqual(['未计分的错误(3 个)']);
    expect(rows.get(2)).toEqual(['序号', '文件', '工作表', '位置', '错误代码', '说明']);
    expect(rows.get(3)).toEqual([1, '甲区.xlsx', '评分表', 'F12', 'answer.unknown-level', '"部分" 不是该项的等级(可选:完全达到/基本达到/未达到)']);
    expect(rows.get(4)).toEqual([2, '乙区.xlsx', null, null, 'xlsx.kind-empty', skipped[1].message]);
    expect(rows.get(5)).toEqual([3, 'a.audit.yaml', null, '4:7', 'audit.date', skipped[2].message]);
  });

  it('writes an empty but valid report when nothing could be scored', async () => {
    const path = join(dir, 'report-empty.xlsx');
    await writeReport(path, [], { skipped: [problem('xlsx.kind-empty', { path: 'x.xlsx' }, { file: 'x.xlsx' })] });
    const sheets = await readAllSheets(path);
    expect(sheets.map((s) => s.name)).toEqual(['汇总', '评分明细', '问题清单', '错误']);
  });

  it('refuses to overwrite without force', async () => {
    const path = join(dir, 'report-twice.xlsx');
    await writeReport(path, results);
    await expect(writeReport(path, results)).rejects.toThrow(/已存在/);
    await writeReport(path, results, { force: true });
  });
});
