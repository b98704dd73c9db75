// Audit file additions: `mode` (how the audit was made), 未查 (not inspected this time),
// which leaves the denominator like N/A but is flagged as a partial inspection, and `evidence`.
// Figures are hand-computed on fixtures/scoring/effects.yaml (A-1 10, A-2 20, A-3 20, B-1 50 at 5 per deficiency).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { auditFileText, readAuditText } from '../src/formats/audit-file.js';
import { readResultsJson, resultsJsonText } from '../src/formats/results-json.js';
import { readAnswer } from '../src/model/answers.js';
import { score } from '../src/scoring/score.js';
import { ROOT, runCli, tempDir } from './helpers.js';
import { fixtureChecklist, scored } from './scoring-helpers.js';

const effects = fixtureChecklist('effects');
const EFFECTS = join(ROOT, 'fixtures/scoring/effects.yaml');
const NOT_SEEN = { value: '未查', note: '负责人外出学习,未能核实' };

describe('未查', () => {
  it('leaves the denominator like N/A: (10 + 20 + 40) of 80 applicable = 87.5, flagged as partial', () => {
    const r = scored(effects, { 'A-1': '是', 'A-2': NOT_SEEN, 'A-3': '是', 'B-1': 2 });
    expect(r.total).toBe(87.5);
    expect(r.uninspected).toEqual(['A-2']);
    expect(r.items[1]).toMatchObject({ id: 'A-2', answer: '未查', na: false, uninspected: true, earned: null, note: NOT_SEEN.note });
    // A veto item not inspected neither vetoes nor loses points: it was not looked at.
    expect(r.veto).toEqual([]);
    expect(r.findings.map((f) => f.item)).toEqual(['B-1']);
  });

  it('is allowed on any item (A-2 has no na: true) but needs the reason', () => {
    const item = effects.dimensions[0].items[1];
    expect(item.na).toBeUndefined();
    expect(readAnswer(item, { value: '未查' })).toEqual({ kind: 'error', code: 'answer.uninspected-needs-note', params: { item: 'A-2' } });
    expect(readAnswer(item, { value: '不适用', note: 'x' })).toMatchObject({ kind: 'error', code: 'answer.na-not-allowed' });
  });

  it('a full audit carries no uninspected field', () => {
    expect(scored(effects, { 'A-1': '是', 'A-2': '是', 'A-3': '是', 'B-1': 0 }).uninspected).toBeUndefined();
  });
});

