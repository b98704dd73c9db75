import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const TASKS = join(ROOT, 'fixtures', 'demo', 'tasks.yaml');
const CENTERS = join(ROOT, 'fixtures', 'demo', 'centers.csv');

/** Fills a county's returned copy the way a unit does: status and date per 任务编号 × 单位编码. */
async function fill(file: string, answers: Record<string, [string, (string | Date)?]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('周调度表')!;
  ws.eachRow((row) => {
    const answer = answers[`${row.getCell(1).text} ${row.getCell(4).text}`];
    if (!answer) return;
    row.getCell(8).value = answer[0];
    if (answer[1]) row.getCell(9).value = answer[1];
  });
  await wb.xlsx.writeFile(file);
}

describe('zongzhi progress', () => {
  let dir: string;
  let sheets: string;
  beforeAll(async () => {
    dir = tempDir('zongzhi-progress-');
    sheets = join(dir, '周调度表');
    const made = await runCli(['progress', 'template', TASKS, '--centers', CENTERS, '-o', sheets]);
    expect(made.code, made.stderr).toBe(0);
  });

  it('writes one 周调度表 per county with a row per task × unit and a status dropdown', async () => {
    expect(readdirSync(sheets).sort()).toEqual(['999901-甲区-周调度表.xlsx', '999902-乙区-周调度表.xlsx', '999903-丙县-周调度表.xlsx', '999904-丁县-周调度表.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(sheets, '999901-甲区-周调度表.xlsx'));
    const ws = wb.getWorksheet('周调度表')!;
    const rows: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 3) rows.push(`${row.getCell(1).text} ${row.getCell(4).text}`);
    });
    // 甲区: RW-01, RW-02, RW-05 for the county center; RW-04 for each of its 5 townships; RW-03 is not its task.
    expect(rows).toEqual(['RW-01 999901', 'RW-02 999901', 'RW-04 999901001', 'RW-04 999901002', 'RW-04 999901101', 'RW-04 999901102', 'RW-04 999901201', 'RW-05 999901']);
    const validation = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(validation).some((v) => v.formulae.join().includes('未启动'))).toBe(true);
  });

  it('refuses to overwrite the folder’s files without --force, and writes none', async () => {
    const again = await runCli(['progress', 'template', TASKS, '--centers', CENTERS, '-o', sheets]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('999901-甲区-周调度表.xlsx');
  });

  it('reports completion per county, overdue tasks and 进展缓慢 from the returned copies', async () => {
    const back = join(dir, 'back');
    mkdirSync(back);
    const jia = join(back, '甲区.xlsx');
    copyFileSync(join(sheets, '999901-甲区-周调度表.xlsx'), jia);
    await fill(jia, {
      'RW-01 999901': ['已完成', '2026-10-28'],
      'RW-02 999901': ['推进中'],
      'RW-04 999901001': ['已完成', '2026-11-18'],
      'RW-04 999901002': ['已完成', '2026年11月25日'],
      'RW-04 999901101': ['推进中'],
    });
    const yi = join(back, '乙区.xlsx');
    copyFileSync(join(sheets, '999902-乙区-周调度表.xlsx'), yi);
    await fill(yi, { 'RW-01 999902': ['已完成', new Date(Date.UTC(2026, 9, 30))], 'RW-02 999902': ['已完成', '2026-11-29'] });

    const res = await runCli(['progress', 'status', TASKS, back, '--centers', CENTERS, '--as-of', '2026-12-01', '--json']);
    expect(res.code, res.stderr).toBe(0);
    const status = JSON.parse(res.stdout);
    // Due by 12-01: RW-01, RW-02 for every county; RW-03 for 乙区 and 丁县; RW-04 for 甲区's 5 townships.
    // 甲区 7 due, 3 done (RW-01, two 挂牌) → 42.9%; 乙区 3 due, 2 done → 66.7%; 丙县 2 due, 0 done; 丁县 3 due, 0 done.
    expect(status.counties.map((c: { county: { name: string }; rank: number; due: number; done: number; overdue: number; slow: number; rate: number }) => [c.county.name, c.rank, c.due, c.done, c.overdue, c.slow, c.rate])).toEqual([
      ['乙区', 1, 3, 2, 1, 1, 0.666667],
      ['甲区', 2, 7, 3, 4, 2, 0.428571],
      ['丙县', 3, 2, 0, 2, 2, 0],
      ['丁县', 3, 3, 0, 3, 3, 0],
    ]);
    expect(status.city).toMatchObject({ due: 15, done: 5, overdue: 10, slow: 8 });
    // Most overdue first: RW-01 (10-31) is 31 days late where not done.
    expect(status.overdue[0]).toMatchObject({ task: 'RW-01', daysOverdue: 31, slow: true, state: '未启动' });

    const text = await runCli(['progress', 'status', TASKS, back, '--centers', CENTERS, '--as-of', '2026-12-01']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('重点任务进展情况(截至 2026-12-01)');
    expect(text.stdout).toMatch(/乙区 +│ +3 │ +2 │ +1 │ +1 │ +66\.7%/);
    expect(text.stdout).toContain('约谈');
  });

  it('refuses a bad status, a done task without its date, and two copies that disagree, each at its cell', async () => {
    const back = join(dir, 'bad');
    mkdirSync(back);
    const a = join(back, 'a.xlsx');
    copyFileSync(join(sheets, '999903-丙县-周调度表.xlsx'), a);
    await fill(a, { 'RW-01 999903': ['完成了'], 'RW-02 999903': ['已完成'] });
    const b = join(back, 'b.xlsx');
    copyFileSync(join(sheets, '999904-丁县-周调度表.xlsx'), b);
    await fill(b, { 'RW-01 999904': ['推进中'] });
    const c = join(back, 'c.xlsx');
    copyFileSync(join(sheets, '999904-丁县-周调度表.xlsx'), c);
    await fill(c, { 'RW-01 999904': ['已完成', '2026-10-20'] });

    const res = await runCli(['progress', 'status', TASKS, back, '--centers', CENTERS, '--as-of', '2026-12-01']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('a.xlsx!周调度表!H4: 完成情况 "完成了" 无效,应为 未启动/推进中/已完成 之一');
    expect(res.stderr).toContain('a.xlsx!周调度表!I5: 已完成的任务须填写完成日期');
    expect(res.stderr).toMatch(/c\.xlsx!周调度表!A4: 任务 RW-01 单位 999904 的完成情况与 .*b\.xlsx!周调度表!A4 不一致\("推进中" 与 "已完成 2026-10-20"\)/);
    expect(res.stdout).toBe('');
    expect(existsSync(join(back, 'a.xlsx'))).toBe(true);
  });
});

describe('zongzhi briefing with tasks and figures', () => {
  it('adds 进展情况, 运行数据 with 环比/同比 and the 约谈/提醒 list to the screen, .md and .json', async () => {
    const dir = tempDir('zongzhi-briefing-progress-');
    const md = join(dir, '通报.md');
    const json = join(dir, '通报.json');
    const demo = (f: string) => join(ROOT, 'fixtures', 'demo', f);
    const res = await runCli(['briefing', '--month', '2026-11', demo('audits'), '--ledger', demo('ledger.xlsx'), '--centers', CENTERS, '--tasks', TASKS, '--figures', demo('figures'), '--as-of', '2026-12-01', '-o', md, '-o', json]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('运行数据(2026-11;环比对 2026-10,同比对 2025-11)');
    const data = JSON.parse(readFileSync(json, 'utf8'));
    // 丁县 (its center and townships) in the demo CSVs: 127 resolved of 137 received = 92.7%;
    // October 145/162 = 89.51% → 环比 +3.2 points; November 2025 121/135 = 89.63% → 同比 +3.1; petitions 22, a year ago 27.
    const ding = data.monthly.figures.counties.find((c: { code: string }) => c.code === '999904');
    expect(ding).toMatchObject({ received: 137, resolved: 127, resolutionRatePercent: 92.7, resolutionMomPoints: 3.2, resolutionYoyPoints: 3.1, petitions: 22, petitionsLastYear: 27 });
    // No 周调度表 returned: every task due by 12-01 is overdue and not started for all 15 task × unit pairs.
    expect(data.monthly.tasks.counties.at(-1)).toMatchObject({ due: 15, done: 0, overdue: 15, slow: 15, completionRatePercent: 0 });
    expect(data.monthly.reminders.filter((r: { action: string }) => r.action === '约谈')).toHaveLength(15);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('## 约谈、提醒名单');
    expect(text).toContain('| 约谈 | 甲区 | 甲区综治中心 | 任务逾期未启动(进展缓慢) | 落实综治中心专项经费并纳入本级预算 | 31 |');
  });

  it('needs --centers with --tasks (the registry says who carries a task)', async () => {
    const res = await runCli(['briefing', '--month', '2026-11', join(ROOT, 'fixtures', 'demo', 'audits'), '--tasks', TASKS]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--tasks 需要 --centers');
  });
});
