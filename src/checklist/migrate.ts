import { readAnswer, storedAnswer } from '../model/answers.js';
import type { Answer, Audit, FindingOverride } from '../model/audit.js';
import { placedItems, refOf, type Checklist, type Item } from '../model/checklist.js';
import { diffChecklists } from './diff.js';

/** Old item id → the new item ids it became (one when renamed, several when split). */
export type ItemMap = Record<string, string[]>;

export interface Migration {
  /** The audit for the target checklist: a draft while any of its items lacks an answer. */
  audit: Audit;
  /** Answers kept under the same id: the item's scoring did not change. */
  carried: string[];
  /** Answers moved through the mapping. */
  mapped: { from: string; to: string }[];
  /** Old answers not carried: their item was removed or rescored, or the answer does not fit the new item. */
  dropped: string[];
  /** Items of the target checklist that need an answer before the audit can be scored. */
  unanswered: string[];
}

/**
 * Carries an audit over to another version of its checklist. Pure: the caller reads and writes.
 * An answer moves only where it means the same thing in the new version: same id and
 * unchanged scoring (moving to another dimension does not change what an answer means),
 * or through the mapping, and in both cases only if the new item reads it.
 */
export function migrateAudit(audit: Audit, from: Checklist, to: Checklist, map: ItemMap = {}): Migration {
  const rescored = new Set(
    diffChecklists(from, to)
      .filter((c) => (c.subject === 'item' || c.subject === 'penalty') && c.kind === 'rescored' && c.fields.some((f) => f.key !== 'dimension'))
      .map((c) => c.id),
  );
  const oldItems = new Map(placedItems(from).map((p) => [p.item.id, p.item]));
  const newItems = new Map(placedItems(to).map((p) => [p.item.id, p.item]));
  const answers: Record<string, Answer> = {};
  const findings: Record<string, FindingOverride> = {};
  const result: Omit<Migration, 'audit' | 'unanswered'> = { carried: [], mapped: [], dropped: [] };

  for (const [id, answer] of Object.entries(audit.answers)) {
    const oldItem = oldItems.get(id);
    const targets = map[id] ?? (newItems.has(id) && !rescored.has(id) ? [id] : []);
    let moved = 0;
    for (const target of targets) {
      const newItem = newItems.get(target);
      const carried = oldItem && newItem ? reanswer(oldItem, newItem, answer) : undefined;
      if (!carried) continue;
      moved++;
      answers[target] = carried;
      if (audit.findings[id]) findings[target] = audit.findings[id];
      if (map[id]) result.mapped.push({ from: id, to: target });
      else result.carried.push(id);
    }
    if (moved === 0) result.dropped.push(id);
  }
  const unanswered = to.dimensions.flatMap((d) => d.items).filter((i) => !answers[i.id]).map((i) => i.id);
  return {
    ...result,
    unanswered,
    audit: { ...audit, checklist: refOf(to), answers, findings, status: unanswered.length ? 'draft' : audit.status },
  };
}

/** The old answer as the new item reads it, the way an audit file would give it; undefined if it does not fit. */
function reanswer(oldItem: Item, newItem: Item, answer: Answer): Answer | undefined {
  const raw = storedAnswer(oldItem, answer);
  const outcome = readAnswer(newItem, { ...raw, note: answer.note });
  if (outcome.kind !== 'answer') return undefined;
  return answer.evidence ? { ...outcome.answer, evidence: answer.evidence } : outcome.answer;
}
