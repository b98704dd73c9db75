import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UserError, formatProblem } from '../src/errors.js';
import { countyCodeOf, parseCsv, readCenters } from '../src/sources/centers.js';
import { tempDir } from './helpers.js';

function write(name: string, data: string | Buffer): string {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

async function problemsOf(file: string): Promise<string[]> {
  const e = await readCenters(file).catch((x) => x);
  expect(e).toBeInstanceOf(UserError);
  return (e as UserError).problems.map(formatProblem);
}

describe('center registry', () => {
  it('reads a UTF-8 CSV with BOM, keeping leading zeros and inferring levels', async () => {
    const file = write('centers.csv', '\uFEFF编码,名称,层级,上级编码\r\n009901,示例市甲区,县级,\r\n009901101,"甲区城关镇, 中心",乡镇,009901\r\n999902,乙区,,\r\n\r\n999902201001,乙区某村,,\r\n');
    const centers = await readCenters(file);
    expect(centers).toEqual([
      { code: '009901', name: '示例市甲区', level: 'county' },
      { code: '009901101', name: '甲区城关镇, 中心', level: 'township', parent: '009901' },
      { code: '999902', name: '乙区', level: 'county' },
      // No 层级: 12 digits is a village (DESIGN, Decisions: Levels).
      { code: '999902201001', name: '乙区某村', level: 'village' },
    ]);
    expect(centers.map(countyCodeOf)).toEqual(['009901', '009901', '999902', '999902']);
  });

  it('refuses a 6-digit code ending in 00 (a city or province) as a center, at its line', async () => {
    const file = write('city.csv', '编码,名称,层级\n999900,示例市,县级\n999901,甲区,\n');
    await expect(readCenters(file)).rejects.toThrow(`${file}:2:1: 编码 999900 以 00 结尾,是市或省的区划代码,不是综治中心`);
  });

  it('reads a GB18030 CSV as Excel saves plain "CSV" on a Chinese Windows', async () => {
    // 编码,名称 / 999901,甲区 in GBK bytes
    const gbk = Buffer.from('b1e0c2eb2cc3fbb3c60d0a3939393930312cbcd7c7f80d0a', 'hex');
    expect(await readCenters(write('gbk.csv', gbk))).toEqual([{ code: '999901', name: '甲区', level: 'county' }]);
  });

  it('finds the header below a title row and accepts other column names', async () => {
    const file = write('c.csv', '示例市综治中心名录,,\n中心编码,中心名称,级别\n999901,甲区,county\n');
    expect(await readCenters(file)).toEqual([{ code: '999901', name: '甲区', level: 'county' }]);
  });

  it('lists every problem at file:line:col', async () => {
    const file = write('bad.csv', '编码,名称,层级\n99901,甲区,县级\n999902,,县级\n999903,丙区,地级\n999904,丁区,县级\n999904,戊区,县级\n999905101,己镇,县级\n');
    expect(await problemsOf(file)).toEqual([
      `${file}:2:1: 编码 "99901" 不是 6、9 或 12 位数字的行政区划代码`,
      `${file}:3:2: 缺少中心名称`,
      `${file}:4:3: 层级 "地级" 无法识别(可填:县级、乡镇,或 county、township)`,
      `${file}:6:1: 编码 999904 重复(首次出现在 5)`,
      `${file}:7:1: 编码 999905101 不是 6 位,不能是县级中心(层级:县级)`,
    ]);
  });

  it('says when there is no header', async () => {
    const [message] = await problemsOf(write('x.csv', 'a,b\n1,2\n'));
    expect(message).toContain('没有找到表头');
  });

  it('reads an .xlsx registry, codes as text, and reports a numeric code that lost its zeros at its cell', async () => {
    const dir = tempDir();
    const file = join(dir, 'centers.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名录');
    ws.addRow(['编码', '名称', '层级', '上级编码']);
    ws.addRow(['009901', '甲区', '县级']);
    ws.addRow([999902, '乙区', '县级']);
    ws.addRow([9901101, '甲区某镇', '乡镇', '009901']);
    await wb.xlsx.writeFile(file);
    expect(await problemsOf(file)).toEqual([`${file}!名录!A4: 编码 9901101 存成了数字,前导零已丢失(应为 6、9 或 12 位):请把该列设为"文本"格式后重新输入`]);
    ws.spliceRows(4, 1);
    await wb.xlsx.writeFile(file);
    expect(await readCenters(file)).toEqual([
      { code: '009901', name: '甲区', level: 'county' },
      { code: '999902', name: '乙区', level: 'county' },
    ]);
  });

  it('reports a renamed file instead of a zip error', async () => {
    const [message] = await problemsOf(write('centers.xlsx', '编码,名称\n999901,甲区\n'));
    expect(message).toContain('文本文件');
  });

  it('parses quoted CSV fields with escaped quotes and line breaks', () => {
    expect(parseCsv('a,"b ""c""","d\ne"\n1,2,3')).toEqual([
      { line: 1, cells: ['a', 'b "c"', 'd\ne'] },
      { line: 3, cells: ['1', '2', '3'] },
    ]);
    expect(parseCsv('a\tb\n007\t8')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['007', '8'] },
    ]);
  });
});
