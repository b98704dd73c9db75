import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from './helpers.js';

/** The demo city (fixtures/demo, made by scripts/make-demo.ts): what the README tells people to try must work. */
describe('demo data', () => {
  it('scores every demo audit without a problem', async () => {
    const r = await runCli(['score', 'fixtures/demo/audits', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results).toHaveLength(63);
    const months = new Set(results.map((x: { date: string }) => x.date.slice(0, 7)));
    expect([...months].sort()).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(results.some((x: { veto: string[] }) => x.veto.length)).toBe(true);
    expect(results.some((x: { items: { na: boolean }[] }) => x.items.some((i) => i.na))).toBe(true);
  });

  it('gives the November briefing with the registry and the ledger', async () => {
    // The overdue sheet runs to hundreds of rows: the workbook streams, notes and all.
    const out = join(tempDir(), 'briefing');
    const r = await runCli(['briefing', '--month', '2026-11', 'fixtures/demo/audits', '--centers', 'fixtures/demo/centers.csv', '--ledger', 'fixtures/demo/ledger.xlsx', '--as-of', '2026-12-05', '-o', `${out}.xlsx`, '-o', `${out}.md`]);
    expect(r.stderr).not.toMatch(/内部错误/);
    expect(r.code).toBe(0);
    expect(existsSync(`${out}.xlsx`) && existsSync(`${out}.md`)).toBe(true);
    expect(r.stdout).toContain('2026年11月共评估综治中心 20 个(应评 22 个)');
    expect(r.stdout).toMatch(/│ 999902103 │ 枫林镇综治中心/);
    expect(r.stdout).toMatch(/│ 甲区\s+│\s+\d+ │/);
  });
});
