import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editCopy, MINI } from '../fixtures/ledger/builders.js';
import { readLedger } from '../src/formats/ledger-workbook.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const AUDITS = join(ROOT, 'fixtures/ledger/audits');
const CENTERS = join(ROOT, 'fixtures/demo/centers.csv');
let dir: string;
let ledger: string;

beforeAll(async () => {
  dir = tempDir();
  ledger = join(dir, 'ledger.xlsx');
  const b = await runCli(['ledger', 'build', AUDITS, '--checklist', MINI, '--centers', CENTERS, '-o', ledger]);
  expect(b.code).toBe(0);
});

describe('ledger split', () => {
  it('writes one copy per county, named and holding only its rows, that merge takes back', async () => {
    const out = join(dir, 'by-county');
    const r = await runCli(['ledger', 'split', ledger, '--by', 'county', '-o', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['999901-甲区.xlsx', '999902-乙区.xlsx', '999903-丙县.xlsx']);
    const all = await readLedger(ledger);
    const jia = await readLedger(join(out, '999901-甲区.xlsx'));
    expect(jia).toEqual(all.filter((row) => row.centerCode.startsWith('999901')));
    // The county column shows the county's name, never a center's.
    expect(new Set(all.map((row) => row.county))).toEqual(new Set(['甲区', '乙区', '丙县']));

    // 甲区 sends its copy back with one row in progress; the other copies come back untouched.
    const id = jia[0].id;
    await editCopy(join(out, '999901-甲区.xlsx'), join(dir, '甲区-回收.xlsx'), { set: { [id]: { 整改状态: '整改中', 整改进展: '已落实场所' } } });
    const merged = join(dir, 'merged.xlsx');
    const m = await runCli(['ledger', 'merge', ledger, join(dir, '甲区-回收.xlsx'), join(out, '999902-乙区.xlsx'), join(out, '999903-丙县.xlsx'), '-o', merged]);
    expect(m.stderr).not.toContain('交回时没有');
    expect(m.code).toBe(0);
    expect(m.stdout.trim().split('\n')).toEqual([
      `${join(dir, '甲区-回收.xlsx')}:${id} 整改状态:"未整改" → "整改中"`,
      `${join(dir, '甲区-回收.xlsx')}:${id} 整改进展:"" → "已落实场所"`,
    ]);
  });

  it('writes one copy per responsible unit; every row reaches its units', async () => {
    const out = join(dir, 'by-owner');
    const r = await runCli(['ledger', 'split', ledger, '--by', 'owner', '-o', out]);
    expect(r.code).toBe(0);
    const all = await readLedger(ledger);
    const owners = [...new Set(all.map((row) => row.owner))].sort();
    expect(readdirSync(out).sort()).toEqual(owners.map((o) => `${o}.xlsx`).sort());
    for (const owner of owners) {
      expect((await readLedger(join(out, `${owner}.xlsx`))).map((row) => row.id)).toEqual(all.filter((row) => row.owner === owner).map((row) => row.id));
    }
  });

  it('refuses to overwrite existing copies without --force, and writes none', async () => {
    const out = join(dir, 'again');
    expect((await runCli(['ledger', 'split', ledger, '--by', 'county', '-o', out])).code).toBe(0);
    const again = await runCli(['ledger', 'split', ledger, '--by', 'county', '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('999901-甲区.xlsx');
    expect((await runCli(['ledger', 'split', ledger, '--by', 'county', '-o', out, '--force'])).code).toBe(0);
  });

  it('needs --by county or owner (usage error)', async () => {
    const r = await runCli(['ledger', 'split', ledger, '--by', 'center', '-o', join(dir, 'x')]);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});

describe('ledger status --centers', () => {
  it('names each county from the registry, over the name its county center’s audit carries', async () => {
    const bare = join(dir, 'bare.xlsx');
    expect((await runCli(['ledger', 'build', join(AUDITS, '2026-10-15-999902.audit.yaml'), '--checklist', MINI, '-o', bare])).code).toBe(0);
    const plain = await runCli(['ledger', 'status', bare, '--as-of', '2026-11-01']);
    expect(plain.stdout).toMatch(/│ 示例市乙县\s+│/);
    const named = await runCli(['ledger', 'status', bare, '--as-of', '2026-11-01', '--centers', CENTERS]);
    expect(named.stdout).toMatch(/│ 乙区\s+│/);
  });
});
