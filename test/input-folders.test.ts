import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const AUDITS = join(ROOT, 'fixtures', 'demo', 'audits', '2026-11');

/** A folder as people keep them: two audits (one behind a link), other formats, a checklist, a loop. */
function messyFolder(): { dir: string; first: string; linked: string } {
  const dir = tempDir();
  const [first, second] = execFileSync('ls', [AUDITS]).toString().trim().split('\n');
  copyFileSync(join(AUDITS, first), join(dir, first));
  const elsewhere = tempDir();
  copyFileSync(join(AUDITS, second), join(elsewhere, second));
  symlinkSync(elsewhere, join(dir, 'linked'));
  symlinkSync(dir, join(dir, 'loop'));
  writeFileSync(join(dir, '甲区.xls'), 'legacy');
  writeFileSync(join(dir, '名单.csv'), '编码,名称\n');
  writeFileSync(join(dir, '说明.txt'), '请按时填报');
  mkdirSync(join(dir, 'checklists'));
  copyFileSync(join(ROOT, 'checklists', 'county.yaml'), join(dir, 'checklists', 'county.yaml'));
  return { dir, first, linked: second };
}

describe('input folders: every file read or named', () => {
  it('names each spreadsheet it cannot read with how to convert it, and fails without --skip-invalid', async () => {
    const { dir } = messyFolder();
    const r = await runCli(['score', dir, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, '甲区.xls')}: 不能读取 .xls 文件`);
    expect(r.stderr).toContain(`${join(dir, '名单.csv')}: 不能读取 .csv 文件`);
    expect(r.stderr).toContain('另存为');
    expect(r.stdout).toBe('');
  });

  it('with --skip-invalid scores the audits, the one behind a link included, warns about the rest, and ends despite the loop', async () => {
    const { dir, first, linked } = messyFolder();
    const r = await runCli(['score', dir, '--json', '--skip-invalid']);
    expect(r.code).toBe(0);
    const codes = (JSON.parse(r.stdout) as { center: { code: string } }[]).map((x) => x.center.code).sort();
    // File names are <date>-<center code>-<checklist>.audit.yaml.
    expect(codes).toEqual([first, linked].map((f) => f.split('-')[3]).sort());
    expect(r.stderr).toContain(`${join(dir, '说明.txt')}: 警告:不是输入文件`);
    expect(r.stderr).toContain(`${join(dir, 'checklists', 'county.yaml')}: 警告:这是检查清单`);
    expect(r.stderr).not.toMatch(/county\.yaml:\d+:\d+/);
  });

  it('refuses a FIFO among the inputs instead of waiting on it forever', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.audit.yaml')]);
    const r = await runCli(['score', join(dir, 'pipe.audit.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是普通文件');
  });

  it('checks --centers even when no workbook is written', async () => {
    const r = await runCli(['score', AUDITS, '--json', '--centers', join(tempDir(), 'missing.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing.csv');
    expect(r.stdout).toBe('');
  });

  it('says what a file given as a ledger is, instead of calling it a renamed workbook', async () => {
    const audit = join(AUDITS, execFileSync('ls', [AUDITS]).toString().trim().split('\n')[0]);
    const r = await runCli(['ledger', 'status', audit]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('是评估记录、检查清单或结果');
    expect(r.stderr).not.toContain('扩展名');
  });
});
