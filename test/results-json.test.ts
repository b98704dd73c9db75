import { writeFileSync } from 'node:fs';
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
