import { basename } from 'node:path';
import { formatPlace, problem, type Problem } from '../errors.js';
import { fieldHash } from '../ledger/model.js';
import { countyOf } from '../model/audit.js';
import { PROGRESS_HEADERS, progressKey, progressPlace, progressValue, type ProgressRowRead, type ProgressSheetsRead } from './rows.js';
import { TASK_STATES, UNIT_FIELDS, type ProgressField, type ProgressLogEntry, type ProgressRow } from './model.js';

/**
 * `progress merge`: the counties' returned 周调度表 copies into the committee's master,
 * with the ledger merge's guarantees (see ledger/merge.ts): rows matched by 任务编号 ×
 * 单位编码 and judged against the fingerprint the copy was sent with; a copy changes
 * only its own rows' 完成情况/完成日期/进展说明/佐证; two copies disagreeing, a step back
 * without a word, a 完成日期 in the future — every problem listed with its cell, and
 * then nothing is merged. A row absent from a copy stays as it is.
 */

export interface ProgressMergeRequest {
  master: { file: string; rows: readonly ProgressRow[]; log: readonly ProgressLogEntry[] };
  copies: readonly ProgressSheetsRead[];
  /** Local time written to the 合并记录 (its date is "today" for 完成日期). */
  time: string;
}

export interface ProgressChange {
  file: string;
  task: string;
  unit: string;
  field: ProgressField;
  from: string;
  to: string;
}

export type ProgressMergeOutcome =
  | { ok: true; rows: ProgressRow[]; log: ProgressLogEntry[]; changes: ProgressChange[]; notices: Problem[] }
  | { ok: false; problems: Problem[]; notices: Problem[] };

interface Proposal {
  read: ProgressRowRead;
  key: string;
  field: ProgressField;
  value: string;
}

export function mergeProgress(req: ProgressMergeRequest): ProgressMergeOutcome {
  const problems: Problem[] = [];
  const notices: Problem[] = [];
  const master = new Map(req.master.rows.map((r) => [progressKey(r.task, r.unit), r]));
  const earlier = lastWrites(req.master.log);
  const proposals = req.copies.flatMap((copy) => proposalsOf(copy, { rows: master, file: req.master.file, earlier }, problems, notices));
  const asOf = req.time.slice(0, 10);
  const changes: ProgressChange[] = [];
  const accepted = acceptedByRow(proposals, problems);
  const rows = req.master.rows.map((row) => {
    const mine = accepted.get(progressKey(row.task, row.unit));
    if (!mine) return row;
    const next = { ...row };
    for (const p of mine) (next as Record<ProgressField, string>)[p.field] = p.value;
    checkRules(row, next, mine, asOf, problems);
    for (const p of mine) changes.push({ file: basename(p.read.file), task: row.task, unit: row.unit, field: p.field, from: row[p.field], to: next[p.field] });
    return next;
  });
  if (problems.length) return { ok: false, problems, notices };
  const log = changes.map((c) => ({ time: req.time, file: c.file, task: c.task, unit: c.unit, field: PROGRESS_HEADERS[c.field], from: c.from, to: c.to }));
  return { ok: true, rows, log: [...req.master.log, ...log], changes, notices };
}

/** How many rows a notice names before it says "and n more". */
const ROWS_NAMED = 10;

/** The master as the copies are judged against it. */
interface MasterView {
  rows: ReadonlyMap<string, ProgressRow>;
  file: string;
  /** The last merge that set each row's field (key + field): from which file, to what. */
  earlier: ReadonlyMap<string, { file: string; to: string }>;
}

function lastWrites(log: readonly ProgressLogEntry[]): Map<string, { file: string; to: string }> {
  return new Map(log.map((e) => [`${progressKey(e.task, e.unit)}\u0000${e.field}`, { file: e.file, to: e.to }]));
}

function proposalsOf(copy: ProgressSheetsRead, master: MasterView, problems: Problem[], notices: Problem[]): Proposal[] {
  const own = ownRows(copy, problems);
  if (!own) return [];
  const seen = new Map<string, ProgressRowRead>();
  const proposals: Proposal[] = [];
  for (const read of copy.rows) {
    const task = read.values.task ?? '';
    const unit = read.values.unit ?? '';
    if (!task || !unit) {
      problems.push(problem('progress.merge.missing-key', {}, progressPlace(read, task ? 'unit' : 'task')));
      continue;
    }
    const key = progressKey(task, unit);
    const twin = seen.get(key);
    if (twin) {
      problems.push(problem('progress.merge.duplicate-row', { task, unit, other: formatPlace(progressPlace(twin, 'task')) }, progressPlace(read, 'task')));
      continue;
    }
    seen.set(key, read);
    const current = master.rows.get(key);
    if (!current) {
      problems.push(problem('progress.merge.unknown-row', { task, unit, master: master.file }, progressPlace(read, 'task')));
      continue;
    }
    const sinceSent = (field: ProgressField) => sentChanged(copy, key, field, current, master.earlier);
    proposals.push(...rowProposals(read, key, current, copy.base?.get(key), own(unit, key), sinceSent, problems));
  }
  const dropped = [...(copy.base?.keys() ?? [])].filter((key) => !seen.has(key) && master.rows.has(key));
  if (dropped.length) {
    const rows = dropped.slice(0, ROWS_NAMED).map((k) => k.replace('\u0000', '/')).join('、') + (dropped.length > ROWS_NAMED ? ` …(+${dropped.length - ROWS_NAMED})` : '');
    notices.push(problem('progress.merge.rows-dropped', { count: dropped.length, rows }, { file: copy.file }));
  }
  return proposals;
}

