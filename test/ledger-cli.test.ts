// CLI tests run the built binary: `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { editCopy, MINI } from '../fixtures/ledger/builders.js';
import buildCommand from '../src/commands/ledger-build.js';
import { loadLedger, readLedger, writeLedger } from '../src/formats/ledger-workbook.js';
import type { LedgerRow } from '../src/ledger/model.js';
import { BIN, ROOT, runCli, tempDir } from './helpers.js';

const AUDITS = join(ROOT, 'fixtures/ledger/audits');
const LATER = join(ROOT, 'fixtures/ledger/audits-later');
const LO = join(ROOT, 'fixtures/ledger/libreoffice');
const HEADERS = ['序号', '问题编号', '中心编码', '中心名称', '所属县(市、区)', '规范化类别', '评分项', '问题描述', '扣分', '整改措施', '责任单位', '责任人', '整改时限', '整改状态', '整改进展', '销号日期', '核验人', '备注', '复查'];

const INS01 = '999901-20261010-INS-01';
const MEC01A = '999901-20261010-MEC-01-1';
const MEC01B = '999901-20261010-MEC-01-2';
const TOWN = '999903-20261012-MEC-02';

async function build(dir: string, name = 'ledger.xlsx', extra: string[] = []): Promise<string> {
  const path = join(dir, name);
  const r = await runCli(['ledger', 'build', AUDITS, '-o', path, '--checklist', MINI, ...extra]);
  expect(r.stderr).toContain('6 个问题');
  expect(r.code).toBe(0);
  return path;
}

function merge(ledger: string, updates: string[], out: string, extra: string[] = []) {
  return runCli(['ledger', 'merge', ledger, ...updates, '-o', out, '--checklist', MINI, ...extra]);
}

async function workbook(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const byId = (rows: LedgerRow[], id: string) => rows.find((r) => r.id === id)!;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('ledger build', () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = tempDir();
    path = await build(dir);
  });

  it('writes the columns DESIGN.md fixes, under a title, one row per finding', async () => {
    const ws = (await workbook(path)).getWorksheet('整改台账')!;
    // Printed in two parts (问题 | 整改), the title heads each part's own columns, after the repeated 序号 and 问题编号.
    expect(ws.getCell('C1').value).toBe('综治中心规范化建设问题整改台账');
    expect(ws.getCell('J1').value).toBe('综治中心规范化建设问题整改台账');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.rowCount).toBe(3 + 6);
    expect(ws.getCell('B4').value).toBe(INS01);
  });

  it('keeps codes as text, dates as date cells, and 整改状态 as a dropdown including 反弹', async () => {
    const ws = (await workbook(path)).getWorksheet('整改台账')!;
    expect(ws.getCell('C4').value).toBe('999901');
    expect(ws.getCell('C4').numFmt).toBe('@');
    expect(ws.getCell('M4').value).toEqual(new Date(Date.UTC(2026, 10, 9)));
    expect(ws.getCell('M4').numFmt).toBe('yyyy-mm-dd');
    const validation = ws.getCell('N9').dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"未整改,整改中,已整改,已销号,反弹"'] });
  });

  it('is printable: A4 landscape at 9 pt or more, title and header repeated on each page, frozen header and autofilter', async () => {
    const ws = (await workbook(path)).getWorksheet('整改台账')!;
    // Two pages across (what was found | what is done), 序号 and 问题编号 on both, page pairs in order.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:3', printTitlesColumn: 'A:B', fitToPage: false, pageOrder: 'overThenDown' });
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(90);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(String(ws.autoFilter)).toMatch(/^A3:S9$/);
  });

  it('names the county when given a registry', async () => {
    // Called in-process: the CLI does not declare --centers for ledger build yet.
    const named = join(dir, 'named.xlsx');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await buildCommand([AUDITS], { output: named, checklist: [MINI], centers: join(ROOT, 'fixtures/demo/centers.csv') });
    stderr.mockRestore();
    const rows = await readLedger(named);
    expect(byId(rows, TOWN).county).toBe('丙县');
    expect(byId(rows, '999902-20261015-MEC-03').county).toBe('乙区');
  });

  it('keeps each row’s 问题编号 and fingerprint on a very hidden sheet', async () => {
    const wb = await workbook(path);
    const prints = wb.getWorksheet('_zongzhi_ledger')!;
    expect(prints.state).toBe('veryHidden');
    expect(prints.getCell('A2').value).toBe(INS01);
    expect(String(prints.getCell('B2').value)).toMatch(/^v1:([0-9a-f]{8}\.){17}[0-9a-f]{8}$/);
  });

  it('refuses to overwrite an existing ledger without --force', async () => {
    const before = sha(path);
    const r = await runCli(['ledger', 'build', AUDITS, '-o', path, '--checklist', MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('已存在');
    expect(sha(path)).toBe(before);
    expect((await runCli(['ledger', 'build', AUDITS, '-o', path, '--checklist', MINI, '--force'])).code).toBe(0);
  });
});

