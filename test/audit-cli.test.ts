import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../src/audit/walk.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { readAuditFile } from '../src/formats/audit-file.js';
import { ScriptedPrompter } from '../src/prompts/scripted.js';
import { ROOT, runCli, tempDir } from './helpers.js';

// These run the built binary and modules: `npm run build` first.
const FIXTURE = 'fixtures/audit/short.yaml';

describe('zongzhi audit without a terminal', () => {
  it('never prompts: it says what to use instead and exits 2', async () => {
    const out = tempDir();
    const r = await runCli(['audit', '--checklist', FIXTURE, '--out', out], { input: '999901\n' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('当前标准输入不是终端');
    expect(r.stderr).toContain('zongzhi score <评估文件>');
    expect(r.stderr).toContain('zongzhi template');
    expect(existsSync(join(out, 'audits'))).toBe(false);

    const en = await runCli(['--lang', 'en', 'audit']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('stdin is not one');
  });
});

describe('what zongzhi audit writes, zongzhi score reads', () => {
  it('scores the finished audit file to the same result as the results file beside it', async () => {
    const out = tempDir();
    const steps = [
      { input: '999901' }, { input: '2026-11-20' }, { input: '示例市甲区综治中心' }, { input: '张三' }, { select: '明察' },
      { select: '是' },
      { select: '基本达到' }, { select: '确认' },
      { checkbox: ['法院', '检察院'] }, { select: '确认' },
      { input: '1' }, { input: '10月台账缺失' }, { select: '确认' },
      { input: '85' }, { select: '确认' },
      { input: '不适用' }, { input: '本级无此项' },
      { select: '是' },
      { select: '是' },
      { select: '确认完成' },
    ];
    await runAudit({ checklist: FIXTURE, checklistGiven: true, out }, new ScriptedPrompter(steps));
    const file = join(out, '2026-11-20-999901-short.audit.yaml');
    const r = await runCli(['score', file, '--checklist', FIXTURE, '--json']);
    expect(r.stderr).toBe('');
    const [scored] = JSON.parse(r.stdout);
    const [written] = JSON.parse(readFileSync(file.replace('.audit.yaml', '.json'), 'utf8'));
    expect(scored).toEqual({ ...written });
    expect(scored).toMatchObject({ status: 'final', mode: '明察', total: 71.7 });
  });
});

describe('the draft under kill -9', () => {
  // A child rewrites the draft as fast as it can, through the same save the walk uses,
  // with answers and notes of changing length; it is killed at a random moment.
  const child = (file: string) => `
    import { resolveChecklist } from ${JSON.stringify(join(ROOT, 'dist/checklist/load.js'))};
    import { readAnswer } from ${JSON.stringify(join(ROOT, 'dist/model/answers.js'))};
    import { newSession, saveDraft } from ${JSON.stringify(join(ROOT, 'dist/audit/session.js'))};
    const checklist = resolveChecklist(${JSON.stringify(join(ROOT, FIXTURE))});
    const raw = { 'INS-01': '是', 'INS-02': '基本达到', 'INS-03': ['法院', '公安'], 'MEC-01': 2, 'MEC-02': 88, 'MEC-03': 7.5, 'MEC-04': '否', 'BON-01': '是' };
    const audit = { source: '', checklist: { id: checklist.id, version: checklist.version, sha256: checklist.sha256 },
      center: { code: '999901', name: '示例市甲区综治中心' }, date: '2026-11-20', inspectors: ['张三'], status: 'draft', answers: {}, findings: {} };
    const s = newSession(checklist, audit, ${JSON.stringify(file)});
    for (let i = 0; ; i++) {
      const { item } = s.items[i % s.items.length];
      const read = readAnswer(item, { value: raw[item.id], note: '备注'.repeat(i % 700) || undefined });
      s.audit.answers[item.id] = read.answer;
      saveDraft(s);
      if (i === 0) process.stdout.write('saving\\n');
    }`;

  it('always leaves a draft that loads', async () => {
    const dir = tempDir();
    const file = join(dir, 'draft.audit.yaml');
    const registry = new ChecklistRegistry([FIXTURE]);
    for (let round = 0; round < 12; round++) {
      const proc = spawn(process.execPath, ['--input-type=module', '-e', child(file)], { stdio: ['ignore', 'pipe', 'inherit'] });
      const started = await new Promise((resolve) => {
        proc.stdout.once('data', () => resolve(true));
        proc.once('exit', () => resolve(false));
      });
      expect(started, 'the saving child died before its first save (is dist/ built?)').toBe(true);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 80));
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      expect(await exited).toBeNull();
      const read = readAuditFile(file, registry);
      expect(read.problems).toEqual([]);
      expect(Object.keys(read.audit!.answers).length).toBeGreaterThan(0);
    }
  });
});
