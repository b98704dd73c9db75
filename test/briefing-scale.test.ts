import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../src/briefing/compute.js';
import { documentSections } from '../src/briefing/document.js';
import { cellText } from '../src/briefing/tables.js';
import { summarizeResult } from '../src/briefing/summary.js';
import { linesOf } from '../src/formats/results-jsonl.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import type { Result } from '../src/model/result.js';
import { scoreResponses } from '../src/scoring/batch.js';
import { readResponses } from '../src/sources/responses.js';
import { runCli, tempDir } from './helpers.js';

/** The briefing at a city's or a province's scale (issue 17: 40,000 centers in flat memory). */
const FIX = 'fixtures/briefing';
const GRADES = ['优秀', '良好', '合格', '不合格'];

async function cityResults(): Promise<Result[]> {
  const registry = new ChecklistRegistry([`${FIX}/checklists/mini-county.yaml`, `${FIX}/checklists/mini-township.yaml`]);
  const read = await readResponses([`${FIX}/audits`], registry);
  const scored = scoreResponses(read.responses);
  expect([...read.problems, ...scored.problems]).toEqual([]);
  return scored.results;
}

/** 250 townships of one county, each a copy of a fixture township's November audit under its own code. */
async function manyTownships(): Promise<Result[]> {
  const results = await cityResults();
  const township = results.find((r) => r.checklist.level === 'township' && r.date.startsWith('2026-11'))!;
  return Array.from({ length: 250 }, (_, k) => ({ ...township, center: { code: `999902${100 + k}`, name: `第${k}镇综治中心` }, findings: [], total: township.total + (k % 7) }));
}

describe('briefing summaries', () => {
  it('of audits before the month, kept without their items, give the same briefing', async () => {
    // The hand-computed figures (rates with N/A items, 共性问题, veto titles) are checked in
    // briefing-compute.test.ts, from full results; the reader keeps less of an earlier audit.
    const results = await cityResults();
    const month = '2026-11';
    const summaries = results.map((r) => summarizeResult(r, r.date.startsWith(month)));
    expect(summaries.filter((s) => s.items.length === 0).length, 'some audits are before the month').toBeGreaterThan(0);
    expect(buildBriefing({ month, results: summaries, grades: GRADES })).toEqual(buildBriefing({ month, results, grades: GRADES }));
  });

  it('share one item list among the results of a checklist, and keep one number per item', async () => {
    const results = await cityResults();
    const [a, b] = results.filter((r) => r.checklist.level === 'township').map((r) => summarizeResult(r, true));
    expect(b.items).toBe(a.items);
    expect(a.earned).toBeInstanceOf(Float64Array);
    expect(a.earned).toHaveLength(a.items.length);
    // An earlier audit is only compared with: nothing of its items is kept.
    expect(summarizeResult(results[0], false)).toMatchObject({ items: [], dimensions: [] });
    expect(summarizeResult(results[0], false).earned).toHaveLength(0);
  });
});

describe('a long ranking in a document', () => {
  async function bigBriefing() {
    return buildBriefing({ month: '2026-11', results: await manyTownships(), grades: GRADES });
  }

  it('lists its first and last 50 rows with a note saying where the rest is, unless --all', async () => {
    const b = await bigBriefing();
    const ranking = (all: boolean) => documentSections(b, [], { all }).flatMap((s) => s.tables).find((t) => t.id === 'ranking-township')!;
    const cut = ranking(false);
    expect(cut.rows).toHaveLength(101);
    expect(cut.rows[50].cells.every((c) => cellText(c) === '⋯')).toBe(true);
    // The last row shown is the ranking's last: the worst are named too.
    expect(cellText(cut.rows[100].cells[3])).toBe(b.ranking[0].rows[249].code);
    expect(cut.notes.at(-1)).toContain('250');
    expect(cut.notes.at(-1)).toContain('--all');
    expect(ranking(true).rows).toHaveLength(250);
  });
});

describe('briefing --all', () => {
  it('lists every row of a long ranking in the .html (and on screen), which by default shows its ends', async () => {
    const dir = tempDir();
    const input = join(dir, 'results.json');
    // Read back and scored again: each copy's answers are the truth, not its total.
    writeFileSync(input, JSON.stringify(await manyTownships()));
    const checklists = ['--checklist', `${FIX}/checklists/mini-county.yaml`, '--checklist', `${FIX}/checklists/mini-township.yaml`];
    const rows = (html: string) => new Set(html.match(/999902\d{3}/g)).size;
    for (const [flags, shown, screen] of [[[], 100, 20], [['--all'], 250, 250]] as const) {
      const out = join(dir, `${flags.length}.html`);
      const run = await runCli(['briefing', '--month', '2026-11', input, ...checklists, '-o', out, ...flags]);
      expect(run.code).toBe(0);
      expect(rows(readFileSync(out, 'utf8'))).toBe(shown);
      expect(rows(run.stdout)).toBe(screen);
    }
  }, 60_000);
});

describe('JSONL lines', () => {
  it('come back whole and numbered across the reader\'s buffer: lines longer than it, CRLF, a last line without a newline', () => {
    const file = join(tempDir(), 'lines.jsonl');
    // Several megabytes: lines cross the reader's megabyte buffer, and one is longer than it.
    const lines = ['短', 'x'.repeat(3_000_001), '', ...Array.from({ length: 20_000 }, (_, i) => `{"n":${i},"名称":"${'综治'.repeat(i % 50)}"}`), '最后一行'];
    writeFileSync(file, `\ufeff${lines.slice(0, 2).join('\r\n')}\r\n${lines.slice(2).join('\n')}`);
    const read = [...linesOf(file)];
    expect(read.map((l) => l.text)).toEqual(lines);
    expect(read.map((l) => l.number)).toEqual(lines.map((_, i) => i + 1));
  });
});
