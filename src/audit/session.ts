import { existsSync, readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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
  /** Every item in walking order: the dimensions' items, then the bonus items. */
  items: PlacedItem[];
}

export function newSession(checklist: Checklist, audit: Audit, file: string): Session {
  return { checklist, audit, file, items: placedItems(checklist) };
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

/**
 * A checklist named by path (kept outside checklists/) is recorded in the draft,
 * relative to it, so that `--resume` and `score` find it alone; one named by id needs nothing.
 */
export function recordedChecklistFile(ref: string, draft: string): string | undefined {
  if (!(existsSync(ref) && statSync(ref).isFile())) return undefined;
  return relativeToDraft(draft, ref);
}

/**
 * A file's path as the draft records it: relative to the draft's folder with forward
 * slashes, so the folder can be moved or shared; absolute only where no relative path
 * exists (another drive on Windows).
 */
export function relativeToDraft(draft: string, file: string): string {
  const path = relative(dirname(resolve(draft)), resolve(file));
  return isAbsolute(path) ? path : path.split(sep).join('/');
}

/** True when the audit file at `file` says `status: final`; a file that does not parse is no final audit. */
export function isFinalAudit(file: string): boolean {
  try {
    const doc = parse(readFileSync(file, 'utf8')) as { status?: unknown } | null;
    return doc?.status === 'final';
  } catch {
    return false;
  }
}

/** The exact command that continues this draft. */
export function resumeCommand(s: Pick<Session, 'file'>): string {
  return `zongzhi audit --resume ${shellQuote(s.file)}`;
}

/** The command that writes one of the audit's outputs again (after a failure, or when one was kept). */
export function scoreCommand(s: Pick<Session, 'file'>, output: string, force = false): string {
  return `zongzhi score ${shellQuote(s.file)} -o ${shellQuote(output)}${force ? ' --force' : ''}`;
}

/** Quotes a path for a POSIX shell when it needs it (CJK letters do not). */
function shellQuote(s: string): string {
  return /^[\p{L}\p{N}_./@%+=:,-]+$/u.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Items of the dimensions still unanswered (an unanswered bonus item is simply not claimed). */
export function unansweredIndexes(s: Session): number[] {
  return s.items.flatMap((p, i) => (p.dimension && !s.audit.answers[p.item.id] ? [i] : []));
}
