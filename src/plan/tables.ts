import { t } from '../i18n/index.js';
import { addDays } from '../model/dates.js';
import type { Plan, Visit } from './model.js';

/**
 * The plan laid out as text tables. The Markdown and the workbook render these, so a
 * field is worded once and the two cannot disagree.
 */

export interface PlanColumn {
  header: string;
  /** Workbook width in characters. */
  width: number;
  kind?: 'code' | 'date';
  wrap?: boolean;
}

export interface PlanTable {
  title: string;
  columns: PlanColumn[];
  rows: string[][];
}

export function planTitle(plan: Plan): string {
  const [year, q] = plan.quarter.split('Q');
  const title = t('plan.title', { year, quarter: t(`plan.quarter.${q}`) });
  return plan.internal ? `${title}${t('plan.internal-mark')}` : title;
}

/** The lines a reader checks the draw against: seed, dates, algorithm and options. */
export function planPreamble(plan: Plan): string[] {
  const o = plan.options;
  return [
    t('plan.preamble.seed', { seed: plan.seed }),
    t('plan.preamble.period', { start: plan.start, end: plan.end, asOf: plan.asOf }),
    t('plan.preamble.options', {
      sample: o.sample,
      counties: t(`plan.counties.${o.counties}`),
      must: o.must.length ? o.must.join('、') : t('plan.none'),
      teamSize: o.teamSize,
      perDay: o.perDay,
      covert: `${Math.round(o.covert * 100)}%`,
    }),
    ...(o.exclude.length ? [t('plan.preamble.exclude', { dates: compressDates(o.exclude) })] : []),
    t('plan.preamble.algorithm'),
    ...(plan.internal ? [t('plan.preamble.internal')] : []),
  ];
}

/** The visits with the columns a table shows; `team` limits them to one team's. */
export function visitsTable(plan: Plan, team?: number): PlanTable {
  // Advance notice is what an unannounced visit must not carry: the column goes when no visit has one.
  const notice = plan.visits.some((v) => v.notice !== undefined);
  const visits = plan.visits.filter((v) => team === undefined || v.team === team);
  const columns: PlanColumn[] = [
    { header: t('plan.col.seq'), width: 5 },
    { header: t('plan.col.date'), width: 12, kind: 'date' },
    ...(team === undefined ? [{ header: t('plan.col.team'), width: 8 }] : []),
    { header: t('plan.col.code'), width: 12, kind: 'code' as const },
    { header: t('plan.col.name'), width: 22, wrap: true },
    { header: t('plan.col.level'), width: 9 },
    { header: t('plan.col.mode'), width: 6 },
    { header: t('plan.col.reason'), width: 10 },
    { header: t('plan.col.weight'), width: 7 },
    ...(notice ? [{ header: t('plan.col.notice'), width: 12, kind: 'date' as const }] : []),
    { header: t('plan.col.inspectors'), width: 30, wrap: true },
  ];
  const rows = visits.map((v, i) => [
    String(i + 1),
    v.date,
    ...(team === undefined ? [teamName(v.team)] : []),
    v.center.code,
    v.center.name,
    t(`plan.level.${v.center.level}`),
    v.mode,
    t(`plan.reason.${v.reason}`),
    v.weight.toFixed(2),
    ...(notice ? [v.notice ?? ''] : []),
    inspectorsText(v),
  ]);
  return { title: team === undefined ? t('plan.table.visits') : teamName(team), columns, rows };
}

export function weightsTable(plan: Plan): PlanTable {
  return {
    title: t('plan.table.weights'),
    columns: [
      { header: t('plan.col.factor'), width: 40, wrap: true },
      { header: t('plan.col.per'), width: 10 },
      { header: t('plan.col.max'), width: 10 },
    ],
    rows: plan.factors.map((f) => [t(`plan.factor.${f.id}`), `+${f.per}`, `+${f.max}`]),
  };
}

export function strataTable(plan: Plan): PlanTable {
  const drawn = (county: string) => plan.visits.filter((v) => v.county === county && v.center.level === 'township').length;
  return {
    title: t('plan.table.strata'),
    columns: [
      { header: t('plan.col.county'), width: 10, kind: 'code' },
      { header: t('plan.col.name'), width: 18 },
      { header: t('plan.col.townships'), width: 10 },
      { header: t('plan.col.quota'), width: 10 },
      { header: t('plan.col.selected'), width: 10 },
    ],
    rows: plan.strata.map((s) => [s.county, s.name, String(s.townships), String(s.quota), String(drawn(s.county))]),
  };
}

export function teamsTable(plan: Plan): PlanTable {
  return {
    title: t('plan.table.teams'),
    columns: [
      { header: t('plan.col.team'), width: 8 },
      { header: t('plan.col.inspectors'), width: 48, wrap: true },
      { header: t('plan.col.visits'), width: 8 },
    ],
    rows: plan.teams.map((team) => [
      teamName(team.id),
      team.inspectors.map((i) => `${i.name}(${i.unit || i.county}${i.role ? `,${i.role}` : ''})`).join('、'),
      String(plan.visits.filter((v) => v.team === team.id).length),
    ]),
  };
}

export function teamName(id: number): string {
  return t('plan.team-name', { id });
}

function inspectorsText(v: Visit): string {
  return v.inspectors.map((i) => (i.unit ? `${i.name}(${i.unit})` : i.name)).join('、');
}

/** 2026-10-01..2026-10-08 instead of eight dates. */
function compressDates(dates: readonly string[]): string {
  const runs: string[][] = [];
  for (const d of dates) {
    const run = runs[runs.length - 1];
    if (run && addDays(run[run.length - 1], 1) === d) run.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length > 1 ? `${r[0]}..${r[r.length - 1]}` : r[0])).join('、');
}
