import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError, formatProblem } from '../src/errors.js';
import { readFigures, writeFiguresTemplate } from '../src/formats/figures-table.js';
import { figureRates } from '../src/progress/figures.js';
import { tempDir } from './helpers.js';

const HEADER = '编码,名称,月份,受理矛盾纠纷数,办结数,化解成功数,按期办结数,回访数,群众满意数,信访件数';

async function problemsOf(file: string): Promise<string[]> {
  try {
    await readFigures(file);
  } catch (e) {
    if (e instanceof UserError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('operating figures table', () => {
  const dir = tempDir('zongzhi-figures-');

  it('reads counts, full-width digits and months as people write them; a row without counts has not reported', async () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(file, `${HEADER}\n999901,甲区综治中心,2026-11,６０,52,57,49,30,29,2\n999901101,青石镇综治中心,2026年11月,10,10,9,,8,8,\n999902,乙区综治中心,2026-11,,,,,,,\n`);
    const figures = await readFigures(file);
    expect(figures).toEqual([
      { code: '999901', month: '2026-11', figures: { received: 60, closed: 52, resolved: 57, closedOnTime: 49, visited: 30, satisfied: 29, petitions: 2 } },
      { code: '999901101', month: '2026-11', figures: { received: 10, closed: 10, resolved: 9, closedOnTime: 0, visited: 8, satisfied: 8, petitions: 0 } },
    ]);
    // 57 ÷ 60 = 95%, 49 ÷ 52 = 94.2%, 29 ÷ 30 = 96.7%.
    const r = figureRates(figures[0].figures);
    expect([r.resolution, r.onTime, r.satisfaction].map((x) => x?.toFixed(3))).toEqual(['0.950', '0.942', '0.967']);
  });

  it('refuses a typed percentage, a fraction, a part above its whole and a repeated center-month, each at its place', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `${HEADER}\n999901,甲区,2026-11,60,52,95%,49,30,29,2\n999902,乙区,2026-11,40,30,20,31,10,9,1.5\n999903,丙县,2026-13,5,5,5,5,5,5,0\n999901,甲区,2026-11,1,1,1,1,1,1,0\n`);
    expect(await problemsOf(file)).toEqual([
      `${file}:2:6: 化解成功数 填了百分比 "95%":只填件数,比率由系统按件数计算`,
      `${file}:3:10: 信访件数 "1.5" 不是件数,应填 0 或正整数`,
      `${file}:4:3: 月份 "2026-13" 无效,应写成 2026-11 或 2026年11月`,
      `${file}:5:1: 中心 999901 的 2026-11 数据重复(首次在 2)`,
    ]);
    writeFileSync(file, `${HEADER}\n999902,乙区,2026-11,40,30,41,31,10,11,1\n`);
    expect(await problemsOf(file)).toEqual([
      `${file}:2:6: 化解成功数 41 大于 受理矛盾纠纷数 40`,
      `${file}:2:7: 按期办结数 31 大于 办结数 30`,
      `${file}:2:9: 群众满意数 11 大于 回访数 10`,
    ]);
  });

  it('writes a template a center fills in Excel, and refuses a percentage-formatted count there too', async () => {
    const file = join(dir, '运行数据.xlsx');
    await writeFiguresTemplate(file, '2026-11', [
      { code: '999901', name: '甲区综治中心', level: 'county' },
      { code: '999901101', name: '青石镇综治中心', level: 'township' },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('运行数据')!;
    expect([ws.getCell('A4').text, ws.getCell('C4').text, ws.getCell('D3').text]).toEqual(['999901', '2026-11', '受理矛盾纠纷数']);
    [20, 18, 16, 15, 10, 9, 1].forEach((n, i) => (ws.getRow(4).getCell(4 + i).value = n));
    await wb.xlsx.writeFile(file);
    expect(await readFigures(file)).toEqual([
      { code: '999901', month: '2026-11', figures: { received: 20, closed: 18, resolved: 16, closedOnTime: 15, visited: 10, satisfied: 9, petitions: 1 } },
    ]);
    const cell = ws.getCell('F5');
    cell.value = 0.9;
    // exceljs shares style objects between cells: give this one its own.
    cell.style = { ...cell.style, numFmt: '0%' };
    ws.getCell('D5').value = 10;
    await wb.xlsx.writeFile(file);
    expect(await problemsOf(file)).toEqual([`${file}!运行数据!F5: 化解成功数 填了百分比 "90%":只填件数,比率由系统按件数计算`]);
  });
});
