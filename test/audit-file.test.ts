import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { auditFileText, readAuditText } from '../src/formats/audit-file.js';
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

  it('lists every problem of a file in one pass', () => {
    expect(read(audit('  A-1: 也许\n  A-2: 很好\n  Z-9: 是\n')).problems).toHaveLength(3);
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
});
