import { t } from '../i18n/index.js';
import { methodOf } from '../methods/index.js';
import type { DeficiencyCount, PromptSpec } from '../methods/method.js';
import { readAnswer, UNINSPECTED } from '../model/answers.js';
import type { Answer } from '../model/audit.js';
import type { Item } from '../model/checklist.js';
import { isNotApplicable, normalizeText } from '../model/text.js';
import { SEPARATOR, type Entry, type Prompter } from '../prompts/prompter.js';

/** What the inspector did at an item: answered it, or asked for the menu (back, skip, jump, finish…). */
export type Asked = { kind: 'answer'; answer: Answer } | { kind: 'menu' };

const NA = Symbol('na');
const MENU = Symbol('menu');
type Special = typeof NA | typeof MENU;

/** Typed at any text question to open the menu instead of answering. */
export function isMenuKey(text: string): boolean {
  return normalizeText(text) === '?';
}

/**
 * Asks an item's answer in the form its method calls for (PromptSpec) and reads it
 * with the method's own parser (readAnswer), so the prompt accepts exactly what an
 * audit file or a spreadsheet cell would. 不适用 is offered only where the item allows it.
 */
export async function askItem(p: Prompter, item: Item, given: Answer | undefined): Promise<Asked> {
  const spec = methodOf(item).prompt(item);
  // An item not inspected last time is asked afresh: 未查 is no answer to offer back.
  const current = given?.uninspected ? undefined : given;
  switch (spec.kind) {
    case 'confirm':
    case 'select':
      return askChoice(p, item, spec, current);
    case 'checkbox':
      return askOptions(p, item, spec, current);
    default:
      return askTyped(p, item, spec, current);
  }
}

/** 不适用 (where the item allows it) and the menu, below the answers. */
function specials<T>(item: Item): Entry<T | Special>[] {
  const na: Entry<Special> = { value: NA, name: t('walk.choice.na'), description: t('walk.choice.na-help') };
  const more: Entry<Special> = { value: MENU, name: t('walk.choice.menu'), description: t('walk.choice.menu-help') };
  return item.na ? [na, SEPARATOR, more] : [SEPARATOR, more];
}

/** 是/否 and levels: one choice, each showing what it earns. */
async function askChoice(p: Prompter, item: Item, spec: Extract<PromptSpec, { kind: 'confirm' | 'select' }>, current?: Answer): Promise<Asked> {
  const choices: Entry<boolean | string | Special>[] =
    spec.kind === 'confirm'
      ? [
          { value: true, name: `${t('answer.yes')}${t('walk.earns', { points: item.points })}` },
          { value: false, name: `${t('answer.no')}${t('walk.earns', { points: 0 })}` },
        ]
      : spec.choices.map((c) => ({ value: c.label, name: `${c.label}${t('walk.earns', { points: c.points })}` }));
  const chosen = await p.select({
    message: t('walk.ask-answer'),
    choices: [...choices, ...specials(item)],
    default: current ? (current.na ? NA : (current.value as boolean | string)) : undefined,
  });
  if (chosen === MENU) return { kind: 'menu' };
  if (chosen === NA) return notApplicable(p, item, current);
  return answered(item, { value: chosen }, current);
}

/**
 * Options of a multi item: each ticked one adds its points. The list holds the options
 * only: Enter submits the ticks wherever the cursor is, so an action entry in it would
 * be submitted as an empty answer (无, 0 points) by an Enter meant to open it. With
 * nothing ticked the inspector says what that means: 无, tick again, 不适用 or the menu.
 */
async function askOptions(p: Prompter, item: Item, spec: Extract<PromptSpec, { kind: 'checkbox' }>, current?: Answer): Promise<Asked> {
  let ticked = current && !current.na ? (current.value as string[]) : [];
  for (;;) {
    const chosen = await p.checkbox<string>({
      message: t(item.na ? 'walk.ask-options-na' : 'walk.ask-options'),
      choices: spec.choices.map((c) => ({ value: c.label, name: `${c.label}${t('walk.earns', { points: c.points })}`, short: c.label, checked: ticked.includes(c.label) })),
    });
    if (chosen.length) return answered(item, { value: chosen }, current);
    const next = await p.select<'none' | 'again' | Special>({
      message: t('walk.none-ticked.ask'),
      choices: [{ value: 'none', name: t('walk.none-ticked.none') }, { value: 'again', name: t('walk.none-ticked.again') }, ...specials<'none' | 'again'>(item)],
      default: 'again',
    });
    if (next === 'none') return answered(item, { value: [] }, current);
    if (next === MENU) return { kind: 'menu' };
    if (next === NA) return notApplicable(p, item, current);
    ticked = [];
  }
}