describe('ledger merge', () => {
  it('round-trips: a unit’s reordered, trimmed copy with an extra column merges, absent rows untouched, changes recorded', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    const copy = join(dir, '甲区.xlsx');
    await editCopy(ledger, copy, {
      reverse: true,
      remove: [TOWN],
      extraColumn: '联系电话',
      set: {
        [INS01]: { 整改状态: '整改中', 整改进展: '场所已落实' },
        [MEC01A]: { 整改状态: '已销号', 销号日期: new Date(Date.UTC(2026, 10, 20)), 核验人: '赵六' },
        [MEC01B]: { 整改时限: 46371, 备注: '经县委政法委批准延期至2026-12-15' },
      },
    });
    const out = join(dir, 'merged.xlsx');
    const r = await merge(ledger, [copy], out);
    expect(r.stderr).toContain('合并完成');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`甲区.xlsx:${INS01} 整改状态:"未整改" → "整改中"`);
    expect(r.stderr).toContain(`${copy}: 副本下发时有、交回时没有的 1 个问题:${TOWN};这些问题在台账中保持不变`);
    const before = await readLedger(ledger);
    const after = await readLedger(out);
    expect(after.map((x) => x.id)).toEqual(before.map((x) => x.id));
    expect(byId(after, TOWN)).toEqual(byId(before, TOWN));
    expect(byId(after, INS01)).toMatchObject({ status: '整改中', progress: '场所已落实' });
    expect(byId(after, MEC01A)).toMatchObject({ status: '已销号', closedOn: '2026-11-20', verifier: '赵六' });
    expect(byId(after, MEC01B).deadline).toBe('2026-12-15');
    const log = (await workbook(out)).getWorksheet('合并记录')!;
    expect((log.getRow(2).values as unknown[]).slice(1)).toEqual(['时间', '来源文件', '问题编号', '字段', '原值', '新值', '说明']);
    expect(log.rowCount).toBe(2 + 7);
    expect((log.getRow(3).values as unknown[]).slice(2)).toEqual([copy, INS01, '整改状态', '未整改', '整改中', '单位更新']);

    // A second merge extends the record.
    const copy2 = join(dir, '青石镇.xlsx');
    await editCopy(out, copy2, { set: { [TOWN]: { 整改状态: '整改中', 整改进展: '补录中' } } });
    const out2 = join(dir, 'merged2.xlsx');
    expect((await merge(out, [copy2], out2)).code).toBe(0);
    const ledger2 = await loadLedger(out2);
    expect(ledger2.log).toHaveLength(7 + 2);
    expect(ledger2.log.slice(0, 7)).toEqual((await loadLedger(out)).log);
  });

  it('lists every conflict and invalid row with file!sheet!cell, writes nothing and exits 1', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    await editCopy(ledger, a, {
      set: {
        [INS01]: { 整改进展: '场所已落实', 问题描述: '综治中心已实体化运行' },
        [MEC01A]: { 整改状态: '已销号', 销号日期: '2026-11-20' },
        [MEC01B]: { 销号日期: '下周一' },
      },
    });
    await editCopy(ledger, b, { set: { [INS01]: { 整改进展: '人员已到岗', 问题编号: '999901-20261010-INS-09' }, [TOWN]: { 整改状态: '已整改' } } });
    const out = join(dir, 'merged.xlsx');
    const r = await merge(ledger, [a, b], out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toContain('未写入任何文件');
    const at = (place: string) => lines.find((l) => l.startsWith(`${place}: `));
    expect(at(`${a}!整改台账!H4`)).toContain('问题描述');
    expect(at(`${a}!整改台账!Q5`)).toContain('核验人');
    expect(at(`${a}!整改台账!P6`)).toContain('下周一');
    expect(at(`${b}!整改台账!B4`)).toContain('999901-20261010-INS-09');
    // The row whose 问题编号 the unit changed is missing from that copy: said, and kept.
    expect(at(b)).toContain(INS01);
    expect(lines).toHaveLength(6);
    expect(existsSync(out)).toBe(false);
  });

  it('lists an unreadable update among the other problems', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    const fake = join(dir, 'renamed.xlsx');
    writeFileSync(fake, '编码,名称\n999901,甲区\n');
    await editCopy(ledger, join(dir, 'a.xlsx'), { set: { [INS01]: { 整改状态: '完成' } } });
    const r = await merge(ledger, [fake, join(dir, 'a.xlsx')], join(dir, 'm.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(fake);
    expect(r.stderr).toContain(`${join(dir, 'a.xlsx')}!整改台账!N4`);
  });

  it('reports two copies setting one field differently', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    await editCopy(ledger, a, { set: { [INS01]: { 整改进展: '场所已落实' } } });
    await editCopy(ledger, b, { reverse: true, set: { [INS01]: { 整改进展: '人员已到岗' } } });
    const r = await merge(ledger, [a, b], join(dir, 'merged.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${a}!整改台账!O4: "整改进展"此处为"场所已落实",与 ${b}!整改台账!O9 "人员已到岗" 不一致`);
  });

  it('refuses a step back without a note, takes it with one', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    const fixed = join(dir, 'fixed.xlsx');
    await editCopy(ledger, join(dir, 'a.xlsx'), { set: { [INS01]: { 整改状态: '已整改' } } });
    expect((await merge(ledger, [join(dir, 'a.xlsx')], fixed)).code).toBe(0);
    await editCopy(fixed, join(dir, 'back.xlsx'), { set: { [INS01]: { 整改状态: '整改中' } } });
    const refused = await merge(fixed, [join(dir, 'back.xlsx')], join(dir, 'x.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('!整改台账!N4: 整改状态从"已整改"退回"整改中"');
    await editCopy(fixed, join(dir, 'explained.xlsx'), { set: { [INS01]: { 整改状态: '整改中', 备注: '复查发现专职人员未到岗' } } });
    expect((await merge(fixed, [join(dir, 'explained.xlsx')], join(dir, 'y.xlsx'))).code).toBe(0);
  });

  it('reads a copy that lost its hidden sheet by comparing with the ledger', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    await editCopy(ledger, join(dir, 'a.xlsx'), { dropFingerprints: true, set: { [TOWN]: { 整改状态: '整改中' } } });
    const r = await merge(ledger, [join(dir, 'a.xlsx')], join(dir, 'm.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([`${join(dir, 'a.xlsx')}:${TOWN} 整改状态:"未整改" → "整改中"`]);
  });

  it('回头看: a later audit marks open findings 已整改 and a 已销号 one that fails again 反弹, with a new finding', async () => {
    const dir = tempDir();
    const merged = join(dir, 'merged.xlsx');
    expect((await merge(join(LO, 'ledger.xlsx'), [join(LO, '甲区-libreoffice.xlsx')], merged)).code).toBe(0);
    const out = join(dir, 'dec.xlsx');
    const r = await merge(merged, [LATER], out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[回头看]');
    const rows = await readLedger(out);
    expect(byId(rows, INS01)).toMatchObject({ status: '已整改', note: expect.stringContaining('回头看(2026-12-01)') });
    expect(byId(rows, MEC01A)).toMatchObject({ status: '反弹', review: '2026-12-01 复查:再次失分,反弹,扣 5 分' });
    expect(byId(rows, MEC01B)).toMatchObject({ review: '2026-12-01 复查:仍失分,扣 5 分' });
    expect(byId(rows, '999901-20261201-MEC-01')).toMatchObject({ status: '未整改', note: `反弹自 ${MEC01A};前次问题 ${MEC01B} 尚未销号` });
    expect(byId(rows, '999901101-20261012-MEC-02').status).toBe('未整改');
    // Merging the same audit again adds nothing.
    const again = await merge(out, [LATER], join(dir, 'again.xlsx'));
    expect(again.stderr).toContain('没有需要合并的改动');
  });

  it('merges a copy saved by LibreOffice (text dates, hidden not veryHidden, rows sorted)', async () => {
    const dir = tempDir();
    const r = await merge(join(LO, 'ledger.xlsx'), [join(LO, '甲区-libreoffice.xlsx')], join(dir, 'm.xlsx'));
    expect(r.code).toBe(0);
    const rows = await readLedger(join(dir, 'm.xlsx'));
    expect(byId(rows, INS01)).toMatchObject({ status: '整改中', person: '王五', progress: '场所已落实,专职人员11月底到岗' });
    expect(byId(rows, MEC01A)).toMatchObject({ status: '已销号', closedOn: '2026-11-20', verifier: '赵六' });
    expect(byId(rows, MEC01B)).toMatchObject({ deadline: '2026-12-15', progress: '已补建10月台账', note: '经县委政法委批准延期至2026-12-15' });
    expect(r.stdout.trim().split('\n')).toHaveLength(9);
  });

  const soffice = spawnSync('soffice', ['--version']).status === 0;
  it.skipIf(!soffice)('sees no change in a ledger re-saved by LibreOffice, as ledger or as copy', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    const saved = join(dir, 'saved');
    const conv = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xlsx', '--outdir', saved, ledger], { timeout: 120_000 });
    expect(conv.status).toBe(0);
    const resaved = join(saved, 'ledger.xlsx');
    expect(await readLedger(resaved)).toEqual(await readLedger(ledger));
    for (const [base, copy] of [[ledger, resaved], [resaved, ledger]]) {
      const r = await merge(base, [copy], join(dir, `m-${Math.random()}.xlsx`));
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('没有需要合并的改动');
    }
  }, 180_000);

  it('refuses to overwrite an existing output without --force', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    const out = join(dir, 'merged.xlsx');
    copyFileSync(ledger, out);
    const r = await merge(ledger, [ledger], out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
  });

  it('says in English what is wrong with --lang en', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    await editCopy(ledger, join(dir, 'a.xlsx'), { set: { [INS01]: { 整改状态: '已销号', 销号日期: '2026-11-20' } } });
    const r = await merge(ledger, [join(dir, 'a.xlsx')], join(dir, 'm.xlsx'), ['--lang', 'en']);
    expect(r.stderr).toContain('核验人 is required when the status is 已销号');
    expect(r.stderr).toContain('nothing was written');
  });
});

describe('a merge killed with SIGKILL', () => {
  function bigLedger(n: number): LedgerRow[] {
    return Array.from({ length: n }, (_, i) => {
      const center = `9999${String(1 + (i % 40)).padStart(2, '0')}${101 + (i % 7)}`;
      return {
        id: `${center}-20261010-MEC-${1 + Math.floor(i / 300)}-${(i % 300) + 1}`,
        centerCode: center,
        centerName: `示例市${center}综治中心`,
        county: center.slice(0, 6),
        dimension: '运行机制规范化',
        item: 'MEC-01 矛盾纠纷排查台账',
        problem: `矛盾纠纷排查台账缺失:第${i}条记录不全`,
        deducted: 0.5,
        measure: '补建排查台账并按月排查',
        owner: '县综治中心',
        person: '',
        deadline: '2026-11-09',
        status: i % 3 ? '未整改' : '整改中',
        progress: i % 3 ? '' : '正在补建',
        closedOn: '',
        verifier: '',
        note: '',
        review: '',
      };
    });
  }

  /** Runs the merge and SIGKILLs it as soon as its temp output appears beside `out`. */
  function killWhileWriting(args: string[], out: string): Promise<{ killed: boolean }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
      const dir = join(out, '..');
      const watch = setInterval(() => {
        if (readdirSync(dir).some((f) => f.startsWith('.') && f.includes('.tmp-'))) {
          clearInterval(watch);
          child.kill('SIGKILL');
        }
      }, 5);
      child.on('error', reject);
      child.on('exit', (_code, signal) => {
        clearInterval(watch);
        resolve({ killed: signal === 'SIGKILL' });
      });
    });
  }

  it('leaves the old ledger byte-identical and loadable, and no half-written output', async () => {
    const dir = tempDir();
    const ledger = join(dir, 'ledger.xlsx');
    await writeLedger(ledger, { rows: bigLedger(15_000), log: [] });
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(ledger, copy);
    const before = sha(ledger);

    // Into a new file: killed mid-way, the output does not exist.
    const fresh = join(dir, 'merged.xlsx');
    const first = await killWhileWriting(['ledger', 'merge', ledger, copy, '-o', fresh], fresh);
    expect(first.killed).toBe(true);
    expect(existsSync(fresh)).toBe(false);

    // Over the ledger itself (--force): killed mid-way, the ledger is untouched.
    const second = await killWhileWriting(['ledger', 'merge', ledger, copy, '-o', ledger, '--force'], ledger);
    expect(second.killed).toBe(true);
    expect(sha(ledger)).toBe(before);
    // Read by the CLI: this test process imported exceljs before the reader's CJK decoder could be installed.
    const status = await runCli(['ledger', 'status', ledger, '--json']);
    expect(JSON.parse(status.stdout).total.findings).toBe(15_000);
  }, 120_000);
});

