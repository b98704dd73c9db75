import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { readTasksFile } from '../formats/tasks-file.js';
import { progressRowOf, writeProgressWorkbook } from '../formats/progress-workbook.js';
import { t } from '../i18n/index.js';
import { today } from '../model/dates.js';
import { taskStatuses } from '../progress/status.js';
import { readCenters } from '../sources/centers.js';
import { assertWritable, extensionOf } from '../util/fs.js';
import type { TaskUnitStatus } from '../progress/model.js';

interface Options {
  centers: string;
  output: string;
  force?: boolean;
}

/** `zongzhi progress template <tasks.yaml> --centers <registry> -o <dir|file.xlsx>`: a 周调度表 per county. */
export default async function run(tasksFile: string, opts: Options): Promise<void> {
  const { tasks } = await readTasksFile(tasksFile);
  const centers = await readCenters(opts.centers);
  const byCounty = new Map<string, TaskUnitStatus[]>();
  for (const s of taskStatuses(tasks, [], centers, today())) {
    const rows = byCounty.get(s.county.code) ?? [];
    if (!byCounty.has(s.county.code)) byCounty.set(s.county.code, rows);
    rows.push(s);
  }
  if (byCounty.size === 0) throw usageError('progress.no-units');
  const out = opts.output;
  if (extensionOf(out) === '.xlsx') {
    if (byCounty.size > 1) throw usageError('progress.template.one-county', { count: byCounty.size, path: out });
    const [rows] = byCounty.values();
    await writeProgressWorkbook(out, sheetOf(rows), { force: opts.force });
    process.stderr.write(`${t('progress.wrote', { path: out })}\n`);
    return;
  }
  const files = [...byCounty].sort(([a], [b]) => a.localeCompare(b)).map(([code, rows]) => ({ file: join(out, `${code}-${rows[0].county.name}-周调度表.xlsx`), rows }));
  // Refuse before writing any: a half-written folder is worse than none.
  for (const { file } of files) assertWritable(file, opts.force);
  mkdirSync(out, { recursive: true });
  for (const { file, rows } of files) await writeProgressWorkbook(file, sheetOf(rows), { force: opts.force });
  process.stderr.write(`${t('progress.template.wrote-many', { dir: out, count: files.length })}\n`);
}

/** One county's 周调度表 as sent out: every task × unit, as deployed. */
function sheetOf(rows: TaskUnitStatus[]) {
  return { title: t('progress.workbook.title', { county: rows[0].county.name }), rows: rows.map(progressRowOf) };
}
