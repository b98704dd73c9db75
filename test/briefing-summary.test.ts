import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../src/briefing/compute.js';
import { summarizeResult } from '../src/briefing/summary.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import type { Result } from '../src/model/result.js';
import { scoreResponses } from '../src/scoring/batch.js';
import { readResponses } from '../src/sources/responses.js';

/**
 * What the briefing keeps of each audit (issue 17: 40,000 centers in flat memory) must give
 * the same briefing as the full results: rates, 共性问题 with N/A items, veto titles, 环比.
 */
const FIX = 'fixtures/briefing';
const GRADES = ['优秀', '良好', '合格', '不合格'];

async function cityResults(): Promise<Result[]> {
  const registry = new ChecklistRegistry([`${FIX}/checklists/mini-county.yaml`, `${FIX}/checklists/mini-township.yaml`]);
  const read = await readResponses([`${FIX}/audits`], registry);
  const scored = scoreResponses(read.responses);
  expect([...read.problems, ...scored.problems]).toEqual([]);
  return scored.results;
}

describe('briefing summaries', () => {
  it('give the same briefing as the full results, N/A items and vetoes included', async () => {
    const results = await cityResults();
    const na = results.flatMap((r) => r.items).filter((i) => i.earned === null);
    expect(na.length, 'the fixture has N/A items').toBeGreaterThan(0);
    expect(results.some((r) => r.veto.length), 'the fixture has a veto').toBe(true);
    const month = '2026-11';
    const summaries = results.map((r) => summarizeResult(r, r.date.startsWith(month)));
    expect(buildBriefing({ month, results: summaries, grades: GRADES })).toEqual(buildBriefing({ month, results, grades: GRADES }));
  });

  it('share one item list among the results of a checklist, and keep one number per item', async () => {
    const results = await cityResults();
    const [a, b] = results.filter((r) => r.checklist.level === 'township').map((r) => summarizeResult(r, true));
    expect(b.items).toBe(a.items);
    expect(a.earned).toBeInstanceOf(Float64Array);
    expect(a.earned).toHaveLength(a.items.length);
    // An earlier audit is only compared with: nothing of its items is kept.
    expect(summarizeResult(results[0], false)).toMatchObject({ items: [], dimensions: [] });
    expect(summarizeResult(results[0], false).earned).toHaveLength(0);
  });
});
