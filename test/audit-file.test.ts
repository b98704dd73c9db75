import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { auditFileText, evidenceFile, fileSha256, readAuditFile, readAuditText } from '../src/formats/audit-file.js';
import { resolveChecklist } from '../src/checklist/load.js';
import { ROOT, tempDir } from './helpers.js';
import { auditOf, fixtureChecklist } from './scoring-helpers.js';

const methodsFile = join(ROOT, 'fixtures', 'scoring', 'methods.yaml');
const registry = new ChecklistRegistry([methodsFile]);
const sha = fixtureChecklist('methods').sha256;

function audit(answers: string, extra = ''): string {
  return `format: 1
checklist: { id: methods, version: "1", sha256: ${sha} }
center: { code: "999901", name: 示例市甲区综治中心 }
date: "2026-11-20"
inspectors: [张三, 李四]
status: draft
answers:
${answers}${extra}`;
}

const read = (text: string, reg = registry) => readAuditText(text, 'a.audit.yaml', reg);
const where = (text: string) => read(text).problems.map((p) => [p.line, p.col, p.code]);

describe('reading an audit file', () => {
  it('reads a valid file with every kind of answer', () => {
    const r = read(audit(`  A-1: { value: 是 }
  A-2: 基本达到
  A-3: { value: [法院, 公安], note: 检察院未入驻 }
  B-1: { value: 2, deficiencies: [10月台账缺失, 11月台账缺失] }
  B-2: { value: 不适用, note: 本级无此项 }
`));
    expect(r.problems).toEqual([]);
    expect(r.audit!.center).toEqual({ code: '999901', name: '示例市甲区综治中心' });
    expect(r.audit!.answers['A-3']).toEqual({ value: ['法院', '公安'], na: false, note: '检察院未入驻' });
    expect(r.audit!.answers['B-2']).toEqual({ na: true, note: '本级无此项' });
  });

  it('points at an unknown item id and suggests the nearest', () => {
    const r = read(audit('  A-1: { value: 是 }\n  A-4: { value: 是 }\n'));
    expect(where(audit('  A-1: { value: 是 }\n  A-4: { value: 是 }\n'))).toEqual([[9, 3, 'audit.unknown-item-near']]);
    expect(r.problems[0].message).toContain('A-1');
  });

  it('points at a level that is not in the list, naming the levels and the nearest one', () => {
    const r = read(audit('  A-2: { value: 基本达标 }\n'));
    expect(r.problems.map((p) => [p.line, p.col, p.code])).toEqual([[8, 17, 'answer.unknown-level-near']]);
    expect(r.problems[0].message).toBe('"基本达标" 不是该项的等级(可选:完全达到/基本达到/未达到);是否想填 "基本达到"?');
  });

  it('requires a note for N/A, and refuses N/A where the item allows none', () => {
    expect(where(audit('  B-2: { value: 不适用 }\n'))).toEqual([[8, 8, 'answer.na-needs-note']]);
    expect(where(audit('  A-2: { value: 不适用, note: 无 }\n'))).toEqual([[8, 17, 'answer.na-not-allowed']]);
  });

  it('rejects a center code that is not 6, 9 or 12 digits, and a bad date', () => {
    const text = audit('  A-1: 是\n').replace('"999901"', '"99990"').replace('"2026-11-20"', '"2026-02-30"');
    expect(where(text)).toEqual([
      [3, 17, 'audit.center-code'],
      [4, 7, 'audit.date'],
    ]);
  });

  it('accepts dates as people write them', () => {
    for (const d of ['2026/11/20', '2026年11月20日', '2026.11.20']) {
      expect(read(audit('  A-1: 是\n').replace('"2026-11-20"', `"${d}"`)).audit!.date).toBe('2026-11-20');
    }
  });

  it('reads inspectors typed on one line the way a sheet cell is read', () => {
    const r = read(audit('  A-1: 是\n').replace('inspectors: [张三, 李四]', 'inspectors: 张三 李四/王五、赵六'));
    expect(r.audit!.inspectors).toEqual(['张三', '李四', '王五', '赵六']);
  });

  it('reports an unknown key at the key, suggesting the nearest allowed one', () => {
    const text = audit('  A-1: { value: 是, notes: 拼写错误 }\n');
    expect(where(text)).toEqual([[8, 20, 'audit.unknown-key-near']]);
    expect(read(text).problems[0].message).toBe('未知的键 notes,是否想写 note?(可用的键:value, note, deficiencies, evidence)');
    expect(where(audit('  A-1: { value: 是, remark: 无 }\n'))).toEqual([[8, 20, 'audit.unknown-key']]);
  });

  it('refuses a checklist changed since the audit, naming both, unless allowed', () => {
    const dir = tempDir();
    const changed = join(dir, 'methods.yaml');
    writeFileSync(changed, `# edited after the audit\n${readFileSync(methodsFile, 'utf8')}`);
    const text = audit('  A-1: 是\n');
    const strict = read(text, new ChecklistRegistry([changed]));
    expect(strict.problems.map((p) => [p.line, p.code])).toEqual([[2, 'checklist.changed']]);
    expect(strict.problems[0].message).toContain(sha.slice(0, 12));
    expect(read(text, new ChecklistRegistry([changed], true)).problems).toEqual([]);
  });

  it('names both versions when the recorded version is not available', () => {
    const r = read(audit('  A-1: 是\n').replace('version: "1"', 'version: "0.9"'));
    expect(r.problems[0].code).toBe('checklist.version-mismatch');
    expect(r.problems[0].message).toContain('0.9');
    expect(r.problems[0].message).toContain('1 (');
  });

  it('points at a wrong format, status, inspectors, answers or findings, saying what would be valid', () => {
    const text = audit('  A-1: 是\n', 'findings: [A-1]\n').replace('format: 1', 'format: 2').replace('status: draft', 'status: 定稿').replace('inspectors: [张三, 李四]', 'inspectors: { 组长: 张三 }');
    const r = read(text);
    expect(r.problems.map((p) => [p.line, p.col, p.code, p.message])).toEqual([
      [1, 9, 'audit.format', 'format 应为 1,而不是 2'],
      [5, 13, 'audit.inspectors', 'inspectors 应是检查人姓名列表,如 [张三, 李四]'],
      [6, 9, 'audit.status', 'status 应为 draft 或 final,而不是 定稿'],
      [9, 11, 'audit.findings', 'findings 应是"评分项编号: {owner, measure, deadline}"的映射'],
    ]);
    expect(r.audit).toBeUndefined();
    expect(where(audit('').replace('answers:\n', 'answers: [A-1]\n'))).toEqual([[7, 10, 'audit.answers']]);
  });

  it('reads status final, draft when none is given, and no inspectors when none are given', () => {
    expect(read(audit('  A-1: 是\n').replace('status: draft', 'status: final')).audit!.status).toBe('final');
    const bare = read(audit('  A-1: 是\n').replace('status: draft\n', '').replace('inspectors: [张三, 李四]\n', ''));
    expect(bare.problems).toEqual([]);
    expect([bare.audit!.status, bare.audit!.inspectors]).toEqual(['draft', []]);
    expect(read(audit('  A-1: 是\n').replace('inspectors: [张三, 李四]', 'inspectors: [" 张三 ", "", 李四]')).audit!.inspectors).toEqual(['张三', '李四']);
  });

  it('says what is missing when format, checklist, center or date are absent, at the top of the file', () => {
    const text = 'answers: {}\n';
    expect(read(text).problems.map((p) => [p.line, p.col, p.code])).toEqual([
      [1, 1, 'audit.format'],
      [1, 1, 'audit.checklist-ref'],
      [1, 1, 'audit.center'],
      [1, 1, 'audit.date'],
    ]);
    expect(where('- 是\n')).toEqual([[1, 1, 'audit.not-a-mapping']]);
  });

  it('points at a checklist reference without an id or version, and at a center that is not a mapping', () => {
    expect(where(audit('  A-1: 是\n').replace('checklist: { id: methods, version: "1", sha256: ', 'checklist: { version: "1", sha256: '))).toEqual([[2, 12, 'audit.checklist-ref']]);
    expect(where(audit('  A-1: 是\n').replace('version: "1", ', ''))).toEqual([[2, 12, 'audit.checklist-ref']]);
    expect(where(audit('  A-1: 是\n').replace('center: { code: "999901", name: 示例市甲区综治中心 }', 'center: 999901'))).toEqual([[3, 9, 'audit.center']]);
    expect(where(audit('  A-1: 是\n').replace('name: 示例市甲区综治中心', 'name: 甲区, level: county'))).toEqual([[3, 37, 'audit.unknown-key']]);
  });

  it('reads a finding override, its deadline as people write it, and points at a deadline that is not a date', () => {
    const ok = read(audit('  A-1: 否\n', 'findings:\n  A-1: { owner: " 县委政法委 ", measure: 落实场所, person: 王五, problem: 未挂牌, deadline: 2026年12月31日 }\n'));
    expect(ok.problems).toEqual([]);
    expect(ok.audit!.findings).toEqual({ 'A-1': { owner: '县委政法委', measure: '落实场所', person: '王五', problem: '未挂牌', deadline: '2026-12-31' } });
    const bad = read(audit('  A-1: 否\n', 'findings:\n  A-1: { owner: 县委政法委, deadline: 年底 }\n  Z-9: { owner: 县委政法委 }\n  A-2: 县委政法委\n'));
    expect(bad.problems.map((p) => [p.line, p.col, p.code, p.message])).toEqual([
      [10, 34, 'audit.date', '日期 "年底" 无效(应为 YYYY-MM-DD,如 2026-11-20)'],
      [11, 3, 'audit.unknown-item-near', '清单 methods 1 中没有评分项 Z-9;是否想写 A-1?'],
      [12, 8, 'audit.findings', expect.any(String)],
    ]);
  });

  it('lists every problem of a file in one pass', () => {
    expect(read(audit('  A-1: 也许\n  A-2: 很好\n  Z-9: 是\n')).problems).toHaveLength(3);
  });
});

