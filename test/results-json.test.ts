import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { fileSha256 } from '../src/formats/audit-file.js';
import { compactResult } from '../src/formats/results-jsonl.js';
import { outlineResultsJson, readResultsJson, resultsJsonEntries, resultsJsonText } from '../src/formats/results-json.js';
import { collectNotices } from '../src/notices.js';
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

/** Line and column where `needle` starts in a file's text, counted by hand. */
function placeOf(text: string, needle: string): [number, number] {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

/** Line and column of the value after the n-th (0-based) occurrence of `key` in a file's text, counted by hand. */
function placeAfter(text: string, key: string, n = 0): [number, number] {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(key, at + 1);
  const before = text.slice(0, at + key.length).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

describe('where a results file is wrong', () => {
  const good = () => JSON.parse(resultsJsonText([scored(methods, FULL)]))[0] as Record<string, any>;
  const where = (path: string) => readResultsJson(path, registry()).problems.map((p) => [p.line, p.col, p.code, p.message]);

  it('points at the center code, the date, an unknown item id and a wrong value, quoting each', () => {
    const g = good();
    const entry = { ...g, center: { code: '99990', name: 'x' }, date: '2026-13-01', items: [{ ...g.items[0], id: 'Z-9' }, { ...g.items[1], value: '也许' }] };
    const path = file('places.json', [entry]);
    const text = readFileSync(path, 'utf8');
    expect(where(path)).toEqual([
      [...placeAfter(text, '"code": '), 'audit.center-code', '中心编码 "99990" 无效:应为 6 位(县级)或 9、12 位(乡镇)行政区划代码,并加引号写成字符串以保留前导 0'],
      [...placeAfter(text, '"date": '), 'audit.date', '日期 "2026-13-01" 无效(应为 YYYY-MM-DD,如 2026-11-20)'],
      [...placeOf(text, '"Z-9"'), 'audit.unknown-item', '清单 methods 1 中没有评分项 Z-9'],
      [...placeOf(text, '"也许"'), 'answer.unknown-level', '"也许" 不是该项的等级(可选:完全达到/基本达到/未达到)'],
    ]);
    expect(placeAfter(text, '"code": ')).toEqual([5, 15]);
  });

  it('refuses each result missing its format, checklist, center or items, at the result', () => {
    const g = good();
    const { checklist: _c, ...noChecklist } = g;
    const { center: _e, ...noCenter } = g;
    const path = file('shapes.json', [{ ...g, format: 2 }, noChecklist, noCenter, { ...g, items: {} }, null]);
    const lines = readFileSync(path, 'utf8').split('\n');
    const starts = lines.flatMap((l, i) => (l === '  {' || l === '  null' ? [i + 1] : []));
    expect(where(path)).toEqual(starts.map((line) => [line, 3, 'results.shape', '不是 zongzhi 的评分结果(缺少 format: 1、checklist、center 或 items)']));
    expect(starts).toHaveLength(5);
  });

  it('points at the evidence of an item that is not a list of path and sha256, and keeps valid evidence', () => {
    const g = good();
    const evidence = [{ path: 'a.jpg', sha256: 'A'.repeat(64) }];
    const ok = readResultsJson(file('evidence-ok.json', [{ ...g, items: [{ ...g.items[0], evidence }] }]), registry());
    expect(ok.problems).toEqual([]);
    expect(ok.responses[0].audit.answers['A-1']).toEqual({ value: true, na: false, evidence });
    const path = file('evidence-bad.json', [{ ...g, items: [{ ...g.items[0], evidence: [...evidence, { path: 'b.jpg' }] }] }]);
    expect(where(path)).toEqual([[...placeAfter(readFileSync(path, 'utf8'), '"evidence": '), 'audit.evidence', 'evidence 应为列表,每项为 { path: 文件路径, sha256: 64 位十六进制 }']]);
    expect(readResultsJson(path, registry()).responses).toEqual([]);
  });

  it('leaves an item without a value out of the answers, and reads a result without findings as no overrides', () => {
    const g = good();
    const { findings: _f, ...noFindings } = g;
    const read = readResultsJson(file('no-value.json', [{ ...noFindings, items: [{ ...g.items[0], value: null }, g.items[1]] }]), registry());
    expect(read.problems).toEqual([]);
    expect(Object.keys(read.responses[0].audit.answers)).toEqual(['A-2']);
    expect(read.responses[0].audit.findings).toEqual({});
  });

  it('quotes a missing center code as empty', () => {
    const g = good();
    const path = file('no-code.json', [{ ...g, center: { name: '甲区' } }]);
    expect(where(path)).toEqual([[...placeAfter(readFileSync(path, 'utf8'), '"center": '), 'audit.center-code', '中心编码 "" 无效:应为 6 位(县级)或 9、12 位(乡镇)行政区划代码,并加引号写成字符串以保留前导 0']]);
  });

  it('places a problem of a single result not in a list at its own value', () => {
    const g = good();
    const path = file('single-bad.json', { ...g, date: '2026-13-01' });
    expect(where(path).map((p) => p.slice(0, 3))).toEqual([[...placeAfter(readFileSync(path, 'utf8'), '"date": '), 'audit.date']]);
    expect(placeAfter(readFileSync(path, 'utf8'), '"date": ')).toEqual([14, 11]);
  });

  it('names only the file of a problem in a file too long to be located, and the file of one that is not JSON', () => {
    const path = file('long-lines.json', `[{"format": 2}${'\n'.repeat(20_001)}]`);
    expect(readResultsJson(path, registry()).problems).toEqual([{ file: path, code: 'results.shape', message: '不是 zongzhi 的评分结果(缺少 format: 1、checklist、center 或 items)' }]);
    const yaml = file('yaml-not-json.json', 'format: 1\n');
    expect(readResultsJson(yaml, registry()).problems).toEqual([{ file: yaml, code: 'results.not-json', message: '不是有效的 JSON 文件' }]);
  });

  it('skips a blank item, and reads a center without a name as an empty name', () => {
    const g = good();
    const read = readResultsJson(file('blank.json', [{ ...g, center: { code: '999901' }, items: [{ ...g.items[0], blank: true, value: '也许' }] }]), registry());
    expect(read.problems).toEqual([]);
    expect(read.responses[0].audit.answers).toEqual({});
    expect(read.responses[0].audit.center).toEqual({ code: '999901', name: '' });
  });

  it('locates the center code of a result read back at its own entry', () => {
    const g = good();
    const path = file('center-at.json', [g, g]);
    const read = readResultsJson(path, registry());
    const text = readFileSync(path, 'utf8');
    expect(read.responses.map((r) => r.audit.centerAt!())).toEqual([
      { file: path, line: placeAfter(text, '"code": ', 0)[0], col: 15 },
      { file: path, line: placeAfter(text, '"code": ', 1)[0], col: 15 },
    ]);
  });

  it('refuses a compact result whose checklist is not the very one its texts were left to', () => {
    const g = good();
    // Checklist changes allowed: only a compact result needs the very checklist.
    const lenient = new ChecklistRegistry([join(ROOT, 'fixtures', 'scoring', 'methods.yaml')], true);
    const read = (name: string, entry: object) => readResultsJson(file(name, [entry]), lenient);
    expect(read('compact-same.json', { ...g, compact: true })).toMatchObject({ problems: [], responses: [{}] });
    // A copy saved with CRLF line ends: the sha256 of its bytes, which older audits recorded, names it as well.
    const crlf = file('methods-crlf.yaml', readFileSync(join(ROOT, 'fixtures', 'scoring', 'methods.yaml'), 'utf8').replace(/\n/g, '\r\n'));
    const bytes = fileSha256(crlf);
    expect(bytes).not.toBe(g.checklist.sha256);
    const byBytes = readResultsJson(file('compact-bytes.json', [{ ...g, compact: true, checklist: { ...g.checklist, sha256: bytes } }]), new ChecklistRegistry([crlf]));
    expect(byBytes).toMatchObject({ problems: [], responses: [{}] });
    const other = { ...g.checklist, sha256: 'abcdef0123456789'.repeat(4) };
    expect(read('full-other.json', { ...g, checklist: other })).toMatchObject({ problems: [], responses: [{}] });
    const refused = read('compact-other.json', { ...g, compact: true, checklist: other });
    expect(refused.responses).toEqual([]);
    const text = readFileSync(join(dir, 'compact-other.json'), 'utf8');
    expect(refused.problems.map((p) => [p.line, p.col, p.code, p.message])).toEqual([[...placeAfter(text, '"checklist": '), 'results.compact-checklist', expect.stringContaining('abcdef012345')]]);
    expect(refused.problems[0].message).not.toContain('abcdef0123456');
    expect(refused.problems[0].message).toContain('methods');
  });

  it('refuses a compact result that does not record its checklist’s sha256: nothing says which checklist holds its texts', () => {
    const g = good();
    const { sha256: _sha256, ...unsigned } = g.checklist;
    const path = file('compact-unsigned.json', [{ ...g, compact: true, checklist: unsigned }]);
    const read = readResultsJson(path, registry());
    expect(read.responses).toEqual([]);
    expect(read.problems.map((p) => [p.line, p.col, p.code, p.message])).toEqual([
      [...placeAfter(readFileSync(path, 'utf8'), '"checklist": '), 'results.compact-sha256', '精简格式(--compact)的结果须在 checklist 中记录清单的 sha256:它省去的文字由那份清单补全,没有 sha256 就无法确认是同一份清单'],
    ]);
    // A full result carries its own texts: without a sha256 it is scored on the checklist of its id and version.
    expect(readResultsJson(file('full-unsigned.json', [{ ...g, checklist: unsigned }]), registry())).toMatchObject({ problems: [], responses: [{}] });
  });

  it('agrees with the schema: score --compact writes the checklist’s sha256, and a compact result without one is not valid', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'results.schema.json'), 'utf8'));
    ajv.addSchema(schema);
    const valid = ajv.getSchema(`${schema.$id}#/$defs/compactResult`)!;
    const compact = JSON.parse(JSON.stringify(compactResult(scored(methods, FULL))));
    expect(compact.checklist).toEqual({ id: 'methods', version: '1', sha256: methods.sha256 });
    expect(valid(compact), ajv.errorsText(valid.errors)).toBe(true);
    const { sha256: _sha256, ...unsigned } = compact.checklist;
    expect(valid({ ...compact, checklist: unsigned })).toBe(false);
    expect(ajv.errorsText(valid.errors)).toContain("must have required property 'sha256'");
  });

  it('points at a checklist sha256 that is not text, compact or not', () => {
    const g = good();
    for (const [name, entry] of [
      ['sha-number.json', { ...g, checklist: { ...g.checklist, sha256: 12345 } }],
      ['sha-null-compact.json', { ...g, compact: true, checklist: { ...g.checklist, sha256: null } }],
    ] as const) {
      const path = file(name, [entry]);
      const value = JSON.stringify(entry.checklist.sha256);
      expect(where(path), name).toEqual([[...placeAfter(readFileSync(path, 'utf8'), '"sha256": '), 'audit.checklist-sha256', `checklist 的 sha256 应是清单文件的 64 位十六进制摘要(文字),而不是 ${value}`]]);
    }
  });

  it('says a file that is neither JSON nor YAML is not JSON, naming the file', () => {
    const path = file('garbage.json', '{"a": 1}}\n');
    expect(readResultsJson(path, registry()).problems.map((p) => [p.code, p.file])).toEqual([['yaml.syntax', path]]);
  });

  it('warns where characters were removed from a text, and refuses a text over a cell’s limit at its place', () => {
    const g = good();
    const notices = collectNotices();
    const path = file('texts.json', [{ ...g, center: { ...g.center, name: '甲区\u0007综治中心' } }]);
    const read = readResultsJson(path, registry());
    expect(read.problems).toEqual([]);
    expect(read.responses[0].audit.center.name).toBe('甲区综治中心');
    const text = readFileSync(path, 'utf8');
    expect(notices.map((p) => [p.file, p.line, p.col, p.code, p.message])).toEqual([[path, ...placeAfter(text, '"name": '), 'text.cleaned', '警告:已删除 1 个无法保存的控制字符或非字符(如 U+0007、U+FFFE)']]);
    const long = file('long.json', [{ ...g, items: [g.items[0], { ...g.items[1], note: '长'.repeat(32_768) }] }, { ...g, center: { ...g.center, name: '长'.repeat(32_767) } }]);
    expect(where(long)).toEqual([[...placeAfter(readFileSync(long, 'utf8'), '"note": '), 'text.too-long', '文字长度 32768 个字符,超过 Excel 单元格上限 32767;请精简或拆分,程序不会截断']]);
  });

  it('refuses a nest of 33 levels as a whole file, and reads one of 32 as a result in the wrong shape', () => {
    const nest = (n: number) => {
      let v: unknown = 'x';
      for (let i = 0; i < n; i++) v = [v];
      return v;
    };
    const deep = file('deep33.json', nest(33));
    expect(readResultsJson(deep, registry()).problems).toEqual([{ file: deep, code: 'results.shape', message: '不是 zongzhi 的评分结果(缺少 format: 1、checklist、center 或 items)' }]);
    const atLimit = file('deep32.json', nest(32));
    expect(readResultsJson(atLimit, registry()).problems.map((p) => [p.line, p.col, p.code])).toEqual([[2, 3, 'results.shape']]);
  });
});

