import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../src/audit/walk.js';
import { ScriptedPrompter } from '../src/prompts/scripted.js';
import { runCli, tempDir } from './helpers.js';

const SEED = '2026年9月28日市委政法委会议摇号 418277';
const BASE = ['--quarter', '2026Q4', '--centers', 'fixtures/demo/centers.csv', '--inspectors', 'fixtures/demo/inspectors.csv', '--seed', SEED];
const DEMO = [
  ...BASE,
  '--history', 'fixtures/demo/audits',
  '--ledger', 'fixtures/demo/ledger.xlsx',
  '--exclude', '2026-10-01..2026-10-08',
  '--sample', '40%',
  '--mode', '暗访:25%',
];

interface PlanJson {
  classification?: string;
  visits: { center: { code: string; name: string; level: string }; county: string; date: string; mode: string; notice?: string; team: number; inspectors: { name: string; unit: string; county: string }[] }[];
}

let dir: string;
let first: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  dir = tempDir('zongzhi-plan-');
  first = await runCli(['plan', ...DEMO, '-o', join(dir, 'plan.json'), '-o', join(dir, 'plan.md'), '-o', join(dir, '督查安排表.xlsx'), '--stubs', join(dir, 'stubs'), '--forms', join(dir, 'forms')]);
});

const plan = () => JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as PlanJson;

