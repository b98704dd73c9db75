import { problem, UserError, usageError, type Problem } from '../errors.js';
import { readProgressWorkbook } from '../formats/progress-workbook.js';
import { readTasksFile } from '../formats/tasks-file.js';
import { t } from '../i18n/index.js';
import { parseDate, today } from '../model/dates.js';
import { Exact } from '../model/exact.js';
import type { CountyTaskProgress, Task, TaskReport, TaskUnitStatus } from '../progress/model.js';
import { countyTaskProgress, taskStatuses, taskUnits } from '../progress/status.js';
import { readCenters, type CenterEntry } from '../sources/centers.js';
import { renderTable } from '../sinks/terminal.js';
import { collectInputs } from '../util/fs.js';

interface Options {
  centers: string;
  asOf?: string;
  json?: boolean;
}

/** `zongzhi progress status <tasks.yaml> <周调度表…> --centers <registry> [--as-of D] [--json]`. */
export default async function run(tasksFile: string, inputs: string[], opts: Options): Promise<void> {
  const asOf = opts.asOf === undefined ? today() : parseDate(opts.asOf);
  if (!asOf) throw usageError('progress.bad-as-of', { value: String(opts.asOf) });
  const { tasks } = await readTasksFile(tasksFile);
  const centers = await readCenters(opts.centers);
  const reports = await readReports(collectInputs(inputs, ['.xlsx']), tasks, centers);
  const statuses = taskStatuses(tasks, reports, centers, asOf);
  const { counties, city } = countyTaskProgress(statuses);
  const overdue = statuses.filter((s) => s.daysOverdue > 0).sort((a, b) => b.daysOverdue - a.daysOverdue || a.unit.code.localeCompare(b.unit.code));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ asOf, counties, city, overdue: overdue.map(overdueJson) }, null, 2)}\n`);
    return;
  }
  const lines = [t('progress.status.title', { asOf }), progressTable([...counties, { ...city, county: { code: '', name: t('progress.status.city') } }]), ''];
  if (overdue.length === 0) lines.push(t('progress.status.no-overdue'));
  else lines.push(t('progress.status.overdue-title', { count: overdue.length }), overdueTable(overdue));
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Every returned sheet's rows, checked against the tasks and the registry: a row for a
 * task or unit that does not exist, or two copies saying different things, is refused
 * with both places — nothing is counted until all of them read cleanly.
 */
async function readReports(files: string[], tasks: readonly Task[], centers: readonly CenterEntry[]): Promise<TaskReport[]> {
  const problems: Problem[] = [];
  const byKey = new Map<string, TaskReport>();
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  for (const file of files) {
    let reports: TaskReport[];
    try {
      reports = await readProgressWorkbook(file);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(...e.problems);
      continue;
    }
    for (const r of reports) {
      const task = taskById.get(r.task);
      if (!task) {
        problems.push(problem('progress.unknown-task', { task: r.task, tasks: [...taskById.keys()].join(', ') }, r.place));
        continue;
      }
      if (!taskUnits(task, centers).some((c) => c.code === r.unit)) {
        problems.push(problem('progress.unknown-unit', { task: r.task, unit: r.unit }, r.place));
        continue;
      }
      const key = `${r.task}\u0000${r.unit}`;
      const seen = byKey.get(key);
      if (seen && (seen.state !== r.state || seen.doneDate !== r.doneDate)) {
        problems.push(problem('progress.conflict', { task: r.task, unit: r.unit, other: placeText(seen), a: stateText(seen), b: stateText(r) }, r.place));
      }
      if (!seen) byKey.set(key, r);
    }
  }
  if (problems.length) throw new UserError(problems);
  return [...byKey.values()];
}

function placeText(r: TaskReport): string {
  return [r.place?.file, r.place?.sheet, r.place?.cell].filter(Boolean).join('!');
}

function stateText(r: TaskReport): string {
  return r.doneDate ? `${r.state} ${r.doneDate}` : r.state;
}

const PERCENT = Exact.of(100n);

function progressTable(rows: CountyTaskProgress[]): string {
  const number = (key: string) => ({ header: t(`progress.status.${key}`), align: 'right' as const });
  return renderTable(
    [number('rank'), { header: t('progress.status.county') }, ...['due', 'done', 'overdue', 'slow', 'rate'].map(number)],
    rows.map((p) => [p.rank ?? '', p.county.name, p.due, p.done, p.overdue, p.slow, p.rate ? `${p.rate.mul(PERCENT).toFixed(1)}%` : '—']),
  );
}

function overdueTable(rows: TaskUnitStatus[]): string {
  return renderTable(
    [
      { header: t('progress.status.county') },
      { header: t('progress.status.unit'), width: 20 },
      { header: t('progress.status.task'), width: 30 },
      { header: t('progress.status.deadline') },
      { header: t('progress.status.state') },
      { header: t('progress.status.days'), align: 'right' },
      { header: t('progress.status.action') },
    ],
    rows.map((s) => [s.county.name, s.unit.name, s.task.title, s.task.deadline, s.state, s.daysOverdue, s.slow ? '约谈' : '提醒']),
  );
}

function overdueJson(s: TaskUnitStatus) {
  return { task: s.task.id, title: s.task.title, deadline: s.task.deadline, unit: s.unit, county: s.county, state: s.state, daysOverdue: s.daysOverdue, slow: s.slow };
}