describe('results read one at a time', () => {
  const good = () => JSON.parse(resultsJsonText([scored(methods, FULL)]))[0] as Record<string, any>;

  it('says who and when each result is before reading it, and reads each on its own', () => {
    const g = good();
    const path = file('entries.json', [
      { ...g, status: 'final', mode: '暗访', center: { code: '999901', name: '甲区\u0007中心' }, date: '2026/11/20' },
      { ...g, status: '定稿', mode: undefined, center: { code: '999902' } },
      { ...g, items: [{ ...g.items[0], id: 'Z-9' }] },
    ]);
    const notices = collectNotices();
    const { entries, problems } = resultsJsonEntries(path, registry());
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.peek)).toEqual([
      { code: '999901', name: '甲区中心', date: '2026-11-20', status: 'final', mode: '暗访' },
      { code: '999902', name: '', date: g.date, status: 'draft' },
      { code: '999901', name: g.center.name, date: g.date, status: g.status },
    ]);
    expect(Object.keys(entries[1].peek!)).not.toContain('mode');
    expect(notices).toEqual([]);
    const second = entries[1].read();
    expect(second.problems).toEqual([]);
    expect([second.response!.audit.center, second.response!.audit.status]).toEqual([{ code: '999902', name: '' }, 'draft']);
    const third = entries[2].read();
    expect(third.response).toBeUndefined();
    const text = readFileSync(path, 'utf8');
    expect(third.problems.map((p) => [p.file, p.line, p.col, p.code])).toEqual([[path, ...placeOf(text, '"Z-9"'), 'audit.unknown-item']]);
    const first = entries[0].read();
    expect(first.response!.audit.center.name).toBe('甲区中心');
    expect(notices.map((p) => [p.line, p.col, p.code])).toEqual([[...placeAfter(text, '"name": '), 'text.cleaned']]);
  });

  it('has no peek for a result that does not say who and when, and reads a single result not in a list', () => {
    const g = good();
    const path = file('peekless.json', [{ ...g, format: 2 }, { ...g, center: null }, { ...g, center: { code: '99990' } }, { ...g, date: '下周' }, 'x', null, { ...g, center: 'x' }]);
    expect(resultsJsonEntries(path, registry()).entries.map((e) => e.peek)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    const one = file('one-entry.json', g);
    const { entries } = resultsJsonEntries(one, registry());
    expect(entries).toHaveLength(1);
    expect(entries[0].peek).toEqual({ code: '999901', name: g.center.name, date: g.date, status: g.status });
    const bad = file('one-bad.json', { ...g, date: '2026-13-01' });
    expect(resultsJsonEntries(bad, registry()).entries[0].read().problems.map((p) => [p.line, p.col, p.code])).toEqual([[placeAfter(readFileSync(bad, 'utf8'), '"date": ')[0], 11, 'audit.date']]);
  });

  it('refuses a file that is not JSON or cannot be read as a whole, before any result', () => {
    const missing = join(dir, 'no-entries.json');
    expect(resultsJsonEntries(missing, registry())).toMatchObject({ entries: [], problems: [{ code: 'file.unreadable', file: missing }] });
    expect(resultsJsonEntries(file('not-json.json', 'format: 1\n'), registry())).toMatchObject({ entries: [], problems: [{ code: 'results.not-json' }] });
  });

  it('refuses a result with a text over a cell’s limit when it is read, at the text', () => {
    const g = good();
    const path = file('entry-long.json', [g, { ...g, center: { ...g.center, name: '长'.repeat(32_768) } }]);
    const { entries } = resultsJsonEntries(path, registry());
    expect(entries[0].read().problems).toEqual([]);
    const read = entries[1].read();
    expect(read.response).toBeUndefined();
    expect(read.problems.map((p) => [p.line, p.col, p.code])).toEqual([[...placeOf(readFileSync(path, 'utf8'), '"长'), 'text.too-long']]);
    expect(placeOf(readFileSync(path, 'utf8'), '"长')).toEqual([139, 15]);
  });
});