describe('ledger status', () => {
  it('prints progress per county and the overdue list, most overdue first', async () => {
    const r = await runCli(['ledger', 'status', join(LO, 'ledger.xlsx'), '--as-of', '2026-11-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('整改进度(截至 2026-11-20)');
    expect(r.stdout).toMatch(/│ 999901\s+│\s+5 │\s+5 │\s+0 │\s+0 │\s+0 │\s+0 │\s+5 │\s+0\.0% │/);
    expect(r.stdout).toContain('逾期问题(6 个,按逾期天数排序)');
    const ids = [...r.stdout.matchAll(/│ (\d{6,12}-\d{8}-[A-Z]+-\d+(?:-\d+)?)/g)].map((m) => m[1]);
    expect(ids[0]).toBe('999901101-20261012-INS-02');
  });

  it('gives the same numbers as JSON, overdue judged on --as-of', async () => {
    const r = await runCli(['ledger', 'status', join(LO, 'ledger.xlsx'), '--as-of', '2026-11-05', '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.asOf).toBe('2026-11-05');
    expect(json.total).toMatchObject({ findings: 6, open: 6, overdue: 2, closureRatePercent: 0 });
    expect(json.counties.map((c: { county: { code: string } }) => c.county.code)).toEqual(['999901', '999902']);
    expect(json.overdue).toEqual([
      expect.objectContaining({ id: '999901101-20261012-INS-02', daysOverdue: 9 }),
      expect.objectContaining({ id: '999901101-20261012-MEC-02', daysOverdue: 4 }),
    ]);
    // The same names as the briefing JSON for the same things (README, "JSON 输出的约定").
    expect(json.overdue[0]).toMatchObject({ center: { code: '999901101' }, county: { code: '999901' } });
    expect(Object.keys(json.total).sort()).toEqual(['closed', 'closureRatePercent', 'findings', 'fixed', 'inProgress', 'open', 'overdue', 'rebound']);
  });

  it('lists approved extensions as 延期, and judges overdue on the extended deadline', async () => {
    const dir = tempDir();
    const ledger = await build(dir);
    const copy = join(dir, '甲区.xlsx');
    await editCopy(ledger, copy, { set: { [INS01]: { 整改时限: '2027-01-31', 备注: '经县委政法委批准延期至2027-01-31' } } });
    const out = join(dir, 'merged.xlsx');
    expect((await merge(ledger, [copy], out)).code).toBe(0);
    const text = await runCli(['ledger', 'status', out, '--as-of', '2026-12-05']);
    expect(text.stdout).toContain('延期:经批准延长整改时限的问题(1 处)');
    expect(text.stdout).toMatch(new RegExp(`│ ${INS01}\\s+│ 2026-11-09\\s+│ 2027-01-31`));
    const json = JSON.parse((await runCli(['ledger', 'status', out, '--as-of', '2026-12-05', '--json'])).stdout);
    expect(json.extended).toEqual([expect.objectContaining({ id: INS01, from: '2026-11-09', to: '2027-01-31', file: copy })]);
    expect(json.overdue.map((o: { id: string }) => o.id)).not.toContain(INS01);
  });

  it('refuses an --as-of that is not a date (exit 2)', async () => {
    const r = await runCli(['ledger', 'status', join(LO, 'ledger.xlsx'), '--as-of', '2026-13-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of');
  });

  it('names the file and what is missing when the workbook is not a ledger', async () => {
    const r = await runCli(['ledger', 'status', join(ROOT, 'fixtures/ledger/ledger-mini.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ledger-mini.yaml');
  });
});
