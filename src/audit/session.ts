import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { auditFileText } from '../formats/audit-file.js';
import type { Audit } from '../model/audit.js';
import { placedItems, type Checklist, type PlacedItem } from '../model/checklist.js';
import { writeFileAtomic } from '../util/fs.js';

/** An audit in progress: the checklist, the answers so far and the draft file that holds them. */
export interface Session {
  checklist: Checklist;
  audit: Audit;
  /** The draft, rewritten after every answer. */
  file: string;
  /** `--checklist` to repeat when resuming: the checklist is not findable by its id alone. */
  checklistArg?: string;
  /** Every item in walking order: the dimensions' items, then the bonus items. */
  items: PlacedItem[];
}

export function newSession(checklist: Checklist, audit: Audit, file: string, checklistArg?: string): Session {
  return { checklist, audit, file, checklistArg, items: placedItems(checklist) };
}

/** `<out>/<date>-<code>-<checklist>.audit.yaml`: sorts by date, names the center. */
export function draftPath(out: string, date: string, code: string, checklistId: string): string {
  return join(out, `${date}-${code}-${checklistId}.audit.yaml`);
}

/**
 * Writes the draft through a temp file and a rename: a kill at any moment leaves the
 * previous draft or this one, never half of one.
 */
export function saveDraft(s: Session): void {
  writeFileAtomic(s.file, auditFileText(s.audit, s.checklist), { force: true });
}

/** A checklist named by path must be named again to resume; one found by id needs nothing. */
export function checklistArgFor(ref: string): string | undefined {
  return existsSync(ref) && statSync(ref).isFile() ? ref : undefined;
}

/** The exact command that continues this draft. */
export function resumeCommand(s: Pick<Session, 'file' | 'checklistArg'>): string {
  const checklist = s.checklistArg ? ` --checklist ${shellQuote(s.checklistArg)}` : '';
  return `zongzhi audit --resume ${shellQuote(s.file)}${checklist}`;
}

/** The command that writes one of the audit's outputs again (after a failure, or when one was kept). */
export function scoreCommand(s: Pick<Session, 'file' | 'checklistArg'>, output: string, force = false): string {
  const checklist = s.checklistArg ? ` --checklist ${shellQuote(s.checklistArg)}` : '';
  return `zongzhi score ${shellQuote(s.file)}${checklist} -o ${shellQuote(output)}${force ? ' --force' : ''}`;
}

/** Quotes a path for a POSIX shell when it needs it (CJK letters do not). */
function shellQuote(s: string): string {
  return /^[\p{L}\p{N}_./@%+=:,-]+$/u.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Items of the dimensions still unanswered (an unanswered bonus item is simply not claimed). */
export function unansweredIndexes(s: Session): number[] {
  return s.items.flatMap((p, i) => (p.dimension && !s.audit.answers[p.item.id] ? [i] : []));
}
