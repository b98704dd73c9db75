import { formatPlace, problem, type Problem } from '../errors.js';
import { addAudits, type AuditOptions, type SourcedResult } from './audits.js';
import type { ChangeReason, Ledger, LedgerChange, MergeLogEntry } from './ledger.js';
import { EXTENSION_REASON, statedExtension } from './extension.js';
import { canonical, columnOf, fieldHash, findingKey, LEDGER_COLUMNS, type LedgerField, type LedgerRow, type LedgerStatus } from './model.js';
import { isBlankRow, placeOf, readRowFields, type ReadRow } from './rows.js';

/** A copy of the ledger a unit edited and sent back. */
export interface LedgerCopy {
  file: string;
  rows: ReadRow[];
  /**
   * Per-field hashes of each row as the copy was sent out (its hidden sheet), by 问题编号;
   * absent when the copy lost that sheet, and then a field differing from the ledger counts as changed.
   */
  base?: ReadonlyMap<string, ReadonlyMap<LedgerField, string>>;
}

export interface MergeRequest extends AuditOptions {
  ledger: Ledger;
  /** The ledger's file, for messages. */
  ledgerFile: string;
  copies: readonly LedgerCopy[];
  audits: readonly SourcedResult[];
  /** Local time written to the 合并记录 sheet. */
  time: string;
}

/**
 * `notices` are worth saying but block nothing: rows a copy was sent with and came back
 * without (absence is not deletion: those rows stay as they are).
 */
export type MergeOutcome = { ok: true; ledger: Ledger; changes: LedgerChange[]; notices: Problem[] } | { ok: false; problems: Problem[]; notices: Problem[] };

/** What one row of a copy changed, with where it is, so every rule can point at a cell. */
interface RowEdit {
  read: ReadRow;
  id: string;
  values: Partial<LedgerRow>;
  /** The unit wrote something new in 整改进展 or 备注: the explanation a step back needs. */
  explains: boolean;
}

interface Proposal {
  edit: RowEdit;
  field: LedgerField;
}

/**
 * Merges units' edited copies, then new audits, into the ledger. A row absent from a copy
 * is untouched; every change a copy makes is checked, and when anything is wrong — an
 * unknown 问题编号, a protected field changed, two sources disagreeing, an illegal status
 * move, 已销号 without 销号日期/核验人, an unreadable cell — nothing is merged and every
 * problem is returned with its cell.
 */
export function mergeLedger(req: MergeRequest): MergeOutcome {
  const problems: Problem[] = [];
  const notices: Problem[] = [];
  const master = new Map(req.ledger.rows.map((r) => [r.id, r]));
  const proposals = req.copies.flatMap((copy) => proposalsOf(copy, master, req.ledgerFile, problems, notices));
  const updated = applyProposals(req.ledger.rows, proposals, req.time.slice(0, 10), problems);
  const audited = addAudits(updated.rows, req.audits, req);
  problems.push(...audited.problems);
  if (problems.length) return { ok: false, problems, notices };
  const changes = [...updated.changes, ...audited.changes];
  return { ok: true, ledger: { rows: audited.rows, log: [...req.ledger.log, ...changes.map((c) => logEntry(c, req.time))] }, changes, notices };
}

/** How many ids a notice names before it says "and n more". */
const IDS_NAMED = 10;

