import { problem, type Problem } from '../errors.js';
import type { Result } from '../model/result.js';
import type { LedgerChange } from './ledger.js';
import { appendNote, findingKey, rowOfFinding, type LedgerRow, type LedgerStatus } from './model.js';

/** A scored audit and the file it was read from, for the merge record and messages. */
export interface SourcedResult {
  result: Result;
  source: string;
}

export interface AuditOptions {
  /** County names by 6-digit code, from a centers registry. */
  countyNames?: ReadonlyMap<string, string>;
}

/**
 * Adds audits' findings to the ledger, oldest audit first, and does the 回头看 each
 * later audit implies for the same center's earlier rows:
 * - an item now at full points whose finding is 未整改/整改中 becomes 已整改 with a note
 *   (销号 stays a person's decision, after verification);
 * - an item losing points again whose finding was 已销号 becomes 反弹, and the new
 *   finding says 反弹自 <old id>.
 * A finding already on the ledger (the same audit merged twice) is not added again.
 * Pure: returns new rows, never changes the ones given.
 */
export function addAudits(rows: readonly LedgerRow[], audits: readonly SourcedResult[], opts: AuditOptions = {}): { rows: LedgerRow[]; changes: LedgerChange[]; problems: Problem[] } {
  const out = rows.map((r) => ({ ...r }));
  const changes: LedgerChange[] = [];
  const problems = duplicateAudits(audits);
  if (problems.length) return { rows: out, changes, problems };
  const byId = new Map(out.map((r) => [r.id, r]));
  const sorted = [...audits].sort((a, b) => a.result.date.localeCompare(b.result.date) || a.result.center.code.localeCompare(b.result.center.code));
  for (const { result, source } of sorted) {
    const earlier = earlierRowsByItem(out, result);
    const added = result.findings.filter((f) => !byId.has(f.id)).map((f) => rowOfFinding(f, opts.countyNames));
    for (const item of result.items) {
      if (item.dimension === undefined || item.earned === null) continue;
      const olds = earlier.get(item.id) ?? [];
      if (item.earned === item.points) markFixed(olds, result.date, source, changes);
      else markRebound(olds, added.filter((r) => findingKey(r.id)?.item === item.id), result.date, source, changes);
    }
    for (const row of added) {
      out.push(row);
      byId.set(row.id, row);
      changes.push({ source, id: row.id, from: '', to: row.problem, reason: 'audit' });
    }
  }
  return { rows: out, changes, problems };
}

/** The same center's rows found by audits before this one, by item id. */
function earlierRowsByItem(rows: readonly LedgerRow[], result: Result): Map<string, LedgerRow[]> {
  const found = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const key = findingKey(row.id);
    if (!key || row.centerCode !== result.center.code || key.date >= result.date) continue;
    found.set(key.item, [...(found.get(key.item) ?? []), row]);
  }
  return found;
}

function setStatus(row: LedgerRow, status: LedgerStatus, note: string, source: string, changes: LedgerChange[]): void {
  changes.push({ source, id: row.id, field: 'status', from: row.status, to: status, reason: 'review' });
  const before = row.note;
  row.status = status;
  row.note = appendNote(row.note, note);
  changes.push({ source, id: row.id, field: 'note', from: before, to: row.note, reason: 'review' });
}

function markFixed(olds: LedgerRow[], date: string, source: string, changes: LedgerChange[]): void {
  for (const row of olds) {
    if (row.status === '未整改' || row.status === '整改中') setStatus(row, '已整改', `回头看(${date})该项得满分,自动标为已整改,销号待核验`, source, changes);
  }
}

function markRebound(olds: LedgerRow[], added: LedgerRow[], date: string, source: string, changes: LedgerChange[]): void {
  if (added.length === 0) return;
  const closed = olds.filter((r) => r.status === '已销号');
  const open = olds.filter((r) => r.status === '未整改' || r.status === '整改中' || r.status === '已整改');
  const newIds = added.map((r) => r.id).join('、');
  for (const row of closed) setStatus(row, '反弹', `回头看(${date})该项再次失分,已反弹,见 ${newIds}`, source, changes);
  for (const row of added) {
    if (closed.length) row.note = appendNote(row.note, `反弹自 ${closed.map((r) => r.id).join('、')}`);
    if (open.length) row.note = appendNote(row.note, `前次问题 ${open.map((r) => r.id).join('、')} 尚未销号`);
  }
}

/**
 * Two sources with the same center and date but different findings are two versions of
 * one audit: taking either silently would lose the other.
 */
function duplicateAudits(audits: readonly SourcedResult[]): Problem[] {
  const seen = new Map<string, SourcedResult>();
  const problems: Problem[] = [];
  for (const a of audits) {
    const key = `${a.result.center.code}|${a.result.date}`;
    const first = seen.get(key);
    if (!first) seen.set(key, a);
    else if (findingsText(first.result) !== findingsText(a.result)) {
      problems.push(problem('ledger.duplicate-audit', { center: a.result.center.code, date: a.result.date, other: first.source }, { file: a.source }));
    }
  }
  return problems;
}

function findingsText(r: Result): string {
  return JSON.stringify(r.findings.map((f) => [f.id, f.problem, f.deducted, f.measure, f.owner, f.person, f.deadline]));
}
