// `progress merge` (issue 14): the counties' returned 周调度表 copies into the committee's master,
// with the ledger merge's guarantees. CLI tests run the built binary: `npm run build` first.
import ExcelJS from 'exceljs';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formatProblem, UserError } from '../src/errors.js';
import { readProgressSheets, writeProgressWorkbook } from '../src/formats/progress-workbook.js';
import { mergeProgress, type ProgressMergeOutcome } from '../src/progress/merge.js';
import type { ProgressRow } from '../src/progress/model.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const TASKS = join(ROOT, 'fixtures', 'demo', 'tasks.yaml');
const CENTERS = join(ROOT, 'fixtures', 'demo', 'centers.csv');
const TIME = '2026-12-02 09:30:00';

/** The master path a test's mocked writer saves over behind the merge's back. */
const meddle = vi.hoisted(() => ({ path: '' }));

vi.mock('../src/formats/progress-workbook.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/formats/progress-workbook.js')>();
  return {
    ...original,
    writeProgressWorkbook: async (...args: Parameters<typeof original.writeProgressWorkbook>) => {
      await original.writeProgressWorkbook(...args);
      if (meddle.path) appendFileSync(meddle.path, ' ');
    },
  };
});

type Edits = Record<string, Record<string, string | Date | null>>;

/**
 * A unit's returned copy of `from`, edited as a person edits it in Excel: cells by
 * "任务编号 单位编码" and header; rows deleted; the hidden fingerprint sheet lost.
 */
async function editCopy(from: string, to: string, edits: Edits, opts: { drop?: string[]; loseFingerprints?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet('周调度表')!;
  const header = new Map<string, number>();
  ws.getRow(3).eachCell((c, col) => header.set(c.text, col));
  const rows: number[] = [];
  ws.eachRow((row, n) => {
    if (n <= 3) return;
    const key = `${row.getCell(header.get('任务编号')!).text} ${row.getCell(header.get('单位编码')!).text}`;
    for (const [h, v] of Object.entries(edits[key] ?? {})) row.getCell(header.get(h)!).value = v;
    if (opts.drop?.includes(key)) rows.push(n);
  });
  for (const n of rows.reverse()) ws.spliceRows(n, 1);
  if (opts.loseFingerprints) wb.removeWorksheet(wb.getWorksheet('_zongzhi_progress')!.id);
  await wb.xlsx.writeFile(to);
  return to;
}

async function merge(master: string, copies: string[], time = TIME): Promise<ProgressMergeOutcome> {
  const m = await readProgressSheets(master);
  return mergeProgress({ master: { file: master, rows: m.rows.map((r) => r.values as ProgressRow), log: m.log }, copies: await Promise.all(copies.map(readProgressSheets)), time });
}

function problemsOf(outcome: ProgressMergeOutcome): string[] {
  expect(outcome.ok).toBe(false);
  return outcome.ok ? [] : outcome.problems.map(formatProblem);
}

function rowOf(outcome: ProgressMergeOutcome, key: string): ProgressRow {
  if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join('\n'));
  return outcome.rows.find((r) => `${r.task} ${r.unit}` === key)!;
}

