import { describe, expect, it } from 'vitest';
import { breakLines } from '../src/util/line-break.js';
import { displayWidth } from '../src/util/width.js';

// Criteria from the shipped checklists, where the first users saw bad breaks.
const TRAINING = '近12个月组织中心工作人员和调解员业务培训4次(含)以上的得2分;2次(含)以上的得1分;1次的得0.5分;未组织的不得分。';
const AREA = '中心场所相对独立、集中设置,使用面积达到500㎡(含)以上的得3分;400㎡(含)以上的得2分;300㎡(含)以上的得1分;低于300㎡的不得分。';
const RULES = '查阅制度文本和联席会议纪要:联席会议每季度至少召开1次;现场查看制度公示情况。';
const COUNTY = '所属县(市、区)';
const CLOSING = [...'，。、；：！？）》」”,.;:!?)%'];
const OPENING = [...'（《「“('];

/** Every width from narrow (the widest unbreakable run here, `300㎡的`) to wide, so each rule is tried at every place a line could end. */
const widths = (text: string) => Array.from({ length: displayWidth(text) - 7 }, (_, i) => i + 8);

describe('breakLines (Chinese typesetting rules)', () => {
  it('never cuts a number from its decimal part or its unit: 0.5分, 300㎡, 12个月', () => {
    for (const text of [TRAINING, AREA])
      for (const width of widths(text)) {
        const lines = breakLines(text, width);
        expect(lines.join(''), `width ${width}`).toBe(text);
        for (const [a, b] of lines.slice(0, -1).map((line, i) => [line, lines[i + 1]])) {
          expect(`${a}|${b}`, `width ${width}`).not.toMatch(/[0-9.]\|[0-9.分次㎡]/);
          expect(`${a}|${b}`, `width ${width}`).not.toMatch(/12个\|月/);
        }
      }
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    for (const text of [TRAINING, AREA, RULES, COUNTY])
      for (const width of widths(text)) {
        const lines = breakLines(text, width);
        for (const line of lines.slice(1)) expect(CLOSING, `width ${width}: "${line}"`).not.toContain([...line][0]);
        for (const line of lines.slice(0, -1)) expect(OPENING, `width ${width}: "${line}"`).not.toContain([...line].pop());
      }
  });

  it('keeps each line within the width', () => {
    for (const text of [TRAINING, AREA, RULES])
      for (const width of widths(text)) for (const line of breakLines(text, width)) expect(displayWidth(line), `width ${width}: "${line}"`).toBeLessThanOrEqual(width);
  });

  it('breaks the cases the first users reported where the rules allow', () => {
    // Naive wrapping at 20 columns gave "…1次的得0." / "5分"; at 12 "所属县(" / "市、区)".
    expect(breakLines('2次(含)以上的得1分;1次的得0.5分;未组织的不得分。', 28)).toEqual(['2次(含)以上的得1分;1次的得', '0.5分;未组织的不得分。']);
    expect(breakLines('使用面积达到300㎡(含)以上', 14)).toEqual(['使用面积达到', '300㎡(含)以上']);
    expect(breakLines('召开联席会议:联席会议每季度', 12)).toEqual(['召开联席会', '议:联席会议', '每季度']);
    expect(breakLines(COUNTY, 8)).toEqual(['所属县', '(市、区)']);
  });

  it('prefers a break after punctuation when it still fills most of the line', () => {
    expect(breakLines('制度文本齐全,会议纪要完整规范', 16)).toEqual(['制度文本齐全,', '会议纪要完整规范']);
    // Too early a punctuation mark is not worth a half-empty line.
    expect(breakLines('甲,乙丙丁戊己庚辛壬癸', 12)).toEqual(['甲,乙丙丁戊', '己庚辛壬癸']);
  });

  it('breaks English at spaces and keeps words and ids whole', () => {
    expect(breakLines('the draft INS-01 is saved in audits', 12)).toEqual(['the draft', 'INS-01 is', 'saved in', 'audits']);
    expect(breakLines('结果(.json),或包含它们', 10)).toEqual(['结果', '(.json),', '或包含它们']);
    expect(breakLines('错误列入报告的"错误"表', 16)).toEqual(['错误列入报告的', '"错误"表']);
    expect(breakLines('已答 38 个评分项', 8)).toEqual(['已答', '38 个评', '分项']);
  });

  it('keeps paragraphs and cuts a unit wider than the line where it must', () => {
    expect(breakLines('第一段\n第二段', 20)).toEqual(['第一段', '第二段']);
    expect(breakLines('audits/2026-11-20-999901.yaml', 10)).toEqual(['audits/202', '6-11-20-99', '9901.yaml']);
    // Even then a closing mark hangs at the end of the line instead of starting the next.
    expect(breakLines('0.5分;', 5)).toEqual(['0.5分;']);
  });
});

describe('workbook headers', () => {
  it('are as tall as their lines broken by the same rules, a written line break counting too', async () => {
    const { join } = await import('node:path');
    const ExcelJS = (await import('exceljs')).default;
    const { createWorkbook } = await import('../src/xlsx/index.js');
    const { tempDir } = await import('./helpers.js');
    const heightOf = async (header: string, width: number) => {
      const path = join(tempDir(), 'h.xlsx');
      const book = await createWorkbook(path);
      book.addSheet({ name: '表', columns: [{ header, width }] }).addRow(['x']);
      await book.commit();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const ws = wb.getWorksheet('表')!;
      let height = 0;
      ws.eachRow((row) => row.values && (row.values as unknown[]).includes(header) && (height = row.height));
      return height;
    };
    // Header rows take their height from the one layout computation every row uses (src/xlsx/layout.ts):
    // a written line break counts, and a narrow column wraps to more lines than a wide one.
    const { rowHeight, BODY_PT } = await import('../src/xlsx/layout.js');
    const one = await heightOf('评分项', 14);
    const twoLines = await heightOf('INS-01\n综治中心挂牌', 14);
    expect(twoLines).toBe(rowHeight([{ text: 'INS-01\n综治中心挂牌', width: 14, size: BODY_PT, wrap: true }]));
    expect(twoLines).toBeGreaterThan(one);
    expect(await heightOf('所属县\uff08市、区\uff09', 6)).toBeGreaterThan(await heightOf('所属县\uff08市、区\uff09', 20));
  });
});
