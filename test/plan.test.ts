import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, UserError } from '../src/errors.js';
import { planJsonText, readPlanFile } from '../src/formats/plan-json.js';
import type { LedgerRow } from '../src/ledger/model.js';
import { excludedDates, noticeDate, quarterRange, workingDays } from '../src/plan/calendar.js';
import { conflictsOf } from '../src/plan/teams.js';
import { coverage } from '../src/plan/coverage.js';
import type { Inspector, Plan, PlanSettings } from '../src/plan/model.js';
import { buildPlan, type PlanInput } from '../src/plan/plan.js';
import { planMarkdown } from '../src/sinks/plan-md.js';
import type { CenterEntry } from '../src/sources/centers.js';
import { tempDir } from './helpers.js';

const SETTINGS: PlanSettings = { sample: '20%', counties: 'all', must: [], teamSize: 2, perDay: 1, covert: 0, noticeDays: 3, exclude: [] };

/** `counties` counties of `townships` townships each, codes 9999cc and 9999cc1tt. */
function registry(counties: number, townships: number): CenterEntry[] {
  const entries: CenterEntry[] = [];
  for (let c = 1; c <= counties; c++) {
    const county = `9999${String(c).padStart(2, '0')}`;
    entries.push({ code: county, name: `第${c}区综治中心`, level: 'county' });
    for (let t = 1; t <= townships; t++) entries.push({ code: `${county}1${String(t).padStart(2, '0')}`, name: `第${c}区${t}镇综治中心`, level: 'township' });
  }
  return entries;
}

/** Two inspectors from each of the counties 1..n (a 组长 and a 组员), plus two city-level ones. */
function roster(counties: number): Inspector[] {
  const people: Inspector[] = [];
  for (let c = 1; c <= counties; c++) {
    const county = `9999${String(c).padStart(2, '0')}`;
    people.push({ name: `组长${c}`, unit: `第${c}区委政法委`, county, role: '组长', conflicts: [] });
    people.push({ name: `组员${c}`, unit: `第${c}区司法局`, county, role: '组员', conflicts: [] });
  }
  people.push({ name: '市甲', unit: '市委政法委', county: '999900', role: '组长', conflicts: [] }, { name: '市乙', unit: '市委政法委', county: '999900', role: '组员', conflicts: [] });
  return people;
}

function input(extra: Partial<PlanInput> = {}): PlanInput {
  return { quarter: '2026Q4', seed: '2026年9月28日摇号 418277', registry: registry(4, 5), inspectors: roster(4), settings: SETTINGS, ...extra };
}

function plan(extra: Partial<PlanInput> = {}): Plan {
  const outcome = buildPlan(input(extra));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.plan;
}

const drawnTownships = (p: Plan) => p.visits.filter((v) => v.center.level === 'township').map((v) => v.center.code).sort();
const perCounty = (p: Plan) => p.strata.map((s) => [s.county, p.visits.filter((v) => v.county === s.county && v.center.level === 'township').length]);

