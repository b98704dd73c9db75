// Concurrent merges into one ledger (issue 10, defect 2): every unit's update is kept or
// the merge that would lose it is refused. CLI tests run the built binary: `npm run build` first.
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { editCopy } from '../fixtures/ledger/builders.js';
import { LEDGER_IDS, MINI, miniLedger } from '../fixtures/hostile/make.js';
import { readLedger } from '../src/formats/ledger-workbook.js';
import { UserError } from '../src/errors.js';
import { BIN, ROOT, runCli, tempDir } from './helpers.js';

/** The ledger path a test's mocked writer saves over behind the merge's back (the "someone saved it in Excel" moment). */
const meddle = vi.hoisted(() => ({ path: '' }));

vi.mock('../src/formats/ledger-workbook.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/formats/ledger-workbook.js')>();
  return {
    ...original,
    writeLedger: async (...args: Parameters<typeof original.writeLedger>) => {
      await original.writeLedger(...args);
      if (meddle.path) appendFileSync(meddle.path, ' ');
    },
  };
});

function mergeCli(ledger: string, copy: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ledger', 'merge', ledger, copy, '-o', ledger, '--force', '--checklist', MINI], { cwd: ROOT, env: { ...process.env, ZONGZHI_LANG: '' } });
    child.stderr.setEncoding('utf8');
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('two merges into one ledger at once', () => {
  let dir: string;
  let base: string;
  let copyA: string;
  let copyB: string;

  beforeAll(async () => {
    dir = tempDir();
    base = await miniLedger(dir, 'base.xlsx');
    copyA = join(dir, '甲区.xlsx');
    copyB = join(dir, '青石镇.xlsx');
    await editCopy(base, copyA, { set: { [LEDGER_IDS.ins01]: { 整改状态: '整改中', 整改进展: '甲区:场所已落实' } } });
    await editCopy(base, copyB, { set: { [LEDGER_IDS.town]: { 整改状态: '整改中', 整改进展: '青石镇:台账补建中' } } });
  });

  it('keep every update or refuse the merge that would lose one (20 pairs)', async () => {
    const outcomes = { both: 0, refused: 0 };
    for (let pair = 0; pair < 20; pair++) {
      const ledger = join(dir, `ledger-${pair}.xlsx`);
      copyFileSync(base, ledger);
      const [a, b] = await Promise.all([mergeCli(ledger, copyA), mergeCli(ledger, copyB)]);
      const rows = await readLedger(ledger);
      const progress = (id: string) => rows.find((r) => r.id === id)!.progress;
      for (const [run, id, text] of [[a, LEDGER_IDS.ins01, '甲区:场所已落实'], [b, LEDGER_IDS.town, '青石镇:台账补建中']] as const) {
        if (run.code === 0) expect(progress(id), `pair ${pair}: an update that exited 0 was lost`).toBe(text);
        else {
          expect(run.code, run.stderr).toBe(1);
          expect(run.stderr).toMatch(/正在被另一次合并使用|台账已被更新,请重新合并/);
        }
      }
      expect(a.code === 0 || b.code === 0, `pair ${pair}: both refused\n${a.stderr}\n${b.stderr}`).toBe(true);
      if (a.code === 0 && b.code === 0) outcomes.both++;
      else outcomes.refused++;
      expect(existsSync(`${ledger}.lock`), 'the lock outlived the merges').toBe(false);
    }
    expect(outcomes.both + outcomes.refused).toBe(20);
  }, 300_000);

  it('refuses a merge whose holder is alive, naming it, and takes over a lock whose process is gone', async () => {
    const ledger = join(dir, 'held.xlsx');
    copyFileSync(base, ledger);
    const { hostname } = await import('node:os');
    const holder = (pid: number) => JSON.stringify({ pid, host: hostname(), user: '李四', since: '2026-11-30T08:00:00.000Z' });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${ledger}.lock`, holder(process.pid));
    const held = await runCli(['ledger', 'merge', ledger, copyA, '-o', ledger, '--force', '--checklist', MINI]);
    expect(held.code).toBe(1);
    expect(held.stderr).toContain(`正在被另一次合并使用(李四@${hostname()},进程 ${process.pid}`);
    expect(readFileSync(ledger)).toEqual(readFileSync(base));

    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    writeFileSync(`${ledger}.lock`, holder(dead));
    const taken = await runCli(['ledger', 'merge', ledger, copyA, '-o', ledger, '--force', '--checklist', MINI]);
    expect(taken.code, taken.stderr).toBe(0);
    expect((await readLedger(ledger)).find((r) => r.id === LEDGER_IDS.ins01)!.progress).toBe('甲区:场所已落实');
    expect(existsSync(`${ledger}.lock`)).toBe(false);
  });

  it('refuses a build over a ledger that a merge holds, leaving the ledger as it was', async () => {
    const ledger = join(dir, 'rebuilt.xlsx');
    copyFileSync(base, ledger);
    const { hostname } = await import('node:os');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${ledger}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), user: '李四', since: '2026-11-30T08:00:00.000Z' }));
    const held = await runCli(['ledger', 'build', 'fixtures/demo/audits', '-o', ledger, '--force']);
    expect(held.code, held.stderr).toBe(1);
    expect(held.stderr).toContain(`正在被另一次合并使用(李四@${hostname()},进程 ${process.pid}`);
    expect(held.stderr).toContain('请等合并结束后再生成');
    expect(readFileSync(ledger)).toEqual(readFileSync(base));
    // The holder's lock is theirs: the refused build leaves it in place.
    expect(existsSync(`${ledger}.lock`)).toBe(true);
    rmSync(`${ledger}.lock`);
  });

  it('refuses to write when the ledger’s bytes changed after it was read, leaving the other save in place', async () => {
    const ledger = join(dir, 'saved-meanwhile.xlsx');
    copyFileSync(base, ledger);
    meddle.path = ledger;
    try {
      const run = (await import('../src/commands/ledger-merge.js')).default;
      const refused = run(ledger, [copyA], { output: ledger, force: true, checklist: [MINI] });
      await expect(refused).rejects.toThrow(UserError);
      await expect(refused).rejects.toThrow('台账已被更新,请重新合并');
    } finally {
      meddle.path = '';
    }
    // What is there is the other program's save (the base plus its byte), not the merge.
    expect(readFileSync(ledger)).toEqual(Buffer.concat([readFileSync(base), Buffer.from(' ')]));
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.endsWith('.lock'))).toEqual([]);
  });
});
