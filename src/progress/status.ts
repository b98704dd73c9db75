import type { CountyRef } from '../briefing/model.js';
import { placeName } from '../model/audit.js';
import { countyCodeOf, type CenterEntry } from '../sources/centers.js';
import { daysBetween } from '../model/dates.js';
import { Exact } from '../model/exact.js';
import { ranked } from '../model/rank.js';
import type { CountyTaskProgress, Task, TaskReport, TaskUnitStatus } from './model.js';

/** The centers a task falls on, from the registry: county centers (all or listed) or one county's townships. */
export function taskUnits(task: Task, centers: readonly CenterEntry[]): CenterEntry[] {
  const scope = task.scope;
  if (scope.kind === 'townships') {
    return centers.filter((c) => c.level === 'township' && countyCodeOf(c) === scope.county);
  }
  const listed = scope.counties && new Set(scope.counties);
  return centers.filter((c) => c.level === 'county' && (!listed || listed.has(c.code)));
}

/** Every task × unit as it stands on `asOf`; a unit that never reported has not started. */
export function taskStatuses(
  tasks: readonly Task[],
  reports: readonly TaskReport[],
  centers: readonly CenterEntry[],
  asOf: string,
): TaskUnitStatus[] {
  const byKey = new Map(reports.map((r) => [`${r.task}\u0000${r.unit}`, r]));
  const nameOf = new Map(centers.map((c) => [c.code, c.name]));
  return tasks.flatMap((task) =>
    taskUnits(task, centers).map((unit) => {
      const report = byKey.get(`${task.id}\u0000${unit.code}`);
      const state = report?.state ?? '未启动';
      const late = daysBetween(task.deadline, asOf);
      const daysOverdue = state === '已完成' ? 0 : Math.max(0, late);
      const county = countyCodeOf(unit);
      return {
        task,
        unit: { code: unit.code, name: unit.name },
        county: { code: county, name: placeName(nameOf.get(county) ?? county) },
        state,
        doneDate: report?.doneDate,
        due: late >= 0,
        daysOverdue,
        slow: daysOverdue > 0 && state === '未启动',
      };
    }),
  );
}

/** 进展情况 per county (ranked by 完成率 as displayed, one decimal of a percentage) and for the city. */
export function countyTaskProgress(statuses: readonly TaskUnitStatus[]): { counties: CountyTaskProgress[]; city: CountyTaskProgress } {
  const byCounty = new Map<string, CountyTaskProgress>();
  const city = empty({ code: '', name: '' });
  for (const s of statuses) {
    let county = byCounty.get(s.county.code);
    if (!county) byCounty.set(s.county.code, (county = empty(s.county)));
    add(county, s);
    add(city, s);
  }
  const all = [...byCounty.values()].sort((a, b) => a.county.code.localeCompare(b.county.code));
  for (const p of [...all, city]) p.rate = p.due ? Exact.of(BigInt(p.done), BigInt(p.due)) : undefined;
  const rated = ranked(
    all.filter((p) => p.rate),
    (p) => p.rate!.round(3).toNumber(),
  ).map(({ item, rank }) => ({ ...item, rank }));
  return { counties: [...rated, ...all.filter((p) => !p.rate)], city };
}

function empty(county: CountyRef): CountyTaskProgress {
  return { county, due: 0, done: 0, overdue: 0, slow: 0 };
}

function add(p: CountyTaskProgress, s: TaskUnitStatus): void {
  if (!s.due) return;
  p.due++;
  if (s.state === '已完成') p.done++;
  if (s.daysOverdue > 0) p.overdue++;
  if (s.slow) p.slow++;
}
