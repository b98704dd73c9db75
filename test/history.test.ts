import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

// The demo's 甲区 (999901): audited 2026-09-08, 10-11 and 11-14; its ledger merged the units' copies and 回头看.
const DEMO = ['fixtures/demo/audits', '--ledger', 'fixtures/demo/ledger.xlsx'];

describe('zongzhi history', () => {
  it('lists every audit of the center in date order, the changes between them, and its findings with their ledger state', async () => {
    const dir = tempDir();
    const json = join(dir, '甲区.json');
    const r = await runCli(['history', '999901', ...DEMO, '-o', json, '-o', join(dir, '甲区.md'), '-o', join(dir, '甲区.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    const h = JSON.parse(readFileSync(json, 'utf8'));
    expect(h.center).toEqual({ code: '999901', name: '甲区综治中心' });
    expect(h.audits.map((a: { date: string; total: number; change: number | null }) => [a.date, a.total, a.change])).toEqual([
      ['2026-09-08', 93.3, null],
      ['2026-10-11', 93.3, 0],
      ['2026-11-14', 99.5, 6.2],
    ]);
    expect(h.audits[2]).toMatchObject({ status: 'final', grade: '优秀', checklist: { id: 'county', version: '2025.1' } });
    // What the November audit put right, dimension by dimension.
    expect(h.changes[1]).toMatchObject({ from: '2026-10-11', to: '2026-11-14', recovered: ['MEC-08', 'MEC-09', 'STA-01'], newlyLost: [] });
    // Exact, like the dimension figures it is the difference of (the JSON rounds nothing).
    expect(h.changes[1].dimensions.find((d: { id: string }) => d.id === 'mechanism').change).toBe(2.25);
    // Findings carry the ledger's status and its 回头看 remarks.
    const mec08 = h.findings.find((f: { id: string }) => f.id === '999901-20260908-MEC-08');
    expect(mec08).toMatchObject({ status: '已销号', closedOn: '2026-11-28', inLedger: true });
    expect(mec08.note).toContain('回头看(2026-11-14)');
    expect(h.findings.map((f: { date: string }) => f.date)).toEqual([...h.findings.map((f: { date: string }) => f.date)].sort());

    const md = readFileSync(join(dir, '甲区.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# 甲区综治中心(999901)评估历史');
    expect(md).toContain('共评估 3 次(2026-09-08 至 2026-11-14),总分 93.3 → 99.5,等次 优秀 → 优秀');
    expect(md).toMatch(/\| 2026-11-14 \| 定稿 +\| county 2025\.1 \| 99\.5 \| +\+6\.2 \| 优秀 \|/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, '甲区.xlsx'));
    const audits = book.worksheets.find((w) => w.name === '历次评估')!;
    const totals: unknown[] = [];
    audits.eachRow((row) => totals.push(row.getCell(4).value));
    expect(totals).toContain(99.5);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['历次评估', '两次评估之间的变化', '问题与整改(含回头看)']));
  });

  it('prints the same tables on the terminal without -o', async () => {
    const r = await runCli(['history', '999901', ...DEMO]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('甲区综治中心(999901)评估历史');
    expect(r.stdout).toMatch(/│ 2026-11-14 │ 定稿 │ county 2025\.1 │ 99\.5 │ +\+6\.2 │ 优秀 │/);
  });

  it('says so when no input is an audit of that center, and refuses a bad code or output', async () => {
    const none = await runCli(['history', '999999', 'fixtures/demo/audits']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('中没有中心 999999 的评估');
    const code = await runCli(['history', '12345', 'fixtures/demo/audits']);
    expect(code.code).toBe(2);
    expect(code.stderr).toContain('"12345" 不是有效的中心编码');
    const out = join(tempDir(), 'h.csv');
    const bad = await runCli(['history', '999901', 'fixtures/demo/audits', '-o', out]);
    expect(bad.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to overwrite an output without --force', async () => {
    const out = join(tempDir(), 'h.md');
    expect((await runCli(['history', '999901', 'fixtures/demo/audits', '-o', out])).code).toBe(0);
    const again = await runCli(['history', '999901', 'fixtures/demo/audits', '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在');
  });
});
