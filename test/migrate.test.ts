// `zongzhi migrate`: audits carried over to a new checklist version. Which answers move and
// which need answering again is written out by hand from the county 2025.1 → 2026.1 revision.
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveChecklist, loadChecklistText } from '../src/checklist/load.js';
import { migrateAudit } from '../src/checklist/migrate.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { readAuditFile } from '../src/formats/audit-file.js';
import type { Result } from '../src/model/result.js';
import { ROOT, runCli, tempDir } from './helpers.js';
import { auditOf, fixtureChecklist } from './scoring-helpers.js';

const DEMO = join(ROOT, 'fixtures/demo/audits/2026-10/2026-10-17-999902-county.audit.yaml');
const REMOVED_OR_RESCORED = ['LAY-01', 'LAY-07', 'LAY-08', 'LAY-09', 'MEC-04', 'MEC-08', 'MEC-09', 'FUN-03', 'FUN-07'];
const TO_ANSWER = ['LAY-01', 'LAY-07', 'LAY-08', 'MEC-04', 'MEC-08', 'MEC-12', 'MEC-13', 'MEC-14', 'MEC-15', 'MEC-16', 'FUN-03', 'FUN-07'];

describe('migrateAudit', () => {
  const read = readAuditFile(DEMO, new ChecklistRegistry());
  const m = migrateAudit(read.audit!, read.checklist!, resolveChecklist('county'));

  it('keeps every answer whose item kept its scoring, and drops the removed and rescored ones', () => {
    expect(read.checklist!.version).toBe('2025.1');
    expect(m.dropped).toEqual(REMOVED_OR_RESCORED);
    const kept = Object.keys(read.audit!.answers).filter((id) => !REMOVED_OR_RESCORED.includes(id));
    expect(m.carried).toEqual(kept);
    for (const id of kept) expect(m.audit.answers[id]).toEqual(read.audit!.answers[id]);
  });

  it('lists what the new version needs answered, and leaves the audit a draft until then', () => {
    expect(m.unanswered).toEqual(TO_ANSWER);
    expect(m.audit.status).toBe('draft');
    expect(m.audit.checklist).toMatchObject({ id: 'county', version: '2026.1' });
  });

  it('follows the mapping for a renamed item, and only where the answer fits the new item', () => {
    const methods = fixtureChecklist('methods');
    const text = readFileSync(join(ROOT, 'fixtures/scoring/methods.yaml'), 'utf8').replace('version: "1"', 'version: "2"').replace('- id: A-2', '- id: A-5');
    const next = loadChecklistText(text, 'methods-2.yaml').checklist!;
    const audit = auditOf(methods, { 'A-1': '是', 'A-2': '基本达到', 'A-3': '法院', 'B-1': 1, 'B-2': 92, 'B-3': 10 });
    const unmapped = migrateAudit(audit, methods, next);
    expect([unmapped.dropped, unmapped.unanswered]).toEqual([['A-2'], ['A-5']]);
    const mapped = migrateAudit(audit, methods, next, { 'A-2': ['A-5'] });
    expect([mapped.mapped, mapped.dropped, mapped.unanswered]).toEqual([[{ from: 'A-2', to: 'A-5' }], [], []]);
    expect(mapped.audit.answers['A-5']).toEqual(audit.answers['A-2']);
    expect(mapped.audit.status).toBe('final');
    // A levels answer does not fit a check item: mapped there, it needs a new answer.
    const misfit = migrateAudit(audit, methods, next, { 'A-2': ['A-1'], 'A-1': [] });
    expect(misfit.unanswered).toEqual(['A-1', 'A-5']);
  });
});

describe('zongzhi migrate', () => {
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('round trip: migrate, answer what it lists, and the new audit scores; the original is untouched', async () => {
    const before = sha(DEMO);
    const out = tempDir();
    const r = await runCli(['migrate', DEMO, '--to', 'county', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('沿用 29 项,按对照表转换 0 项,待重新作答 12 项');
    expect(r.stdout).toContain(`须重新作答后才能计分(文件标为草稿):${TO_ANSWER.join(', ')}`);
    expect(sha(DEMO)).toBe(before);

    const file = join(out, '2026-10-17-999902-county.audit.yaml');
    const draft = await runCli(['score', file]);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain('有 12 个评分项未作答');

    const answers = ['LAY-01: 480', 'LAY-07: 完全达到', 'LAY-08: 基本达到', 'MEC-04: 97', 'MEC-08: 0', 'MEC-12: [重点人员清单, 风险排查报送]', 'MEC-13: 完全达到', 'MEC-14: 93', 'MEC-15: [公开监督电话]', 'MEC-16: []', 'FUN-03: 30', 'FUN-07: 完全达到'];
    // The answers section ends the file (this audit has no finding overrides): append to it.
    expect(readFileSync(file, 'utf8')).not.toContain('findings:');
    appendFileSync(file, answers.map((a) => `  ${a}\n`).join(''));
    const scored = await runCli(['score', file, '--json']);
    expect(scored.stderr).toBe('');
    const [result] = JSON.parse(scored.stdout) as Result[];
    expect(result.checklist.version).toBe('2026.1');
    const original = (JSON.parse((await runCli(['score', DEMO, '--json'])).stdout) as Result[])[0];
    // Items carried over earn what they earned before.
    for (const id of ['INS-02', 'INS-04', 'MEC-01', 'STA-05', 'FUN-02']) {
      expect(result.items.find((i) => i.id === id)?.earned).toBe(original.items.find((i) => i.id === id)?.earned);
    }
    // The new ones as answered: 1.5 of 2 for MEC-12, 0.5 of 1 for MEC-15, 0 of 1 for MEC-16, 1.5 for LAY-01 (≥ 400 ㎡).
    expect(['MEC-12', 'MEC-15', 'MEC-16', 'LAY-01'].map((id) => result.items.find((i) => i.id === id)?.earned)).toEqual([1.5, 0.5, 0, 1.5]);
  });

  it('never writes onto an input, and an existing output needs --force', async () => {
    const dir = tempDir();
    const copy = join(dir, '2026-10-17-999902-county.audit.yaml');
    copyFileSync(DEMO, copy);
    const onto = await runCli(['migrate', copy, '--to', 'county', '-o', dir]);
    expect(onto.code).toBe(1);
    expect(onto.stderr).toContain('就是一份输入的评估文件');
    expect(sha(copy)).toBe(sha(DEMO));
    const out = tempDir();
    expect((await runCli(['migrate', DEMO, '--to', 'county', '-o', out])).code).toBe(0);
    const again = await runCli(['migrate', DEMO, '--to', 'county', '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
  });

  it('a mapping to an item the target lacks is refused at its line', async () => {
    const dir = tempDir();
    const map = join(dir, 'map.yaml');
    writeFileSync(map, 'MEC-09: MEC-13\nLAY-09: [LAY-02, LAY-99]\n');
    const r = await runCli(['migrate', DEMO, '--to', 'county', '--map', map, '-o', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${map}:2:18: 对照表中的 LAY-99 不是清单 county 2026.1 的评分项`);
  });
});
