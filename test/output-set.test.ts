// Outputs of one command are committed together, and what killed runs left is cleaned
// up (issue 10, defects 8 and 10). CLI tests run the built binary: `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from './helpers.js';

const AUDITS = join(ROOT, 'fixtures/demo/audits');
const SMALL = join(ROOT, 'fixtures/ledger/audits');
const MINI = join(ROOT, 'fixtures/ledger/ledger-mini.yaml');
const temps = (dir: string) => readdirSync(dir).filter((f) => /\.tmp-\d+-\d+$/.test(f));

describe('an output set', () => {
  it('writes no output when a later one cannot be written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'a file where a folder is needed');
    const r = await runCli(['score', AUDITS, '-o', join(dir, 'a.json'), '-o', join(dir, 'a.md'), '-o', join(dir, 'blocker', 'r.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`无法写入 ${join(dir, 'blocker', 'r.xlsx')}:${join(dir, 'blocker')} 是一个文件,不是文件夹`);
    expect(readdirSync(dir)).toEqual(['blocker']);
  });

  it('refuses one path given twice before doing any work', async () => {
    const dir = tempDir();
    const r = await runCli(['score', AUDITS, '-o', join(dir, 'a.json'), '-o', join(dir, '.', 'a.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('给了不止一次');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes temp files of runs that are gone, keeps those of a live run', async () => {
    const dir = tempDir();
    const now = Date.now();
    const dead = `.r.json.tmp-${2 ** 22 + 4321}-${now}`;
    const old = `.r.xlsx.tmp-${process.pid}-${now - 25 * 3600_000}`;
    const live = `.other.json.tmp-${process.pid}-${now}`;
    const notOurs = '.notes.tmp-1-2';
    for (const f of [dead, old, live, notOurs]) writeFileSync(join(dir, f), 'left over');
    const r = await runCli(['score', AUDITS, '-o', join(dir, 'r.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([live, notOurs, 'r.json'].sort());
  });

  it('killed at any moment, leaves all outputs or none, and the next run removes its temp files', async () => {
    const root = tempDir();
    for (let i = 0; i < 8; i++) {
      const dir = join(root, String(i));
      mkdirSync(dir);
      const outs = [join(dir, 'results.json'), join(dir, 'report.xlsx')];
      const child = spawn(process.execPath, [BIN, 'score', SMALL, '--checklist', MINI, '-o', outs[0], '-o', outs[1]], { cwd: ROOT, stdio: 'ignore' });
      // Listened for from the start: a run that ends before the kill has closed already.
      const closed = new Promise((r) => child.on('close', r));
      // Killed while it writes: once its first temp file appears, plus a little more each run.
      while (temps(dir).length === 0 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, i * 60));
      child.kill('SIGKILL');
      await closed;
      const present = outs.filter((o) => existsSync(o)).length;
      expect(present === 0 || present === 2, `run ${i}: ${present} of 2 outputs`).toBe(true);
    }
    const left = readdirSync(root).flatMap((d) => temps(join(root, d)).map((f) => join(root, d, f)));
    expect(left.length, 'no run was killed while writing: the test saw nothing').toBeGreaterThan(0);
    // The next run into a folder removes what the killed one left.
    const dir = join(left[0], '..');
    const r = await runCli(['score', SMALL, '--checklist', MINI, '-o', join(dir, 'results.json'), '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(temps(dir)).toEqual([]);
  }, 180_000);

  // As root a read-only folder is still writable: run as nobody then (setpriv ships with util-linux, everywhere CI runs).
  const asRoot = process.getuid?.() === 0;
  it('says in words that a read-only folder cannot be written, exit 1', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const ro = join(dir, 'ro');
    mkdirSync(ro, { mode: 0o555 });
    chmodSync(ro, 0o555);
    const cmd = [BIN, 'score', AUDITS, '-o', join(ro, 'r.json')];
    const r = asRoot
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...cmd], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ZONGZHI_LANG: '' } })
      : spawnSync(process.execPath, cmd, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ZONGZHI_LANG: '' } });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`无法写入 ${join(ro, 'r.json')}:没有写入权限`);
    expect(r.stderr).not.toContain('EACCES');
  });
});

describe('renaming into place', () => {
  it('retries a file held open (EBUSY/EPERM/EACCES), then says to close it in Excel/WPS', async () => {
    vi.resetModules();
    const failures: string[] = [];
    vi.doMock('node:fs', async (importOriginal) => {
      const fs = await importOriginal<typeof import('node:fs')>();
      return {
        ...fs,
        renameSync: (from: string, to: string) => {
          const code = failures.shift();
          if (code) throw Object.assign(new Error(code), { code });
          fs.renameSync(from, to);
        },
      };
    });
    const { writeFileAtomic } = await import('../src/util/fs.js');
    const dir = tempDir();
    failures.push('EBUSY', 'EPERM', 'EACCES');
    writeFileAtomic(join(dir, 'a.json'), '{}');
    expect(existsSync(join(dir, 'a.json'))).toBe(true);

    failures.push(...Array(5).fill('EPERM'));
    expect(() => writeFileAtomic(join(dir, 'a.json'), '[]', { force: true })).toThrow('无法替换 ' + join(dir, 'a.json') + ':该文件可能正在 Excel 或 WPS 中打开,请关闭后重试');
    expect(temps(dir)).toEqual([]);
    vi.doUnmock('node:fs');
  });
});