describe('plan: selection', () => {
  it('is byte-identical for the same inputs and seed, and independent of the registry order', () => {
    const a = plan();
    const b = plan({ registry: [...registry(4, 5)].reverse(), inspectors: roster(4) });
    expect(planJsonText(b)).toBe(planJsonText(a));
    expect(planMarkdown(b)).toBe(planMarkdown(a));
  });

  it('a different seed draws a different sample with the same strata sizes', () => {
    const base = plan({ registry: registry(4, 12) });
    const other = plan({ registry: registry(4, 12), seed: '另一个种子' });
    expect(drawnTownships(other)).not.toEqual(drawnTownships(base));
    expect(perCounty(other)).toEqual(perCounty(base));
    // 20% of 12 rounded up = 3 per county, and every county center each quarter.
    expect(perCounty(base)).toEqual([['999901', 3], ['999902', 3], ['999903', 3], ['999904', 3]]);
    expect(base.visits.filter((v) => v.center.level === 'county').map((v) => v.center.code).sort()).toEqual(['999901', '999902', '999903', '999904']);
  });

  it('follows the published algorithm: HMAC-SHA256(seed, quarter|code) → u, the highest u^(1/w) in each county', () => {
    const seed = '公开种子 7';
    const p = plan({ seed, registry: registry(3, 7), settings: { ...SETTINGS, sample: '2' } });
    // Re-derived here from the README's words alone (all weights 1 without history or ledger).
    const u = (code: string) => (parseInt(createHmac('sha256', seed).update(`2026Q4|${code}`).digest('hex').slice(0, 13), 16) + 1) / 2 ** 52;
    const expected = ['999901', '999902', '999903'].flatMap((county) =>
      registry(3, 7)
        .filter((e) => e.level === 'township' && e.code.startsWith(county))
        .sort((a, b) => u(b.code) - u(a.code))
        .slice(0, 2)
        .map((e) => e.code),
    );
    expect(drawnTownships(p)).toEqual(expected.sort());
    for (const v of p.visits) expect(v.lot).toBe(u(v.center.code));
  });

  it('takes at least one township per county and rounds a share up', () => {
    const p = plan({ registry: registry(2, 3), settings: { ...SETTINGS, sample: '10%' } });
    expect(perCounty(p)).toEqual([['999901', 1], ['999902', 1]]);
    expect(perCounty(plan({ registry: registry(2, 6), settings: { ...SETTINGS, sample: '34%' } }))).toEqual([['999901', 3], ['999902', 3]]);
  });

  it('always includes --must centers, marked, counting toward their county quota', () => {
    const p = plan({ registry: registry(2, 10), settings: { ...SETTINGS, sample: '2', must: ['999901105', '999901107', '999901109'], counties: 'none' } });
    const county1 = p.visits.filter((v) => v.county === '999901');
    expect(county1.map((v) => [v.center.code, v.reason])).toEqual([['999901105', 'must'], ['999901107', 'must'], ['999901109', 'must']]);
    expect(p.visits.filter((v) => v.county === '999902').map((v) => v.reason)).toEqual(['drawn', 'drawn']);
    expect(p.visits.some((v) => v.center.level === 'county')).toBe(false);
  });

  it('refuses an unknown --must code, saying so', () => {
    const outcome = buildPlan(input({ settings: { ...SETTINGS, must: ['999901999'] } }));
    expect(outcome).toEqual({ ok: false, problems: [{ code: 'plan.must-unknown', params: { code: '999901999', count: 24 } }] });
  });
});

describe('plan: risk weights', () => {
  /** Every even township of every county has two overdue findings in the ledger. */
  const overdueLedger = (entries: CenterEntry[]): LedgerRow[] =>
    entries
      .filter((e) => e.level === 'township' && Number(e.code.slice(-2)) % 2 === 0)
      .flatMap((e) => [1, 2].map((n) => ({ id: `${e.code}-20260601-X-${n}`, centerCode: e.code, status: '整改中', deadline: '2026-07-31' }) as LedgerRow));

  function rates(ledger: LedgerRow[] | undefined, seeds: number) {
    const entries = registry(10, 10);
    let risky = 0;
    let plain = 0;
    for (let s = 0; s < seeds; s++) {
      for (const code of drawnTownships(plan({ seed: `seed-${s}`, registry: entries, ledger, inspectors: roster(10), settings: { ...SETTINGS, sample: '2' } }))) {
        if (Number(code.slice(-2)) % 2 === 0) risky++;
        else plain++;
      }
    }
    // 50 risky and 50 plain townships, 20 drawn a plan.
    return { risky: risky / (50 * seeds), plain: plain / (50 * seeds) };
  }

  it('prints the weight: 1 + 0.5 per overdue finding', () => {
    const entries = registry(1, 2);
    const p = plan({ registry: entries, ledger: overdueLedger(entries), inspectors: roster(2), settings: { ...SETTINGS, sample: '2' } });
    expect(p.visits.map((v) => [v.center.code, v.weight, v.risk.overdue])).toEqual([
      ['999901', 1, 0],
      ['999901101', 1, 0],
      ['999901102', 2, 2],
    ]);
  });

  it('favours centers with overdue findings over many seeds, and is even without a ledger', () => {
    // Deterministic seeds: the same figures on every run (measured: 26.6 % against 13.4 %; without a ledger 20.4 % and 19.6 %).
    // Weight 2 against 1, 2 of 10 drawn per county.
    const weighted = rates(overdueLedger(registry(10, 10)), 100);
    expect(weighted.risky).toBeGreaterThan(1.5 * weighted.plain);
    expect(weighted.risky + weighted.plain).toBeCloseTo(0.4, 10);
    const even = rates(undefined, 100);
    expect(Math.abs(even.risky - even.plain)).toBeLessThan(0.03);
  });

  it('favours centers with a low last score', () => {
    const entries = registry(10, 10);
    const history = entries.map((e) => ({ code: e.code, date: '2026-08-15', percent: Number(e.code.slice(-2)) % 2 === 0 ? 65 : 95, failed: false }));
    let low = 0;
    let high = 0;
    for (let s = 0; s < 100; s++) {
      for (const code of drawnTownships(plan({ seed: `s${s}`, registry: entries, history, inspectors: roster(10), settings: { ...SETTINGS, sample: '2' } }))) {
        if (Number(code.slice(-2)) % 2 === 0) low++;
        else high++;
      }
    }
    expect(low).toBeGreaterThan(1.5 * high);
  });
});

