import { problem, type Problem } from '../errors.js';
import { Exact } from '../model/exact.js';
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
 * Adds audits' findings to the ledger, oldest audit first, and does the 回头看 each later
 * audit implies for the same center's earlier rows, so that each real problem has one row:
 * - an item losing points again whose problem is still open (未整改/整改中): no new row;
 *   the open row records the later audit in 复查 (date and result);
 * - an item losing points again whose problem was 已整改 or 已销号: that row becomes 反弹
 *   and the new finding is added as a row saying 反弹自 <old id>;
 * - an item now at full points whose problem is open becomes 已整改 with a note (销号
 *   stays a person's decision, after verification), and 复查 records it.
 * 负面清单 events are looked back on by the same rules, an event occurring again counting as losing points again.
 * Rows already 反弹 are left alone: the row opened for them carries the work on.
 * Adding an audit already on the ledger (merged twice) changes nothing.
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
    const step: ReviewStep = { result, source, byId, out, changes, countyNames: opts.countyNames };
    for (const item of result.items) {
      // A 负面清单 event has no dimension but has findings: it is looked back on like an item. Bonus items never lose points.
      if ((item.dimension !== undefined || item.penalty) && item.earned !== null) reviewItem(step, item.id, earlier.get(item.id) ?? []);
    }
    // Findings of items with no earlier row on the ledger: first found now.
    const fresh = result.findings.filter((f) => !byId.has(f.id) && !(earlier.get(f.item) ?? []).some((r) => r.status !== '反弹'));
    addRows(step, fresh.map((f) => rowOfFinding(f, opts.countyNames)));
  }
  return { rows: out, changes, problems };
}

/** One later audit being added: what it is, where it came from, and the ledger it changes. */
interface ReviewStep {
  result: Result;
  source: string;
  byId: Map<string, LedgerRow>;
  out: LedgerRow[];
  changes: LedgerChange[];
  countyNames?: ReadonlyMap<string, string>;
}

/** The 回头看 of one item against its earlier rows (see addAudits). */
function reviewItem(step: ReviewStep, item: string, earlier: LedgerRow[]): void {
  const { result, source, changes } = step;
  const findings = result.findings.filter((f) => f.item === item);
  // This audit is on the ledger already: its rows were added, or an open row recorded it.
  if (findings.some((f) => step.byId.has(f.id))) return;
  const olds = earlier.filter((r) => !r.review.includes(result.date));
  const open = olds.filter((r) => r.status === '未整改' || r.status === '整改中');
  const done = olds.filter((r) => r.status === '已整改' || r.status === '已销号');
  const review = (row: LedgerRow, text: string) => recordReview(row, `${result.date} ${text}`, source, changes);
  if (findings.length === 0) {
    for (const row of open) {
      setStatus(row, '已整改', `回头看(${result.date})该项得满分,自动标为已整改,销号待核验`, source, changes);
      review(row, '复查:该项得满分');
    }
    return;
  }
  const lost = Exact.sum(findings.map((f) => Exact.from(f.deducted))).toString();
  for (const row of open) review(row, `复查:仍失分,扣 ${lost} 分`);
  if (done.length === 0) return;
  const added = findings.map((f) => rowOfFinding(f, step.countyNames));
  for (const row of done) {
    setStatus(row, '反弹', `回头看(${result.date})该项再次失分,已反弹,见 ${added.map((r) => r.id).join('、')}`, source, changes);
    review(row, `复查:再次失分,反弹,扣 ${lost} 分`);
  }
  for (const row of added) {
    row.note = appendNote(row.note, `反弹自 ${done.map((r) => r.id).join('、')}`);
    if (open.length) row.note = appendNote(row.note, `前次问题 ${open.map((r) => r.id).join('、')} 尚未销号`);
  }
  addRows(step, added);
}

function addRows(step: ReviewStep, added: LedgerRow[]): void {
  for (const row of added) {
    step.out.push(row);
    step.byId.set(row.id, row);
    step.changes.push({ source: step.source, id: row.id, from: '', to: row.problem, reason: 'audit' });
  }
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

function recordReview(row: LedgerRow, entry: string, source: string, changes: LedgerChange[]): void {
  const before = row.review;
  row.review = appendNote(row.review, entry);
  changes.push({ source, id: row.id, field: 'review', from: before, to: row.review, reason: 'review' });
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