describe('reading an audit file: places, defaults and references', () => {
  it('says a file that cannot be read is unreadable, naming it', () => {
    const missing = join(tempDir(), 'none.audit.yaml');
    expect(readAuditFile(missing, registry).problems.map((p) => [p.code, p.file])).toEqual([['file.unreadable', missing]]);
  });

  it('reads the checklist reference back, the checklist’s own sha256 when none is recorded, and where the center code is', () => {
    const r = read(audit('  A-1: 是\n'));
    expect(r.audit!.checklist).toEqual({ id: 'methods', version: '1', sha256: sha });
    expect(r.audit!.centerAt!()).toEqual({ file: 'a.audit.yaml', line: 3, col: 17 });
    const bare = read(audit('  A-1: 是\n').replace(`, sha256: ${sha}`, ''));
    expect(bare.problems).toEqual([]);
    expect(bare.audit!.checklist).toEqual({ id: 'methods', version: '1', sha256: sha });
  });

  it('finds the checklist file a reference names, relative to the audit file, and keeps the name', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'own.yaml'), readFileSync(methodsFile));
    const file = join(dir, 'a.audit.yaml');
    writeFileSync(file, audit('  A-1: 是\n').replace(`sha256: ${sha} }`, `sha256: ${sha}, file: own.yaml }`));
    const r = readAuditFile(file, new ChecklistRegistry([]));
    expect(r.problems).toEqual([]);
    expect(r.audit!.checklist).toEqual({ id: 'methods', version: '1', sha256: sha, file: 'own.yaml' });
    expect(r.checklist!.file).toBe(join(dir, 'own.yaml'));
  });

  it('points at a checklist reference that is not a mapping, and at an unknown key inside it', () => {
    expect(where(audit('  A-1: 是\n').replace(/checklist: .*\n/, 'checklist: methods\n'))).toEqual([[2, 12, 'audit.checklist-ref']]);
    expect(where(audit('  A-1: 是\n').replace('version: "1", ', 'version: "1", fil: x.yaml, '))).toEqual([[2, 41, 'audit.unknown-key-near']]);
  });

  it('points at a checklist sha256 or file that is not text, saying what it should be, instead of ignoring it', () => {
    const ref = (tail: string) => audit('  A-1: 是\n').replace(`sha256: ${sha} }`, tail);
    // On line 2, `checklist: { id: methods, version: "1", sha256: ` puts the sha256 value at column 49.
    expect(where(ref('sha256: 12345 }'))).toEqual([[2, 49, 'audit.checklist-sha256']]);
    expect(where(ref(`sha256: ${sha}, file: [own.yaml] }`))).toEqual([[2, 121, 'audit.checklist-file']]);
    expect(where(ref('sha256: , file: 3 }'))).toEqual([
      [2, 49, 'audit.checklist-sha256'],
      [2, 57, 'audit.checklist-file'],
    ]);
    const messages = read(ref('sha256: 12345, file: [own.yaml] }')).problems.map((p) => p.message);
    expect(messages).toEqual([
      'checklist 的 sha256 应是清单文件的 64 位十六进制摘要(文字),而不是 12345',
      'checklist 的 file 应是清单文件的路径(文字,相对于评估文件),而不是 ["own.yaml"]',
    ]);
  });

  it('quotes a missing center code as empty, and reads a center without a name as an empty name', () => {
    expect(read(audit('  A-1: 是\n').replace('code: "999901", ', '')).problems.map((p) => [p.line, p.col, p.code, p.message])).toEqual([
      [3, 9, 'audit.center-code', '中心编码 "" 无效:应为 6 位(县级)或 9、12 位(乡镇)行政区划代码,并加引号写成字符串以保留前导 0'],
    ]);
    expect(read(audit('  A-1: 是\n').replace(', name: 示例市甲区综治中心', '')).audit!.center).toEqual({ code: '999901', name: '' });
  });

  it('quotes the wrong center code and the missing date in its message', () => {
    const r = read(audit('  A-1: 是\n').replace('"999901"', '"99990"').replace('date: "2026-11-20"\n', ''));
    expect(r.problems.map((p) => [p.line, p.col, p.code, p.message])).toEqual([
      [3, 17, 'audit.center-code', '中心编码 "99990" 无效:应为 6 位(县级)或 9、12 位(乡镇)行政区划代码,并加引号写成字符串以保留前导 0'],
      [1, 1, 'audit.date', '日期 "" 无效(应为 YYYY-MM-DD,如 2026-11-20)'],
    ]);
  });

  it('reads empty inspectors, mode, answers and findings as none, and a file without answers as no answers', () => {
    const empty = read(audit('', 'findings:\n').replace('inspectors: [张三, 李四]', 'inspectors:').replace('status: draft', 'status: draft\nmode:'));
    expect(empty.problems).toEqual([]);
    expect([empty.audit!.inspectors, empty.audit!.mode, empty.audit!.answers, empty.audit!.findings]).toEqual([[], undefined, {}, {}]);
    const none = read(audit('').replace('answers:\n', ''));
    expect(none.problems).toEqual([]);
    expect(none.audit!.answers).toEqual({});
  });

  it('leaves an item answered with nothing out of the answers', () => {
    const r = read(audit('  A-1: 是\n  A-2:\n  A-3: { value: null, note: 未查 }\n'));
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.audit!.answers)).toEqual(['A-1']);
  });

  it('names an unknown item without a near id as unknown, and an unknown key of a finding at the key', () => {
    expect(where(audit('  A-1: 是\n  QQQQQQ-999: 是\n'))).toEqual([[9, 3, 'audit.unknown-item']]);
    expect(where(audit('  A-1: 否\n', 'findings:\n  A-1: { owner: 县委政法委, ownr: 王五 }\n'))).toEqual([[10, 24, 'audit.unknown-key-near']]);
  });

  it('past the problems a file lists, still counts only the unknown ids', () => {
    const unknown = Array.from({ length: 105 }, (_, i) => `  Z-${i}: 是\n`).join('');
    const r = read(audit(`${unknown}  A-1: 是\n  A-2: 基本达到\n`));
    expect(r.problems).toHaveLength(101);
    expect(r.problems[100]).toMatchObject({ code: 'input.too-many-problems', file: 'a.audit.yaml' });
    expect(r.problems[100].message).toBe('此文件还有 5 个问题未列出(只列出前 100 个)');
    expect(r.problems[99]).toMatchObject({ code: 'audit.unknown-item', line: 107, col: 3 });
  });
});

