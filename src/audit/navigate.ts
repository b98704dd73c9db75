import { t } from '../i18n/index.js';
import type { Dimension } from '../model/checklist.js';
import type { Prompter } from '../prompts/prompter.js';
import { SEPARATOR } from '../prompts/prompter.js';
import { answerText } from './card.js';
import { unansweredIndexes, type Session } from './session.js';

/**
 * Where the walk goes next. `open` walks only the unanswered items (after the inspector
 * asked to go through them); otherwise the walk goes item by item.
 */
export type Move =
  | { to: 'item'; index: number; open?: boolean }
  | { to: 'next' }
  | { to: 'note' }
  | { to: 'evidence' }
  | { to: 'uninspected' }
  | { to: 'finish' }
  | { to: 'leave' };

/** The menu behind "⋯" at any item: everything other than answering it. */
export async function menu(s: Session, p: Prompter, index: number): Promise<Move> {
  const answered = Boolean(s.audit.answers[s.items[index].item.id]);
  const open = unansweredIndexes(s).length;
  const previous = s.items[index - 1]?.item;
  const choice = await p.select<string>({
    message: t('walk.menu.ask', { id: s.items[index].item.id }),
    choices: [
      { value: 'stay', name: t('walk.menu.stay') },
      previous
        ? { value: 'back', name: t('walk.menu.back', { id: previous.id, title: previous.title }) }
        : { value: 'back', name: t('walk.menu.back-none'), disabled: t('walk.menu.first') },
      { value: 'skip', name: t(answered ? 'walk.menu.next' : 'walk.menu.skip') },
      { value: 'note', name: t('walk.menu.note') },
      // The audit file keeps evidence with an answer: an item is answered (or marked 未查) first.
      answered ? { value: 'evidence', name: t('walk.menu.evidence') } : { value: 'evidence', name: t('walk.menu.evidence'), disabled: t('walk.menu.answer-first') },
      { value: 'uninspected', name: t('walk.menu.uninspected') },
      { value: 'jump', name: t('walk.menu.jump') },
      { value: 'open', name: t('walk.menu.open', { count: open }) },
      SEPARATOR,
      { value: 'finish', name: t('walk.menu.finish') },
      { value: 'leave', name: t('walk.menu.leave') },
    ],
  });
  switch (choice) {
    case 'back':
      return { to: 'item', index: index - 1 };
    case 'skip':
      return { to: 'next' };
    case 'note':
      return { to: 'note' };
    case 'evidence':
      return { to: 'evidence' };
    case 'uninspected':
      return { to: 'uninspected' };
    case 'jump':
      return { to: 'item', index: (await chooseItem(s, p)) ?? index };
    case 'open':
      return openItems(s, p, index);
    case 'finish':
      return { to: 'finish' };
    case 'leave':
      return { to: 'leave' };
    default:
      return { to: 'item', index };
  }
}

/** A dimension, then an item in it, each listed with how far it has got; undefined when the inspector backs out. */
export async function chooseItem(s: Session, p: Prompter): Promise<number | undefined> {
  const groups = [...new Set(s.items.map((i) => i.dimension))];
  const group = await p.select<Dimension | null | 'cancel'>({
    message: t('walk.jump.ask-dimension'),
    choices: [
      ...groups.map((d) => {
        const items = s.items.filter((i) => i.dimension === d);
        const done = items.filter((i) => s.audit.answers[i.item.id]).length;
        return { value: d ?? null, name: t('walk.jump.dimension', { name: d?.name ?? t('walk.bonus'), done, count: items.length }) };
      }),
      SEPARATOR,
      { value: 'cancel', name: t('walk.jump.cancel') },
    ],
  });
  if (group === 'cancel') return undefined;
  const chosen = await p.select<number | undefined>({
    message: t('walk.jump.ask-item'),
    choices: [
      ...s.items.flatMap((placed, index) => {
        if ((placed.dimension ?? null) !== group) return [];
        const answer = s.audit.answers[placed.item.id];
        const state = answer ? answerText(placed.item, answer) : t('walk.jump.unanswered');
        return [{ value: index, name: `${placed.item.id} ${placed.item.title}  ${p.paint('dim', state)}` }];
      }),
      SEPARATOR,
      { value: undefined, name: t('walk.jump.cancel') },
    ],
  });
  return chosen;
}

/** The unanswered items, to go through them one after another or to pick one. */
export async function openItems(s: Session, p: Prompter, index: number): Promise<Move> {
  const open = unansweredIndexes(s);
  if (open.length === 0) {
    p.say(t('walk.open.none'));
    return { to: 'item', index };
  }
  const chosen = await p.select<number | undefined>({
    message: t('walk.open.ask', { count: open.length }),
    choices: [
      ...open.map((i) => ({ value: i, name: `${s.items[i].item.id} ${s.items[i].item.title}` })),
      SEPARATOR,
      { value: undefined, name: t('walk.jump.cancel') },
    ],
  });
  return chosen === undefined ? { to: 'item', index } : { to: 'item', index: chosen, open: true };
}
