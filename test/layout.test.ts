// The paper arithmetic every writer shares (src/xlsx/layout.ts): how many lines a text wraps to,
// how tall its row must be, and how a table is scaled and split across A4 pages.
import { describe, expect, it } from 'vitest';
import { columnBreaks, lineCount, MIN_SCALE, pageWidth, printScale, rowHeight, typesetLineCount, xmlText } from '../src/xlsx/layout.js';

describe('lines and row heights', () => {
  it('counts CJK as two columns, half-width as narrower, explicit breaks as lines', () => {
    // A 20-unit column holds about 9 CJK characters at 10 pt.
    expect(lineCount('综治中心挂牌', 20, 10)).toBe(1);
    expect(lineCount('综治中心挂牌并实体化运行综治中心挂牌并实体化运行', 20, 10)).toBe(3);
    // The same number of ASCII characters takes fewer lines than CJK.
    expect(lineCount('a'.repeat(24), 20, 10)).toBeLessThan(lineCount('综'.repeat(24), 20, 10));
    expect(lineCount('第一行\n第二行\n第三行', 40, 10)).toBe(3);
    // Not wrapped: only explicit breaks make lines.
    expect(lineCount('综'.repeat(100), 20, 10, false)).toBe(1);
  });

  it('breaks Latin text at hyphens and spaces, a long code where it must', () => {
    // "999901001-" then "20261010": the id wraps at its hyphen, not mid-number.
    expect(lineCount('999901001-20261010', 14, 10)).toBe(2);
    expect(lineCount('999901001 20261010', 14, 10)).toBe(2);
    expect(lineCount('x'.repeat(60), 10, 10)).toBeGreaterThanOrEqual(5);
  });

  it('makes a row as tall as its tallest cell, and larger type taller', () => {
    const one = rowHeight([{ text: '是', width: 10, size: 10, wrap: true }]);
    const three = rowHeight([
      { text: '是', width: 10, size: 10, wrap: true },
      { text: '一\n二\n三', width: 10, size: 10, wrap: true },
    ]);
    expect(three).toBeGreaterThan(one * 2.5);
    expect(rowHeight([{ text: '标题', width: 10, size: 16, wrap: true }])).toBeGreaterThan(one);
    expect(rowHeight([], 20)).toBe(20);
  });

  it('sizes a header by the typesetting rules: a parenthesis kept with its words takes a line more', () => {
    // A 10-unit column holds 4.6 em at 10 pt. Greedily "所属县(市、" / "区)名称" (2 lines) breaks before ")";
    // by the rules "所属县" / "(市、区)" / "名称": 3 lines, and the header row is made tall enough for them.
    expect(lineCount('所属县(市、区)名称', 10, 10)).toBe(2);
    expect(typesetLineCount('所属县(市、区)名称', 10, 10)).toBe(3);
    const cell = { text: '所属县(市、区)名称', width: 10, size: 10, wrap: true };
    expect(rowHeight([{ ...cell, typeset: true }])).toBe(rowHeight([{ ...cell, text: '一\n二\n三' }]));
    // Never fewer lines than the greedy count (Latin measured wider than the rules' half column).
    expect(typesetLineCount('x'.repeat(60), 10, 10)).toBeGreaterThanOrEqual(lineCount('x'.repeat(60), 10, 10));
  });
});

describe('pages', () => {
  it('scales a table to one page wide, never above 100 % nor below the 9 pt floor', () => {
    expect(printScale([50], false)).toEqual({ scale: 100, fits: true });
    const landscape = pageWidth(false);
    expect(printScale([landscape * 1.05], false).scale).toBeLessThan(100);
    expect(printScale([landscape * 1.05], false).fits).toBe(true);
    expect(printScale([landscape * 3], false)).toEqual({ scale: MIN_SCALE, fits: false });
    expect(MIN_SCALE).toBe(90);
  });

  it('breaks between columns that no longer fit, and before a forced column, after the repeated key columns', () => {
    const room = (pageWidth(false) * 100) / 90;
    const widths = [10, 20, ...Array(12).fill(room / 4)];
    const breaks = columnBreaks(widths, { repeated: 2, scale: 90, portrait: false, forced: [] });
    // Three quarter-page columns fit beside the 30 units of key columns, a fourth does not.
    expect(breaks).toEqual([5, 8, 11]);
    expect(columnBreaks([10, 20, 30, 30], { repeated: 2, scale: 90, portrait: false, forced: [3] })).toEqual([3]);
    expect(columnBreaks([10, 20, 30], { repeated: 2, scale: 90, portrait: false, forced: [] })).toEqual([]);
  });
});

describe('XML 1.0 text', () => {
  it('drops what XML cannot carry, keeps what it can', () => {
    expect(xmlText('a\u0001b\u0008c')).toBe('abc');
    expect(xmlText('一\u000b二\u000c三')).toBe('一\n二\n三');
    expect(xmlText('tab\there\r\nline')).toBe('tab\there\r\nline');
    expect(xmlText('x\uffffy\ufffez')).toBe('xyz');
    expect(xmlText('lone \ud800 high, lone \udc00 low')).toBe('lone  high, lone  low');
    expect(xmlText('𠀀 paired 😀')).toBe('𠀀 paired 😀');
  });
});