describe('evidence recorded in an audit file', () => {
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

  it('hashes a file’s bytes, and places a recorded path relative to the audit file unless absolute', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'abc.txt'), 'abc');
    expect(fileSha256(join(dir, 'abc.txt'))).toBe(abc);
    expect(evidenceFile('/srv/audits/a.audit.yaml', 'photos/1.jpg')).toBe('/srv/audits/photos/1.jpg');
    expect(evidenceFile('/srv/audits/a.audit.yaml', '/data/1.jpg')).toBe('/data/1.jpg');
  });

  it('reads evidence with its sha256 in lower case, and warns at the path of a file missing or changed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'abc.txt'), 'abc');
    writeFileSync(join(dir, 'edited.txt'), 'abd');
    const file = join(dir, 'a.audit.yaml');
    writeFileSync(
      file,
      audit(`  A-1: { value: 是, evidence: [{ path: abc.txt, sha256: ${abc.toUpperCase()} }] }
  A-2: { value: 基本达到, evidence: [{ path: gone.txt, sha256: ${abc} }, { path: edited.txt, sha256: ${abc} }] }
  A-3: { value: [法院], evidence: }
`),
    );
    const r = readAuditFile(file, registry);
    expect(r.problems).toEqual([]);
    expect(r.audit!.answers['A-1']).toEqual({ value: true, na: false, evidence: [{ path: 'abc.txt', sha256: abc }] });
    expect(r.audit!.answers['A-3']).not.toHaveProperty('evidence');
    expect(r.warnings!.map((w) => [w.line, w.col, w.code, w.message])).toEqual([
      [9, 42, 'audit.evidence-missing', '佐证材料 gone.txt 找不到'],
      [9, 136, 'audit.evidence-changed', '佐证材料 edited.txt 在登记后被改动过(sha256 不一致)'],
    ]);
  });

  it('points at evidence that is not a list of path and sha256', () => {
    expect(where(audit(`  A-1: { value: 是, evidence: [{ path: a.jpg, sha256: ${abc} }, { path: b.jpg }] }\n`))).toEqual([[8, 30, 'audit.evidence']]);
  });
});

