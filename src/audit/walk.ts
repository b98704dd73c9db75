import { t } from '../i18n/index.js';
import { methodOf } from '../methods/index.js';
import type { Answer } from '../model/audit.js';
import type { PlacedItem } from '../model/checklist.js';
import { normalizeText } from '../model/text.js';
import { isPromptExit, type Prompter } from '../prompts/prompter.js';
import { askItem } from './ask.js';
import { field, itemCard, losesPoints } from './card.js';
import { reviewFinding } from './finding.js';
import { finishStep, type Ending, type OutputOptions } from './finish.js';
import { menu, type Move } from './navigate.js';
import { resumeCommand, saveDraft, unansweredIndexes, type Session } from './session.js';
import { startSession, type AuditOptions } from './start.js';

export type AuditEnd = Ending | { outcome: 'interrupted'; file?: string };

/**
 * `zongzhi audit` without the terminal: start or resume, walk the checklist, finish.
 * Ctrl-C (or the end of stdin) at any question ends it with the draft saved and the
 * command to resume printed.
 */
export async function runAudit(opts: AuditOptions, p: Prompter): Promise<AuditEnd> {
  let session: Session | undefined;
  try {
    session = await startSession(opts, p);
    return await walk(session, p, { force: opts.force, centers: opts.centers });
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    p.say('');
    p.say(session ? t('walk.interrupted', { file: session.file, command: resumeCommand(session) }) : t('walk.interrupted-early'));
    return { outcome: 'interrupted', file: session?.file };
  }
}

/**
 * One item at a time. Answering moves to the next item (or, when going through the
 * unanswered ones, to the next unanswered); the menu behind "⋯" (or "?" at a typed
 * question) goes back, skips, jumps, takes a note, finishes or leaves.
 */
async function walk(s: Session, p: Prompter, outputs: OutputOptions): Promise<Ending> {
  let index = firstUnanswered(s);
  let open = false;
  // A note typed before the item is answered; the audit file keeps notes with answers only.
  let pending: { index: number; note: string } | undefined;
  for (;;) {
    if (index >= s.items.length) {
      const next = await finishStep(s, p, outputs);
      if ('outcome' in next) return leaving(s, p, next);
      ({ index, open } = at(next, index, open));
      continue;
    }
    const placed = s.items[index];
    p.say(itemCard(s, index, p));
    if (pending?.index === index) p.say(field(t('walk.card.note'), pending.note, p.width));
    const asked = await askItem(p, placed.item, s.audit.answers[placed.item.id]);
    if (asked.kind === 'answer') {
      const note = pending?.index === index && !asked.answer.na ? pending.note : undefined;
      await record(s, p, placed, note ? { ...asked.answer, note } : asked.answer);
      pending = undefined;
      index = open ? nextUnanswered(s, index) : index + 1;
      continue;
    }
    const move = await menu(s, p, index);
    if (move.to === 'next') index = open ? nextUnanswered(s, index) : index + 1;
    else if (move.to === 'note') {
      const note = await takeNote(s, p, placed, pending?.index === index ? pending.note : undefined);
      if (note !== undefined) pending = { index, note };
    } else if (move.to === 'finish') index = s.items.length;
    else if (move.to === 'leave') return leaving(s, p, { outcome: 'saved', file: s.file });
    else ({ index, open } = at(move, index, open));
  }
}

function at(move: Move, index: number, open: boolean): { index: number; open: boolean } {
  if (move.to !== 'item') return { index, open };
  return { index: Math.max(0, move.index), open: move.open ?? (move.index === index ? open : false) };
}

/** Where a walk begins: a new audit at the first item, a resumed one at the first it has no answer for. */
function firstUnanswered(s: Session): number {
  const i = s.items.findIndex((placed) => !s.audit.answers[placed.item.id]);
  return i === -1 ? s.items.length : i;
}

function nextUnanswered(s: Session, index: number): number {
  return unansweredIndexes(s).find((i) => i > index) ?? s.items.length;
}

/**
 * Saves a new or changed answer at once, then, when it costs points, asks about the
 * finding and saves again: an interruption in the finding loses nothing answered. An
 * answer passed through unchanged (Enter on an answered item) changes nothing.
 */
async function record(s: Session, p: Prompter, placed: PlacedItem, answer: Answer): Promise<void> {
  const id = placed.item.id;
  const before = s.audit.answers[id];
  const changed = !sameValue(placed, before, answer);
  if (!changed && before?.note === answer.note) return;
  s.audit.answers[id] = answer;
  // A changed audit is a draft again until the inspector confirms the result anew.
  s.audit.status = 'draft';
  if (!losesPoints(placed, answer)) delete s.audit.findings[id];
  saveDraft(s);
  if (changed && losesPoints(placed, answer)) {
    await reviewFinding(s, p, placed);
    saveDraft(s);
  }
}

function sameValue({ item }: PlacedItem, a: Answer | undefined, b: Answer): boolean {
  if (!a || a.na !== b.na) return false;
  return a.na || JSON.stringify(methodOf(item).serialize(a.value!)) === JSON.stringify(methodOf(item).serialize(b.value!));
}

/**
 * A note on the item: saved with its answer at once, or, before the item is answered,
 * returned to be attached to the answer that follows.
 */
async function takeNote(s: Session, p: Prompter, { item }: PlacedItem, pending?: string): Promise<string | undefined> {
  const answer = s.audit.answers[item.id];
  const current = answer?.note ?? pending;
  const note = normalizeText(
    await p.input({
      message: t(answer?.na ? 'walk.note.ask-na' : 'walk.note.ask'),
      default: current,
      editable: current !== undefined,
      validate: (v) => !answer?.na || normalizeText(v) !== '' || t('walk.na-reason-required'),
    }),
  );
  if (!answer) return note;
  s.audit.answers[item.id] = { ...answer, note: note || undefined };
  s.audit.status = 'draft';
  saveDraft(s);
  return undefined;
}

function leaving(s: Session, p: Prompter, end: Ending): Ending {
  if (end.outcome === 'saved') p.say(t('walk.saved', { file: s.file, command: resumeCommand(s) }));
  return end;
}
