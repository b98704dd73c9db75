import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const CAPTIONS = ['图1 本月等次分布', '图2 近12个月全市平均分', '图3 县级综治中心各县(市、区)平均分', '图4 乡镇(街道)综治中心各县(市、区)平均分', '图5 近12个月整改销号率(各月末)'];

/** The November 通报 of the demo city as a .docx: what the committee's office edits and prints. */
const ARGS = ['briefing', '--month', '2026-11', 'fixtures/demo/audits', '--centers', 'fixtures/demo/centers.csv', '--ledger', 'fixtures/demo/ledger.xlsx', '--as-of', '2026-12-05'];
// CI installs LibreOffice and poppler: there the print test must run, never skip.
const hasSoffice = process.env.CI === 'true' || spawnSync('soffice', ['--version']).status === 0;

let dir: string;
let docx: string;
let xml: string;
let zip: JSZip;

beforeAll(async () => {
  dir = tempDir('zongzhi-docx-');
  docx = join(dir, '通报.docx');
  const r = await runCli([...ARGS, '--issue-no', '第 11 期', '-o', docx]);
  expect(r.stderr).toContain('已写入');
  expect(r.code).toBe(0);
  zip = await JSZip.loadAsync(readFileSync(docx));
  xml = await zip.file('word/document.xml')!.async('string');
}, 120_000);

