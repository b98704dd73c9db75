import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadChecklistFile } from '../src/checklist/load.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { readAuditFile, readAuditText } from '../src/formats/audit-file.js';
import { cleanText, TEXT_LIMIT } from '../src/model/text.js';
import { collectNotices } from '../src/notices.js';
import { readTextFile, TEXT_FILE_LIMIT } from '../src/sources/text-file.js';
import { LINE_LIMIT, PROBLEMS_PER_FILE } from '../src/sources/yaml-doc.js';
import { ROOT, tempDir } from './helpers.js';

const methodsFile = join(ROOT, 'fixtures', 'scoring', 'methods.yaml');
const methodsText = readFileSync(methodsFile, 'utf8');
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function audit(answers: string, checklistSha = sha(methodsText)): string {
  return `format: 1
checklist: { id: methods, version: "1", sha256: ${checklistSha} }
center: { code: "999901", name: 示例市甲区综治中心 }
date: "2026-11-20"
answers:
${answers}`;
}

const placed = (problems: { code: string; line?: number; col?: number }[]) => problems.map((p) => [p.code, p.line, p.col]);

let notices: ReturnType<typeof collectNotices>;
beforeEach(() => {
  notices = collectNotices();
});
afterEach(() => {
  notices.length = 0;
});

describe('cleanText: the one rule for text entering the program', () => {
  it('turns line separators into newlines, removes what no XML file can hold, and composes to NFC', () => {
    expect(cleanText('甲\u000b乙\u2028丙\r\n丁\r戊')).toEqual({ text: '甲\n乙\n丙\n丁\n戊', removed: 0 });
    expect(cleanText('a\u0002b\u0003c\u0007d\ufffee\uffff\ufdd0\u0085\u{1fffe}')).toEqual({ text: 'abcde', removed: 8 });
    // A lone surrogate is removed; a pair (an astral CJK character) is kept whole.
    expect(cleanText('\ud800x\udc00𠀀𪚥')).toEqual({ text: 'x𠀀𪚥', removed: 2 });
    expect(cleanText('e\u0301\tf')).toEqual({ text: 'é\tf', removed: 0 });
  });
});

describe('text in YAML inputs', () => {
  const registry = new ChecklistRegistry([methodsFile]);

  it('cleans notes and findings, warning at the line and column of each cleaned text', () => {
    const r = readAuditText(
      audit(`  A-1: { value: 否, note: "门牌\\x02未挂\\vWord 换行\\uFFFE" }\n  A-2: 基本达到\nfindings:\n  A-1: { problem: "未挂牌\\x07" }\n`),
      'a.audit.yaml',
      registry,
    );
    expect(r.problems).toEqual([]);
    expect(r.audit!.answers['A-1'].note).toBe('门牌未挂 Word 换行');
    expect(r.audit!.findings['A-1'].problem).toBe('未挂牌');
    expect(notices.map((n) => [n.code, n.file, n.line, n.col])).toEqual([
      ['text.cleaned', 'a.audit.yaml', 6, 26],
      ['text.cleaned', 'a.audit.yaml', 9, 19],
    ]);
  });

  it('refuses a text over 32,767 characters at its place, never cutting it', () => {
    const r = readAuditText(audit(`  A-1: { value: 否, note: ${'长'.repeat(TEXT_LIMIT + 1)} }\n`), 'a.audit.yaml', registry);
    expect(placed(r.problems)).toEqual([['text.too-long', 6, 26]]);
    expect(r.problems[0].message).toContain(String(TEXT_LIMIT));
  });

  it('refuses a !!timestamp, which would shift the date by the time zone', () => {
    const r = readAuditText(audit('  A-1: 是\n').replace('date: "2026-11-20"', 'date: !!timestamp 2026-11-20T23:30:00+08:00'), 'a.audit.yaml', registry);
    expect(placed(r.problems)).toEqual([['yaml.timestamp', 4, 19]]);
  });

  it('refuses a file of 220,000 keys at the line past the limit, before parsing it', () => {
    const keys = Array.from({ length: 220_000 }, (_, i) => `  Z-${i}: 是\n`).join('');
    const r = readAuditText(audit(keys), 'huge.audit.yaml', registry);
    expect(r.problems.map((p) => p.code)).toEqual(['yaml.too-many-lines']);
    // Lines and commas count alike: the header's commas bring the line a little forward.
    expect(r.problems[0].line).toBeGreaterThan(LINE_LIMIT - 5);
    expect(r.problems[0].line).toBeLessThanOrEqual(LINE_LIMIT + 1);
  });

  it('refuses 200,000 entries on one line (flow style) the same way', () => {
    const flow = `  A-1: {value: 是, note: x}\nfindings: {${Array.from({ length: 200_000 }, () => 'A-1: {}').join(', ')}}\n`;
    const r = readAuditText(audit(flow), 'flow.audit.yaml', registry);
    expect(placed(r.problems)).toEqual([['yaml.too-many-lines', 7, 1]]);
  });

  it('finds duplicate keys in one pass, listing the first hundred and counting the rest', () => {
    const keys = Array.from({ length: 4_000 }, (_, i) => `  K-${i}: 是\n  K-${i}: 否\n`).join('');
    const r = readAuditText(audit(keys), 'big.audit.yaml', registry);
    expect(r.problems).toHaveLength(PROBLEMS_PER_FILE + 1);
    expect(placed(r.problems.slice(0, 2))).toEqual([
      ['yaml.duplicate-key', 7, 3],
      ['yaml.duplicate-key', 9, 3],
    ]);
    expect(r.problems[PROBLEMS_PER_FILE]).toMatchObject({ code: 'input.too-many-problems', file: 'big.audit.yaml' });
    expect(r.problems[PROBLEMS_PER_FILE].message).toContain(String(4_000 - PROBLEMS_PER_FILE));
  });

  it('lists thousands of unknown items as a hundred problems and a count', () => {
    const keys = Array.from({ length: 9_000 }, (_, i) => `  Z-${i}: 是\n`).join('');
    const r = readAuditText(audit(keys), 'many.audit.yaml', registry);
    expect(r.problems).toHaveLength(PROBLEMS_PER_FILE + 1);
    expect(r.problems[0]).toMatchObject({ code: 'audit.unknown-item-near', line: 6, col: 3 });
    expect(r.problems[PROBLEMS_PER_FILE].message).toContain(String(9_000 - PROBLEMS_PER_FILE));
  });
});

