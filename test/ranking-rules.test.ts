import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveChecklist } from '../src/checklist/load.js';
import { auditFileText } from '../src/formats/audit-file.js';
import { rankResults } from '../src/model/rank.js';
import type { Result } from '../src/model/result.js';
import { scoreMarkdown } from '../src/sinks/score-md.js';
import { rankPerChecklist } from '../src/model/rank.js';
import { runCli, tempDir } from './helpers.js';
import { auditOf, completeAnswers, scored } from './scoring-helpers.js';

// A small hand-built city: two county centers and a township center, on the shipped checklists.
const county = resolveChecklist('county-2025.1');
const township = resolveChecklist('township-2025.1');
const GRADES = county.grades.map((g) => g.name);
let dir: string;

function writeAudit(name: string, checklist: typeof county, code: string, centerName: string, overrides = {}) {
  const audit = { ...auditOf(checklist, completeAnswers(checklist, overrides)), center: { code, name: centerName } };
  writeFileSync(join(dir, name), auditFileText(audit, checklist));
}

beforeAll(() => {
  dir = tempDir();
  // 丙县 earns 98 but fails the veto item; 丁县 earns less with no veto; 城关镇 is a township.
  writeAudit('bing.audit.yaml', county, '999903', '丙县综治中心', { 'INS-01': '否' });
  writeAudit('ding.audit.yaml', county, '999904', '丁县综治中心', { 'INS-04': ['公安', '法院'], 'LAY-09': { value: 1, deficiencies: ['导视标识不统一'] } });
  writeAudit('town.audit.yaml', township, '999903101', '丙县城关镇综治中心');
});

describe('ranking by grade band, then total', () => {
  const row = (code: string, total: number, grade: string, veto: string[] = []) => ({ center: { code }, total, grade, veto });

  it('never puts a worse grade above a better one, puts vetoed centers last, and lets ties share a rank', () => {
    const ranked = rankResults([row('a', 93.8, '不合格', ['INS-01']), row('b', 88.2, '良好'), row('c', 95, '良好'), row('d', 88.2, '良好'), row('e', 59, '不合格')], GRADES);
    expect(ranked.map((r) => [r.rank, r.item.center.code])).toEqual([
      [1, 'c'],
      [2, 'b'],
      [2, 'd'],
      [4, 'e'],
      [5, 'a'],
    ]);
  });

  it('ranks a capped grade (a veto effect other than the lowest grade) by its band, not its total', () => {
    const ranked = rankResults([row('capped', 96, '良好', ['INS-01']), row('plain', 91, '优秀')], GRADES);
    expect(ranked.map((r) => r.item.center.code)).toEqual(['plain', 'capped']);
  });
});

describe('zongzhi score over a small city', () => {
  it('groups the terminal table per checklist under a heading and names the veto items', async () => {
    const r = await runCli(['score', dir]);
    expect(r.code).toBe(0);
    const countyAt = r.stdout.indexOf('县级综治中心规范化建设评估细则(county 2025.1,2 个中心)');
    const townAt = r.stdout.indexOf('乡镇(街道)综治中心规范化建设评估细则(township 2025.1,1 个中心)');
    expect(countyAt).toBeGreaterThanOrEqual(0);
    expect(townAt).toBeGreaterThan(countyAt);
    const countyRows = r.stdout.slice(countyAt, townAt).split('\n').filter((l) => /│\s+\d+ │ 9999/.test(l));
    // 丁县 (良好) above 丙县 (98.0 but vetoed, 不合格); each ranks 1.. within its own checklist.
    expect(countyRows.map((l) => /│\s+(\d+) │ (\d+)/.exec(l)!.slice(1))).toEqual([
      ['1', '999904'],
      ['2', '999903'],
    ]);
    expect(countyRows[1]).toMatch(/不合格 .*INS-01 综治中心挂牌/);
    expect(r.stdout.slice(townAt)).toMatch(/│\s+1 │ 999903101/);
  });

  it('keeps exact dimension figures in the results JSON and rounds them only for display', async () => {
    const r = await runCli(['score', dir, '--json']);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.map((x) => x.center.code)).toEqual(['999904', '999903', '999903101']);
    const ding = results[0];
    // LAY-09 loses 0.25: 19.75 exact in the JSON, 19.8 in the table.
    expect(ding.dimensions.find((d) => d.id === 'layout')!.earned).toBe(19.75);
    const table = await runCli(['score', dir]);
    expect(table.stdout.split('\n').find((l) => l.includes('999904'))).toMatch(/│\s+19\.8 │/);
    // The dimensions add up to the exact earned sum of the derivation.
    const sum = ding.dimensions.reduce((s, d) => s + d.earned * 100, 0) / 100;
    expect(String(sum)).toBe(ding.derivation.earned);
  });

  it('refuses a center scored with a checklist of another level, at the place of its code', async () => {
    const mixed = tempDir();
    const audit = { ...auditOf(county, completeAnswers(county)), center: { code: '999901101', name: '甲区城关镇综治中心' } };
    const file = join(mixed, 'wrong.audit.yaml');
    writeFileSync(file, auditFileText(audit, county));
    const r = await runCli(['score', mixed]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: 中心 999901101 按编码是乡镇\\(街道\\)中心,不能用县级清单 county 评估、计分或排名`));
    // The registry's 层级 decides when one is given.
    const centers = join(mixed, 'centers.csv');
    writeFileSync(centers, '编码,名称,层级\n999904,丁县综治中心,乡镇\n');
    const registry = await runCli(['score', join(dir, 'ding.audit.yaml'), '--centers', centers]);
    expect(registry.code).toBe(1);
    expect(registry.stderr).toContain('中心 999904 在中心名录中是乡镇(街道)中心');
    // --skip-invalid scores the others.
    const skip = await runCli(['score', dir, mixed, '--skip-invalid', '--json']);
    expect(skip.code).toBe(0);
    expect((JSON.parse(skip.stdout) as Result[]).map((x) => x.center.code)).not.toContain('999901101');
  });

  it('writes the same grouping and veto items to Markdown', () => {
    const results = [
      { ...scored(county, completeAnswers(county, { 'INS-01': '否' })), center: { code: '999903', name: '丙县综治中心' } },
      { ...scored(county, completeAnswers(county, { 'INS-04': ['公安', '法院'] })), center: { code: '999904', name: '丁县综治中心' } },
    ];
    const md = scoreMarkdown(rankPerChecklist(results, GRADES));
    expect(md).toContain('### 县级综治中心规范化建设评估细则(county 2025.1,2 个中心)');
    // Cells are padded so the raw text lines up: compare with single spaces.
    const rows = md.split('\n').map((l) => l.replace(/ {2,}/g, ' ')).filter((l) => l.startsWith('| ') && /\| 9999/.test(l));
    expect(rows[0]).toMatch(/^\| 1 \| 999904 /);
    expect(rows[1]).toMatch(/^\| 2 \| 999903 .*\| INS-01 综治中心挂牌并实体化运行 \|$/);
  });
});