describe('the outline of a results file, from its bytes', () => {
  const outline = (v: unknown) => outlineResultsJson(Buffer.from(JSON.stringify(v, null, 2)));
  const r = (code: string, date: string, status: string, findings: object[] = []) => ({ format: 1, center: { code }, date, status, findings });

  it('counts results and finals, and finds the first and last date and every code, findings’ dates included', () => {
    const o = outline([r('999901', '2026-11-20', 'final'), r('999902', '2026/10/05', 'final', [{ status: '整改中', date: '2026-12-31' }]), r('999901', '2026-11-01', 'final')]);
    expect(o).toEqual({ results: 3, finals: 3, first: '2026-10-05', last: '2026-12-31', codes: new Set(['999901', '999902']) });
    expect(outline([r('999901', '2026-11-20', 'final')])).toEqual({ results: 1, finals: 1, first: '2026-11-20', last: '2026-11-20', codes: new Set(['999901']) });
  });

  it('gives none when a key’s value is not a plain string, a status is unknown, a date does not parse, or nothing is dated', () => {
    expect(outline([r('999901', '2026-11-20', 'final'), { ...r('999901', '2026-11-20', 'final'), format: 2 }])).toBeUndefined();
    expect(outline([r('999901', '2026-11-20', '定稿')])).toBeUndefined();
    expect(outline([r('999901', '2026-11-20', 'final', [{ status: '已销号' }]), r('999901', '2026-13-20', 'final')])).toBeUndefined();
    expect(outline([{ ...r('999901', '2026-11-20', 'final'), code: 999901 }])).toBeUndefined();
    expect(outline([{ format: 1, center: { code: '999901' } }])).toBeUndefined();
    expect(outline([])).toBeUndefined();
    expect(outlineResultsJson(Buffer.from('[{"format": 1, "date": "2026-11-20", "status": "final"}]'))).toEqual({ results: 1, finals: 1, first: '2026-11-20', last: '2026-11-20', codes: new Set() });
    expect(outlineResultsJson(Buffer.from('[{"format": "1", "date": "2026-11-20", "status": "final"}]'))).toBeUndefined();
    expect(outlineResultsJson(Buffer.from('[{"format": 1, "date": "2026-11-20", "status": 1, "x": 2}]'))).toBeUndefined();
  });

  it('reads JSON written compactly, with spaces around the colon, or a format last in its object', () => {
    const one = { results: 1, finals: 1, first: '2026-11-20', last: '2026-11-20', codes: new Set(['999901']) };
    expect(outlineResultsJson(Buffer.from('[{"format":1,"center":{"code":"999901"},"date":"2026-11-20","status":"final"}]'))).toEqual(one);
    expect(outlineResultsJson(Buffer.from('[{"format" : 1, "center": {"code" : "999901"}, "date" : "2026-11-20", "status" : "final"}]'))).toEqual(one);
    expect(outlineResultsJson(Buffer.from('[{"center": {"code": "999901"}, "date": "2026-11-20", "status": "final", "format": 1\n}]'))).toEqual(one);
  });
});
