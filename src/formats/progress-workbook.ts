import { problem, UserError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { fieldHash } from '../ledger/model.js';
import { parseDate } from '../model/dates.js';
import { TASK_STATES, UNIT_FIELDS, type ProgressField, type ProgressLogEntry, type ProgressRow, type TaskReport, type TaskState, type TaskUnitStatus } from '../progress/model.js';
import { columnsOf } from '../sources/centers.js';
import { PROGRESS_FIELDS, PROGRESS_HEADERS, progressKey, progressPlace, progressValue, type ProgressRowRead, type ProgressSheetsRead } from '../progress/rows.js';
import { rangeAddress } from '../xlsx/address.js';
import { cellText, type CellValue } from '../xlsx/cell.js';
import { readMergeRecord, writeMergeRecord, type RecordColumn } from '../xlsx/merge-record.js';
import { readWorkbook, WorkbookUnreadable, type SheetIn } from '../xlsx/read.js';
import { createWorkbook, type ColumnSpec } from '../xlsx/write.js';

/**
 * The 周调度表: one row per task × unit of a county. The committee's columns (task,
 * unit, deadline, evidence required) are protected; the unit fills in 完成情况 (a
 * dropdown), 完成日期, 进展说明 and 佐证. Read back by header text, so a copy whose
 * columns were moved or whose title rows were deleted still reads. Sheets:
 * - 周调度表: the rows.
 * - 合并记录: every change every `progress merge` made (once there has been one).
 * - _zongzhi_progress (veryHidden): each row's 任务编号, 单位编码 and the fingerprint of its
 *   content as written, so a returned copy tells merge what the unit changed and which
 *   rows it was sent. Workbooks written before it existed still read (without it).
 */
export const PROGRESS_SHEET = '周调度表';
const PROGRESS_LOG_SHEET = '合并记录';
const PROGRESS_FINGERPRINT_SHEET = '_zongzhi_progress';

/** Headers a copy's columns are found by. */
const HEADERS = Object.fromEntries(PROGRESS_FIELDS.map((f) => [f, [PROGRESS_HEADERS[f]]])) as Record<ProgressField, string[]>;

/** Column widths and kinds; the unit's columns (UNIT_FIELDS) are unlocked and tinted as inputs. */
const LOOK: Record<ProgressField, Omit<ColumnSpec, 'header'>> = {
  task: { kind: 'code', width: 10 },
  title: { width: 30, wrap: true },
  owner: { width: 14, wrap: true },
  unit: { kind: 'code', width: 12 },
  unitName: { width: 18, wrap: true },
  deadline: { kind: 'date', width: 12 },
  evidenceRequired: { width: 18, wrap: true },
  state: { width: 10 },
  doneDate: { kind: 'date', width: 12 },
  note: { width: 30, wrap: true },
  evidence: { width: 20, wrap: true },
};
const DATE_FIELDS: readonly ProgressField[] = ['deadline', 'doneDate'];

const LOG_COLUMNS: RecordColumn<keyof ProgressLogEntry>[] = [
  { key: 'time', header: '时间', width: 12 },
  { key: 'file', header: '来源文件', width: 24 },
  { key: 'task', header: '任务编号', width: 10 },
  { key: 'unit', header: '单位编码', width: 12 },
  { key: 'field', header: '字段', width: 10 },
  { key: 'from', header: '原值', width: 30 },
  { key: 'to', header: '新值', width: 30 },
];
const FINGERPRINT_HEADER = ['任务编号', '单位编码', '指纹'];
const FINGERPRINT_VERSION = 'v1';

/** A row's content as per-field hashes, stored on the hidden sheet (as the ledger does, see ledger/model.ts). */
function fingerprint(row: ProgressRow): string {
  return `${FINGERPRINT_VERSION}:${PROGRESS_FIELDS.map((f) => fieldHash(progressValue(row, f))).join('.')}`;
}

function parseFingerprint(s: string): Map<ProgressField, string> | undefined {
  const [version, body] = s.split(':');
  const hashes = body?.split('.') ?? [];
  if (version !== FINGERPRINT_VERSION || hashes.length !== PROGRESS_FIELDS.length || !hashes.every((h) => /^[0-9a-f]{8}$/.test(h))) return undefined;
  return new Map(PROGRESS_FIELDS.map((f, i) => [f, hashes[i]]));
}

/** A template row: the task × unit as deployed, with its state when known. */
export function progressRowOf(s: TaskUnitStatus): ProgressRow {
  return {
    task: s.task.id,
    title: s.task.title,
    owner: s.task.owner,
    unit: s.unit.code,
    unitName: s.unit.name,
    deadline: s.task.deadline,
    evidenceRequired: s.task.evidence ?? '',
    state: s.state,
    doneDate: s.doneDate ?? '',
    note: '',
    evidence: '',
  };
}

/** What a 周调度表 workbook holds: its title line, rows, and (after a merge) the record of changes. */
export interface ProgressSheet {
  title: string;
  rows: readonly ProgressRow[];
  log?: readonly ProgressLogEntry[];
}

/** Writes a 周调度表 atomically (temp file + rename); refuses an existing `path` without `force`. */
export async function writeProgressWorkbook(path: string, content: ProgressSheet, opts: { force?: boolean } = {}): Promise<void> {
  const book = await createWorkbook(path, opts);
  try {
    const sheet = book.addSheet({
      name: PROGRESS_SHEET,
      title: content.title,
      subtitle: t('progress.workbook.subtitle', { states: TASK_STATES.join('/') }),
      columns: PROGRESS_FIELDS.map((f) => ({ header: PROGRESS_HEADERS[f], ...LOOK[f], ...(UNIT_FIELDS.includes(f) ? { unlocked: true, input: true } : {}) })),
      freezeColumns: 2,
    });
    const col = (f: ProgressField) => PROGRESS_FIELDS.indexOf(f) + 1;
    const last = sheet.firstDataRow + Math.max(content.rows.length, 1) - 1;
    // Validations go in before the rows: the streaming writer cannot touch a written row.
    sheet.validate(rangeAddress(col('state'), sheet.firstDataRow, col('state'), last), {
      type: 'list',
      values: [...TASK_STATES],
      title: '完成情况',
      prompt: TASK_STATES.join('/'),
      error: t('progress.bad-state', { value: '', states: TASK_STATES.join('/') }),
    });
    for (const r of content.rows) sheet.addRow(PROGRESS_FIELDS.map((f) => r[f] || null));
    sheet.protect();
    if (content.log?.length) {
      writeMergeRecord(book, PROGRESS_LOG_SHEET, LOG_COLUMNS, content.log);
    }
    const prints = book.addSheet({ name: PROGRESS_FINGERPRINT_SHEET, state: 'veryHidden', look: 'plain', columns: FINGERPRINT_HEADER.map((header) => ({ header })) });
    prints.addRow(FINGERPRINT_HEADER);
    for (const r of content.rows) prints.addRow([r.task, r.unit, fingerprint(r)]);
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

/** How far down a sheet its header may be (a unit may add a line above it). */
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads a 周调度表 workbook: its rows (blank ones skipped), merge record and fingerprints.
 * Throws a UserError listing every unreadable cell, or saying the file is not a 周调度表.
 */
export async function readProgressSheets(file: string): Promise<ProgressSheetsRead> {
  const out: ProgressSheetsRead = { file, title: '', rows: [], log: [] };
  const problems: Problem[] = [];
  let found = false;
  try {
    for await (const sheet of readWorkbook(file)) {
      if (sheet.name === PROGRESS_FINGERPRINT_SHEET) out.base = await readFingerprints(sheet);
      else if (sheet.name === PROGRESS_LOG_SHEET) out.log = await readMergeRecord(sheet, LOG_COLUMNS);
      else if (sheet.state === 'visible') found = (await readRows(file, sheet, out, problems)) || found;
    }
  } catch (e) {
    if (e instanceof WorkbookUnreadable) throw new UserError([e.problem]);
    throw e;
  }
  if (!found) problems.push(problem('progress.not-progress', { file }, { file }));
  if (problems.length) throw new UserError(problems);
  return out;
}

/** Reads one sheet's rows into `out`; false when the sheet has no 周调度表 header. */
async function readRows(file: string, sheet: SheetIn, out: ProgressSheetsRead, problems: Problem[]): Promise<boolean> {
  let cols: Partial<Record<ProgressField, number>> | undefined;
  let title = '';
  for await (const row of sheet.rows()) {
    if (!cols) {
      const header = columnsOf<ProgressField>(row.cells, HEADERS);
      if (header.task !== undefined && header.unit !== undefined && header.state !== undefined) cols = header;
      else if (row.number > HEADER_SEARCH_ROWS) return false;
      else if (!title) title = cellText(row.cells.find((c) => c !== null && cellText(c).trim() !== '') ?? null).trim();
      continue;
    }
    const read: ProgressRowRead = { file, sheet: sheet.name, number: row.number, columns: cols, values: {} };
    const cell = (f: ProgressField): CellValue => (cols![f] === undefined ? null : (row.cells[cols![f]!] ?? null));
    if (!cellText(cell('task')).trim() && !cellText(cell('unit')).trim()) continue;
    const before = problems.length;
    for (const f of PROGRESS_FIELDS) if (cols[f] !== undefined) readField(read, f, cell(f), problems);
    if (problems.length === before && read.values.state === '已完成' && !read.values.doneDate) problems.push(problem('progress.done-needs-date', {}, progressPlace(read, 'doneDate')));
    // A row with an unreadable cell is a problem already: it is not half-taken.
    if (problems.length === before) out.rows.push(read);
  }
  if (!cols) return false;
  if (!out.title) out.title = title;
  return true;
}

function readField(read: ProgressRowRead, f: ProgressField, raw: CellValue, problems: Problem[]): void {
  const text = cellText(raw).trim();
  if (f === 'state') {
    const state = text || '未启动';
    if ((TASK_STATES as readonly string[]).includes(state)) read.values.state = state as TaskState;
    else problems.push(problem('progress.bad-state', { value: text, states: TASK_STATES.join('/') }, progressPlace(read, f)));
  } else if (DATE_FIELDS.includes(f) && text !== '') {
    const date = parseDate(raw);
    if (date) read.values[f] = date;
    else problems.push(problem('progress.bad-date', { value: text }, progressPlace(read, f)));
  } else {
    (read.values as Record<ProgressField, string>)[f] = text;
  }
}

async function readFingerprints(sheet: SheetIn): Promise<Map<string, Map<ProgressField, string>>> {
  const base = new Map<string, Map<ProgressField, string>>();
  for await (const row of sheet.rows()) {
    const [task, unit, print] = row.cells.map(cellText);
    // A fingerprint this version cannot read leaves that row to be compared with the master instead.
    const hashes = print ? parseFingerprint(print) : undefined;
    if (task && unit && hashes) base.set(progressKey(task, unit), hashes);
  }
  return base;
}


/** The reports in a filled 周调度表; every problem located at file!sheet!cell, nothing returned on error. */
export async function readProgressWorkbook(file: string): Promise<TaskReport[]> {
  const { rows } = await readProgressSheets(file);
  return rows.map((r) => ({
    task: r.values.task ?? '',
    unit: r.values.unit ?? '',
    state: r.values.state ?? '未启动',
    doneDate: r.values.doneDate || undefined,
    note: r.values.note || undefined,
    evidence: r.values.evidence || undefined,
    place: progressPlace(r, 'task'),
  }));
}
