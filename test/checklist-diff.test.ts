// `checklist diff`: what changed between two checklists, and whether it can move a score.
// Expectations are written from the edits each test makes, not from the code's output.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffChecklists } from '../src/checklist/diff.js';
import { loadChecklistText } from '../src/checklist/load.js';
import type { Checklist } from '../src/model/checklist.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const METHODS = join(ROOT, 'fixtures/scoring/methods.yaml');
const base = readFileSync(METHODS, 'utf8');

function edited(edits: [string, string][]): string {
  return edits.reduce((text, [from, to]) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  }, base);
}

function load(text: string): Checklist {
  const { checklist, problems } = loadChecklistText(text, 'x.yaml');
  expect(problems).toEqual([]);
  return checklist!;
}

const brief = (c: ReturnType<typeof diffChecklists>[number]) => [c.subject, c.kind, c.id, c.scoring, c.fields.map((f) => f.key)];

describe('diffChecklists', () => {
  it('finds nothing between a checklist and itself, nor after reordering keys of a level', () => {
    const reordered = edited([['- { label: 基本达到, points: 12 }', '- { points: 12, label: 基本达到 }']]);
    expect(diffChecklists(load(base), load(reordered))).toEqual([]);
  });

  it('tells a rename and a reworded criteria (not scoring) from re-pointed items (scoring)', () => {
    const next = edited([
      ['version: "1"', 'version: "2"'],
      ['title: 中心领导配备', 'title: 中心领导班子配备'],
      ['criteria: 按抽查情况直接打分', 'criteria: 按抽查卷宗情况直接打分'],
      ['per: 6', 'per: 5'],
      ['- { label: 基本达到, points: 12 }', '- { label: 基本达到, points: 10 }'],
      ['        na: true\n        bands:', '        bands:'],
    ]);
    expect(diffChecklists(load(base), load(next)).map(brief)).toEqual([
      ['item', 'renamed', 'A-2', false, ['title']],
      ['item', 'rescored', 'A-2', true, ['levels']],
      ['item', 'rescored', 'B-1', true, ['per']],
      ['item', 'rescored', 'B-2', true, ['na']],
      ['item', 'reworded', 'B-3', false, ['criteria']],
    ]);
  });

  it('reports items added, removed and moved, dimensions re-weighted, and grade bands changed', () => {
    const next = edited([
      ['  - { name: 良好, min: 80 }', '  - { name: 良好, min: 85 }'],
      ['    points: 50\n    items:\n      - id: B-1', '    points: 60\n    items:\n      - id: B-1'],
      ['    points: 50\n    items:\n      - id: A-1', '    points: 40\n    items:\n      - id: A-1'],
      // A-1 moves from institution to mechanism; BON-1 is dropped, BON-2 comes in.
      ['        finding: { problem: 未实体化运行, measure: 落实场所和人员, owner: 县委政法委, days: 15 }\n', ''],
      ['      - id: A-1\n        title: 挂牌并实体化运行\n        criteria: 未实体化运行的不得分\n        points: 10\n        method: check\n        veto: true\n', ''],
      ['    items:\n      - id: B-1', '    items:\n      - { id: A-1, title: 挂牌并实体化运行, criteria: 未实体化运行的不得分, points: 10, method: check, veto: true }\n      - id: B-1'],
      ['    - id: BON-1', '    - id: BON-2'],
    ]);
    expect(diffChecklists(load(base), load(next)).map(brief)).toEqual([
      ['checklist', 'rescored', 'grades', true, ['grades']],
      ['dimension', 'rescored', 'institution', true, ['points']],
      ['dimension', 'rescored', 'mechanism', true, ['points']],
      ['item', 'rescored', 'A-1', true, ['dimension']],
      ['item', 'reworded', 'A-1', false, ['finding']],
      ['item', 'added', 'BON-2', true, ['dimension', 'points', 'method']],
      ['item', 'removed', 'BON-1', true, ['dimension', 'points', 'method']],
    ]);
  });
});

describe('zongzhi checklist diff', () => {
  const dir = tempDir();
  const same = join(dir, 'same.yaml');
  const renamed = join(dir, 'renamed.yaml');
  const rescored = join(dir, 'rescored.yaml');
  writeFileSync(same, base);
  writeFileSync(renamed, edited([['title: 中心领导配备', 'title: 中心领导班子配备']]));
  writeFileSync(rescored, edited([['per: 6', 'per: 5']]));
  const reworded = join(dir, 'reworded.yaml');
  writeFileSync(reworded, edited([['criteria: 按抽查情况直接打分', 'criteria: 按抽查卷宗情况直接打分']]));

  it('exits 0 with no change or only wording changes, 1 when a change can move a score', async () => {
    expect((await runCli(['checklist', 'diff', METHODS, same])).code).toBe(0);
    const words = await runCli(['checklist', 'diff', METHODS, renamed]);
    expect(words.code).toBe(0);
    expect(words.stdout).toMatch(/│ 评分项改名 │ A-2\s+│ 中心领导班子配备 │ title: 中心领导配备 → 中心领导班子配备/);
    // Reworded text is named in the table, not printed twice.
    const text = await runCli(['checklist', 'diff', METHODS, reworded]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/│ 文字修改\s+│ B-3\s+│ 卷宗质量\s+│ criteria\s+│/);
    expect(text.stdout).not.toContain('按抽查卷宗情况直接打分');
    const r = await runCli(['checklist', 'diff', METHODS, rescored]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/│ 计分变化\s+│ B-1\s+│ 排查台账\s+│ per: 6 → 5\s+│ 影响计分 │/);
    expect(r.stdout).toContain('共 1 处变化,其中 1 处影响计分');
    expect(r.stdout).toContain('计分有变化但版本号仍为 1');
  });

  it('--format github annotates the changed line: an error for scoring, a notice for wording', async () => {
    const r = await runCli(['checklist', 'diff', METHODS, rescored, '--format', 'github']);
    // The value of `per: 6` is line 53, column 14 of methods.yaml; the title of A-2 line 26, column 16.
    expect(r.stdout).toContain(`::error file=${rescored},line=53,col=14,title=item rescored::计分变化 B-1 排查台账: per: 6 → 5`);
    const w = await runCli(['checklist', 'diff', METHODS, renamed, '--format', 'github']);
    expect(w.stdout).toContain(`::notice file=${renamed},line=26,col=16,title=item renamed::`);
  });

  it('--format json lists the changes with their place and the count that affect scores', async () => {
    const r = await runCli(['checklist', 'diff', METHODS, rescored, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.scoring).toBe(1);
    expect(out.old).toMatchObject({ id: 'methods', version: '1' });
    expect(out.changes).toEqual([
      { subject: 'item', kind: 'rescored', id: 'B-1', title: '排查台账', scoring: true, fields: [{ key: 'per', old: 6, new: 5 }], side: 'new', path: ['dimensions', 1, 'items', 0, 'per'], file: rescored, line: 53, col: 14 },
    ]);
  });

  it('names a checklist that cannot be found, with exit 1', async () => {
    const r = await runCli(['checklist', 'diff', METHODS, 'no-such-checklist']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-checklist');
  });
});
