import { problem, UserError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { parseDate } from '../model/dates.js';
import { TASK_STATES, type TaskReport, type TaskState, type TaskUnitStatus } from '../progress/model.js';
import { columnsOf } from '../sources/centers.js';
import { cellAddress, rangeAddress } from '../xlsx/address.js';
import { cellText } from '../xlsx/cell.js';
import { readWorkbook, WorkbookUnreadable } from '../xlsx/read.js';
import { createWorkbook, type ColumnSpec } from '../xlsx/write.js';

/**
 * The 周调度表: one row per task × unit of a county. The committee's columns (task,
 * unit, deadline, evidence required) are protected; the unit fills in 完成情况 (a
 * dropdown), 完成日期, 进展说明 and 佐证. Read back by header text, so a copy whose
 * columns were moved or whose title rows were deleted still reads.
 */
export const PROGRESS_SHEET = '周调度表';

const HEADERS = {
  task: ['任务编号'],
  title: ['任务'],
  owner: ['责任单位'],
  unit: ['单位编码'],
  unitName: ['单位名称'],
  deadline: ['完成时限'],
  evidenceRequired: ['佐证要求'],
  state: ['完成情况'],
  doneDate: ['完成日期'],
  note: ['进展说明'],
  evidence: ['佐证'],
} as const;
type Field = keyof typeof HEADERS;

const COLUMNS: Record<Field, ColumnSpec> = {
  task: { header: '任务编号', kind: 'code', width: 10 },
  title: { header: '任务', width: 30, wrap: true },
  owner: { header: '责任单位', width: 14, wrap: true },
  unit: { header: '单位编码', kind: 'code', width: 12 },
  unitName: { header: '单位名称', width: 18, wrap: true },
  deadline: { header: '完成时限', kind: 'date', width: 12 },
  evidenceRequired: { header: '佐证要求', width: 18, wrap: true },
  state: { header: '完成情况', width: 10, unlocked: true, input: true },
  doneDate: { header: '完成日期', kind: 'date', width: 12, unlocked: true, input: true },
  note: { header: '进展说明', width: 30, wrap: true, unlocked: true, input: true },
  evidence: { header: '佐证', width: 20, wrap: true, unlocked: true, input: true },
};
const FIELDS = Object.keys(COLUMNS) as Field[];

/** Writes one county's 周调度表 atomically; `rows` are its task × unit pairs with what is known so far. */
export async function writeProgressWorkbook(path: string, county: string, rows: readonly TaskUnitStatus[], opts: { force?: boolean } = {}): Promise<void> {
  const book = await createWorkbook(path, opts);
  try {
    const sheet = book.addSheet({
      name: PROGRESS_SHEET,
      title: t('progress.workbook.title', { county }),
      subtitle: t('progress.workbook.subtitle', { states: TASK_STATES.join('/') }),
      columns: FIELDS.map((f) => COLUMNS[f]),
      freezeColumns: 2,
    });
    const col = (f: Field) => FIELDS.indexOf(f) + 1;
    const last = sheet.firstDataRow + Math.max(rows.length, 1) - 1;
    // Validations go in before the rows: the streaming writer cannot touch a written row.
    sheet.validate(rangeAddress(col('state'), sheet.firstDataRow, col('state'), last), {
      type: 'list',
      values: [...TASK_STATES],
      title: '完成情况',
      prompt: TASK_STATES.join('/'),
      error: t('progress.bad-state', { value: '', states: TASK_STATES.join('/') }),
    });
    for (const r of rows) {
      sheet.addRow([r.task.id, r.task.title, r.task.owner, r.unit.code, r.unit.name, r.task.deadline, r.task.evidence ?? null, r.state, r.doneDate ?? null, null, null]);
    }
    sheet.protect();
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

/** How far down a sheet its header may be (a unit may add a line above it). */
const HEADER_SEARCH_ROWS = 10;

/** The reports in a filled 周调度表; every problem located at file!sheet!cell, nothing returned on error. */
export async function readProgressWorkbook(file: string): Promise<TaskReport[]> {
  const reports: TaskReport[] = [];
  const problems: Problem[] = [];
  let found = false;
  try {
    for await (const sheet of readWorkbook(file)) {
      if (sheet.state !== 'visible') continue;
      let cols: Partial<Record<Field, number>> | undefined;
      for await (const row of sheet.rows()) {
        if (!cols) {
          const header = columnsOf<Field>(row.cells, HEADERS as unknown as Record<Field, string[]>);
          if (header.task !== undefined && header.unit !== undefined && header.state !== undefined) cols = header;
          else if (row.number > HEADER_SEARCH_ROWS) break;
          continue;
        }
        found = true;
        const at = (f: Field) => ({ file, sheet: sheet.name, cell: cellAddress(cols![f]! + 1, row.number) });
        const get = (f: Field) => (cols![f] === undefined ? '' : cellText(row.cells[cols![f]!] ?? null).trim());
        const task = get('task');
        const unit = get('unit');
        if (!task && !unit) continue;
        const stateText = get('state') || '未启动';
        if (!(TASK_STATES as readonly string[]).includes(stateText)) {
          problems.push(problem('progress.bad-state', { value: stateText, states: TASK_STATES.join('/') }, at('state')));
          continue;
        }
        const state = stateText as TaskState;
        const rawDate = cols.doneDate === undefined ? null : row.cells[cols.doneDate];
        const doneDate = rawDate === null || rawDate === undefined || cellText(rawDate).trim() === '' ? undefined : parseDate(rawDate);
        if (rawDate !== null && rawDate !== undefined && cellText(rawDate).trim() !== '' && !doneDate) {
          problems.push(problem('progress.bad-date', { value: cellText(rawDate) }, at('doneDate')));
          continue;
        }
        if (state === '已完成' && !doneDate) {
          problems.push(problem('progress.done-needs-date', {}, at('doneDate')));
          continue;
        }
        reports.push({ task, unit, state, doneDate, note: get('note') || undefined, evidence: get('evidence') || undefined, place: at('task') });
      }
    }
  } catch (e) {
    if (e instanceof WorkbookUnreadable) throw new UserError([e.problem]);
    throw e;
  }
  if (!found) problems.push(problem('progress.not-progress', { file }, { file }));
  if (problems.length) throw new UserError(problems);
  return reports;
}
