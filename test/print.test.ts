// Every workbook kind printed the way an office prints it: LibreOffice headless renders them to
// PDF (one soffice run for all), poppler reads back every word's box. A page fails when words
// are drawn over each other (rows too short for their wrapped text), when anything is set below
// 9 pt as printed (font × scale), when a word runs off the paper, when the page does not carry
// its sheet's title, or when the workbook takes more paper than its budget.
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../src/xlsx/index.js';
import { readAllSheets } from '../src/xlsx/read.js';
import { tempDir } from './helpers.js';
import { havePrintTools, offPage, overlaps, pdfPages, toPdf, wordSizes, type Page } from './print-helpers.js';
import { writeEveryKind, type Kind } from './workbook-kinds.js';

/**
 * Pages each kind may take for the 甲区 fixture (1 county center, 5 townships; 42 and 38
 * items) — what it measured when the layouts were designed, with a page or two to spare.
 * The wide templates print six items to a page across, name and code repeated.
 */
const BUDGET: Record<Kind, number> = {
  report: 36, // 汇总-县级 1, 汇总-乡镇 1, 评分明细 ~22, 问题清单 in three parts (问题 | 整改 | 复查)
  form: 8, // 填表说明 1, 基本信息 1, 评分表 42 items
  'form-registry': 8,
  wide: 9, // 填表说明 1, 评分表 42 items × (answer, note) across 7 pages
  'wide-registry': 9,
  ledger: 24, // 59 problems, each page triple: what was found | what is done | 复查 (回头看 records)
  'ledger-merged': 46, // 101 problems and 合并记录
  briefing: 12, // 10 tables, each on its own page
  'progress-merged': 4, // 周调度表 8 rows (2 pages across), 合并记录 10 lines: 3 measured
  'briefing-sections': 16, // the briefing's tables (the whole registry's not-audited list), 进展情况, 运行数据, 约谈/提醒: 14 measured
};
const MIN_PT = 9;

const printable = havePrintTools();

describe.skipIf(!printable)('workbooks on paper (LibreOffice → PDF → pdftotext -bbox)', () => {
  const pages = {} as Record<Kind, Page[]>;
  const titles = {} as Record<Kind, string[]>;

  beforeAll(async () => {
    const dir = tempDir('zongzhi-print-');
    const files = await writeEveryKind(dir);
    const kinds = Object.keys(files) as Kind[];
    const pdfs = toPdf(kinds.map((k) => files[k]), dir);
    for (const [i, kind] of kinds.entries()) {
      pages[kind] = pdfPages(pdfs[i]);
      // Row 1 of each printed sheet is its title (on a table printed in parts, repeated over each
      // part); where sheets share one (the briefing's), row 2 names the table.
      const sheets = (await readAllSheets(files[kind])).filter((s) => s.state === 'visible');
      const banner = (s: (typeof sheets)[number], row: number) => squeeze(cellText(s.rows[row].cells.find((c) => c !== null && cellText(c) !== '') ?? null));
      const shared = new Set(sheets.map((s) => banner(s, 0))).size < sheets.length;
      titles[kind] = sheets.map((s) => banner(s, 0) + (shared ? banner(s, 1) : ''));
    }
  }, 600_000);

  const KINDS: Kind[] = ['report', 'form', 'form-registry', 'wide', 'wide-registry', 'ledger', 'ledger-merged', 'briefing', 'progress-merged', 'briefing-sections'];

  it.each(KINDS)('%s: no words drawn over each other, none off the paper', (kind) => {
    const bad = pages[kind].flatMap((p, i) => overlaps(p).map(([a, b]) => `page ${i + 1}: "${a.text}" / "${b.text}"`));
    expect(bad.slice(0, 5), `${bad.length} overlapping pairs`).toEqual([]);
    const off = pages[kind].flatMap((p, i) => offPage(p).map((w) => `page ${i + 1}: "${w.text}"`));
    expect(off).toEqual([]);
  });

  it.each(KINDS)(`%s: nothing printed below ${MIN_PT} pt`, (kind) => {
    const small = wordSizes(pages[kind]).filter((w) => w.size < MIN_PT - 0.05);
    expect(small.slice(0, 5).map((w) => `page ${w.page + 1}: "${w.word.text}" ${w.size.toFixed(1)} pt`)).toEqual([]);
  });

  it.each(KINDS)('%s: every page carries its sheet title, sheet after sheet', (kind) => {
    let sheet = 0;
    pages[kind].forEach((p, i) => {
      const text = squeeze(p.text);
      if (!text.includes(titles[kind][sheet]) && titles[kind][sheet + 1] !== undefined && text.includes(titles[kind][sheet + 1])) sheet++;
      expect(text, `page ${i + 1} lacks "${titles[kind][sheet]}"`).toContain(titles[kind][sheet]);
    });
    // Every sheet printed.
    expect(sheet).toBe(titles[kind].length - 1);
  });

  it.each(KINDS)('%s: within its page budget', (kind) => {
    expect(pages[kind].length).toBeLessThanOrEqual(BUDGET[kind]);
  });
});

function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}
