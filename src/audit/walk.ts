import { t } from '../i18n/index.js';
import { methodOf } from '../methods/index.js';
import type { Answer } from '../model/audit.js';
import type { PlacedItem } from '../model/checklist.js';
import { normalizeText } from '../model/text.js';
import { isPromptExit, type Prompter } from '../prompts/prompter.js';
import { askItem, notInspected } from './ask.js';
import { attachEvidence } from './evidence.js';
import { earnedBy, field, itemCard, losesPoints } from './card.js';
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
    if (!session) p.say(t('walk.interrupted-early'));
    // A final audit is the record, not a draft: say that it stands as it is.
    else p.say(t(session.audit.status === 'final' ? 'walk.interrupted-final' : 'walk.interrupted', { file: session.file, command: resumeCommand(session) }));
    return { outcome: 'interrupted', file: session?.file };
  }
}

/**
 * One item at a time. Answering moves on to the next item not yet answered (or, when
 * going through the unanswered ones, to the next unanswered scored item); after going
 * back it walks item by item up to where the inspector was. The menu behind "⋯" (or "?"
 * at a typed question) goes back, skips, jumps, takes a note, attaches evidence, marks the
 * item 未查, finishes or leaves.
 */
async function walk(s: Session, p: Prompter, outputs: OutputOptions): Promise<Ending> {
  let index = firstUnanswered(s);
  let open = false;
  // The furthest item reached before going back: up to it, answered items are shown again.
  let reached = index;
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
      if (!(await vetoConfirmed(s, p, placed, asked.answer))) continue;
      const note = pending?.index === index && !asked.answer.na ? pending.note : undefined;
      await record(s, p, placed, note ? { ...asked.answer, note } : asked.answer);
      pending = undefined;
      index = forward(s, index, open, reached);
      reached = Math.max(reached, index);
      continue;
    }
    const move = await menu(s, p, index);
    if (move.to === 'next') index = forward(s, index, open, reached);
    else if (move.to === 'note') {
      const note = await takeNote(s, p, placed, pending?.index === index ? pending.note : undefined);
      if (note !== undefined) pending = { index, note };
    } else if (move.to === 'evidence') await attachEvidence(s, p, placed);
    else if (move.to === 'uninspected') {
      await record(s, p, placed, await notInspected(p, placed.item, s.audit.answers[placed.item.id]));
      pending = undefined;
      index = forward(s, index, open, reached);
    } else if (move.to === 'finish') index = s.items.length;
    else if (move.to === 'leave') return leaving(s, p, { outcome: 'saved', file: s.file });
    else ({ index, open } = at(move, index, open));
    reached = Math.max(reached, index);
  }
}

/**
 * The item after this one: the next unanswered scored item when going through those;
 * the very next item while coming back up to where the inspector had gone; otherwise
 * the next item without an answer (a resumed audit does not ask its answers again).
 */
function forward(s: Session, index: number, open: boolean, reached: number): number {
  if (open) return nextUnanswered(s, index);
  if (index + 1 < reached) return index + 1;
  const next = s.items.findIndex((placed, i) => i > index && !s.audit.answers[placed.item.id]);
  return next === -1 ? s.items.length : next;
}

/**
 * A veto item that earns nothing sets the grade to the lowest whatever the total: say
 * so at once and have it confirmed. Returns false to ask the item again.
 */
async function vetoConfirmed(s: Session, p: Prompter, placed: PlacedItem, answer: Answer): Promise<boolean> {
  const { item } = placed;
  if (!item.veto || answer.na || earnedBy(item, answer)?.isZero() !== true || sameValue(placed, s.audit.answers[item.id], answer)) return true;
  const lowest = s.checklist.grades[s.checklist.grades.length - 1].name;
  p.say(p.paint('red', t('walk.veto.warning', { id: item.id, grade: lowest })));
  return p.select({
    message: t('walk.veto.ask'),
    choices: [
      { value: true, name: t('walk.veto.confirm', { grade: lowest }) },
      { value: false, name: t('walk.veto.again') },
    ],
  });
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
async function record(s: Session, p: Prompter, placed: PlacedItem, given: Answer): Promise<void> {
  const id = placed.item.id;
  const before = s.audit.answers[id];
  // Evidence attached to the item stays with it whatever the new answer.
  const answer = before?.evidence ? { ...given, evidence: before.evidence } : given;
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
  if (!a || a.na !== b.na || a.uninspected !== b.uninspected) return false;
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
      message: t(answer?.uninspected ? 'walk.note.ask-uninspected' : answer?.na ? 'walk.note.ask-na' : 'walk.note.ask'),
      default: current,
      editable: current !== undefined,
      validate: (v) => !answer?.na || normalizeText(v) !== '' || t(answer.uninspected ? 'walk.uninspected-reason-required' : 'walk.na-reason-required'),
    }),
  );
  if (!answer) return note;
  s.audit.answers[item.id] = { ...answer, note: note || undefined };
  s.audit.status = 'draft';
  saveDraft(s);
  return undefined;
}

function leaving(s: Session, p: Prompter, end: Ending): Ending {
  if (end.outcome === 'saved') p.say(t(s.audit.status === 'final' ? 'walk.left-final' : 'walk.saved', { file: s.file, command: resumeCommand(s) }));
  return end;
}