/**
 * Which rows a copy may change: those it was sent with (its hidden sheet), or — for a copy
 * that lost that sheet or predates it — those of the one county all its rows belong to.
 */
function ownRows(copy: ProgressSheetsRead, problems: Problem[]): ((unit: string, key: string) => boolean) | undefined {
  if (copy.base) {
    const sent = copy.base;
    return (_unit, key) => sent.has(key);
  }
  const counties = [...new Set(copy.rows.map((r) => countyOf(r.values.unit ?? '')))].sort();
  if (counties.length > 1) {
    problems.push(problem('progress.merge.no-owner', { counties: counties.join('、') }, { file: copy.file }));
    return undefined;
  }
  return (unit) => countyOf(unit) === counties[0];
}

/**
 * Whether the master's field moved on since the copy was sent, by someone else: a unit that
 * keeps filling the copy it returned last week finds its own earlier report merged (the
 * 合并记录's last entry for the field names a file of the same name, setting today's value).
 */
function sentChanged(copy: ProgressSheetsRead, key: string, field: ProgressField, current: ProgressRow, earlier: MasterView['earlier']): boolean {
  const base = copy.base?.get(key);
  const now = progressValue(current, field);
  if (!base || fieldHash(now) === base.get(field)) return false;
  const last = earlier.get(`${key}\u0000${PROGRESS_HEADERS[field]}`);
  return !(last && last.file === basename(copy.file) && progressValue({ [field]: last.to }, field) === now);
}

/** The fields a unit changed in one row, judged against what it was sent (or the master, when that is unknown). */
function rowProposals(
  read: ProgressRowRead,
  key: string,
  current: ProgressRow,
  base: ReadonlyMap<ProgressField, string> | undefined,
  own: boolean,
  sinceSent: (field: ProgressField) => boolean,
  problems: Problem[],
): Proposal[] {
  const proposals: Proposal[] = [];
  for (const field of Object.keys(read.values) as ProgressField[]) {
    const value = progressValue(read.values, field);
    const now = progressValue(current, field);
    const unitChanged = base ? fieldHash(value) !== base.get(field) : value !== now;
    if (!unitChanged || value === now) continue;
    const place = progressPlace(read, field);
    const params = { field: PROGRESS_HEADERS[field], from: now, to: value };
    if (!UNIT_FIELDS.includes(field)) problems.push(problem('progress.merge.protected', params, place));
    else if (!own) problems.push(problem('progress.merge.not-own', { ...params, task: current.task, unit: current.unit }, place));
    // The master changed this field after the copy went out, and the unit changed it too: neither wins silently.
    else if (sinceSent(field)) problems.push(problem('progress.merge.changed-since', params, place));
    else proposals.push({ read, key, field, value });
  }
  return proposals;
}

/** Proposals by row key, after setting aside (and reporting) every field two copies set differently. */
function acceptedByRow(proposals: Proposal[], problems: Problem[]): Map<string, Proposal[]> {
  const groups = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const k = `${p.key}\u0000${p.field}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const accepted = new Map<string, Proposal[]>();
  for (const [first, ...rest] of groups.values()) {
    const others = rest.filter((p) => p.value !== first.value);
    if (others.length) {
      const list = others.map((p) => `${formatPlace(progressPlace(p.read, p.field))} "${p.value}"`).join(', ');
      problems.push(problem('progress.merge.conflict', { field: PROGRESS_HEADERS[first.field], value: first.value, others: list }, progressPlace(first.read, first.field)));
      continue;
    }
    accepted.set(first.key, [...(accepted.get(first.key) ?? []), first]);
  }
  return accepted;
}

const RANK = Object.fromEntries(TASK_STATES.map((s, i) => [s, i])) as Record<string, number>;

/**
 * 完成情况 moves only forward unless the copy's own new 进展说明 explains the step back (the
 * ledger's rule); 已完成 needs its 完成日期, and no 完成日期 lies after the day of the merge.
 */
function checkRules(before: ProgressRow, after: ProgressRow, applied: Proposal[], asOf: string, problems: Problem[]): void {
  const stateSet = applied.find((p) => p.field === 'state');
  // The explanation must come with the step back: the same copy's row, not another copy's note.
  const explained = applied.some((p) => p.field === 'note' && p.value !== '' && p.read === stateSet?.read);
  if (stateSet && RANK[after.state] < RANK[before.state] && !explained) {
    problems.push(problem('progress.merge.step-back', { from: before.state, to: after.state }, progressPlace(stateSet.read, 'state')));
  }
  const where = (stateSet ?? applied[0]).read;
  if (after.state === '已完成' && !after.doneDate) problems.push(problem('progress.done-needs-date', {}, progressPlace(where, 'doneDate')));
  const dateSet = applied.find((p) => p.field === 'doneDate');
  if (dateSet && after.doneDate > asOf) problems.push(problem('progress.merge.future-date', { value: after.doneDate, today: asOf }, progressPlace(dateSet.read, 'doneDate')));
}
