import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownTable } from '../src/sinks/md-table.js';
import { displayWidth } from '../src/util/width.js';
import { runCli, tempDir } from './helpers.js';

/** The lines of each Markdown table in a text. */
function tables(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length) (out.push(current), (current = []));
  }
  if (current.length) out.push(current);
  return out;
}

function expectLinedUp(text: string) {
  const found = tables(text);
  expect(found.length).toBeGreaterThan(0);
  for (const table of found) {
    // Every row as wide as the header, and every column boundary at the same place.
    const bars = (line: string) => [...line].reduce<number[]>((at, ch, i, chars) => (ch === '|' && chars[i - 1] !== '\\' ? [...at, displayWidth(chars.slice(0, i).join(''))] : at), []);
    for (const line of table) expect(bars(line), line).toEqual(bars(table[0]));
  }
}

describe('Markdown outputs', () => {
  it('writes text from users\' files literally: no raw HTML, no links, no broken cells', () => {
    const md = markdownTable([{ header: '名称' }], [['<img src=x onerror=alert(1)>甲区'], ['[点此](http://x.example) A|B'], ['R&D\n第二行']]);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;甲区');
    expect(md).toContain('\\[点此\\](http://x.example) A\\|B');
    expect(md).toContain('R&amp;D 第二行');
    expect(md).not.toContain('<img');
    expect(md.split('\n')).toHaveLength(5);
  });

  it('pads columns by display width, numbers to the right', () => {
    const text = markdownTable([{ header: '名称' }, { header: '总分', align: 'right' }], [['甲区综治中心', '99.5'], ['a|b', '7']]);
    expect(text.split('\n')).toEqual(['| 名称         | 总分 |', '| ------------ | ---: |', '| 甲区综治中心 | 99.5 |', '| a\\|b         |    7 |']);
  });

  it('score -o .md has a title (what, dates, checklist), a 检查日期 column, and lines up', async () => {
    const out = join(tempDir(), '排名.md');
    const r = await runCli(['score', 'fixtures/demo/audits/2026-11', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# 评分结果\(2026-11-\d\d 至 2026-11-\d\d;(县级|乡镇).*评估细则 (county|township) 2025\.1/);
    expect(text).toMatch(/^\| 名次 \| 编码 +\| 名称 +\| 检查日期 +\| 总分 \|/m);
    expect(text).toMatch(/\| 2026-11-\d\d \|/);
    expectLinedUp(text);
  });

  it('the briefing .md lines up too', async () => {
    const out = join(tempDir(), '通报.md');
    const r = await runCli(['briefing', '--month', '2026-11', 'fixtures/demo/audits', '--centers', 'fixtures/demo/centers.csv', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expectLinedUp(readFileSync(out, 'utf8'));
  });
});
