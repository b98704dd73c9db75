// The briefing across checklist versions (环比 shown as 清单版本不同, never computed) and by audit mode.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../src/briefing/compute.js';
import { briefingTables, cellText } from '../src/briefing/tables.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { scoreResponses } from '../src/scoring/batch.js';
import { readResponses } from '../src/sources/responses.js';
import { runCli, tempDir } from './helpers.js';

const FIX = 'fixtures/briefing';
const GRADES = ['优秀', '良好', '合格', '不合格'];

describe('环比 across checklist versions', () => {
  it('is not computed when last month used another version; the ranking says 清单版本不同', async () => {
    const registry = new ChecklistRegistry([`${FIX}/checklists/mini-county.yaml`, `${FIX}/checklists/mini-township.yaml`]);
    const read = await readResponses([`${FIX}/audits`], registry);
    const results = scoreResponses(read.responses).results;
    const same = buildBriefing({ month: '2026-11', results, grades: GRADES });
    const row = (b: typeof same) => b.ranking.flatMap((g) => g.rows).find((r) => r.code === '999901')!;
    expect(row(same).change).toBeDefined();
    expect(row(same).checklistChanged).toBeUndefined();

    // The same November audit, as if made with a newer version of its checklist.
    const bumped = results.map((r) => (r.center.code === '999901' && r.date.startsWith('2026-11') ? { ...r, checklist: { ...r.checklist, version: '2026.1' } } : r));
    const b = buildBriefing({ month: '2026-11', results: bumped, grades: GRADES });
    expect(row(b).change).toBeUndefined();
    expect(row(b).checklistChanged).toBe(true);
    expect(row(b).previousTotal).toEqual(row(same).previousTotal);
    const table = briefingTables(b).find((t) => t.rows.some((r) => r.cells.some((c) => cellText(c) === '999901')))!;
    const cells = table.rows.find((r) => r.cells.some((c) => cellText(c) === '999901'))!.cells.map(cellText);
    expect(cells).toContain('清单版本不同');
  });
});

describe('zongzhi briefing --mode', () => {
  it('keeps only the audits made that way; an unknown mode is a usage error', async () => {
    const dir = tempDir();
    cpSync(`${FIX}/audits`, dir, { recursive: true });
    const file = join(dir, '2026-11-10-999901.audit.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: final', 'status: final\nmode: 暗访'));
    const checklists = ['--checklist', `${FIX}/checklists/mini-county.yaml`, '--checklist', `${FIX}/checklists/mini-township.yaml`];
    const r = await runCli(['briefing', '--month', '2026-11', dir, ...checklists, '--mode', '暗访', '-o', join(dir, 'b.json')]);
    expect(r.code).toBe(0);
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(b.ranking.flatMap((g: { rows: { code: string }[] }) => g.rows.map((row) => row.code))).toEqual(['999901']);
    const bad = await runCli(['briefing', '--month', '2026-11', dir, ...checklists, '--mode', '抽查']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--mode 应为以下之一');
  });
});
