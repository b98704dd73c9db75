import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outlineResultsJson } from '../src/formats/results-json.js';
import { runCli, tempDir } from './helpers.js';

/**
 * The briefing reads only what it can use: each center's latest final audit in the month and
 * before it (and the drafts up to the month). The hand-computed city of briefing.test.ts is
 * the base; beside it lie copies of every one of its audits a year earlier and a year later
 * (results JSON, as `score -o` writes them), which no November briefing can use.
 */
const FIX = 'fixtures/briefing';
const CHECKLISTS = ['--checklist', `${FIX}/checklists/mini-county.yaml`, '--checklist', `${FIX}/checklists/mini-township.yaml`];
const CENTERS = ['--centers', `${FIX}/centers.csv`];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let dir: string;
let results: Json[];

/** Every result moved by `years`, its finding ids and dates with it. */
function shifted(list: Json[], years: number): Json[] {
  const move = (text: string) => text.replace(/20(\d\d)-(\d\d)-(\d\d)|20(\d\d)(\d\d)(\d\d)/g, (m) => String(Number(m.slice(0, 4)) + years) + m.slice(4));
  return list.map((r) => JSON.parse(move(JSON.stringify(r))));
}

/** The result's answer to `item` made invalid: reading it is an error. */
function broken(r: Json, item: string): Json {
  const copy = structuredClone(r);
  copy.items.find((i: Json) => i.id === item).value = 99;
  return copy;
}

async function briefingJson(inputs: string[], name: string, extra: string[] = []): Promise<Json> {
  const out = join(dir, name);
  const run = await runCli(['briefing', '--month', '2026-11', ...inputs, ...CHECKLISTS, ...CENTERS, '-o', out, ...extra]);
  expect(run.stderr).not.toContain('Error');
  expect(run.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

beforeAll(async () => {
  dir = tempDir();
  const all = join(dir, 'all.json');
  const scored = await runCli(['score', `${FIX}/audits`, ...CHECKLISTS, '-o', all]);
  expect(scored.code).toBe(0);
  results = JSON.parse(readFileSync(all, 'utf8'));
  expect(results).toHaveLength(16);
}, 60_000);

describe('results JSON outline', () => {
  it('finds every center, date and status from the bytes, and gives up on any value it cannot read plainly', () => {
    const text = JSON.stringify(results, null, 2);
    const outline = outlineResultsJson(Buffer.from(text));
    expect(outline).toMatchObject({ results: 16, finals: 16, first: '2026-09-15', last: '2026-12-01' });
    expect([...outline!.codes].sort()).toEqual([...new Set(results.map((r) => r.center.code))].sort());
    // A draft, a date that is not one, a number where a string belongs, compact JSON: nothing, or all, is seen.
    expect(outlineResultsJson(Buffer.from(JSON.stringify([{ ...results[0], status: 'draft' }])))).toBeUndefined();
    expect(outlineResultsJson(Buffer.from(JSON.stringify([{ ...results[0], date: '下周' }])))).toBeUndefined();
    expect(outlineResultsJson(Buffer.from(JSON.stringify([{ ...results[0], center: { code: 999901 } }])))).toBeUndefined();
    expect(outlineResultsJson(Buffer.from(JSON.stringify([{ ...results[0], format: '1' }])))).toBeUndefined();
    expect(outlineResultsJson(Buffer.from(JSON.stringify(results)))).toMatchObject({ results: 16, finals: 16 });
    // UTF-16 (Notepad's "Unicode") shows no keys as bytes: not outlined, so read properly.
    expect(outlineResultsJson(Buffer.from(`\ufeff${text}`, 'utf16le'))).toBeUndefined();
  });
});

describe('briefing inputs', () => {
  it('gives the same briefing from files of other months as from the months it needs alone, without reading what it cannot use', async () => {
    const yearEarlier = shifted(results, -1);
    // An answer no checklist accepts, a year old: read, it would stop the briefing.
    yearEarlier[0] = broken(yearEarlier[0], 'INS-02');
    writeFileSync(join(dir, 'results-2025.json'), JSON.stringify(yearEarlier, null, 2));
    writeFileSync(join(dir, 'results-2027.json'), JSON.stringify(shifted(results, 1), null, 2));

    const needed = await briefingJson([`${FIX}/audits`], 'needed.json');
    const withOthers = await briefingJson([`${FIX}/audits`, join(dir, 'results-2025.json'), join(dir, 'results-2027.json')], 'others.json');
    expect(withOthers).toEqual(needed);
    // The figures are the hand-computed ones: 甲区 93 up from 90, 红星 not audited since 10-22 (70).
    const row = needed.ranking.flatMap((g: Json) => g.rows).find((r: Json) => r.code === '999901');
    expect([row.total, row.previousTotal]).toEqual([93, 90]);
    expect(needed.notAudited.find((n: Json) => n.code === '999902102')).toMatchObject({ lastDate: '2026-10-22', lastTotal: 70 });
  }, 60_000);

  it('still reads an old file that holds a draft: drafts up to the month are named', async () => {
    const draft = { ...shifted(results, -1)[1], status: 'draft' };
    const file = join(dir, 'draft-2025.json');
    writeFileSync(file, JSON.stringify([draft], null, 2));
    const json = await briefingJson([`${FIX}/audits`, file], 'draft.json');
    expect(json.draftsLeftOut).toEqual([expect.objectContaining({ code: draft.center.code, date: draft.date, source: file })]);
  }, 60_000);

  it('still finds a last score older than the previous month', async () => {
    // December: 红星's latest audit is October's, two months back, in a file read after December's.
    const out = join(dir, 'december.json');
    const run = await runCli(['briefing', '--month', '2026-12', `${FIX}/audits`, ...CHECKLISTS, ...CENTERS, '-o', out]);
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.notAudited.find((n: Json) => n.code === '999902102')).toMatchObject({ lastDate: '2026-10-22', lastTotal: 70 });
  }, 60_000);

  it('reports a result it would use that cannot be read, located, and with --skip-invalid falls back to the one before it', async () => {
    // 红星 again on 10-30, with an invalid answer: the latest before November, so it is read.
    const hongxing = results.find((r) => r.center.code === '999902102' && r.date === '2026-10-22');
    const late = broken({ ...hongxing, date: '2026-10-30', findings: [] }, 'INS-02');
    const file = join(dir, 'late.json');
    writeFileSync(file, JSON.stringify([late], null, 2));

    const stopped = await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, file, ...CHECKLISTS, ...CENTERS]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(new RegExp(`late\\.json:\\d+:\\d+`));

    const skipped = await briefingJson([`${FIX}/audits`, file], 'skipped.json', ['--skip-invalid']);
    expect(skipped.notAudited.find((n: Json) => n.code === '999902102')).toMatchObject({ lastDate: '2026-10-22', lastTotal: 70 });
  }, 60_000);
});

