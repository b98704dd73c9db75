import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { readResultsJson, resultsJsonText } from '../src/formats/results-json.js';
import type { Result } from '../src/model/result.js';
import { score } from '../src/scoring/score.js';
import { ROOT, tempDir } from './helpers.js';
import { fixtureChecklist, scored } from './scoring-helpers.js';

const methods = fixtureChecklist('methods');
const registry = () => new ChecklistRegistry([join(ROOT, 'fixtures', 'scoring', 'methods.yaml')]);
const FULL = { 'A-1': '是', 'A-2': '完全达到', 'A-3': ['法院', '检察院', '公安'], 'B-1': 0, 'B-2': 96, 'B-3': 15 };

let dir: string;
beforeAll(() => {
  dir = tempDir('zongzhi-results-json-');
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function rescored(results: Result[]): Result[] {
  const read = readResultsJson(file('results.json', resultsJsonText(results)), registry());
  expect(read.problems).toEqual([]);
  return read.responses.map(({ audit, checklist }) => {
    const outcome = score(checklist, audit, { blankAsZero: true });
    if (!outcome.ok) throw new Error(outcome.code);
    return outcome.result;
  });
}

describe('results JSON read back as responses', () => {
  it('re-scores to the same results: answers, N/A with its note, deficiencies, blanks and the findings people edited', () => {
    const a = scored(methods, { ...FULL, 'A-2': '基本达到', 'B-2': { value: '不适用', note: '本级无回访任务' }, 'B-1': { value: 4, deficiencies: ['9月缺失', '10月缺失'] } }, {}, { 'A-2': { owner: '区委组织部', deadline: '2026-12-31', person: '王五' } });
    const { 'A-3': _blank, ...withoutA3 } = FULL;
    const b = { ...scored(methods, { ...withoutA3, 'BON-1': 2 }, { blankAsZero: true }), status: 'draft' as const };
    const back = rescored([a, b]);
    expect(back).toEqual([a, b]);
    expect(back[0].findings.find((f) => f.item === 'A-2')).toMatchObject({ owner: '区委组织部', deadline: '2026-12-31', person: '王五', problem: '中心领导配备' });
    expect(back[1].items.find((i) => i.id === 'A-3')).toMatchObject({ blank: true, earned: 0 });
  });

  it('reads one result not in a list, and an empty list', () => {
    const one = scored(methods, FULL);
    expect(readResultsJson(file('one.json', one), registry()).responses.map((r) => r.audit.center.code)).toEqual(['999901']);
    expect(readResultsJson(file('empty.json', []), registry())).toEqual({ responses: [], problems: [] });
  });

  it('names the place of every wrong entry, and keeps the right ones', () => {
    const good = scored(methods, FULL);
    const json = JSON.parse(resultsJsonText([good])) as Record<string, unknown>[];
    const badCode = { ...json[0], center: { code: '99990', name: 'x' } };
    const badDate = { ...json[0], date: '2026-13-01' };
    const badItem = { ...json[0], items: [{ ...(json[0].items as object[])[0], id: 'Z-9' }] };
    const badValue = { ...json[0], items: [{ ...(json[0].items as object[])[0], value: '也许' }] };
    const path = file('mixed.json', [json[0], badCode, badDate, badItem, badValue, { format: 2 }]);
    const read = readResultsJson(path, registry());
    expect(read.responses).toHaveLength(1);
    expect(read.problems.map((p) => [p.code, p.file, p.line !== undefined])).toEqual([
      ['audit.center-code', path, true],
      ['audit.date', path, true],
      ['audit.unknown-item', path, true],
      ['answer.not-yes-no', path, true],
      ['results.shape', path, true],
    ]);
    // Each at its own entry, in the order of the file.
    const lines = read.problems.map((p) => p.line!);
    expect([...lines].sort((x, y) => x - y)).toEqual(lines);
  });

  it('says where JSON syntax breaks, and that a file is missing', () => {
    const broken = readResultsJson(file('broken.json', '[\n  {"format": 1,\n  "center": ]\n]'), registry());
    expect(broken.responses).toEqual([]);
    expect(broken.problems[0]).toMatchObject({ line: 3 });
    // Valid YAML but not JSON: no place to name, the file is refused as a whole.
    expect(readResultsJson(file('yaml.json', 'format: 1\n'), registry()).problems).toMatchObject([{ code: 'results.not-json' }]);
    const missing = join(dir, 'none.json');
    expect(readResultsJson(missing, registry()).problems).toMatchObject([{ code: 'file.unreadable', file: missing }]);
  });
});

describe('what a result carries into its re-scoring', () => {
  it('keeps status, mode and inspectors; a status that is not final reads as draft, no inspectors as none', () => {
    const good = JSON.parse(resultsJsonText([scored(methods, FULL)]))[0] as Record<string, unknown>;
    const entries = [
      { ...good, status: 'final', mode: '暗访', inspectors: ['张三', '李四'] },
      { ...good, status: '定稿', mode: undefined, inspectors: undefined },
    ];
    const read = readResultsJson(file('carried.json', entries), registry());
    expect(read.problems).toEqual([]);
    expect(read.responses.map(({ audit }) => [audit.status, audit.mode, audit.inspectors, audit.source])).toEqual([
      ['final', '暗访', ['张三', '李四'], join(dir, 'carried.json')],
      ['draft', undefined, [], join(dir, 'carried.json')],
    ]);
    expect(read.responses[0].audit.centerAt!()).toMatchObject({ file: join(dir, 'carried.json'), line: expect.any(Number) });
  });

  it('keeps an item’s own problem text only when it made one finding; each deficiency’s finding has its own', () => {
    const r = scored(methods, { ...FULL, 'A-1': '否', 'B-1': { value: 2, deficiencies: ['9月缺失', '10月缺失'] } }, {}, { 'A-1': { problem: '未挂牌', owner: '区委政法委' } });
    const read = readResultsJson(file('overrides.json', [r]), registry());
    const findings = read.responses[0].audit.findings;
    expect(findings['A-1']).toEqual({ problem: '未挂牌', measure: '落实场所和人员', owner: '区委政法委', person: '', deadline: r.findings[0].deadline });
    expect(findings['B-1']).not.toHaveProperty('problem');
    expect(Object.keys(findings).sort()).toEqual(['A-1', 'B-1']);
  });

  it('names the checklist a result needs when it is not available, at its checklist entry', () => {
    const good = JSON.parse(resultsJsonText([scored(methods, FULL)]))[0] as { checklist: object };
    const path = file('unknown-checklist.json', [{ ...good, checklist: { ...good.checklist, id: 'nowhere' } }]);
    const read = readResultsJson(path, registry());
    expect(read.responses).toEqual([]);
    const line = readFileSync(path, 'utf8').split('\n').findIndex((l) => l.includes('"checklist"')) + 1;
    expect(read.problems).toMatchObject([{ code: 'checklist.unknown-id', file: path, line }]);
  });

  it('refuses a nest deeper than any result as not a results file, without exhausting the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    const path = file('deep.json', deep);
    const read = readResultsJson(path, registry());
    expect(read.responses).toEqual([]);
    expect(read.problems.map((p) => [p.code, p.file])).toEqual([['results.shape', path]]);
    // 32 levels is still read (and then found not to be a result).
    let shallow: unknown = 'x';
    for (let i = 0; i < 31; i++) shallow = [shallow];
    expect(readResultsJson(file('shallow.json', shallow), registry()).problems.map((p) => p.code)).toEqual(['results.shape']);
  });

  it('writes a list indented by two, one result after another, and an empty list as []', () => {
    const a = scored(methods, FULL);
    const text = resultsJsonText([a, a]);
    expect(text.startsWith('[\n  {\n    "format": 1,')).toBe(true);
    expect(text).toContain('\n  },\n  {\n    "format": 1,');
    expect(text.endsWith('\n  }\n]\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify([a, a])));
    expect(resultsJsonText([])).toBe('[]\n');
  });
});