describe('text files: encodings, sizes, kinds', () => {
  it('reads a GBK checklist with a warning, and it is the same checklist as the UTF-8 one', () => {
    const dir = tempDir();
    const gbk = join(dir, 'methods-gbk.yaml');
    writeFileSync(gbk, Buffer.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', methodsFile])));
    const loaded = loadChecklistFile(gbk);
    expect(loaded.problems).toEqual([]);
    expect(loaded.checklist!.name).toBe('计分测试清单');
    expect(loaded.checklist!.sha256).toBe(loadChecklistFile(methodsFile).checklist!.sha256);
    expect(notices.map((n) => [n.code, n.file])).toEqual([['encoding.decoded', gbk]]);
    expect(notices[0].message).toContain('GB18030');
  });

  it('reads UTF-16 with a warning, and refuses bytes that are no known encoding, naming what to do', () => {
    const dir = tempDir();
    const utf16 = join(dir, 'utf16.yaml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(methodsText, 'utf16le')]));
    expect(loadChecklistFile(utf16).checklist!.name).toBe('计分测试清单');
    expect(notices[0].message).toContain('UTF-16LE');
    const junk = join(dir, 'junk.yaml');
    writeFileSync(junk, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x80, 0xff, 0xfe, 0x81]));
    expect(readTextFile(junk).problems.map((p) => [p.code, p.file])).toEqual([['encoding.unknown', junk]]);
    expect(readTextFile(junk).problems[0].message).toContain('UTF-8');
  });

  it('takes the checklist hash over the normalised text: a copy saved on Windows is the same, and audits recording the old byte hash still read', () => {
    const dir = tempDir();
    const windows = join(dir, 'methods.yaml');
    const bytes = Buffer.from(`\ufeff${methodsText.replace(/\n/g, '\r\n')}`, 'utf8');
    writeFileSync(windows, bytes);
    const loaded = loadChecklistFile(windows).checklist!;
    expect(loaded.sha256).toBe(sha(methodsText));
    const registry = new ChecklistRegistry([windows]);
    for (const recorded of [sha(methodsText), sha(bytes)]) {
      const file = join(dir, `${recorded.slice(0, 6)}.audit.yaml`);
      writeFileSync(file, audit('  A-1: 是\n', recorded));
      expect(readAuditFile(file, registry).problems).toEqual([]);
    }
  });

  it('refuses a FIFO (it would block forever) and a file over the size limit before reading them', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.audit.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readTextFile(fifo).problems.map((p) => p.code)).toEqual(['input.not-regular']);
    const big = join(dir, 'big.audit.yaml');
    writeFileSync(big, `note: ${'x'.repeat(TEXT_FILE_LIMIT)}\n`);
    const problems = readTextFile(big).problems;
    expect(problems.map((p) => [p.code, p.file])).toEqual([['input.too-large', big]]);
    expect(problems[0].message).toContain('16 MB');
  });
});