function proposalsOf(copy: LedgerCopy, master: ReadonlyMap<string, LedgerRow>, ledgerFile: string, problems: Problem[], notices: Problem[]): Proposal[] {
  const seen = new Map<string, ReadRow>();
  const proposals: Proposal[] = [];
  for (const read of copy.rows) {
    if (isBlankRow(read)) continue;
    const values = readRowFields(read, problems);
    const id = values.id ?? '';
    if (!id) {
      problems.push(problem('ledger.missing-id', {}, placeOf(read, 'id')));
      continue;
    }
    const twin = seen.get(id);
    if (twin) {
      problems.push(problem('ledger.duplicate-id', { id, other: formatPlace(placeOf(twin, 'id')) }, placeOf(read, 'id')));
      continue;
    }
    seen.set(id, read);
    const current = master.get(id);
    if (!current) {
      problems.push(problem('ledger.unknown-id', { id, ledger: ledgerFile }, placeOf(read, 'id')));
      continue;
    }
    proposals.push(...rowProposals({ read, id, values, explains: false }, current, copy.base?.get(id), problems));
  }
  const dropped = [...(copy.base?.keys() ?? [])].filter((id) => !seen.has(id) && master.has(id));
  if (dropped.length) {
    const ids = dropped.slice(0, IDS_NAMED).join('、') + (dropped.length > IDS_NAMED ? ` …(+${dropped.length - IDS_NAMED})` : '');
    notices.push(problem('ledger.rows-dropped', { count: dropped.length, ids }, { file: copy.file }));
  }
  return proposals;
}

/** The fields a unit changed in one row, judged against what it was sent (or the ledger, when that is unknown). */
function rowProposals(edit: RowEdit, current: LedgerRow, base: ReadonlyMap<LedgerField, string> | undefined, problems: Problem[]): Proposal[] {
  const proposals: Proposal[] = [];
  for (const col of LEDGER_COLUMNS) {
    const field = col.field;
    if (field === 'id' || edit.values[field] === undefined) continue;
    const value = canonical(edit.values, field);
    const unitChanged = base ? fieldHash(value) !== base.get(field) : value !== canonical(current, field);
    if (!unitChanged || value === canonical(current, field)) continue;
    const place = placeOf(edit.read, field);
    const params = { field: col.header, from: shown(current, field), to: shown(edit.values, field) };
    if (col.protected) {
      problems.push(problem('ledger.protected-changed', params, place));
    } else if (base && fieldHash(canonical(current, field)) !== base.get(field)) {
      // The ledger changed this field after the copy went out, and the unit changed it too: neither wins silently.
      problems.push(problem('ledger.changed-since', params, place));
    } else {
      proposals.push({ edit, field });
    }
  }
  edit.explains = proposals.some((p) => (p.field === 'progress' || p.field === 'note') && canonical(edit.values, p.field) !== '');
  return proposals;
}