describe('zongzhi plan on the demo city', () => {
  it('writes the plan: one entry per visit with center, date, mode, team and inspectors with their home county', () => {
    expect(first.stderr).toContain(`已写出 ${join(dir, 'plan.json')}`);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2026年第四季度综治中心规范化建设专项督查安排(内部)');
    const p = plan();
    expect(p.classification).toBe('内部');
    // 4 county centers, and 40 % of 5/4/5/4 townships rounded up: 2 + 2 + 2 + 2.
    expect(p.visits.filter((v) => v.center.level === 'county')).toHaveLength(4);
    expect(p.visits.filter((v) => v.center.level === 'township')).toHaveLength(8);
    expect(p.visits.filter((v) => v.mode === '暗访')).toHaveLength(3);
    for (const v of p.visits) {
      expect(Object.keys(v.center)).toEqual(['code', 'name', 'level']);
      expect(v.inspectors.length).toBeGreaterThanOrEqual(2);
      for (const i of v.inspectors) expect(i.county).not.toBe(v.county);
      expect(v.notice === undefined).toBe(v.mode === '暗访');
    }
  });

  it('gives byte-identical files for the same inputs and seed', async () => {
    const again = tempDir('zongzhi-plan-again-');
    const second = await runCli(['plan', ...DEMO, '-o', join(again, 'plan.json'), '-o', join(again, 'plan.md')]);
    expect(second.code).toBe(0);
    for (const f of ['plan.json', 'plan.md']) expect(readFileSync(join(again, f))).toEqual(readFileSync(join(dir, f)));
  });

  it('verify: the same options match (exit 0), for the JSON and the workbook', async () => {
    for (const f of ['plan.json', '督查安排表.xlsx']) {
      const r = await runCli(['plan', 'verify', join(dir, f), ...DEMO]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('与按同样选项重新推导的计划一致(12 个检查任务)');
      expect(r.code).toBe(0);
    }
  });

  it('verify: a changed date in the JSON is reported at its line and column (exit 1)', async () => {
    const p = plan();
    const text = readFileSync(join(dir, 'plan.json'), 'utf8');
    const visit = p.visits[3];
    const edited = join(tempDir(), 'plan.json');
    const tampered = JSON.parse(text);
    tampered.visits[3].date = '2026-12-30';
    writeFileSync(edited, JSON.stringify(tampered, null, 2));
    const r = await runCli(['plan', 'verify', edited, ...DEMO]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${edited}:\\d+:\\d+: ${visit.center.code} 的检查日期是 "2026-12-30",重新推导为 "${visit.date}"`));
    expect(r.stderr).toContain('与重新推导的计划有 1 处不同');
  });

  it('verify: the place of a difference is found also in a plan carrying a text too long for a cell', async () => {
    const text = readFileSync(join(dir, 'plan.json'), 'utf8');
    const tampered = JSON.parse(text);
    const visit = plan().visits[3];
    tampered.visits[3].date = '2026-12-30';
    // Over a cell's 32,767 characters: refused where the tool reads text for a workbook, but a plan is read as JSON.
    tampered.visits[0].center.name += '长'.repeat(40_000);
    const edited = join(tempDir(), 'plan.json');
    writeFileSync(edited, JSON.stringify(tampered, null, 2));
    const r = await runCli(['plan', 'verify', edited, ...DEMO]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${edited}:\\d+:\\d+: ${visit.center.code} 的检查日期是 "2026-12-30"`));
  });

  it('verify: a center swapped in the workbook is reported at its cell, and the one left out is named', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '督查安排表.xlsx'));
    const ws = wb.getWorksheet('督查安排表')!;
    const dropped = String(ws.getCell('D5').value);
    ws.getCell('D5').value = '999999101';
    const edited = join(tempDir(), 'plan.xlsx');
    await wb.xlsx.writeFile(edited);
    const r = await runCli(['plan', 'verify', edited, ...DEMO]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${edited}!督查安排表!D5: 999999101 在文件中,但重新推导的计划不抽取它`);
    expect(r.stderr).toMatch(new RegExp(`${edited}: ${dropped} \\S+ 应在计划中`));
  });

  it('verify: another seed is a different plan', async () => {
    const r = await runCli(['plan', 'verify', join(dir, 'plan.json'), ...DEMO.map((a) => (a === SEED ? '另一个种子' : a))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`计划记录的种子是 "${SEED}",与给出的 "另一个种子" 不同`);
  });

  it('the workbook prints on A4, fit to width, with a page footer, and wrapped rows tall enough', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '督查安排表.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['督查安排表', '第1组', '第2组', '第3组', '第4组', '第5组', '第6组', '督查组', '分县抽取情况', '风险权重', '抽取说明']);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.headerFooter.oddFooter, ws.name).toContain('&P');
    }
    const visits = wb.getWorksheet('督查安排表')!;
    // Two inspectors with their units do not fit on one line of the 督查人员 column.
    expect(visits.getRow(4).height).toBeGreaterThanOrEqual(30);
    expect(String(visits.getCell('A1').value)).toContain('(内部)');
  });

  it('stubs: one pre-filled draft per visit, with the checklist of the center level', () => {
    const files = readdirSync(join(dir, 'stubs')).sort();
    const p = plan();
    expect(files).toEqual(p.visits.map((v) => `${v.date}-${v.center.code}-${v.center.level}.audit.yaml`).sort());
  });

  it('forms: one fill-in workbook per visit, for the center, with the checklist of its level', async () => {
    const p = plan();
    expect(readdirSync(join(dir, 'forms')).sort()).toEqual(p.visits.map((v) => `${v.center.code}-${v.center.name}.xlsx`).sort());
    const v = p.visits.find((x) => x.center.level === 'township')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'forms', `${v.center.code}-${v.center.name}.xlsx`));
    expect(String(wb.getWorksheet('基本信息')!.getCell('B3').value)).toBe(v.center.code);
    expect(wb.getWorksheet('_zongzhi')!.getCell('B2').value).toBe('township');
  });

  it('stubs load in zongzhi score (as unanswered drafts, or scored with --blank zero)', async () => {
    const p = plan();
    const v = p.visits[0];
    const stub = join(dir, 'stubs', `${v.date}-${v.center.code}-${v.center.level}.audit.yaml`);
    const strict = await runCli(['score', stub]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('个评分项未作答');
    const blank = await runCli(['score', stub, '--blank', 'zero', '--json']);
    expect(blank.code).toBe(0);
    const [result] = JSON.parse(blank.stdout);
    expect(result.center).toEqual({ code: v.center.code, name: v.center.name });
    expect(result.mode).toBe(v.mode);
    expect(result.date).toBe(v.date);
    expect(result.inspectors).toEqual(v.inspectors.map((i) => i.name));
  });

  it('stubs load in zongzhi audit --resume', async () => {
    const v = plan().visits.find((x) => x.center.level === 'township')!;
    const stub = join(dir, 'stubs', `${v.date}-${v.center.code}-township.audit.yaml`);
    const p = new ScriptedPrompter([{ exit: true }]);
    const end = await runAudit({ checklist: 'county', resume: stub, out: dir }, p);
    expect(end.outcome).toBe('interrupted');
    expect(p.text).toContain(`继续评估 ${v.center.name}(${v.center.code}),检查日期 ${v.date}:已答 0/`);
  });

  it('status: planned against audited, what is not yet done, and centers left uninspected for four quarters', async () => {
    const r = await runCli(['plan', 'status', join(dir, 'plan.json'), 'fixtures/demo/audits', '--centers', 'fixtures/demo/centers.csv', '--json']);
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout);
    const p = plan();
    const audited = new Set(readdirSync('fixtures/demo/audits', { recursive: true }).map(String).filter((f) => /2026-1[0-2]-\d\d-\d+/.test(f)).map((f) => /-(\d{6,12})-/.exec(f)![1]));
    expect(status.planned).toBe(12);
    expect(status.done.map((d: { code: string }) => d.code).sort()).toEqual(p.visits.filter((v) => audited.has(v.center.code)).map((v) => v.center.code).sort());
    expect(status.open.length + status.done.length).toBe(12);
    // Every demo center was audited in September: none went four quarters without one.
    expect(status.stale).toEqual([]);
    const text = await runCli(['plan', 'status', join(dir, 'plan.json'), 'fixtures/demo/audits']);
    expect(text.stdout).toContain(`计划 12 个,已评估 ${status.done.length} 个`);
  });
});

describe('zongzhi briefing --plan', () => {
  it('adds the coverage up to the month end: planned centers audited by then, and what is still open', async () => {
    const out = tempDir();
    const r = await runCli(['briefing', '--month', '2026-10', 'fixtures/demo/audits', '--centers', 'fixtures/demo/centers.csv', '--plan', join(dir, 'plan.json'), '-o', join(out, '通报.md')]);
    expect(r.code).toBe(0);
    const october = new Set(readdirSync('fixtures/demo/audits/2026-10').map((f) => /-(\d{6,12})-/.exec(f)![1]));
    const done = plan().visits.filter((v) => october.has(v.center.code)).length;
    expect(r.stdout).toContain(`2026Q4 督查进度\n计划 12 个,已评估 ${done} 个,未完成 ${12 - done} 个`);
    const md = readFileSync(join(out, '通报.md'), 'utf8');
    expect(md).toContain('## 2026Q4 督查进度');
    expect(md).toContain(`计划 12 个,已评估 ${done} 个`);
  });
});

describe('zongzhi plan: bad input is located and nothing is written', () => {
  it('an inspector without a home county', async () => {
    const out = tempDir();
    const roster = join(out, 'inspectors.csv');
    writeFileSync(roster, '姓名,单位,所属县,角色\n周立群,市委政法委,999900,组长\n王小明,甲区司法局,,组员\n李四,乙区,戊区,组员\n周立群,市委政法委,999900,组员\n');
    const r = await runCli(['plan', ...BASE.map((a) => (a === 'fixtures/demo/inspectors.csv' ? roster : a)), '-o', join(out, 'plan.json'), '--stubs', join(out, 'stubs')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${roster}:3:3: 王小明 没有填所属县`);
    expect(r.stderr).toContain(`${roster}:4:3: 所属县 "戊区" 既不是 6 位编码,也不是名录中的县名(可填:甲区、乙区、丙县、丁县)`);
    expect(r.stderr).toContain(`${roster}:5:1: 周立群(同一单位)重复列出(首次出现在 2)`);
    expect(existsSync(join(out, 'plan.json'))).toBe(false);
    expect(existsSync(join(out, 'stubs'))).toBe(false);
  });

  it('a county no team can enter, named with the reason', async () => {
    const out = tempDir();
    const roster = join(out, 'inspectors.csv');
    writeFileSync(roster, '姓名,单位,所属县,角色,回避\n甲,甲区,999901,组长,\n乙,乙区,999902,组长,999901\n丙,丙县,999903,组长,999901\n丁,丁县,999904,组长,999901\n');
    const r = await runCli(['plan', ...BASE.map((a) => (a === 'fixtures/demo/inspectors.csv' ? roster : a)), '--team-size', '1', '-o', join(out, 'plan.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${roster}: 没有督查组能检查 999901 甲区综治中心(所属县 999901)而不违反交叉检查或回避:第1组:甲为本县人员;第2组:乙申报回避`);
    expect(existsSync(join(out, 'plan.json'))).toBe(false);
  });

  it('an unknown --must code, and an existing output without --force', async () => {
    const out = tempDir();
    const unknown = await runCli(['plan', ...BASE, '--must', '999901777', '-o', join(out, 'plan.json')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--must 中的编码 999901777 不在中心名录中');
    writeFileSync(join(out, 'plan.md'), 'keep');
    const refused = await runCli(['plan', ...BASE, '-o', join(out, 'plan.json'), '-o', join(out, 'plan.md')]);
    expect(refused.code).toBe(1);
    expect(readFileSync(join(out, 'plan.md'), 'utf8')).toBe('keep');
    expect(existsSync(join(out, 'plan.json'))).toBe(false);
  });

  it('writes the plan, its stubs and its forms together or not at all: one stub already there leaves nothing new', async () => {
    const out = tempDir();
    const first = plan().visits[0];
    const stubs = join(out, 'stubs');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(stubs);
    const kept = join(stubs, `${first.date}-${first.center.code}-${first.center.level}.audit.yaml`);
    writeFileSync(kept, 'keep');
    const refused = await runCli(['plan', ...DEMO, '-o', join(out, 'plan.json'), '--stubs', stubs, '--forms', join(out, 'forms')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(kept);
    expect(readdirSync(out).sort()).toEqual(['stubs']);
    expect(readdirSync(stubs)).toEqual([`${first.date}-${first.center.code}-${first.center.level}.audit.yaml`]);
    expect(readFileSync(kept, 'utf8')).toBe('keep');
  });

  it('bad options are usage errors, all listed', async () => {
    const r = await runCli(['plan', ...BASE, '--sample', '0%', '--team-size', 'two', '--mode', '偷访']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sample "0%" 无法识别');
    expect(r.stderr).toContain('--team-size "two" 应为正整数');
    expect(r.stderr).toContain('--mode "偷访" 无法识别');
  });

  it('--help teaches the draw and shows the demo', async () => {
    const r = await runCli(['plan', '--help']);
    expect(r.stdout).toContain('HMAC-SHA256(种子, "季度|编码")');
    expect(r.stdout).toContain('$ zongzhi plan verify plan.json');
    const en = await runCli(['plan', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('each county takes the townships with the highest k');
  });
});
