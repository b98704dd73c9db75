import { usageError } from '../errors.js';
import { readTasksFile } from '../formats/tasks-file.js';
import { t } from '../i18n/index.js';
import { parseDate, today } from '../model/dates.js';
import { Exact } from '../model/exact.js';
import type { CountyTaskProgress, TaskUnitStatus } from '../progress/model.js';
import { countyTaskProgress, taskStatuses } from '../progress/status.js';
import { readCenters } from '../sources/centers.js';
import { readTaskReports } from '../sources/task-reports.js';
import { overdueTaskJson } from '../sinks/monthly-progress.js';
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
  const reports = await readTaskReports(collectInputs(inputs, ['.xlsx']), tasks, centers);
  const statuses = taskStatuses(tasks, reports, centers, asOf);
  const { counties, city } = countyTaskProgress(statuses);
  const overdue = statuses.filter((s) => s.daysOverdue > 0).sort((a, b) => b.daysOverdue - a.daysOverdue || a.unit.code.localeCompare(b.unit.code));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ asOf, counties, city, overdue: overdue.map(overdueTaskJson) }, null, 2)}\n`);
    return;
  }
  const lines = [t('progress.status.title', { asOf }), progressTable([...counties, { ...city, county: { code: '', name: t('progress.status.city') } }]), ''];
  if (overdue.length === 0) lines.push(t('progress.status.no-overdue'));
  else lines.push(t('progress.status.overdue-title', { count: overdue.length }), overdueTable(overdue));
  process.stdout.write(`${lines.join('\n')}\n`);
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
