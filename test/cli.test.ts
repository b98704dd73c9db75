import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

describe('CLI shell', () => {
  it('prints Chinese help by default and English with --lang en', async () => {
    const zh = await runCli(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法:');
    expect(zh.stdout).toContain('命令:');
    const en = await runCli(['--lang', 'en', '--help']);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('Commands:');
  });

  it('takes the language from ZONGZHI_LANG', async () => {
    const r = await runCli(['--help'], { env: { ZONGZHI_LANG: 'en' } });
    expect(r.stdout).toContain('Usage:');
  });

  it('exits 2 with a localized message for an unknown command or option', async () => {
    const cmd = await runCli(['frobnicate']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('未知命令 frobnicate');
    const opt = await runCli(['--lang', 'en', 'checklist', 'validate', '--bogus']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('unknown option --bogus');
    expect(opt.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the valid choices when an option value is not one of them', async () => {
    const r = await runCli(['score', 'x', '--blank', 'one']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('--blank 不能是 "one",可选:zero');
  });

  it('aligns help descriptions in columns for CJK text', async () => {
    const r = await runCli(['score', '--help']);
    const starts = r.stdout
      .split('\n')
      .filter((l) => /^ {2}-/.test(l) && /[\u4e00-\u9fff]/.test(l))
      .map((l) => /^(\s+\S.*?\S)\s{2,}(\S)/.exec(l)?.[0].length);
    expect(new Set(starts).size).toBe(1);
  });

  it('wraps help text within 80 columns by the Chinese line-breaking rules', async () => {
    const { displayWidth } = await import('../src/util/width.js');
    const r = await runCli(['score', '--help']);
    const lines = r.stdout.split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    // The long descriptions did wrap (commander alone wraps at spaces, which Chinese lacks).
    const skip = lines.findIndex((l) => l.includes('--skip-invalid'));
    expect(lines[skip + 1]).toMatch(/^\s{20,}\S/);
    for (const line of lines) expect(line, 'a continuation line starts with closing punctuation').not.toMatch(/^\s{20,}[,.;:)、,。;:)]/);
    expect(r.stdout).not.toMatch(/\(\.\n\s+json/);
  });

  it('prints the help on stdout and exits 0 for a bare zongzhi or a bare group command', async () => {
    for (const args of [[], ['ledger'], ['checklist']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('用法:');
      expect(r.stderr).toBe('');
    }
  });

  it('suggests the nearest command or option for a typo', async () => {
    expect((await runCli(['scor'])).stderr.trim()).toBe('未知命令 scor,是否想输入 score?可用命令见 zongzhi --help');
    expect((await runCli(['ledger', 'statsu', 'x.xlsx'])).stderr.trim()).toBe('未知命令 statsu,是否想输入 status?可用命令见 zongzhi --help');
    const opt = await runCli(['score', 'audits/', '--forse']);
    expect(opt.code).toBe(2);
    expect(opt.stderr.trim()).toBe('未知选项 --forse,是否想输入 --force?可用选项见 --help');
    expect((await runCli(['--lang', 'en', 'briefng'])).stderr.trim()).toBe('unknown command briefng; did you mean briefing? See zongzhi --help');
  });

  it('says which required option is missing, not that it "needs a value"', async () => {
    const r = await runCli(['template', '--layout', 'wide', '-o', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('缺少选项 --checklist <id|file>。用法见 --help');
  });

  it('--no-color turns colours off even where they are forced on', async () => {
    const forced = { NO_COLOR: '', FORCE_COLOR: '1' };
    expect((await runCli(['checklist', 'show', 'county'], { env: forced })).stdout).toContain('\x1b[');
    const plain = await runCli(['checklist', 'show', 'county', '--no-color'], { env: forced });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('INS-01');
    expect(plain.stdout).not.toContain('\x1b[');
  });

  it('lists the checklists as JSON', async () => {
    const r = await runCli(['checklist', 'list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list).toContainEqual(expect.objectContaining({ id: 'county', level: 'county', total: 100, items: 38, valid: true, source: 'shipped' }));
    expect(list.map((c: { id: string }) => c.id)).toContain('township');
  });

  it('prints the version from package.json', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
