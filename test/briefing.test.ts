import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

/**
 * A small city computed by hand (fixtures/briefing/): two checklists of seven items,
 * mostly direct scores, so every figure below can be checked on paper.
 *
 * November (latest audit per center; 青石镇's 11-05 audit is replaced by its 11-25 re-audit,
 * 东街's 12-01 audit is outside the month):
 *   county    甲区 93.0   乙区 83.5
 *   township  东街 87.0  白水 87.0  石桥 85.6 (77 of 90 applicable, veto)  青石 82.0
 * October:   甲区 90  乙区 85 | 青石 84  东街 80  白水 80  石桥 75  红星 70
 */
const FIX = 'fixtures/briefing';
const CHECKLISTS = ['--checklist', `${FIX}/checklists/mini-county.yaml`, '--checklist', `${FIX}/checklists/mini-township.yaml`];

async function briefingJson(extra: string[] = []) {
  const dir = tempDir();
  const out = join(dir, 'b.json');
  const r = await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS, '-o', out, ...extra]);
  expect(r.stderr).not.toMatch(/内部错误|internal error/);
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('briefing: the hand-computed city', () => {
  it('ranks each level apart, ties sharing a rank, with last month and 环比', async () => {
    const b = await briefingJson();
    expect(b.month).toBe('2026-11');
    expect(b.previousMonth).toBe('2026-10');
    expect(b.ranking.map((g: { level: string }) => g.level)).toEqual(['county', 'township']);
    const pick = (rows: Record<string, unknown>[]) => rows.map((r) => [r.rank, r.previousRank, r.movement, r.code, r.total, r.previousTotal, r.change, r.grade]);
    expect(pick(b.ranking[0].rows)).toEqual([
      [1, 1, 0, '999901', 93, 90, 3, '优秀'],
      [2, 2, 0, '999902', 83.5, 85, -1.5, '良好'],
    ]);
    expect(pick(b.ranking[1].rows)).toEqual([
      [1, 2, 1, '999901001', 87, 80, 7, '良好'],
      [1, 2, 1, '999901102', 87, 80, 7, '良好'],
      [3, 4, 1, '999902101', 85.6, 75, 10.6, '不合格'],
      [4, 1, -3, '999901101', 82, 84, -2, '良好'],
    ]);
    const shiqiao = b.ranking[1].rows[2];
    expect(shiqiao.county).toEqual({ code: '999902', name: '乙区' });
    expect(shiqiao.veto).toEqual([{ id: 'INS-01', title: '挂牌并实体化运行' }]);
    expect(shiqiao.dimensions).toEqual({ institution: 14, layout: 18, mechanism: 18, staffing: 18, funding: 9 });
    // The re-audit later in the month counts, not the first visit.
    expect(b.ranking[1].rows[3].date).toBe('2026-11-25');
  });

  it('averages each county over its centers once, from the reported scores, rounded half-up once', async () => {
    const b = await briefingJson();
    const row = (code: string) => b.counties.find((c: { county?: { code: string } }) => c.county?.code === code);
    // 甲区: (93 + 87 + 82 + 87) / 4 = 87.25 → 87.3
    expect(row('999901')).toMatchObject({ rank: 1, centers: 4, audited: 4, average: 87.3, grades: { 优秀: 1, 良好: 3, 合格: 0, 不合格: 0 } });
    // 乙区: (83.5 + 85.6) / 2 = 84.55 → 84.6 (half-up; the unrounded 85.5556 would give 84.5, a binary float 84.5)
    expect(row('999902')).toMatchObject({ rank: 2, centers: 2, audited: 2, average: 84.6, grades: { 优秀: 0, 良好: 1, 合格: 0, 不合格: 1 } });
    // Dimension rates: mean of earned ÷ applicable; 乙区 institution (17.5/20 + 14/20) / 2 = 0.7875 → 78.8%.
    expect(row('999901').ratesPercent).toEqual({ institution: 92.5, layout: 87.5, mechanism: 82.5, staffing: 85, funding: 88.8 });
    expect(row('999902').ratesPercent).toEqual({ institution: 78.8, layout: 87.5, mechanism: 85, staffing: 85, funding: 87.5 });
    // City: every audited center once: 518.1 / 6 = 86.35 → 86.4.
    expect(b.city).toMatchObject({ rank: null, centers: 6, audited: 6, average: 86.4 });
    expect(b.city.ratesPercent).toEqual({ institution: 87.9, layout: 87.5, mechanism: 83.3, staffing: 85, funding: 88.3 });
    // October: 564 / 7 = 80.571… → 80.6.
    expect(b.overview).toMatchObject({ audited: 6, average: 86.4, previousAudited: 7, previousAverage: 80.6, vetoed: 1 });
    expect(b.notes.counties[0]).toContain('算术平均数');
  });

  it('lists the items most often losing points, with counts and shares of the centers assessed', async () => {
    const b = await briefingJson();
    const pick = b.common.map((c: Record<string, unknown>) => [c.rank, c.item, c.centers, c.applicable, c.sharePercent, c.lost, c.counties]);
    expect(pick).toEqual([
      [1, 'MEC-01', 6, 6, 100, 20, 2],
      [1, 'STA-01', 6, 6, 100, 18, 2],
      [1, 'LAY-01', 6, 6, 100, 15, 2],
      [1, 'FUN-02', 6, 6, 100, 13, 2],
      [5, 'INS-02', 5, 6, 83.3, 9.5, 2],
      [6, 'INS-01', 1, 6, 16.7, 5, 1],
    ]);
  });

  it('prints the tables in the terminal and as Markdown', async () => {
    const dir = tempDir();
    const md = join(dir, 'b.md');
    const r = await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS, '-o', md]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('综治中心规范化建设情况通报(2026年11月)');
    expect(r.stdout).toMatch(/│\s+1 │\s+2 │\s+↑1 │ 999901001 │ 东街街道综治中心\s+│ 甲区\s+│ 87\.0 │\s+\+7\.0 │ 良好/);
    expect(r.stdout).toMatch(/│\s+4 │\s+1 │\s+↓3 │ 999901101 │ 青石镇综治中心\s+│ 甲区\s+│ 82\.0 │\s+-2\.0 │ 良好/);
    expect(r.stdout).toMatch(/│\s+2 │ 乙区\s+│\s+2 │\s+2 │\s+84\.6 │/);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('# 综治中心规范化建设情况通报(2026年11月)');
    expect(text).toContain('## 二、县级综治中心排名');
    expect(text).toContain('| 1 | 1 | 持平 | 999901 | 甲区综治中心 | 甲区 | 93.0 | +3.0 | 优秀 | 19.0 | 19.0 | 18.0 | 18.0 | 19.0 | — |');
    expect(text).toContain('| 3 | 4 | ↑1 | 999902101 | 石桥镇综治中心 | 乙区 | 85.6 | +10.6 | 不合格 | 14.0 | 18.0 | 18.0 | 18.0 | 9.0 | INS-01 挂牌并实体化运行 |');
    expect(text).toContain('| 2 | 乙区 | 2 | 2 | 84.6 | 0 | 1 | 0 | 1 | 78.8% | 87.5% | 85.0% | 85.0% | 87.5% |');
    expect(text).toContain('| **—** | **全市** | **6** | **6** | **86.4** |');
    expect(text).toContain('2026年11月共评估综治中心 6 个(应评 6 个),平均得分 86.4 分,较上月(7 个中心平均 80.6 分)提高 5.8 分');
  });

  it('speaks English with --lang en', async () => {
    const r = await runCli(['--lang', 'en', 'briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ranking of township centers');
    expect(r.stdout).toContain('Summary per county');
  });
});

describe('briefing: usage and input errors', () => {
  it('rejects a month not written YYYY-MM with a usage error', async () => {
    for (const month of ['2026-13', '2026-1', '202611', 'November']) {
      const r = await runCli(['briefing', '--month', month, `${FIX}/audits`, ...CHECKLISTS]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('YYYY-MM');
    }
  });

  it('rejects an unsupported output and an existing one without --force', async () => {
    const dir = tempDir();
    const bad = await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS, '-o', join(dir, 'b.pdf')]);
    expect(bad.code).toBe(2);
    const out = join(dir, 'b.json');
    expect((await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS, '-o', out])).code).toBe(0);
    const again = await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS, '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect((await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS, '-o', out, '--force'])).code).toBe(0);
  });

  it('says which dates it found when the month has no audits', async () => {
    const r = await runCli(['briefing', '--month', '2027-01', `${FIX}/audits`, ...CHECKLISTS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2026-09-15');
    expect(r.stderr).toContain('2026-12-01');
  });
});