/** Counts, measured values and direct scores are typed; the method's hint says what is valid. */
async function askTyped(p: Prompter, item: Item, spec: Exclude<PromptSpec, { kind: 'confirm' | 'select' | 'checkbox' }>, current?: Answer): Promise<Asked> {
  const method = methodOf(item);
  const hint = method.hint(item);
  const text = await p.input({
    message: t(item.na ? 'walk.ask-typed-na' : 'walk.ask-typed', { hint }),
    default: current ? (current.na ? t('answer.na') : typedDefault(spec, item, current)) : undefined,
    validate: (v) => typedProblem(item, v, hint) ?? true,
  });
  if (isMenuKey(text)) return { kind: 'menu' };
  if (isNotApplicable(text)) return notApplicable(p, item, current);
  if (spec.kind !== 'count') return answered(item, { value: text }, current);
  const { count } = countOf(item, text);
  const previous = current && !current.na ? (current.value as DeficiencyCount).descriptions : [];
  return answered(item, { value: count, deficiencies: await describe(p, count, previous) }, current);
}

function typedDefault(spec: PromptSpec, item: Item, current: Answer): string {
  // A count's descriptions are asked one by one after it; the count alone goes on the line.
  if (spec.kind === 'count') return String((current.value as DeficiencyCount).count);
  return methodOf(item).format(current.value!, item);
}

/** Why typed text is not an answer here, in a message that says what is valid; undefined when it is. */
function typedProblem(item: Item, text: string, hint: string): string | undefined {
  if (isMenuKey(text)) return undefined;
  if (isNotApplicable(text)) return item.na ? undefined : t('walk.na-not-allowed', { hint });
  const outcome = readAnswer(item, { value: text });
  if (outcome.kind === 'blank') return t('walk.answer-required', { hint });
  if (outcome.kind === 'error') return t('walk.invalid', { problem: t(outcome.code, outcome.params), hint });
  return undefined;
}

function countOf(item: Item, text: string): DeficiencyCount {
  const outcome = readAnswer(item, { value: text });
  if (outcome.kind !== 'answer') throw new Error(`validated count did not read: ${text}`);
  return outcome.answer.value as DeficiencyCount;
}

/** One description per deficiency, each optional: they become one ledger line each. An empty line ends them. */
async function describe(p: Prompter, count: number, previous: string[]): Promise<string[]> {
  const descriptions: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = normalizeText(await p.input({ message: t('walk.ask-deficiency', { k: i + 1, n: count }), default: previous[i], editable: previous[i] !== undefined }));
    if (text === '') break;
    descriptions.push(text);
  }
  return descriptions;
}

/** 不适用 needs a reason, as in an audit file. */
async function notApplicable(p: Prompter, item: Item, current?: Answer): Promise<Asked> {
  const note = await p.input({
    message: t('walk.ask-na-reason'),
    default: current?.note,
    validate: (v) => normalizeText(v) !== '' || t('walk.na-reason-required'),
  });
  return answered(item, { value: t('answer.na'), note }, undefined);
}

/** 未查 (from the menu): not inspected this time, with the reason; any item may be. */
export async function notInspected(p: Prompter, item: Item, current?: Answer): Promise<Answer> {
  const note = await p.input({
    message: t('walk.ask-uninspected-reason'),
    default: current?.uninspected ? current.note : undefined,
    validate: (v) => normalizeText(v) !== '' || t('walk.uninspected-reason-required'),
  });
  return answerOf(item, { value: UNINSPECTED, note });
}

/** The answer read by the method's parser; a note already on the item stays with it (an N/A reason does not). */
function answered(item: Item, raw: { value: unknown; deficiencies?: string[]; note?: string }, current?: Answer): Asked {
  return { kind: 'answer', answer: answerOf(item, raw, current) };
}

function answerOf(item: Item, raw: { value: unknown; deficiencies?: string[]; note?: string }, current?: Answer): Answer {
  const note = raw.note ?? (current && !current.na ? current.note : undefined);
  const outcome = readAnswer(item, { ...raw, note });
  // Every path above has validated the value already: a refusal here is a bug, not a user error.
  if (outcome.kind !== 'answer') throw new Error(`answer to ${item.id} did not read: ${outcome.kind === 'error' ? outcome.code : 'blank'}`);
  return outcome.answer;
}