describe('zongzhi progress merge', () => {
  let dir: string;
  let jia: string;
  let yi: string;

  beforeAll(async () => {
    dir = tempDir('zongzhi-progress-merge-');
    const made = await runCli(['progress', 'template', TASKS, '--centers', CENTERS, '-o', join(dir, 'sent')]);
    expect(made.code, made.stderr).toBe(0);
    jia = join(dir, 'sent', '999901-甲区-周调度表.xlsx');
    yi = join(dir, 'sent', '999902-乙区-周调度表.xlsx');
  });

  it('takes a unit’s 完成情况, 完成日期, 进展说明 and 佐证, records them in 合并记录 by file name, and status reads the merged master', async () => {
    const copy = await editCopy(jia, join(dir, '甲区-交回.xlsx'), {
      'RW-01 999901': { 完成情况: '已完成', 完成日期: '2026-10-28', 进展说明: '预算已批复', 佐证: '甲财预〔2026〕12号' },
      'RW-04 999901001': { 完成情况: '推进中' },
    });
    const out = join(dir, 'merged-1.xlsx');
    const res = await runCli(['progress', 'merge', jia, copy, '-o', out]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('合并完成:2 行有更新(5 处改动)');
    const merged = await readProgressSheets(out);
    const row = merged.rows.find((r) => r.values.task === 'RW-01')!.values;
    expect([row.state, row.doneDate, row.note, row.evidence]).toEqual(['已完成', '2026-10-28', '预算已批复', '甲财预〔2026〕12号']);
    expect(merged.title).toBe('甲区综治中心规范化建设重点任务周调度表');
    expect(merged.log.map((e) => [e.file, e.task, e.unit, e.field, e.from, e.to])).toEqual([
      ['甲区-交回.xlsx', 'RW-01', '999901', '完成情况', '未启动', '已完成'],
      ['甲区-交回.xlsx', 'RW-01', '999901', '完成日期', '', '2026-10-28'],
      ['甲区-交回.xlsx', 'RW-01', '999901', '进展说明', '', '预算已批复'],
      ['甲区-交回.xlsx', 'RW-01', '999901', '佐证', '', '甲财预〔2026〕12号'],
      ['甲区-交回.xlsx', 'RW-04', '999901001', '完成情况', '未启动', '推进中'],
    ]);
    // Never a folder in the record: it travels with the workbook.
    expect(merged.log.every((e) => !e.file.includes('/') && !e.file.includes('\\'))).toBe(true);

    const status = await runCli(['progress', 'status', TASKS, out, '--centers', CENTERS, '--as-of', '2026-12-01', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const jiaStatus = JSON.parse(status.stdout).counties.find((c: { county: { code: string } }) => c.county.code === '999901');
    // 甲区: 7 due by 12-01 (RW-01, RW-02, 5 × RW-04), 1 done; 5 not started among the 6 overdue.
    expect([jiaStatus.due, jiaStatus.done, jiaStatus.overdue, jiaStatus.slow]).toEqual([7, 1, 6, 5]);

    // A second merge appends to the record, and a copy of the merged master is judged against its own fingerprints.
    const second = await editCopy(out, join(dir, '甲区-第二周.xlsx'), { 'RW-02 999901': { 完成情况: '推进中', 进展说明: '公安、法院已入驻' } });
    const again = join(dir, 'merged-2.xlsx');
    expect((await runCli(['progress', 'merge', out, second, '-o', again])).code).toBe(0);
    const log = (await readProgressSheets(again)).log;
    expect(log).toHaveLength(7);
    expect(log.slice(0, 5)).toEqual(merged.log);
  });

  it('leaves rows absent from a copy as they are, and says which were missing: absence is not deletion', async () => {
    const first = await merge(jia, [await editCopy(jia, join(dir, 'a.xlsx'), { 'RW-01 999901': { 完成情况: '推进中' } })]);
    expect(first.ok).toBe(true);
    const master = join(dir, 'master-absent.xlsx');
    await writeProgressWorkbook(master, { title: '甲区', rows: (first as { rows: ProgressRow[] }).rows });
    const copy = await editCopy(master, join(dir, 'short.xlsx'), { 'RW-02 999901': { 完成情况: '推进中' } }, { drop: ['RW-01 999901', 'RW-05 999901'] });
    const outcome = await merge(master, [copy]);
    expect(rowOf(outcome, 'RW-01 999901').state).toBe('推进中');
    expect(rowOf(outcome, 'RW-02 999901').state).toBe('推进中');
    expect(outcome.ok && outcome.rows).toHaveLength(8);
    expect(outcome.notices.map(formatProblem)).toEqual([expect.stringMatching(/short\.xlsx: .*2 行:RW-01\/999901、RW-05\/999901;这些行在汇总表中保持不变/)]);
  });

  it('reports a change to the committee’s columns at its cell instead of taking it', async () => {
    const copy = await editCopy(jia, join(dir, 'protected.xlsx'), { 'RW-02 999901': { 完成时限: '2026-12-31', 完成情况: '推进中' }, 'RW-05 999901': { 任务: '另写的任务' } });
    const problems = problemsOf(await merge(jia, [copy]));
    expect(problems).toEqual([
      expect.stringMatching(/protected\.xlsx!周调度表!F5: "完成时限"由市委政法委确定.*"2026-11-30".*"2026-12-31"/),
      expect.stringMatching(/protected\.xlsx!周调度表!B11: "任务"由市委政法委确定/),
    ]);
  });

  it('reports two copies setting one field differently, naming both cells; the same value twice is no conflict', async () => {
    const a = await editCopy(jia, join(dir, 'conflict-a.xlsx'), { 'RW-02 999901': { 完成情况: '推进中', 进展说明: '公安已入驻' } });
    const b = await editCopy(jia, join(dir, 'conflict-b.xlsx'), { 'RW-02 999901': { 完成情况: '推进中', 进展说明: '法院已入驻' } });
    const problems = problemsOf(await merge(jia, [a, b]));
    expect(problems).toEqual([expect.stringMatching(/conflict-a\.xlsx!周调度表!J5: "进展说明"此处为"公安已入驻",与 .*conflict-b\.xlsx!周调度表!J5 "法院已入驻" 不一致/)]);
    const same = await merge(jia, [a, await editCopy(jia, join(dir, 'conflict-c.xlsx'), { 'RW-02 999901': { 完成情况: '推进中', 进展说明: '公安已入驻' } })]);
    expect(rowOf(same, 'RW-02 999901').note).toBe('公安已入驻');
  });

  it('refuses a step back from 已完成 unless the copy itself writes why in 进展说明', async () => {
    const done = await merge(jia, [await editCopy(jia, join(dir, 'done.xlsx'), { 'RW-01 999901': { 完成情况: '已完成', 完成日期: '2026-10-28', 进展说明: '预算已批复' } })]);
    const master = join(dir, 'master-done.xlsx');
    await writeProgressWorkbook(master, { title: '甲区', rows: (done as { rows: ProgressRow[] }).rows });
    const silent = await editCopy(master, join(dir, 'back-silent.xlsx'), { 'RW-01 999901': { 完成情况: '推进中' } });
    expect(problemsOf(await merge(master, [silent]))).toEqual([expect.stringMatching(/back-silent\.xlsx!周调度表!H4: 完成情况从"已完成"退回"推进中",需要在同一行的"进展说明"中写明原因/)]);
    // Another copy's note explains nothing about this copy's step back.
    const elsewhere = await editCopy(master, join(dir, 'back-elsewhere.xlsx'), { 'RW-01 999901': { 进展说明: '预算批复被财政退回' } });
    expect(problemsOf(await merge(master, [silent, elsewhere]))).toEqual([expect.stringMatching(/back-silent\.xlsx!周调度表!H4: 完成情况从"已完成"退回"推进中"/)]);
    const explained = await editCopy(master, join(dir, 'back-explained.xlsx'), { 'RW-01 999901': { 完成情况: '推进中', 进展说明: '预算批复被财政退回,重新报批' } });
    expect(rowOf(await merge(master, [explained]), 'RW-01 999901').state).toBe('推进中');
  });

  it('requires 完成日期 for 已完成 and refuses one after the day of the merge', async () => {
    const undated = await editCopy(jia, join(dir, 'undated.xlsx'), { 'RW-01 999901': { 完成情况: '已完成' } });
    await expect(merge(jia, [undated])).rejects.toThrow(/undated\.xlsx!周调度表!I4: 已完成的任务须填写完成日期/);
    const future = await editCopy(jia, join(dir, 'future.xlsx'), { 'RW-01 999901': { 完成情况: '已完成', 完成日期: '2026-12-03' } });
    expect(problemsOf(await merge(jia, [future]))).toEqual([expect.stringMatching(/future\.xlsx!周调度表!I4: 完成日期 2026-12-03 晚于今天\(2026-12-02\)/)]);
    expect(rowOf(await merge(jia, [future], '2026-12-03 08:00:00'), 'RW-01 999901').doneDate).toBe('2026-12-03');
  });

  it('lets a copy change only the rows it was sent with, and judges one without fingerprints by its county', async () => {
    // A city master: 甲区 and 乙区 in one workbook.
    const rows = [...(await readProgressSheets(jia)).rows, ...(await readProgressSheets(yi)).rows].map((r) => r.values as ProgressRow);
    const city = join(dir, 'city.xlsx');
    await writeProgressWorkbook(city, { title: '全市', rows });
    // 甲区's copy with a row of 乙区's pasted over one of its own.
    const pasted = await editCopy(jia, join(dir, 'pasted.xlsx'), { 'RW-05 999901': { 单位编码: '999902', 单位名称: '乙区综治中心', 完成情况: '推进中' } });
    expect(problemsOf(await merge(city, [pasted]))).toEqual([expect.stringMatching(/pasted\.xlsx!周调度表!H11: 任务 RW-05 单位 999902 不是这份副本下发时包含的行/)]);
    // Without its hidden sheet, a copy holding rows of two counties cannot be attributed.
    const lost = await editCopy(pasted, join(dir, 'lost.xlsx'), {}, { loseFingerprints: true });
    expect(problemsOf(await merge(city, [lost]))).toEqual([expect.stringMatching(/lost\.xlsx: 这份副本没有下发时的指纹表.*999901、999902/)]);
    // An old template (no hidden sheet) of one county merges, compared with the master.
    const old = await editCopy(jia, join(dir, 'old.xlsx'), { 'RW-02 999901': { 完成情况: '推进中' } }, { loseFingerprints: true });
    expect(rowOf(await merge(city, [old]), 'RW-02 999901').state).toBe('推进中');
  });

  it('reports a field the master changed since the copy went out and the copy changed too, unless the change was this copy’s own last week', async () => {
    const week1 = await editCopy(jia, join(dir, '甲区周报.xlsx'), { 'RW-02 999901': { 完成情况: '推进中', 进展说明: '公安已入驻' } });
    const first = await merge(jia, [week1]);
    if (!first.ok) throw new Error('first merge refused');
    const master = join(dir, 'master-weekly.xlsx');
    await writeProgressWorkbook(master, { title: '甲区', rows: first.rows, log: first.log });
    // The unit keeps filling the copy it returned (still carrying the template's fingerprints).
    mkdirSync(join(dir, 'week2'));
    const week2 = await editCopy(week1, join(dir, 'week2', '甲区周报.xlsx'), { 'RW-02 999901': { 完成情况: '已完成', 完成日期: '2026-11-28', 进展说明: '五部门均已常驻' } });
    const second = await merge(master, [week2]);
    expect([rowOf(second, 'RW-02 999901').state, rowOf(second, 'RW-02 999901').note]).toEqual(['已完成', '五部门均已常驻']);
    // Someone else's copy of the template, changing what the master has moved on: neither wins silently.
    const other = await editCopy(jia, join(dir, '其他.xlsx'), { 'RW-02 999901': { 进展说明: '法院已入驻' } });
    expect(problemsOf(await merge(master, [other]))).toEqual([expect.stringMatching(/其他\.xlsx!周调度表!J5: "进展说明"在这份副本下发后汇总表中已改为"公安已入驻",此处又改成了"法院已入驻"/)]);
  });

  it('reports an unknown row and a row given twice', async () => {
    const copy = await editCopy(jia, join(dir, 'unknown.xlsx'), { 'RW-05 999901': { 任务编号: 'RW-09' }, 'RW-02 999901': { 任务编号: 'RW-01' } });
    const problems = problemsOf(await merge(jia, [copy]));
    expect(problems).toEqual([expect.stringMatching(/unknown\.xlsx!周调度表!A5: 任务 RW-01 单位 999901 出现两次\(另一行在 .*!A4\)/), expect.stringMatching(/unknown\.xlsx!周调度表!A11: 任务 RW-09 单位 999901 不在汇总表/)]);
  });

  it('writes nothing on any problem, lists every one, and exits 1', async () => {
    const good = await editCopy(jia, join(dir, 'cli-good.xlsx'), { 'RW-02 999901': { 完成情况: '推进中' } });
    const bad = await editCopy(jia, join(dir, 'cli-bad.xlsx'), { 'RW-01 999901': { 完成情况: '做完了' }, 'RW-05 999901': { 完成时限: '2027-01-31' } });
    const out = join(dir, 'cli-out.xlsx');
    const res = await runCli(['progress', 'merge', jia, good, bad, '-o', out]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('cli-bad.xlsx!周调度表!H4: 完成情况 "做完了" 无效');
    expect(res.stderr).toContain('未写入任何文件');
    expect(existsSync(out)).toBe(false);
    expect(res.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses to overwrite the master without --force', async () => {
    const master = join(dir, 'in-place.xlsx');
    copyFileSync(jia, master);
    const copy = await editCopy(jia, join(dir, 'in-place-copy.xlsx'), { 'RW-02 999901': { 完成情况: '推进中' } });
    const refused = await runCli(['progress', 'merge', master, copy]);
    expect(refused.code).toBe(1);
    expect(readFileSync(master)).toEqual(readFileSync(jia));
    const forced = await runCli(['progress', 'merge', master, copy, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await readProgressSheets(master)).rows.find((r) => r.values.task === 'RW-02')!.values.state).toBe('推进中');
  });

  it('refuses while another merge holds the master, naming it, and leaves it untouched', async () => {
    const master = join(dir, 'held.xlsx');
    copyFileSync(jia, master);
    const copy = await editCopy(jia, join(dir, 'held-copy.xlsx'), { 'RW-02 999901': { 完成情况: '推进中' } });
    writeFileSync(`${master}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), user: '王五', since: '2026-12-01T08:00:00.000Z' }));
    const held = await runCli(['progress', 'merge', master, copy, '--force']);
    expect(held.code).toBe(1);
    expect(held.stderr).toContain(`周调度表 ${master} 正在被另一次合并使用(王五@${hostname()},进程 ${process.pid}`);
    expect(readFileSync(master)).toEqual(readFileSync(jia));
    rmSync(`${master}.lock`);
  });

  it('refuses to write when the master’s bytes changed after it was read, leaving the other save in place', async () => {
    const master = join(dir, 'saved-meanwhile.xlsx');
    copyFileSync(jia, master);
    const copy = await editCopy(jia, join(dir, 'meanwhile-copy.xlsx'), { 'RW-02 999901': { 完成情况: '推进中' } });
    meddle.path = master;
    try {
      const run = (await import('../src/commands/progress-merge.js')).default;
      const refused = run(master, [copy], { force: true });
      await expect(refused).rejects.toThrow(UserError);
      await expect(refused).rejects.toThrow('汇总表已被更新,请重新合并');
    } finally {
      meddle.path = '';
    }
    expect(readFileSync(master)).toEqual(Buffer.concat([readFileSync(jia), Buffer.from(' ')]));
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.endsWith('.lock'))).toEqual([]);
  });
});
