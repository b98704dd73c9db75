// Issue 17: `score` scores a batch as it streams in, keeps only standings, and reads results back by offset.
// These drive ScoredBatch in process (the CLI tests run dist/, which mutation testing cannot see).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseRead } from '../src/formats/results-json.js';
import type { Audit } from '../src/model/audit.js';
import { ScoredBatch } from '../src/scoring/batch.js';
import { tempDir } from './helpers.js';
import { auditOf, fixtureChecklist } from './scoring-helpers.js';

const drift = fixtureChecklist('drift');
const GRADES = drift.grades.map((g) => g.name);

/** A drift (county-level) audit of `code` on `date` earning p1 + p2 + p3 + p4 (of 100). */
function response(code: string, date: string, points: [number, number, number, number], source = `${code}-${date}.audit.yaml`): ResponseRead {
  const [p1, p2, p3, p4] = points;
  const audit: Audit = { ...auditOf(drift, { 'P-1': p1, 'P-2': p2, 'P-3': p3, 'P-4': p4 }), center: { code, name: `中心${code}` }, date, source };
  return { audit, checklist: drift };
}

let batch: ScoredBatch | undefined;
afterEach(() => {
  batch?.close();
  batch = undefined;
});

describe('ScoredBatch', () => {
  it('keeps each result once, in reading order, and reads it back whole by its offset', () => {
    batch = new ScoredBatch();
    batch.add(response('999901', '2026-11-03', [10, 20, 30, 25]));
    batch.add(response('999902', '2026-11-04', [14.5, 20.5, 35, 30]));
    batch.add(response('999903', '2026-11-05', [5, 5, 5, 5]));
    const kept = batch.kept();
    expect(kept.map((s) => [s.code, s.day, s.checklist, s.grade, s.total, s.veto])).toEqual([
      ['999901', 20261103, 'drift@1', '良好', 85, []],
      ['999902', 20261104, 'drift@1', '优秀', 100, []],
      ['999903', 20261105, 'drift@1', '不合格', 20, []],
    ]);
    const back = [...batch.results(kept.slice().reverse())];
    expect(back.map((r) => [r.center.code, r.center.name, r.date, r.total])).toEqual([
      ['999903', '中心999903', '2026-11-05', 20],
      ['999902', '中心999902', '2026-11-04', 100],
      ['999901', '中心999901', '2026-11-03', 85],
    ]);
  });

  it('counts an identical copy once and names both files of a differing one', () => {
    batch = new ScoredBatch();
    batch.add(response('999901', '2026-11-03', [10, 20, 30, 25], 'a/甲.audit.yaml'));
    batch.add(response('999901', '2026-11-03', [10, 20, 30, 25], 'b/甲.json'));
    batch.add(response('999901', '2026-11-03', [10, 20, 30, 20], 'c/甲.audit.yaml'));
    expect(batch.kept()).toHaveLength(1);
    expect(batch.conflicts).toHaveLength(1);
    expect(batch.conflicts).toEqual([{ code: 'responses.conflict', file: 'c/甲.audit.yaml', message: '中心 999901 在 2026-11-03 的评估与 a/甲.audit.yaml 中的同一次评估答案不同;请只保留正确的一份' }]);
  });

  it('keeps a center of the wrong level or one that cannot be scored out of the standings, as a problem naming its file', () => {
    batch = new ScoredBatch();
    batch.add(response('999901101', '2026-11-03', [10, 20, 30, 25], '镇.audit.yaml'));
    const unanswered = { ...response('999902', '2026-11-03', [10, 20, 30, 25], '乙.audit.yaml') };
    unanswered.audit = { ...unanswered.audit, answers: { 'P-1': unanswered.audit.answers['P-1'] } };
    batch.add(unanswered);
    batch.add(response('999903', '2026-11-03', [10, 20, 30, 25]));
    expect(batch.kept().map((s) => s.code)).toEqual(['999903']);
    expect(batch.levelProblems.map((p) => p.file)).toEqual(['镇.audit.yaml']);
    expect(batch.scoreProblems).toEqual([{ code: 'score.incomplete', file: '乙.audit.yaml', message: '中心 999902(中心999902):有 3 个评分项未作答:P-2, P-3, P-4。请补全,或加 --blank zero 按 0 分计' }]);
    expect(batch.conflicts).toEqual([]);
  });

  it('withdraws a row of the file being read, and none once that file is settled', () => {
    batch = new ScoredBatch();
    batch.add(response('999901', '2026-11-03', [10, 20, 30, 25], 'sheet.xlsx!评分表!4'));
    batch.add(response('999902', '2026-11-03', [10, 20, 30, 25], 'sheet.xlsx!评分表!5'));
    batch.withdraw('sheet.xlsx!评分表!4');
    batch.settled();
    batch.withdraw('sheet.xlsx!评分表!5');
    expect(batch.kept().map((s) => s.code)).toEqual(['999902']);
  });

  it('ranks each checklist on its own, equal totals sharing a rank', () => {
    batch = new ScoredBatch();
    batch.add(response('999901', '2026-11-03', [10, 20, 30, 25]));
    batch.add(response('999902', '2026-11-03', [14.5, 20.5, 35, 30]));
    batch.add(response('999903', '2026-11-03', [10, 20, 30, 25]));
    const [group, ...others] = batch.ranked(GRADES);
    expect(others).toEqual([]);
    expect(group.checklist).toBe(drift);
    expect(group.rows.map((r) => [r.item.code, r.rank])).toEqual([
      ['999902', 1],
      ['999901', 2],
      ['999903', 2],
    ]);
  });

  it('writes the kept results as JSONL, withdrawn rows left out, compact lines without the item texts', () => {
    const dir = tempDir();
    batch = new ScoredBatch();
    batch.add(response('999901', '2026-11-03', [10, 20, 30, 25], 'w.xlsx!评分表!4'));
    batch.add(response('999902', '2026-11-03', [14.5, 20.5, 35, 30], 'w.xlsx!评分表!5'));
    const whole = join(dir, 'all.jsonl');
    batch.writeJsonl(whole);
    const lines = readFileSync(whole, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).center.code)).toEqual(['999901', '999902']);

    // The path is the staging file the output set gives it: written over, as the same file is here.
    batch.withdraw('w.xlsx!评分表!4');
    batch.writeJsonl(whole);
    expect(readFileSync(whole, 'utf8').trimEnd().split('\n')).toEqual([lines[1]]);

    batch.writeJsonl(whole, { compact: true });
    const [only, ...rest] = readFileSync(whole, 'utf8').trimEnd().split('\n');
    expect(rest).toEqual([]);
    const full = JSON.parse(lines[1]);
    const short = JSON.parse(only);
    expect(short.total).toBe(full.total);
    expect(short.checklist.sha256).toBe(drift.sha256);
    expect(only.length).toBeLessThan(lines[1].length);
    expect(only).not.toContain(drift.dimensions[0].items[0].criteria);
  });

  it('holds its results in a temp folder of its own, removed on close, and clears the folders of dead runs', () => {
    const mine = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`zongzhi-score-${process.pid}-`));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const left = join(tmpdir(), `zongzhi-score-${dead}-killed`);
    mkdirSync(left, { recursive: true });
    writeFileSync(join(left, 'results.jsonl'), '{}\n');
    const before = mine();
    const own = new ScoredBatch();
    own.add(response('999901', '2026-11-03', [10, 20, 30, 25]));
    expect(existsSync(left)).toBe(false);
    expect(mine()).toHaveLength(before.length + 1);
    own.close();
    expect(mine()).toEqual(before);
  });
});
