// Issue 17: streaming scoring, results.jsonl, and the terminal summary of a big batch.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { linesOf } from '../src/formats/results-jsonl.js';
import type { Result } from '../src/model/result.js';
import { runCli, tempDir } from './helpers.js';
import { CHECKLIST_FILE, save, wideWorkbook } from './sheet-helpers.js';

const DEMO = 'fixtures/demo/audits';
let dir: string;
let ranked: Result[];

const key = (r: Result) => `${r.checklist.id}@${r.checklist.version}|${r.center.code}|${r.date}`;

beforeAll(async () => {
  dir = tempDir();
  const r = await runCli(['score', DEMO, '-o', join(dir, 'demo.json'), '-o', join(dir, 'demo.jsonl')]);
  expect(r.code, r.stderr).toBe(0);
  ranked = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as Result[];
});

describe('results.jsonl', () => {
  it('holds one result per line, the same results as results JSON', () => {
    const lines = readFileSync(join(dir, 'demo.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const streamed = lines.map((l) => JSON.parse(l) as Result);
    expect(streamed.length).toBe(ranked.length);
    expect(ranked.length).toBeGreaterThan(50);
    const byKey = new Map(ranked.map((r) => [key(r), r]));
    for (const r of streamed) expect(r).toEqual(byKey.get(key(r)));
  });

  it('is read back like results JSON: re-scoring it gives the same results JSON, byte for byte', async () => {
    const back = await runCli(['score', join(dir, 'demo.jsonl'), '-o', join(dir, 'back.json')]);
    expect(back.code, back.stderr).toBe(0);
    expect(readFileSync(join(dir, 'back.json'), 'utf8')).toBe(readFileSync(join(dir, 'demo.json'), 'utf8'));
  });

  it('names the line that is not a result, and the other lines still count with --skip-invalid', async () => {
    const lines = readFileSync(join(dir, 'demo.jsonl'), 'utf8').split('\n').slice(0, 3);
    const file = join(dir, 'broken.jsonl');
    // CRLF line ends and a blank line (a copy edited on Windows) are not errors.
    writeFileSync(file, [lines[0], '{"format": 1, "center": ', '', lines[1].replace('"format":1', '"format":2'), lines[2]].join('\r\n'));
    const refused = await runCli(['score', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file}:2:1: 这一行不是有效的 JSON`);
    expect(refused.stderr).toContain(`${file}:4:1: 不是 zongzhi 的评分结果`);
    const skipped = await runCli(['score', file, '--skip-invalid', '--json']);
    expect(skipped.code).toBe(0);
    expect((JSON.parse(skipped.stdout) as Result[]).map(key).sort()).toEqual([lines[0], lines[2]].map((l) => key(JSON.parse(l))).sort());
  });

  it('splits lines exactly across read chunks, multi-byte text included', () => {
    const file = join(dir, 'long.txt');
    // Lines of 3-byte characters whose ends fall at every offset around the 1 MiB chunk boundary.
    const lines = Array.from({ length: 3000 }, (_, i) => `${i}:${'综'.repeat(100 + (i % 7))}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect([...linesOf(file)].map((l) => l.text)).toEqual(lines);
    expect([...linesOf(file)].at(-1)?.number).toBe(3000);
  });
});

describe('--compact', () => {
  it('leaves out the texts the checklist holds, and reads back to the same full results', async () => {
    const compact = join(dir, 'compact.jsonl');
    const r = await runCli(['score', DEMO, '--compact', '-o', compact, '-o', join(dir, 'compact.json')]);
    expect(r.code, r.stderr).toBe(0);
    const first = JSON.parse(readFileSync(compact, 'utf8').split('\n')[0]);
    expect(first.compact).toBe(true);
    expect(first.checklist).toEqual({ id: 'county', version: '2025.1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(first.items[0]).not.toHaveProperty('title');
    expect(first.dimensions[0]).not.toHaveProperty('name');
    expect(readFileSync(compact).length).toBeLessThan(0.7 * readFileSync(join(dir, 'demo.jsonl')).length);
    for (const input of [compact, join(dir, 'compact.json')]) {
      const back = join(dir, `back-${input.endsWith('l') ? 'l' : 'j'}.json`);
      expect((await runCli(['score', input, '-o', back])).code).toBe(0);
      expect(readFileSync(back, 'utf8')).toBe(readFileSync(join(dir, 'demo.json'), 'utf8'));
    }
  });

  it('needs the very checklist it recorded: another one of that version is refused at the line', async () => {
    const [full, ...rest] = readFileSync(join(dir, 'demo.jsonl'), 'utf8').split('\n');
    const compactLine = readFileSync(join(dir, 'compact.jsonl'), 'utf8').split('\n')[0];
    const changed = (line: string) => line.replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`);
    const file = join(dir, 'changed.jsonl');
    writeFileSync(file, `${changed(full)}\n${changed(compactLine)}\n${rest[0]}\n`);
    const r = await runCli(['score', file, '--allow-checklist-change']);
    expect(r.code).toBe(1);
    // The full result carries its own texts: only the compact one (line 2) is refused.
    expect(r.stderr.split('\n').filter((l) => l.startsWith(file))).toEqual([expect.stringMatching(new RegExp(`^${file}:2:1: 精简格式.*county 2025.1.*--checklist`))]);
  });
});

describe('schema/results.schema.json', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const schema = JSON.parse(readFileSync('schema/results.schema.json', 'utf8'));
  const results = ajv.compile(schema);
  const result = ajv.getSchema(`${schema.$id}#/$defs/result`)!;

  it('describes results JSON and every line of results.jsonl that score writes', () => {
    expect(results(JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8'))), ajv.errorsText(results.errors)).toBe(true);
    for (const line of readFileSync(join(dir, 'demo.jsonl'), 'utf8').trim().split('\n')) expect(result(JSON.parse(line)), ajv.errorsText(result.errors)).toBe(true);
  });

  it('describes the compact form, and tells it from the full one', async () => {
    const out = join(dir, 'schema-compact.jsonl');
    expect((await runCli(['score', DEMO, '--compact', '-o', out])).code).toBe(0);
    const compact = ajv.getSchema(`${schema.$id}#/$defs/compactResult`)!;
    for (const line of readFileSync(out, 'utf8').trim().split('\n')) {
      expect(compact(JSON.parse(line)), ajv.errorsText(compact.errors)).toBe(true);
      expect(result(JSON.parse(line))).toBe(false);
    }
    expect(compact(ranked[0])).toBe(false);
  });

  it('rejects a result that lost a field or whose code lost its leading zeros', () => {
    const { total: _total, ...noTotal } = ranked[0];
    expect(result(noTotal)).toBe(false);
    expect(result({ ...ranked[0], center: { code: 999901, name: ranked[0].center.name } })).toBe(false);
  });
});

describe('terminal output of a big batch', () => {
  it('summarises above 50 centers: counts per grade, top and bottom 10, the mean per county', async () => {
    const r = await runCli(['score', DEMO]);
    expect(r.code).toBe(0);
    const groups = new Map<string, Result[]>();
    for (const x of ranked) groups.set(x.checklist.id, [...(groups.get(x.checklist.id) ?? []), x]);
    const township = groups.get('township')!;
    expect(township.length).toBeGreaterThan(20);
    const count = (grade: string) => township.filter((x) => x.grade === grade).length;
    expect(r.stdout).toContain(`等次分布:优秀 ${count('优秀')} · 良好 ${count('良好')} · 合格 ${count('合格')} · 不合格 ${count('不合格')}`);
    // The full ranking is not printed: of the township centers, only the ten best and the ten worst rows.
    const rows = (codeLength: number) => r.stdout.split('\n').filter((l) => new RegExp(`│ \\d{${codeLength}} +│ \\S+综治中心`).test(l));
    expect(rows(9).length).toBe(20);
    expect(rows(9)[0]).toContain(township[0].center.name);
    expect(rows(9)[19]).toContain(township.at(-1)!.center.name);
    expect(r.stdout).toContain('--all');
    // The county mean: each township center once, with its latest audit, rounded half-up to 0.1.
    const latest = new Map<string, Result>();
    for (const x of township) if (!latest.has(x.center.code) || x.date > latest.get(x.center.code)!.date) latest.set(x.center.code, x);
    const inCounty = [...latest.values()].filter((x) => x.center.code.startsWith('999903'));
    const tenths = inCounty.reduce((s, x) => s + Math.round(x.total * 10), 0);
    const mean = Math.floor((2 * tenths + inCounty.length) / (2 * inCounty.length));
    const line = `│ 999903 +│ +${inCounty.length} │ +${Math.floor(mean / 10)}\\.${mean % 10} │`;
    expect(r.stdout.split('\n').filter((l) => new RegExp(line).test(l)).length).toBe(1);
  });

  it('prints the full ranking with --all', async () => {
    const r = await runCli(['score', DEMO, '--all']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /│ +\d+ │ \d{6,12} /.test(l)).length).toBe(ranked.length);
    expect(r.stdout).not.toContain('前 10 名');
  });

  it('summarises a small batch too when stdout is not a terminal and files are written', async () => {
    const small = tempDir();
    const r = await runCli(['score', `${DEMO}/2026-11`, '-o', join(small, 'r.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('前 10 名');
    expect(r.stderr).toContain(`已写入 ${join(small, 'r.jsonl')}`);
    const table = await runCli(['score', `${DEMO}/2026-11`]);
    expect(table.stdout).not.toContain('前 10 名');
  });

  it('speaks English with --lang en', async () => {
    const r = await runCli(['score', DEMO, '--lang', 'en']);
    expect(r.stdout).toContain('top 10');
    expect(r.stdout).toContain('mean per county');
  });
});

describe('the temp file of a streamed batch', () => {
  it('is removed by the next run when the run that left it was killed, never while its run is alive', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const left = join(tmpdir(), `zongzhi-score-${dead}-killed`);
    const live = join(tmpdir(), `zongzhi-score-${process.pid}-running`);
    for (const d of [left, live]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'results.jsonl'), '{}\n');
    }
    expect((await runCli(['score', `${DEMO}/2026-11`, '--json'])).code).toBe(0);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true });
  });
});

describe('streaming a wide sheet', () => {
  it('drops both rows of a center given twice, even after the first was scored (--skip-invalid)', async () => {
    const w = await wideWorkbook(dir);
    w.at(2, 'code').value = '999901';
    const file = await save(w.wb, join(dir, 'twice.xlsx'));
    const out = join(dir, 'twice.jsonl');
    const r = await runCli(['score', file, '--checklist', CHECKLIST_FILE, '--skip-invalid', '-o', out, '-o', join(dir, 'twice.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${file}!评分表!A6`);
    const codes = readFileSync(out, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as Result).center.code);
    expect(codes).toEqual(['999902']);
    expect((JSON.parse(readFileSync(join(dir, 'twice.json'), 'utf8')) as Result[]).map((x) => x.center.code)).toEqual(['999902']);
  });
});
