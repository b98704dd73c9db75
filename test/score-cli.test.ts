import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveChecklist } from '../src/checklist/load.js';
import { auditFileText } from '../src/formats/audit-file.js';
import type { Result } from '../src/model/result.js';
import { runCli, tempDir } from './helpers.js';
import { auditOf, completeAnswers } from './scoring-helpers.js';

// The figures below are the 2025.1 rubric's: that version stays loadable by its file name.
const county = resolveChecklist('county-2025.1');
let dir: string;

function writeAudit(name: string, code: string, centerName: string, overrides = {}) {
  const audit = { ...auditOf(county, completeAnswers(county, overrides)), center: { code, name: centerName } };
  writeFileSync(join(dir, name), auditFileText(audit, county));
}

beforeAll(() => {
  dir = tempDir();
  writeAudit('a.audit.yaml', '999901', '示例市甲区综治中心', { 'INS-04': ['公安', '法院', '信访'], 'FUN-02': { value: '不适用', note: '本级无此项' } });
  writeAudit('b.audit.yaml', '999902', '示例市乙县综治中心', { 'INS-01': '否' });
  writeAudit('c.audit.yaml', '999903', '示例市丙县综治中心');
});

describe('zongzhi score', () => {
  it('prints a ranking table, best first, with a vetoed center at the lowest grade', async () => {
    const r = await runCli(['score', dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /\d{6}/.test(l));
    expect(lines.map((l) => /(\d{6,12})/.exec(l)![1])).toEqual(['999903', '999901', '999902']);
    expect(lines[0]).toContain('100.0');
    // Vetoed: the lowest grade, last, with the veto item named in 否决事项.
    expect(lines[2]).toMatch(/│\s+98\.0 │ 不合格 │.*│ INS-01 综治中心挂牌/);
    expect(r.stdout).toContain('否决事项');
  });

  it('--json gives the documented fields, ranked', async () => {
    const r = await runCli(['score', dir, '--json']);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.map((x) => x.center.code)).toEqual(['999903', '999901', '999902']);
    const a = results[1];
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['center', 'checklist', 'date', 'total', 'grade', 'veto', 'dimensions', 'bonus', 'items', 'findings']));
    expect(a.checklist).toMatchObject({ id: 'county', version: '2025.1', sha256: county.sha256 });
    expect(a.dimensions[0]).toEqual({ id: 'institution', name: '机构设置规范化', earned: 16, applicable: 18, points: 18, rate: 0.8889 });
    // 98 − 2 lost of 98 applicable (FUN-02 N/A) → 96/98 × 100 = 97.959… → 98.0
    expect(a.total).toBe(98);
    expect(a.findings).toEqual([expect.objectContaining({ id: '999901-20261120-INS-04', item: 'INS-04', dimension: 'institution', deducted: 2, status: '未整改' })]);
    expect(results[2].veto).toEqual(['INS-01']);
  });

  it('writes results JSON that reads back as the same results', async () => {
    const out = join(tempDir(), 'results.json');
    expect((await runCli(['score', dir, '-o', out])).code).toBe(0);
    const again = await runCli(['score', out, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  });

  it('locates a problem inside a results file by line and column', async () => {
    const out = join(tempDir(), 'results.json');
    await runCli(['score', dir, '-o', out]);
    const text = readFileSync(out, 'utf8');
    const second = text.indexOf('"id": "county"', text.indexOf('"checklist"', text.indexOf('"999901"')));
    writeFileSync(out, text.slice(0, second) + '"id": "countee"' + text.slice(second + '"id": "county"'.length));
    const line = text.slice(0, second).split('\n').length;
    const r = await runCli(['score', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`results\\.json:${line - 1}:\\d+: 找不到编号为 countee 的清单`));
  });

  it('refuses to overwrite an output without --force, and writes nothing', async () => {
    const out = join(tempDir(), 'results.json');
    writeFileSync(out, 'keep me');
    const r = await runCli(['score', dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await runCli(['score', dir, '-o', out, '--force'])).code).toBe(0);
  });

  it('--explain shows the derivation: N/A removed, the formula, rounding and the veto', async () => {
    const r = await runCli(['score', join(dir, 'a.audit.yaml'), join(dir, 'b.audit.yaml'), '--explain']);
    expect(r.stdout).toContain('不适用项 FUN-02(2) 共 2 分,从分母中扣除');
    expect(r.stdout).toContain('基础分 = 得分合计 ÷ 适用分值 × 总分 = 96 ÷ 98 × 100 = 97.959184');
    expect(r.stdout).toContain('四舍五入保留 1 位小数 = 98.0');
    expect(r.stdout).toContain('一票否决:INS-01 综治中心挂牌并实体化运行 得 0 分,等次定为 不合格');
  });

  it('explains in English with --lang en', async () => {
    const r = await runCli(['--lang', 'en', 'score', join(dir, 'a.audit.yaml'), '--explain']);
    expect(r.stdout).toContain('base = earned ÷ applicable × total = 96 ÷ 98 × 100 = 97.959184');
  });

  it('lists every problem of every file with its place and exits 1', async () => {
    const bad = tempDir();
    writeFileSync(join(bad, 'x.audit.yaml'), readFileSync(join(dir, 'a.audit.yaml'), 'utf8').replace('INS-02: { value: 完全达到 }', 'INS-02: { value: 完全达标 }'));
    writeFileSync(join(bad, 'y.audit.yaml'), readFileSync(join(dir, 'b.audit.yaml'), 'utf8').replace(/\n {2}MEC-05:.*\n/, '\n'));
    const r = await runCli(['score', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.audit\.yaml:\d+:\d+: "完全达标" 不是该项的等级/);
    expect(r.stderr).toMatch(/y\.audit\.yaml: 中心 999902\(示例市乙县综治中心\):有 1 个评分项未作答:MEC-05/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('counts blanks as 0 with --blank zero', async () => {
    const bad = tempDir();
    writeFileSync(join(bad, 'y.audit.yaml'), readFileSync(join(dir, 'c.audit.yaml'), 'utf8').replace(/\n {2}MEC-05:.*\n/, '\n'));
    const r = await runCli(['score', bad, '--blank', 'zero', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].total).toBe(97);
  });

  it('does not read what zongzhi audit wrote beside an audit file as more responses', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '2026-11-20-999901-county.audit.yaml'), readFileSync(join(dir, 'a.audit.yaml')));
    const results = await runCli(['score', join(folder, '2026-11-20-999901-county.audit.yaml'), '--json']);
    writeFileSync(join(folder, '2026-11-20-999901-county.json'), results.stdout);
    writeFileSync(join(folder, '2026-11-20-999901-county.xlsx'), 'a report, not a fill-in template');
    const r = await runCli(['score', folder, '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).map((x: Result) => x.center.code)).toEqual(['999901']);
  });

  it('counts an audit given twice once, and refuses two different answers for one audit', async () => {
    const same = await runCli(['score', join(dir, 'a.audit.yaml'), join(dir, 'a.audit.yaml'), '--json']);
    expect(JSON.parse(same.stdout)).toHaveLength(1);
    const other = join(tempDir(), 'a2.audit.yaml');
    writeFileSync(other, readFileSync(join(dir, 'a.audit.yaml'), 'utf8').replace('INS-02: { value: 完全达到 }', 'INS-02: { value: 基本达到 }'));
    const r = await runCli(['score', join(dir, 'a.audit.yaml'), other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`a2.audit.yaml: 中心 999901 在 2026-11-20 的评估与 ${join(dir, 'a.audit.yaml')} 中的同一次评估答案不同`);
  });

  it('says so when a path does not exist', async () => {
    const r = await runCli(['score', join(dir, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('找不到文件或文件夹');
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
