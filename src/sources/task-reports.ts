import { problem, UserError, type Problem } from '../errors.js';
import { readProgressWorkbook } from '../formats/progress-workbook.js';
import type { Task, TaskReport } from '../progress/model.js';
import { taskUnits } from '../progress/status.js';
import type { CenterEntry } from './centers.js';

/**
 * Every returned sheet's rows, checked against the tasks and the registry: a row for a
 * task or unit that does not exist, or two copies saying different things, is refused
 * with both places — nothing is counted until all of them read cleanly.
 */
export async function readTaskReports(files: string[], tasks: readonly Task[], centers: readonly CenterEntry[]): Promise<TaskReport[]> {
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
