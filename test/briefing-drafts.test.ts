import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

// The hand-computed city of briefing.test.ts, plus what a real month's folder holds: a draft
// saved halfway (it would otherwise be 甲区's latest audit) and an audit marked final but incomplete.
const FIX = 'fixtures/briefing';
const CHECKLISTS = ['--checklist', `${FIX}/checklists/mini-county.yaml`, '--checklist', `${FIX}/checklists/mini-township.yaml`];
let audits: string;

function withStatus(from: string, to: string, status: string, drop?: string) {
  const text = readFileSync(join(FIX, 'audits', from), 'utf8')
    .replace(/^date: .*$/m, `date: "${to.slice(0, 10)}"`)
    .replace(/^status: .*$/m, `status: ${status}`)
    .split('\n')
    .filter((l) => !drop || !l.trimStart().startsWith(`${drop}:`))
    .join('\n');
  writeFileSync(join(audits, to), text);
}

beforeAll(() => {
  audits = join(tempDir(), 'audits');
  cpSync(join(FIX, 'audits'), audits, { recursive: true });
  withStatus('2026-11-10-999901.audit.yaml', '2026-11-28-999901.audit.yaml', 'draft', 'MEC-01');
});

describe('briefing with drafts and invalid audits in the month', () => {
  it('leaves a draft out of every figure and says how many and which', async () => {
    const r = await runCli(['briefing', '--month', '2026-11', audits, ...CHECKLISTS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('另有 1 份未定稿的评估(草稿)未计入本通报:甲区综治中心(2026-11-28,');
    expect(r.stdout).toContain('2026-11-28-999901.audit.yaml)');
    // 甲区 keeps its final 11-10 audit: 93.0, as without the draft.
    expect(r.stdout).toMatch(/│\s+1 │\s+1 │ 持平 │ 999901 │ 甲区综治中心\s+│ 甲区\s+│ 93\.0 │/);
  });

  it('stops on an incomplete final audit, and with --skip-invalid lists it and briefs on the others', async () => {
    const dir = tempDir();
    cpSync(audits, dir, { recursive: true });
    audits = dir;
    withStatus('2026-11-16-999902.audit.yaml', '2026-11-29-999902.audit.yaml', 'final', 'MEC-01');
    const stopped = await runCli(['briefing', '--month', '2026-11', dir, ...CHECKLISTS]);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/2026-11-29-999902\.audit\.yaml: 中心 999902.*有 1 个评分项未作答:MEC-01/);
    const skipped = await runCli(['briefing', '--month', '2026-11', dir, ...CHECKLISTS, '--skip-invalid', '-o', join(dir, 'b.json')]);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('跳过 1 个有错误的评估');
    const json = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(json.draftsLeftOut).toEqual([expect.objectContaining({ code: '999901', date: '2026-11-28' })]);
    // 乙区 keeps its valid 11-16 audit.
    expect(json.ranking[0].rows.map((r: { code: string; total: number }) => [r.code, r.total])).toEqual([
      ['999901', 93],
      ['999902', 83.5],
    ]);
  });
});

describe('briefing --county-weights', () => {
  const ARGS = ['briefing', '--month', '2026-11', join(FIX, 'audits'), ...CHECKLISTS];

  it('adds a composite column and says in the note how it was formed', async () => {
    const out = join(tempDir(), 'b.md');
    const r = await runCli([...ARGS, '--county-weights', 'county=0.4,township=0.6', '-o', out]);
    expect(r.code).toBe(0);
    // Columns are padded to line up in plain text: compare with single spaces.
    const md = readFileSync(out, 'utf8').replace(/ {2,}/g, ' ');
    expect(md).toContain('| 名次 | 县(市、区) | 中心数 | 已评估 | 县级中心得分 | 乡镇平均分 | 综合得分 |');
    // 甲区 0.4 × 93 + 0.6 × 85.333… = 88.4
    expect(md).toContain('| 1 | 甲区 | 4 | 4 | 93.0 | 85.3 | 88.4 |');
    expect(md).toContain('综合得分 = 县级中心得分 × 0.4 + 乡镇平均分 × 0.6');
  });

  it('refuses weights that do not sum to 1 as a usage error', async () => {
    const r = await runCli([...ARGS, '--county-weights', 'county=0.5,township=0.6']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--county-weights "county=0.5,township=0.6" 无效');
  });
});