function applyProposals(rows: readonly LedgerRow[], proposals: Proposal[], asOf: string, problems: Problem[]): { rows: LedgerRow[]; changes: LedgerChange[] } {
  const groups = new Map<string, Proposal[]>();
  for (const p of proposals) {
    const key = `${p.edit.id}\u0000${p.field}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const accepted = new Map<string, Proposal[]>();
  for (const group of groups.values()) {
    if (conflicts(group, problems)) continue;
    const id = group[0].edit.id;
    accepted.set(id, [...(accepted.get(id) ?? []), ...group]);
  }
  const changes: LedgerChange[] = [];
  const out = rows.map((row) => {
    const mine = accepted.get(row.id);
    if (!mine) return row;
    const next = { ...row };
    for (const p of mine) (next as Record<LedgerField, unknown>)[p.field] = p.edit.values[p.field];
    checkRules(row, next, mine, asOf, problems);
    changes.push(...rowChanges(row, next, mine));
    return next;
  });
  return { rows: out, changes };
}

/** Two copies setting one field to different values: each place is named, none is taken. */
function conflicts(group: Proposal[], problems: Problem[]): boolean {
  const values = new Set(group.map((p) => canonical(p.edit.values, p.field)));
  if (values.size < 2) return false;
  const [first, ...rest] = group;
  const others = rest
    .filter((p) => canonical(p.edit.values, p.field) !== canonical(first.edit.values, first.field))
    .map((p) => `${formatPlace(placeOf(p.edit.read, p.field))} "${shown(p.edit.values, p.field)}"`)
    .join(', ');
  problems.push(problem('ledger.conflict', { field: columnOf(first.field).header, value: shown(first.edit.values, first.field), others }, placeOf(first.edit.read, first.field)));
  return true;
}

const RANK: Record<LedgerStatus, number> = { 反弹: -1, 未整改: 0, 整改中: 1, 已整改: 2, 已销号: 3 };

/**
 * Status moves only forward unless the same row explains the step back; 整改时限 moves only
 * by an approved extension; 已销号 needs its date and verifier, the date between the audit
 * and today (`asOf`).
 */
function checkRules(before: LedgerRow, after: LedgerRow, applied: Proposal[], asOf: string, problems: Problem[]): void {
  const statusSet = applied.filter((p) => p.field === 'status');
  if (statusSet.length && RANK[after.status] < RANK[before.status] && !statusSet.some((p) => p.edit.explains)) {
    problems.push(problem('ledger.step-back', { from: before.status, to: after.status }, placeOf(statusSet[0].edit.read, 'status')));
  }
  const deadlineSet = applied.find((p) => p.field === 'deadline');
  if (deadlineSet) checkExtension(before, after, deadlineSet, problems);
  const closedSet = applied.find((p) => p.field === 'closedOn');
  if (closedSet && after.closedOn) checkClosedOn(after, closedSet, asOf, problems);
  if (after.status !== '已销号') return;
  const edit = (statusSet[0] ?? applied[0]).edit;
  for (const field of ['closedOn', 'verifier'] as const) {
    if (canonical(after, field) === '') problems.push(problem('ledger.close-needs', { field: columnOf(field).header, status: after.status }, placeOf(edit.read, field)));
  }
}

/** A unit's new 整改时限 stands only on an extension its 备注 states (see extension.ts), to that very date, later than before. */
function checkExtension(before: LedgerRow, after: LedgerRow, set: Proposal, problems: Problem[]): void {
  const place = placeOf(set.edit.read, 'deadline');
  const params = { from: before.deadline || '(空)', to: after.deadline || '(空)' };
  const stated = statedExtension(canonical(set.edit.values, 'note'));
  if (!stated) problems.push(problem('ledger.deadline-owned', params, place));
  else if (stated.until !== after.deadline) problems.push(problem('ledger.extension-mismatch', { ...params, until: stated.until }, place));
  else if (before.deadline && after.deadline <= before.deadline) problems.push(problem('ledger.extension-not-later', params, place));
}

/** 销号日期 can be neither before the audit that found the problem nor after today. */
function checkClosedOn(after: LedgerRow, set: Proposal, asOf: string, problems: Problem[]): void {
  const audited = findingKey(after.id)?.date;
  if ((audited && after.closedOn < audited) || after.closedOn > asOf) {
    problems.push(problem('ledger.closed-on-range', { value: after.closedOn, from: audited ?? '—', to: asOf }, placeOf(set.edit.read, 'closedOn')));
  }
}

function rowChanges(before: LedgerRow, after: LedgerRow, applied: Proposal[]): LedgerChange[] {
  const byField = new Map<LedgerField, Proposal[]>();
  for (const p of applied) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
  return [...byField].map(([field, ps]) => ({
    source: [...new Set(ps.map((p) => p.edit.read.file))].join('、'),
    id: before.id,
    field,
    from: shown(before, field),
    to: shown(after, field),
    reason: field === 'deadline' ? ('extension' as const) : ('update' as const),
  }));
}

/** A field's value as a person reads it in the sheet. */
function shown(row: Partial<LedgerRow>, field: LedgerField): string {
  const v = row[field];
  return v === undefined ? '' : String(v);
}

const REASON: Record<ChangeReason, string> = { update: '单位更新', extension: EXTENSION_REASON, audit: '新评估', review: '回头看' };

function logEntry(c: LedgerChange, time: string): MergeLogEntry {
  return {
    time,
    file: c.source,
    id: c.id,
    field: c.field ? columnOf(c.field).header : '新增问题',
    from: c.from,
    to: c.to,
    reason: REASON[c.reason],
  };
}
