// Format 1.1 through the CLI: `checklist show` cites the basis and states each veto's effect,
// and an audit file answering 负面清单 events scores through `score --explain`.
// CLI tests run the built bin (`npm run build` first).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const EFFECTS = 'fixtures/scoring/effects.yaml';

describe('zongzhi checklist show (format 1.1)', () => {
  it('shows the checklist basis, a 依据 column, veto effects and the 负面清单 with its caps', async () => {
    const r = await runCli(['checklist', 'show', EFFECTS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('依据:《关于加强社会治安综合治理中心规范化建设的意见》(2024年11月)');
    expect(r.stdout).toMatch(/│ 依据\s+│/);
    expect(r.stdout).toMatch(/│ A-2\s+│ 专职人员在岗\s+│\s+20 │ 是否达到\s+│ 否决\(不高于合格\) │ 参考:本地草案/);
    expect(r.stdout).toMatch(/│ A-3\s+│ 台账真实\s+│\s+20 │ 是否达到\s+│ 否决\(扣 10 分\)/);
    expect(r.stdout).toMatch(/│\s+│ 负面清单\(限扣 8\)/);
    expect(r.stdout).toMatch(/│ NEG-1\s+│ 通报问题回头看仍未整改\s+│ −2\/起 │ 按起扣分\s+│ 限扣 6/);
  });

  it('adds no 依据 column to a checklist without basis', async () => {
    const r = await runCli(['checklist', 'show', 'fixtures/scoring/methods.yaml']);
    expect(r.stdout).not.toContain('依据');
  });
});

describe('zongzhi score with a format 1.1 checklist', () => {
  it('reads 负面清单 answers from an audit file and explains the deductions and the veto effect', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.audit.yaml');
    writeFileSync(
      file,
      [
        'format: 1',
        'checklist: { id: effects, version: "1" }',
        'center: { code: "999901101001", name: 示例村综治中心 }',
        'date: "2026-11-20"',
        'status: final',
        'answers:',
        '  A-1: 是',
        '  A-2: 否',
        '  A-3: 是',
        '  B-1: 0',
        '  NEG-1: { value: 1, deficiencies: [3号通报问题未整改] }',
        '',
      ].join('\n'),
    );
    const r = await runCli(['score', file, '--checklist', EFFECTS, '--explain']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('负面清单扣分 = min(扣分合计 2, 本类限扣 8) = 2');
    expect(r.stdout).toContain('最终得分 = 80.000000 + 0 − 2 − 0 = 78.000000(不低于 0),四舍五入保留 1 位小数 = 78.0');
    expect(r.stdout).toContain('一票否决:A-2 专职人员在岗 得 0 分,等次不高于 合格');
    expect(r.stdout).toContain('等次:合格');
  });
});