describe('mode and 未查 in files', () => {
  const text = [
    'format: 1',
    'checklist: { id: effects, version: "1" }',
    'center: { code: "999901101001", name: 示例村综治中心 }',
    'date: "2026-11-20"',
    'mode: 暗访',
    'status: final',
    'answers:',
    '  A-1: 是',
    '  A-2: { value: 未查, note: 负责人外出学习 }',
    '  A-3: 是',
    '  B-1: 2',
    '',
  ].join('\n');
  const registry = () => new ChecklistRegistry([EFFECTS]);

  it('an audit file reads and writes both back', () => {
    const read = readAuditText(text, 'x.audit.yaml', registry());
    expect(read.problems).toEqual([]);
    expect(read.audit!.mode).toBe('暗访');
    expect(read.audit!.answers['A-2']).toEqual({ na: true, uninspected: true, note: '负责人外出学习' });
    const written = auditFileText(read.audit!, read.checklist!);
    expect(written).toContain('mode: 暗访');
    expect(written).toContain('A-2: { value: 未查, note: 负责人外出学习 }');
    // Compared as data: the reader may build its records on another prototype.
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(plain(readAuditText(written, 'y.audit.yaml', registry()).audit)).toEqual(plain({ ...read.audit!, source: 'y.audit.yaml' }));
  });

  it('an unknown mode is refused at its place, listing the modes', () => {
    const read = readAuditText(text.replace('mode: 暗访', 'mode: 抽查'), 'x.audit.yaml', registry());
    expect(read.problems.map((p) => [p.line, p.col, p.code])).toEqual([[5, 7, 'audit.mode']]);
    expect(read.problems[0].message).toContain('自查、督查、明察、暗访、交叉检查、回头看');
  });

  it('results JSON keeps them: read back and re-scored to the same result', () => {
    const read = readAuditText(text, 'x.audit.yaml', registry());
    const outcome = score(read.checklist!, read.audit!);
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.result.mode).toBe('暗访');
    const file = join(tempDir(), 'results.json');
    writeFileSync(file, resultsJsonText([outcome.result]));
    const back = readResultsJson(file, registry());
    expect(back.problems).toEqual([]);
    const again = score(back.responses[0].checklist, back.responses[0].audit);
    expect(again.ok && again.result).toEqual(outcome.result);
  });

  it('the score table shows the mode and 部分检查; --explain names the items not inspected', async () => {
    const file = join(tempDir(), 'x.audit.yaml');
    writeFileSync(file, text);
    const table = await runCli(['score', file, '--checklist', EFFECTS]);
    expect(table.stdout).toMatch(/│ 2026-11-20 暗访 部分检查\(未查 1 项\) │ 87\.5 │/);
    const explained = await runCli(['score', file, '--checklist', EFFECTS, '--explain']);
    expect(explained.stdout).toContain('检查方式:暗访');
    expect(explained.stdout).toContain('部分检查:未查 1 项 A-2(20) 共 20 分,本次未检查,从分母中扣除');
  });
});


describe('evidence', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');

  it('is kept with the answer and checked when scored: a missing or changed file is a located warning, not an error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '台账.jpg'), 'scan of the ledger');
    writeFileSync(join(dir, '照片.jpg'), 'photo, edited later');
    const file = join(dir, 'x.audit.yaml');
    const text = [
      'format: 1',
      'checklist: { id: effects, version: "1" }',
      'center: { code: "999901101001", name: 示例村综治中心 }',
      'date: "2026-11-20"',
      'answers:',
      '  A-1: 是',
      '  A-2: 是',
      '  A-3: 是',
      '  B-1:',
      '    value: 2',
      '    evidence:',
      `      - { path: 台账.jpg, sha256: ${sha('scan of the ledger')} }`,
      `      - { path: 照片.jpg, sha256: ${sha('photo, as taken')} }`,
      `      - { path: 缺失.jpg, sha256: ${sha('gone')} }`,
      '',
    ].join('\n');
    writeFileSync(file, text);
    const r = await runCli(['score', file, '--checklist', EFFECTS]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      `警告:${file}:13:17: 佐证材料 照片.jpg 在登记后被改动过(sha256 不一致)`,
      `警告:${file}:14:17: 佐证材料 缺失.jpg 找不到`,
    ]);
    const read = readAuditText(text, file, new ChecklistRegistry([EFFECTS]));
    expect(read.audit!.answers['B-1'].evidence?.map((e) => e.path)).toEqual(['台账.jpg', '照片.jpg', '缺失.jpg']);
    expect(readAuditText(auditFileText(read.audit!, read.checklist!), file, new ChecklistRegistry([EFFECTS])).audit!.answers['B-1']).toEqual(read.audit!.answers['B-1']);
  });

  it('of the wrong shape is an error at its place', () => {
    const read = readAuditText(
      ['format: 1', 'checklist: { id: effects, version: "1" }', 'center: { code: "999901101001", name: 村 }', 'date: "2026-11-20"', 'answers:', '  A-1: { value: 是, evidence: [照片.jpg] }', ''].join('\n'),
      'x.audit.yaml',
      new ChecklistRegistry([EFFECTS]),
    );
    expect(read.problems.map((p) => [p.line, p.col, p.code])).toEqual([[6, 30, 'audit.evidence']]);
  });
});