describe('briefing inputs as results JSONL', () => {
  const jsonl = (list: Json[]) => list.map((r) => `${JSON.stringify(r)}\n`).join('');

  it('gives the same briefing as results JSON, and never parses a line it cannot use', async () => {
    const current = join(dir, 'current.jsonl');
    writeFileSync(current, jsonl(results));
    // A year earlier: an answer no checklist accepts. A year later: a line cut short, not JSON at all.
    const earlier = shifted(results, -1);
    earlier[0] = broken(earlier[0], 'INS-02');
    const later = jsonl(shifted(results, 1));
    const others = join(dir, 'others.jsonl');
    writeFileSync(others, `${jsonl(earlier)}${later.slice(0, later.indexOf('\n') - 5)}\n${later}`);

    const needed = await briefingJson([`${FIX}/audits`], 'needed-jsonl.json');
    expect(await briefingJson([current], 'current-jsonl.json')).toEqual(needed);
    expect(await briefingJson([current, others], 'others-jsonl.json')).toEqual(needed);
  }, 60_000);

  it('reports a line it would use that cannot be read at file:line, and with --skip-invalid falls back to the one before it', async () => {
    const hongxing = results.find((r) => r.center.code === '999902102' && r.date === '2026-10-22');
    const late = broken({ ...hongxing, date: '2026-10-30', findings: [] }, 'INS-02');
    const file = join(dir, 'late.jsonl');
    // Line 2 is not a result: a line no outline can place is parsed, and reported.
    writeFileSync(file, `${jsonl([late])}not json\n`);

    const stopped = await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, file, ...CHECKLISTS, ...CENTERS]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('late.jsonl:1:1');
    expect(stopped.stderr).toContain('late.jsonl:2:1');

    const skipped = await briefingJson([`${FIX}/audits`, file], 'skipped-jsonl.json', ['--skip-invalid']);
    expect(skipped.notAudited.find((n: Json) => n.code === '999902102')).toMatchObject({ lastDate: '2026-10-22', lastTotal: 70 });
  }, 60_000);
});
