// The revised shipped checklists (2026.1) beside the 2025.1 ones: which version an id names,
// that audits made with 2025.1 still find their exact checklist, and what changed between
// them, written out by hand from the revision (see the header comment of checklists/county.yaml).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffChecklists } from '../src/checklist/diff.js';
import { compareVersions, resolveChecklist } from '../src/checklist/load.js';
import { ROOT, runCli } from './helpers.js';

describe('which version a checklist id names', () => {
  it('an id is the newest version; a file name picks one version', () => {
    expect(resolveChecklist('county').version).toBe('2026.1');
    expect(resolveChecklist('township').version).toBe('2026.1');
    expect(resolveChecklist('county-2025.1').version).toBe('2025.1');
    expect(resolveChecklist('village')).toMatchObject({ id: 'village', level: 'village', version: '2026.1' });
  });

  it('compares versions by their numbers', () => {
    expect(compareVersions('2026.1', '2025.12')).toBeGreaterThan(0);
    expect(compareVersions('2025.10', '2025.9')).toBeGreaterThan(0);
    expect(compareVersions('2025.1', '2025.1')).toBe(0);
  });

  it('the 2025.1 files are byte for byte what earlier audits recorded (same sha256)', () => {
    const recorded = (file: string) => /sha256: ([0-9a-f]{64})/.exec(readFileSync(join(ROOT, 'fixtures/demo/audits', file), 'utf8'))![1];
    expect(resolveChecklist('township-2025.1').sha256).toBe(recorded('2026-10/2026-10-18-999904102-township.audit.yaml'));
    expect(resolveChecklist('county-2025.1').sha256).toBe(recorded('2026-10/2026-10-17-999902-county.audit.yaml'));
  });
});

type Brief = [string, string, string, string[]];

describe('county 2025.1 → 2026.1', () => {
  const changes = diffChecklists(resolveChecklist('county-2025.1'), resolveChecklist('county'));
  const brief = (c: (typeof changes)[number]): Brief => [c.subject, c.kind, c.id, c.fields.map((f) => f.key)];

  it('every scoring change, as the revision made it', () => {
    const added = (id: string): Brief => ['item', 'added', id, ['dimension', 'points', 'method']];
    expect(changes.filter((c) => c.scoring).map(brief)).toEqual([
      ['checklist', 'rescored', 'penalties.cap', ['penalties.cap']],
      ['dimension', 'rescored', 'layout', ['points']],
      ['dimension', 'rescored', 'mechanism', ['points']],
      ['dimension', 'rescored', 'funding', ['points']],
      ['item', 'rescored', 'LAY-01', ['points', 'bands']],
      ['item', 'rescored', 'LAY-07', ['points', 'levels']],
      ['item', 'rescored', 'LAY-08', ['points', 'levels']],
      ['item', 'rescored', 'MEC-04', ['points', 'bands']],
      ['item', 'rescored', 'MEC-08', ['points']],
      added('MEC-12'),
      added('MEC-13'),
      added('MEC-14'),
      added('MEC-15'),
      added('MEC-16'),
      ['item', 'rescored', 'FUN-03', ['points', 'bands']],
      ['item', 'rescored', 'FUN-07', ['points', 'levels']],
      ['item', 'removed', 'LAY-09', ['dimension', 'points', 'method', 'per']],
      ['item', 'removed', 'MEC-09', ['dimension', 'points', 'method']],
      ['penalty', 'added', 'NEG-01', ['dimension', 'veto']],
      ['penalty', 'added', 'NEG-02', ['dimension', 'per']],
      ['penalty', 'added', 'NEG-03', ['dimension', 'per']],
    ]);
    const points = (id: string) => changes.find((c) => c.id === id && c.kind === 'rescored')!.fields[0];
    expect([points('layout'), points('mechanism'), points('funding')]).toEqual([
      { key: 'points', old: 20, new: 16 },
      { key: 'points', old: 28, new: 34 },
      { key: 'points', old: 18, new: 16 },
    ]);
    expect([points('LAY-01'), points('MEC-04'), points('MEC-08'), points('FUN-03')].map((f) => [f.old, f.new])).toEqual([
      [3, 2],
      [3, 4],
      [2, 1],
      [4, 3],
    ]);
  });

  it('every item kept from 2025.1 now cites a basis, and no default problem says "A或B"', () => {
    const county = resolveChecklist('county');
    const all = [...county.dimensions.flatMap((d) => d.items), ...(county.bonus?.items ?? []), ...(county.penalties?.items ?? [])];
    expect(all.filter((i) => !i.basis).map((i) => i.id)).toEqual([]);
    expect(all.filter((i) => i.finding?.problem?.includes('或')).map((i) => i.id)).toEqual([]);
    const kept = changes.filter((c) => c.subject === 'item' && c.kind === 'reworded');
    expect(kept).toHaveLength(36 + 4); // 36 of the 38 items (LAY-09 and MEC-09 removed) and the 4 bonus items
    expect(kept.every((c) => c.fields.some((f) => f.key === 'basis' && f.old === undefined))).toBe(true);
  });

  it('the CLI exits 1: the revision changes scoring', async () => {
    const r = await runCli(['checklist', 'diff', 'county-2025.1', 'county']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('清单变化:county 2025.1 → county 2026.1');
    expect(r.stdout).toMatch(/│ 删除评分项\s+│ LAY-09\s+│ 标识标牌和制度上墙/);
  });
});