describe('plan: teams and dates', () => {
  it('no team ever inspects its own county or a declared conflict (random registries and rosters)', () => {
    const arbitrary = fc.record({
      counties: fc.integer({ min: 2, max: 6 }),
      townships: fc.integer({ min: 0, max: 8 }),
      people: fc.array(fc.record({ county: fc.integer({ min: 0, max: 6 }), leader: fc.boolean(), conflict: fc.option(fc.integer({ min: 1, max: 6 })) }), { minLength: 2, maxLength: 14 }),
      teamSize: fc.integer({ min: 1, max: 3 }),
      seed: fc.string(),
    });
    fc.assert(
      fc.property(arbitrary, ({ counties, townships, people, teamSize, seed }) => {
        const inspectors: Inspector[] = people.map((p, i) => ({
          name: `人员${i}`,
          unit: '',
          county: `9999${String(p.county).padStart(2, '0')}`,
          role: p.leader ? '组长' : '组员',
          conflicts: p.conflict === null ? [] : [`9999${String(p.conflict).padStart(2, '0')}`],
        }));
        const outcome = buildPlan({ quarter: '2026Q4', seed, registry: registry(counties, townships), inspectors, settings: { ...SETTINGS, teamSize, perDay: 5 } });
        if (!outcome.ok) {
          // Refusing is allowed only when it is true: the named center really has no team free of conflicts.
          for (const problem of outcome.problems) {
            expect(['plan.no-team', 'plan.too-few-inspectors']).toContain(problem.code);
          }
          return;
        }
        const { plan: p } = outcome;
        for (const v of p.visits) {
          const team = p.teams.find((t) => t.id === v.team)!;
          expect(conflictsOf(team, v.center.code, v.county)).toEqual([]);
          for (const i of v.inspectors) expect(i.county).not.toBe(v.county);
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('names the center no team can enter, and why', () => {
    const inspectors: Inspector[] = [
      { name: '甲', unit: '', county: '999901', role: '组长', conflicts: [] },
      { name: '乙', unit: '', county: '999902', role: '组长', conflicts: ['999901'] },
      { name: '丙', unit: '', county: '999900', role: '组长', conflicts: ['999901101'] },
    ];
    const outcome = buildPlan(input({ registry: registry(2, 1), inspectors, settings: { ...SETTINGS, teamSize: 1 } }));
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          code: 'plan.no-team',
          input: 'inspectors',
          params: { code: '999901101', name: '第1区1镇综治中心', county: '999901', reasons: '第1组:甲为本县人员;第2组:乙申报回避;第3组:丙申报回避' },
        },
      ],
    });
  });

  it('balances the load and keeps every date on a working day of the quarter, within the daily capacity', () => {
    const exclude = (excludedDates(['2026-10-01..2026-10-08']) as { dates: string[] }).dates;
    const p = plan({ registry: registry(6, 20), inspectors: roster(6), settings: { ...SETTINGS, sample: '50%', exclude, perDay: 1 } });
    const days = new Set(workingDays('2026-10-01', '2026-12-31', exclude));
    const loads = p.teams.map((t) => p.visits.filter((v) => v.team === t.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const used = new Set<string>();
    for (const v of p.visits) {
      expect(days.has(v.date)).toBe(true);
      expect(used.has(`${v.team}|${v.date}`)).toBe(false);
      used.add(`${v.team}|${v.date}`);
      expect(v.notice).toBe(noticeDate(v.date, 3, exclude));
    }
    expect(noticeDate('2026-10-09', 3, exclude)).toBe('2026-09-28');
  });

  it('refuses a team with more visits than working days, naming the team', () => {
    const outcome = buildPlan(input({ registry: registry(2, 80), inspectors: roster(2).slice(0, 4), settings: { ...SETTINGS, sample: '100%', teamSize: 2 } }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]).toMatchObject({ code: 'plan.over-capacity', params: { team: 1, perDay: 1 } });
  });

  it('makes the 暗访 share covert, without advance notice, and marks the plan internal', () => {
    const p = plan({ registry: registry(4, 10), settings: { ...SETTINGS, covert: 0.3 } });
    const covert = p.visits.filter((v) => v.mode === '暗访');
    expect(covert).toHaveLength(Math.round(0.3 * p.visits.length));
    expect(covert.every((v) => v.notice === undefined)).toBe(true);
    expect(p.visits.filter((v) => v.mode === '明察').every((v) => v.notice !== undefined)).toBe(true);
    expect(p.internal).toBe(true);
    expect(planJsonText(p)).toContain('"classification": "内部"');
    const allCovert = plan({ settings: { ...SETTINGS, covert: 1 } });
    expect(planMarkdown(allCovert)).not.toContain('通知日期');
    expect(planMarkdown(allCovert)).toContain('(内部)');
  });
});

describe('plan: calendar', () => {
  it('knows quarters and refuses what is not one', () => {
    expect(quarterRange('2026Q4')).toEqual({ quarter: '2026Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(quarterRange('2027q1')).toEqual({ quarter: '2027Q1', start: '2027-01-01', end: '2027-03-31' });
    expect(quarterRange('2026Q5')).toBeUndefined();
    expect(excludedDates(['2026-10-09..2026-10-01'])).toEqual({ bad: '2026-10-09..2026-10-01' });
  });
});

describe('plan: coverage', () => {
  it('counts a planned center done when audited in the quarter, and lists centers without an audit in four quarters', () => {
    const planned = [
      { code: '999901', name: '甲区', date: '2026-10-20', team: 1 },
      { code: '999901101', name: '青石镇', date: '2026-11-20', team: 2 },
    ];
    const audits = [
      { code: '999901', name: '甲区', date: '2026-10-21' },
      // Audited, but in the quarter before: not this plan's visit.
      { code: '999901101', name: '青石镇', date: '2026-09-30' },
      // The last audit is older than 2026Q1, the first of the four quarters.
      { code: '999902', name: '乙区', date: '2025-12-31' },
      { code: '999903', name: '丙县', date: '2026-01-01' },
    ];
    const universe = [...['999901', '999901101', '999902', '999903'].map((code) => ({ code, name: code })), { code: '999904', name: '丁县' }];
    const c = coverage('2026Q4', planned, audits, universe);
    expect(c.done.map((v) => v.code)).toEqual(['999901']);
    expect(c.open.map((v) => v.code)).toEqual(['999901101']);
    expect(c.stale).toEqual([
      { code: '999904', name: '丁县' },
      { code: '999902', name: '999902', last: '2025-12-31' },
    ]);
  });
});

describe('plan: reading a plan file back', () => {
  it('reads what it wrote, and refuses a broken visit at its line', () => {
    const file = join(tempDir(), 'plan.json');
    const p = plan();
    writeFileSync(file, planJsonText(p));
    expect(readPlanFile(file).plan.visits).toEqual(p.visits);
    const broken = JSON.parse(planJsonText(p));
    delete broken.visits[2].date;
    writeFileSync(file, JSON.stringify(broken, null, 2));
    const e = (() => {
      try {
        readPlanFile(file);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^${file}:\\d+:\\d+: 这一项检查任务不完整`))]);
  });
});
