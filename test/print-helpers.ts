// Printed pages of workbooks, as LibreOffice renders them: one soffice call converts them all
// to PDF, and poppler's `pdftotext -bbox` gives every word with its box (points, y downwards).
import { execFileSync, spawnSync } from 'node:child_process';
import { join, basename } from 'node:path';

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
  /** The page's words joined without spaces, in reading order (for finding a title). */
  text: string;
}

/** Whether LibreOffice and poppler are here. Under CI they must be: a print test never skips there. */
export function havePrintTools(): boolean {
  const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;
  const found = ok('soffice', ['--version']) && ok('pdftotext', ['-v']);
  if (!found && process.env.CI === 'true') throw new Error('CI=true but soffice or pdftotext is missing (.ci/run installs libreoffice-calc and poppler-utils)');
  return found;
}

/** Converts the workbooks to PDF in one soffice run (a private profile, so it never meets a user's instance); returns the PDFs' paths. */
export function toPdf(files: string[], outDir: string): string[] {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 600_000,
  });
  return files.map((f) => join(outDir, basename(f).replace(/\.xlsx$/, '.pdf')));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every page of a PDF with its words' boxes. */
export function pdfPages(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: Page[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: unescape(w[5]),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words, text: words.map((w) => w.text).join('') });
  }
  return pages;
}

const IDEOGRAPHS = /^[\u4e00-\u9fff]+$/u;

/**
 * The type size a word was printed at, in points. A CJK ideograph is exactly 1 em wide in
 * every CJK font (宋体, 仿宋, Noto Sans CJK), so an all-ideograph word tells its size by its
 * width; other words are measured by their height against the ideographs' height per point
 * on the same pages.
 */
export function wordSizes(pages: Page[]): { word: Word; page: number; size: number }[] {
  const ratios: number[] = [];
  for (const p of pages) {
    for (const w of p.words) if (IDEOGRAPHS.test(w.text)) ratios.push((w.y1 - w.y0) / ((w.x1 - w.x0) / [...w.text].length));
  }
  const ratio = ratios.length ? Math.max(...ratios) : 1.3;
  return pages.flatMap((p, page) =>
    p.words.map((word) => ({ word, page, size: IDEOGRAPHS.test(word.text) ? (word.x1 - word.x0) / [...word.text].length : (word.y1 - word.y0) / ratio })),
  );
}

/**
 * Pairs of words on one page drawn over each other: boxes overlapping by more than half a
 * point across and by more than a third of a line down. (A word's box is taller than the
 * line pitch, so consecutive lines of one cell touch by a point or so: that is not overlap.)
 */
export function overlaps(page: Page): [Word, Word][] {
  const found: [Word, Word][] = [];
  const words = [...page.words].sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < words.length; i++) {
    const a = words[i];
    for (let j = i + 1; j < words.length && words[j].y0 < a.y1; j++) {
      const b = words[j];
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > 0.5 && dy > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3) found.push([a, b]);
    }
  }
  return found;
}

/** Words that run past the page's edge (cut off on paper). */
export function offPage(page: Page): Word[] {
  return page.words.filter((w) => w.x0 < 0 || w.y0 < 0 || w.x1 > page.width || w.y1 > page.height);
}
