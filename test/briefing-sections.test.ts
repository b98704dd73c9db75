// The briefing's 进展情况, 运行数据 and 约谈/提醒 sections in the workbook, and --mode in the 约谈/提醒
// list (issue 14). CLI tests run the built binary: `npm run build` first.
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers.js';

const demo = (...p: string[]) => join(ROOT, 'fixtures', 'demo', ...p);
const CENTERS = demo('centers.csv');
const TASKS = demo('tasks.yaml');

describe('briefing .xlsx with tasks, progress and figures', () => {
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const dir = tempDir('zongzhi-briefing-sections-');
    // 甲区's returned copies merged into its 周调度表: the briefing reads the merged master.
    const master = join(dir, '甲区-周调度表.xlsx');
    const merged = await runCli(['progress', 'merge', demo('progress', '999901-甲区-周调度表.xlsx'), demo('progress', '交回'), '-o', master]);
    expect(merged.code, merged.stderr).toBe(0);
    const out = join(dir, '通报.xlsx');
    const res = await runCli(['briefing', '--month', '2026-11', demo('audits'), '--ledger', demo('ledger.xlsx'), '--centers', CENTERS, '--tasks', TASKS, '--progress', master, '--figures', demo('figures'), '--as-of', '2026-12-01', '-o', out]);
    expect(res.code, res.stderr).toBe(0);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
  }, 120_000);

  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row, n) => n > 3 && rows.push(row));
    return rows;
  };

  it('adds the three sections as sheets after the audit tables, titled like them', () => {
    const names = book.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    // A title too long for a sheet name loses its parenthesis rather than being cut mid-word.
    expect(names.slice(-3)).toEqual(['重点任务进展情况(截至 2026-12-01)', '运行数据', '约谈、提醒名单']);
    const figures = book.getWorksheet('运行数据')!;
    expect(figures.getCell('A1').text).toBe('综治中心规范化建设情况通报(2026年11月)');
    expect(figures.getCell('A2').text).toBe('运行数据(2026-11;环比对 2026-10,同比对 2025-11)');
  });

  it('writes 进展情况 from the merged 周调度表 as numbers, the rate as a percentage cell, ranked, with the city row last', () => {
    const ws = book.getWorksheet('重点任务进展情况(截至 2026-12-01)')!;
    const rows = rowsOf(ws).filter((r) => r.getCell(2).text !== '' && typeof r.getCell(3).value === 'number');
    const jia = rows.find((r) => r.getCell(2).text === '甲区')!;
    // 甲区: 7 due by 12-01 (RW-01, RW-02, RW-04 × 5 townships); done: RW-01 and 东关街道's 挂牌 → 2/7.
    expect([jia.getCell(1).value, jia.getCell(3).value, jia.getCell(4).value, jia.getCell(5).value, jia.getCell(6).value]).toEqual([1, 7, 2, 5, 4]);
    expect(jia.getCell(7).value).toBe(0.286);
    expect(jia.getCell(7).numFmt).toBe('0.0%');
    expect(rows.at(-1)!.getCell(2).text).toBe('全市');
    expect(rows.at(-1)!.getCell(4).value).toBe(2);
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(row.getCell(1).text));
    expect(texts.some((s) => s.startsWith('注:完成率 = 已完成 ÷ 应完成'))).toBe(true);
  });

  it('writes 运行数据 rates as percentage cells and 环比/同比 as signed points', () => {
    const ws = book.getWorksheet('运行数据')!;
    const ding = rowsOf(ws).find((r) => r.getCell(2).text === '丁县')!;
    expect(ding.getCell(3).value).toBe(137);
    expect(ding.getCell(4).value).toBe(0.927);
    expect(ding.getCell(5).value).toBe(3.2);
    expect(ding.getCell(5).numFmt).toBe('+0.0;-0.0;0.0');
  });

  it('lists 约谈/提醒 with the days overdue as numbers and says which audit modes were counted', () => {
    const ws = book.getWorksheet('约谈、提醒名单')!;
    const rows = rowsOf(ws).filter((r) => r.getCell(1).text === '约谈' || r.getCell(1).text === '提醒');
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((r) => typeof r.getCell(6).value === 'number')).toBe(true);
    const notes: string[] = [];
    ws.eachRow((row) => notes.push(row.getCell(1).text));
    expect(notes).toContain('注:"连续评估不合格"计入各种检查方式的评估;逾期任务来自周调度表,逾期问题来自整改台账。');
  });
});

describe('briefing --mode and the 约谈/提醒 list', () => {
  // 云岭乡 was graded 不合格 (vetoed) in November; here it is also failed by an October audit of another mode.
  const NOVEMBER = demo('audits', '2026-11', '2026-11-17-999904202-township.audit.yaml');
  let dir: string;

  /** The November audit made as `nov`, and the same failing answers in an October audit made as `oct`. */
  function audits(name: string, oct: string, nov: string): string {
    const to = join(dir, name);
    mkdirSync(to);
    const text = readFileSync(NOVEMBER, 'utf8');
    const withMode = (mode: string) => text.replace('status: final', `status: final\nmode: ${mode}`);
    writeFileSync(join(to, 'nov.audit.yaml'), withMode(nov));
    writeFileSync(join(to, 'oct.audit.yaml'), withMode(oct).replace(/^date: .*$/m, 'date: 2026-10-30'));
    return to;
  }

  async function reminders(inputs: string, modes: string[]): Promise<{ repeated: string[]; note: string }> {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.md`);
    const json = out.replace(/\.md$/, '.json');
    const res = await runCli(['briefing', '--month', '2026-11', inputs, '--centers', CENTERS, '--tasks', TASKS, '--as-of', '2026-12-01', ...modes.flatMap((m) => ['--mode', m]), '-o', json, '-o', out]);
    expect(res.code, res.stderr).toBe(0);
    const data = JSON.parse(readFileSync(json, 'utf8'));
    const md = readFileSync(out, 'utf8');
    return {
      repeated: data.monthly.reminders.filter((r: { kind: string }) => r.kind === 'repeated-fail').map((r: { unit: { code: string }; subject: string }) => `${r.unit.code} ${r.subject}`),
      note: md.split('\n').find((l) => l.includes('连续评估不合格') && l.startsWith('注'))!,
    };
  }

  beforeAll(() => {
    dir = tempDir('zongzhi-briefing-mode-');
    copyFileSync(CENTERS, join(dir, 'centers.csv'));
  });

  it('counts an earlier failure of another mode only when no --mode is given', async () => {
    const mixed = audits('mixed', '督查', '暗访');
    const all = await reminders(mixed, []);
    expect(all.repeated).toEqual(['999904202 2026-10、2026-11']);
    expect(all.note).toBe('注:"连续评估不合格"计入各种检查方式的评估;逾期任务来自周调度表,逾期问题来自整改台账。');

    const hidden = await reminders(mixed, ['暗访']);
    expect(hidden.repeated).toEqual([]);
    expect(hidden.note).toBe('注:"连续评估不合格"只计检查方式为 暗访 的评估(--mode);逾期任务来自周调度表,逾期问题来自整改台账,不分检查方式。');
  });

  it('lists a center failed at two audits of the chosen modes, and names every mode counted', async () => {
    const both = audits('both', '暗访', '暗访');
    expect((await reminders(both, ['暗访'])).repeated).toEqual(['999904202 2026-10、2026-11']);
    const two = await reminders(audits('two', '督查', '暗访'), ['暗访', '督查']);
    expect(two.repeated).toEqual(['999904202 2026-10、2026-11']);
    expect(two.note).toContain('检查方式为 暗访、督查 的评估');
  });
});
