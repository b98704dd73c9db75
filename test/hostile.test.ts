// The standing hostile corpus (fixtures/hostile/cases.ts): every case runs the built
// binary (`npm run build` first) and must end with its expected exit code and message,
// never with exit 3 or a stack trace, and within bounded memory.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASES, type HostileCase } from '../fixtures/hostile/cases.js';
import { catalog } from '../src/i18n/catalog/index.js';
import { BIN, ROOT, tempDir } from './helpers.js';

const MEASURE = join(ROOT, 'fixtures/hostile/measure.mjs');
/** Peak resident memory any case may use (issue 10: ≤ 500 MB). */
const PEAK_RSS_KIB = 500 * 1024;
/** A hang guard, not a benchmark: a case still running after this is killed and fails. */
const HANG_MS = 60_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  peakKiB?: number;
}

/** Runs one case the way a user would, with its peak RSS recorded by the preloaded measure.mjs. */
function runCase(c: HostileCase, args: string[], cwd: string): Promise<Run> {
  const rssFile = join(cwd, '.peak-rss');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', MEASURE, BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ZONGZHI_LANG: '', ZONGZHI_PEAK_RSS_FILE: rssFile },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      // A reader that stops after the first chunk, as `| head -1` does.
      if (c.closeStdout) child.stdout.destroy();
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const peakKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
      resolve({ code, signal, stdout, stderr, peakKiB });
    });
    child.stdin.end(c.stdin ?? '');
  });
}

/** A message of the catalog as a pattern: its Chinese text with every {param} free. */
function messagePattern(code: string): RegExp {
  const entry = catalog[code];
  if (!entry) throw new Error(`no catalog entry ${code}`);
  const parts = entry.zh.split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[\\s\\S]*?'));
}

const STACK_LINE = /^\s+at .+[:(]\d+:\d+\)?$|node:internal|Error: .*\n\s+at /m;

describe('hostile corpus', () => {
  it('has at least 80 cases with unique names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  describe.concurrent.each(CASES)('$area: $name', (c) => {
    it(`${c.what} → exit ${c.exit}${c.code ? `, ${c.code}` : ''}`, async () => {
      const dir = tempDir('zongzhi-hostile-');
      const args = await c.setup(dir);
      const run = await runCase(c, args, dir);
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.signal, `killed after ${HANG_MS} ms (hang) or by the system`).toBeNull();
      expect(run.code, run.stderr).not.toBe(3);
      expect(output).not.toMatch(STACK_LINE);
      expect(run.code, run.stderr).toBe(c.exit);
      if (c.code) expect(output).toMatch(messagePattern(c.code));
      if (c.quiet) expect(run.stderr).toBe('');
      expect(run.peakKiB, 'peak RSS was not recorded').toBeDefined();
      expect(run.peakKiB!).toBeLessThanOrEqual(PEAK_RSS_KIB);
      await c.after?.(dir, run);
    });
  });
});