describe('writing an audit file', () => {
  it('writes what it reads back, answers in checklist order', () => {
    const checklist = resolveChecklist(methodsFile);
    const a = auditOf(checklist, {
      'B-1': { value: 1, deficiencies: ['9月台账缺失'] },
      'A-1': '是',
      'A-3': ['公安', '法院'],
      'B-2': { value: '不适用', note: '无回访任务' },
    }, { 'A-3': { owner: '县委政法委', deadline: '2026-12-31' } });
    const text = auditFileText(a, checklist);
    expect(text).toContain('  A-1: { value: 是 }\n  A-3: { value: [ 法院, 公安 ] }\n  B-1: { value: 1, deficiencies: [ 9月台账缺失 ] }');
    const back = read(text);
    expect(back.problems).toEqual([]);
    expect(back.audit!.answers).toEqual(a.answers);
    expect(back.audit!.findings).toEqual(a.findings);
  });

  it('keeps the recorded sha256 and checklist file, the mode and evidence, one flow mapping per line however long', () => {
    const checklist = resolveChecklist(methodsFile);
    const a = auditOf(checklist, { 'A-1': { value: '否', note: '门牌'.repeat(60) }, 'B-2': { value: '不适用', note: '无' } }, { 'A-1': { owner: '县委政法委', deadline: '2026-12-31' } });
    a.checklist = { id: 'methods', version: '1', sha256: 'ab'.repeat(32), file: 'own.yaml' };
    a.mode = '暗访';
    a.inspectors = ['张三', '李四'];
    a.answers['A-1'] = { ...a.answers['A-1'], evidence: [{ path: 'p/1.jpg', sha256: 'cd'.repeat(32) }] };
    expect(auditFileText(a, checklist)).toBe(`# 综治中心规范化建设评估记录(zongzhi audit 生成,可手工编辑)
format: 1
checklist: { id: methods, version: "1", sha256: ${'ab'.repeat(32)}, file: own.yaml }
center: { code: "999901", name: 示例市甲区综治中心 }
date: 2026-11-20
inspectors: [ 张三, 李四 ]
status: final
mode: 暗访
answers:
  A-1: { value: 否, note: ${'门牌'.repeat(60)}, evidence: [ { path: p/1.jpg, sha256: ${'cd'.repeat(32)} } ] }
  B-2: { value: 不适用, note: 无 }
findings:
  A-1: { owner: 县委政法委, deadline: 2026-12-31 }
`);
    // Without a recorded sha256 or file: the checklist's own, and no file.
    a.checklist = { id: 'methods', version: '1' } as typeof a.checklist;
    expect(auditFileText(a, checklist).split('\n')[2]).toBe(`checklist: { id: methods, version: "1", sha256: ${sha} }`);
  });
});