/** The document's paragraphs as text, in order. */
function paragraphs(): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)].map((m) => [...m[1].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter(Boolean);
}

describe('briefing -o 通报.docx', () => {
  it('reads as a 公文: 期数, title, 主送, the numbered sections with the month\'s figures, 抄送 and 印发 at the end', () => {
    const p = paragraphs();
    expect(p.slice(0, 3)).toEqual(['第 11 期', '综治中心规范化建设情况通报(2026年11月)', '各县(市、区)委政法委:']);
    const headings = p.filter((x) => /^[一二三四五六]、/.test(x));
    expect(headings).toEqual(['一、总体情况', '二、排名情况', '三、整改进展', '四、下步要求']);
    expect(p[p.indexOf('一、总体情况') + 1]).toContain('2026年11月共评估综治中心 20 个(应评 22 个)');
    expect(p.slice(-2)).toEqual(['抄送:市委政法委领导班子成员', '市委政法委办公室 2026年11月印发']);
  });

  it('has the briefing\'s tables, each with a header row repeated on every page', () => {
    const tables = xml.match(/<w:tbl>/g) ?? [];
    // County and township rankings, counties, 共性问题, progress, overdue, not audited.
    expect(tables).toHaveLength(7);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(7);
    const p = paragraphs();
    for (const caption of ['县级综治中心排名', '乡镇(街道)综治中心排名', '共性问题', '整改进度', '本月未评估中心']) expect(p).toContain(caption);
    expect(p).toContain('枫林镇综治中心');
  });

  it('is A4 with GB/T 9704 margins, body 仿宋 三号 and headings 黑体 on the East-Asian slot', async () => {
    // A4 in twips; 37 mm top, 28 mm left.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="2098"[^>]* w:left="1587"/);
    // The ranking has 15 columns: it gets a landscape page rather than unreadable columns.
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const styles = await (await JSZip.loadAsync(readFileSync(docx))).file('word/styles.xml')!.async('string');
    const defaults = styles.match(/<w:docDefaults>.*?<\/w:docDefaults>/s)![0];
    expect(defaults).toMatch(/w:eastAsia="仿宋"/);
    expect(defaults).toMatch(/<w:sz w:val="32"\/>/);
    const heading = xml.match(/<w:r>(?:(?!<\/w:r>).)*一、总体情况/s)![0];
    expect(heading).toMatch(/w:eastAsia="黑体"/);
    expect(heading).toMatch(/w:ascii="Times New Roman"/);
  });

  it('has the charts as PNG images, each under its section with its numbered caption below it', () => {
    const p = paragraphs();
    const at = (text: string) => p.indexOf(text);
    for (const caption of CAPTIONS) expect(p).toContain(caption);
    // 总体情况: grades and the trend; 排名情况: one chart per checklist level; 整改进展: the 销号率 trend.
    expect(at(CAPTIONS[0])).toBeGreaterThan(at('一、总体情况'));
    expect(at(CAPTIONS[1])).toBeLessThan(at('二、排名情况'));
    expect(at(CAPTIONS[2])).toBeGreaterThan(at('二、排名情况'));
    expect(at(CAPTIONS[3])).toBeLessThan(at('县级综治中心排名'));
    expect(at(CAPTIONS[4])).toBeGreaterThan(at('三、整改进展'));
    expect(at(CAPTIONS[4])).toBeLessThan(at('四、下步要求'));
  });

  it('stores each chart in word/media as a PNG that the document references, sized to the text width', async () => {
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(CAPTIONS.length);
    for (const file of media) {
      const png = await zip.file(file)!.async('nodebuffer');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: 1680 × 945 pixels, 16:9, about 270 dpi across the text width.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1680, 945]);
    }
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const embedded = [...xml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1]);
    expect(embedded).toHaveLength(CAPTIONS.length);
    for (const id of embedded) expect(media).toContain(`word/${rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1]}`);
    // The portrait text width, 210 − 28 − 26 mm, in EMU (36,000 a millimetre): images fill it, never overrun it.
    const textWidth = 156 * 36_000;
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)];
    expect(extents).toHaveLength(CAPTIONS.length);
    for (const [, cx, cy] of extents) {
      expect(Number(cx)).toBeLessThanOrEqual(textWidth);
      expect(Number(cx)).toBeGreaterThan(textWidth * 0.98);
      expect(Number(cy) / Number(cx)).toBeCloseTo(9 / 16, 2);
    }
  });

  it('refuses a chart font that cannot be read, naming it, before writing anything', async () => {
    const out = join(dir, '无字体.docx');
    const r = await runCli([...ARGS, '-o', out], { env: { ZONGZHI_CHART_FONT: join(dir, 'no-such-font.ttf') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-font.ttf');
    expect(r.stderr).toContain('.ttf、.ttc 或 .otf');
    expect(existsSync(out)).toBe(false);
  });

  it('is not written over an existing file without --force', async () => {
    const r = await runCli([...ARGS, '-o', docx]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(docx);
  });
});

describe('briefing -o 通报.docx / .html with deployed tasks and 运行数据', () => {
  it('adds 四、任务进展 (tasks, 运行数据, 约谈/提醒) before 下步要求, in the .docx and the .html alike', async () => {
    const out = tempDir('zongzhi-docx-tasks-');
    const docxOut = join(out, '通报.docx');
    const htmlOut = join(out, '通报.html');
    const extra = ['--tasks', 'fixtures/demo/tasks.yaml', '--figures', 'fixtures/demo/figures'];
    const r = await runCli([...ARGS, ...extra, '-o', docxOut, '-o', htmlOut]);
    expect(r.code, r.stderr).toBe(0);
    const body = await (await JSZip.loadAsync(readFileSync(docxOut))).file('word/document.xml')!.async('string');
    const texts = [...body.matchAll(/<w:p\b[^>]*>(.*?)<\/w:p>/gs)].map((m) => [...m[1].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter(Boolean);
    expect(texts.filter((x) => /^[一二三四五六]、/.test(x))).toEqual(['一、总体情况', '二、排名情况', '三、整改进展', '四、任务进展', '五、下步要求']);
    const tasks = texts.indexOf('四、任务进展');
    const after = texts.slice(tasks, texts.indexOf('五、下步要求'));
    expect(after).toContain('重点任务进展情况(截至 2026-12-05)');
    expect(after).toContain('运行数据(2026-11;环比对 2026-10,同比对 2025-11)');
    expect(after).toContain('约谈、提醒名单');
    const html = readFileSync(htmlOut, 'utf8');
    const order = ['三、整改进展', '四、任务进展', '重点任务进展情况(截至 2026-12-05)', '约谈、提醒名单', '五、下步要求'].map((s) => html.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  }, 180_000);
});

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Words whose boxes intersect across a quarter of their height: text printed over text.
 * (A CJK font's box is taller than a table's single line pitch, so wrapped lines touch by a point or two.)
 */
function overlaps(words: Word[]): [string, string][] {
  const hits: [string, string][] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i];
      const b = words[j];
      const height = Math.min(a.y1 - a.y0, b.y1 - b.y0);
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > height / 4) hits.push([a.text, b.text]);
    }
  return hits;
}

describe.skipIf(!hasSoffice)('通报.docx printed by LibreOffice', () => {
  it('converts to PDF with every section present and no text over other text', () => {
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
    const pdf = join(dir, '通报.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const s of ['第 11 期', '一、总体情况', '二、排名情况', '三、整改进展', '四、下步要求', '市委政法委办公室']) expect(text).toContain(s);
    // pdftotext spaces CJK from Latin digits (图 1 本月…): compare without spaces.
    for (const caption of CAPTIONS) expect(text.replace(/\s+/g, '')).toContain(caption.replace(/\s+/g, ''));
    // Every chart is printed at full resolution: poppler lists the PDF's images (and their alpha masks, type smask).
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').filter((line) => / image +1680 +945 /.test(line));
    expect(images).toHaveLength(CAPTIONS.length);
    const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const pages = html.split('<page ').slice(1);
    expect(pages.length).toBeGreaterThan(3);
    const found = pages.flatMap((page, n) => {
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[5], x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] }));
      return overlaps(words).map((pair) => `page ${n + 1}: ${pair.join(' / ')}`);
    });
    expect(found).toEqual([]);
  }, 180_000);

  it('the overlap check sees text printed over text', () => {
    expect(overlaps([{ text: 'a', x0: 0, y0: 0, x1: 10, y1: 10 }, { text: 'b', x0: 5, y0: 5, x1: 15, y1: 15 }])).toEqual([['a', 'b']]);
    expect(overlaps([{ text: 'a', x0: 0, y0: 0, x1: 10, y1: 10 }, { text: 'b', x0: 10, y0: 0, x1: 20, y1: 10 }])).toEqual([]);
    // Two wrapped lines of one cell: their boxes touch by a point.
    expect(overlaps([{ text: 'a', x0: 0, y0: 0, x1: 10, y1: 13.6 }, { text: 'b', x0: 0, y0: 12.2, x1: 10, y1: 25.8 }])).toEqual([]);
  });
});
