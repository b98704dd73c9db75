import { resolve } from 'node:path';
import { EXIT, formatPlace, formatProblem, problem, UserError, type Problem } from '../errors.js';
import { readProgressSheets, writeProgressWorkbook, type ProgressSheet } from '../formats/progress-workbook.js';
import { t } from '../i18n/index.js';
import { localDateTime } from '../model/dates.js';
import { mergeProgress, type ProgressChange } from '../progress/merge.js';
import type { ProgressRow } from '../progress/model.js';
import { PROGRESS_FIELDS, PROGRESS_HEADERS, progressKey, progressPlace, type ProgressRowRead, type ProgressSheetsRead } from '../progress/rows.js';
import { assertInputFile, collectInputs } from '../util/fs.js';
import { mergeUnderLock } from '../util/lock.js';

interface Options {
  output?: string;
  force?: boolean;
}

/**
 * `zongzhi progress merge <master 周调度表.xlsx> <copies…> [-o out.xlsx] [--force]`: the
 * returned copies into the master (into itself without -o, which then needs --force).
 * Any problem anywhere and nothing is written.
 */
export default async function run(masterFile: string, copyPaths: string[], opts: Options): Promise<void> {
  assertInputFile(masterFile);
  const output = opts.output ?? masterFile;
  let changes: ProgressChange[] = [];
  const written = await mergeUnderLock({ master: masterFile, output, force: opts.force }, { locked: 'progress.merge.locked', changed: 'progress.merge.changed-since-read' }, async () => {
    const merged = await mergeInto(masterFile, copyPaths);
    if (!merged) return undefined;
    changes = merged.changes;
    return (temp) => writeProgressWorkbook(temp, merged.sheet, { force: true });
  });
  if (!written) return;
  for (const c of changes) process.stdout.write(`${t('progress.merge.changed', { file: c.file, task: c.task, unit: c.unit, field: PROGRESS_HEADERS[c.field], from: c.from, to: c.to })}\n`);
  const summary = changes.length ? t('progress.merge.summary', { rows: new Set(changes.map((c) => `${c.task} ${c.unit}`)).size, fields: changes.length, path: output }) : t('progress.merge.nothing', { path: output });
  process.stderr.write(`${summary}\n`);
}

/** The merged master, or undefined when anything is wrong (every problem reported, exit code set). */
async function mergeInto(masterFile: string, copyPaths: string[]): Promise<{ sheet: ProgressSheet; changes: ProgressChange[] } | undefined> {
  const master = await readMaster(masterFile);
  const copies: ProgressSheetsRead[] = [];
  const problems: Problem[] = [];
  // A folder of returned copies may hold the master too: it is not its own copy.
  for (const file of collectInputs(copyPaths, ['.xlsx']).filter((f) => resolve(f) !== resolve(masterFile))) {
    try {
      copies.push(await readProgressSheets(file));
    } catch (e) {
      // One unreadable copy is one problem among the others, all listed together.
      if (!(e instanceof UserError)) throw e;
      problems.push(...e.problems);
    }
  }
  const outcome = mergeProgress({ master: { file: masterFile, rows: master.rows, log: master.log ?? [] }, copies, time: localDateTime(new Date()) });
  for (const notice of outcome.notices) process.stderr.write(`${formatProblem(notice)}\n`);
  if (!outcome.ok) problems.push(...outcome.problems);
  if (problems.length || !outcome.ok) {
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`${t('progress.merge.not-written', { count: problems.length })}\n`);
    process.exitCode = EXIT.invalid;
    return undefined;
  }
  return { sheet: { title: master.title, rows: outcome.rows, log: outcome.log }, changes: outcome.changes };
}

/** The master: every row complete (the committee's columns all present) and given once. */
async function readMaster(file: string): Promise<ProgressSheet & { rows: ProgressRow[] }> {
  const read = await readProgressSheets(file);
  const problems: Problem[] = [];
  const seen = new Map<string, ProgressRowRead>();
  const rows: ProgressRow[] = [];
  for (const r of read.rows) {
    const missing = PROGRESS_FIELDS.filter((f) => r.columns[f] === undefined).map((f) => PROGRESS_HEADERS[f]);
    if (missing.length) {
      problems.push(problem('progress.merge.master-columns', { columns: missing.join('、') }, progressPlace(r, 'task')));
      break;
    }
    const { task, unit } = r.values as ProgressRow;
    const key = progressKey(task, unit);
    if (!task || !unit) problems.push(problem('progress.merge.missing-key', {}, progressPlace(r, task ? 'unit' : 'task')));
    else if (seen.has(key)) problems.push(problem('progress.merge.duplicate-row', { task, unit, other: formatPlace(progressPlace(seen.get(key)!, 'task')) }, progressPlace(r, 'task')));
    else rows.push(r.values as ProgressRow);
    seen.set(key, r);
  }
  if (problems.length) throw new UserError(problems);
  // A master whose title rows were deleted gets the title without a county rather than none.
  return { title: read.title || t('progress.workbook.title', { county: '' }), rows, log: read.log };
}
