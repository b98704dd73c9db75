import { t } from '../i18n/index.js';
import { methodOf } from '../methods/index.js';
import type { Answer } from '../model/audit.js';
import type { Item, PlacedItem } from '../model/checklist.js';
import { Exact } from '../model/exact.js';
import type { Prompter } from '../prompts/prompter.js';
import { ruleChar } from '../util/console.js';
import { breakLines } from '../util/line-break.js';
import { displayWidth } from '../util/width.js';
import type { Session } from './session.js';

/** Points an answer earns; undefined for N/A, which leaves the item out of the sums. */
export function earnedBy(item: Item, answer: Answer): Exact | undefined {
  return answer.na ? undefined : methodOf(item).earned(item, answer.value!);
}

/** True when the answer costs points on a scored item: that is a finding for the ledger. */
export function losesPoints(placed: PlacedItem, answer: Answer): boolean {
  const earned = earnedBy(placed.item, answer);
  return placed.dimension !== undefined && earned !== undefined && earned.lt(Exact.from(placed.item.points));
}

/** The answer as the inspector reads it: 是 / 基本达到 / 2(…) / 92% / 不适用, with what it earns. */
export function answerText(item: Item, answer: Answer): string {
  if (answer.uninspected) return t('answer.uninspected');
  if (answer.na) return t('answer.na');
  const earned = earnedBy(item, answer)!;
  return `${methodOf(item).format(answer.value!, item)}${t('walk.earns', { points: earned.toString() })}`;
}

/** Answered scored items and the points they earned out of the points that applied. */
function progress(s: Session): { answered: number; total: number; earned: Exact; applicable: Exact } {
  const scored = s.items.filter((p) => p.dimension);
  let earned = Exact.ZERO;
  let applicable = Exact.ZERO;
  let answered = 0;
  for (const { item } of scored) {
    const answer = s.audit.answers[item.id];
    if (!answer) continue;
    answered++;
    const e = earnedBy(item, answer);
    if (e === undefined) continue;
    earned = earned.add(e);
    applicable = applicable.add(Exact.from(item.points));
  }
  return { answered, total: scored.length, earned, applicable };
}

/**
 * What the inspector sees before each question: where they are, the item, its 评分标准,
 * how to check it, and the answer already given.
 */
export function itemCard(s: Session, index: number, p: Prompter): string {
  const { item, dimension, penalty } = s.items[index];
  const done = progress(s);
  // Scored items and bonus items are counted apart, as everywhere: 第 7/38 项 and 已答 7/38 are of the same 38.
  const group = s.items.filter((placed) => Boolean(placed.dimension) === Boolean(dimension));
  const section = dimension?.name ?? (penalty ? s.checklist.penalties!.name : t('walk.bonus'));
  const where = t('walk.card.where', { dimension: section, k: group.indexOf(s.items[index]) + 1, n: group.length });
  const score = t('walk.card.progress', { answered: done.answered, total: done.total, earned: done.earned.toString(), applicable: done.applicable.toString() });
  const tags = [t('walk.card.points', { points: item.points }), t(`method.${item.method}`)];
  if (item.veto) tags.push(p.paint('red', t('walk.card.veto')));
  if (item.na) tags.push(t('walk.card.na'));
  const lines = [
    '',
    p.paint('dim', rule(`${where}  ${score}`, p.width)),
    `${p.paint('bold', `${item.id}  ${item.title}`)}  ${p.paint('dim', tags.join(' · '))}`,
    field(t('walk.card.criteria'), item.criteria, p.width),
  ];
  if (item.guidance) lines.push(field(t('walk.card.guidance'), item.guidance, p.width));
  if (item.basis) lines.push(p.paint('dim', field(t('walk.card.basis'), item.basis, p.width)));
  const answer = s.audit.answers[item.id];
  if (answer) lines.push(p.paint('cyan', field(t('walk.card.current'), answerText(item, answer), p.width)));
  if (answer?.note) lines.push(field(t(answer.uninspected ? 'walk.card.uninspected-reason' : 'walk.card.note'), answer.note, p.width));
  if (answer?.evidence) lines.push(field(t('walk.card.evidence'), answer.evidence.map((e) => `${e.path}(sha256 ${e.sha256.slice(0, 8)})`).join('\n'), p.width));
  return lines.join('\n');
}

/** `── text ───…` across the screen. */
function rule(text: string, width: number): string {
  const rule = ruleChar();
  const line = `${rule}${rule} ${text} `;
  return line + rule.repeat(Math.max(2, Math.min(width, 100) - displayWidth(line)));
}

const LABEL_WIDTH = 12;

/** A labelled paragraph with a hanging indent, wrapped by display width (CJK counts two). */
export function field(label: string, text: string, width: number): string {
  const indent = ' '.repeat(LABEL_WIDTH);
  const room = Math.max(20, Math.min(width, 100) - LABEL_WIDTH - 1);
  const head = `  ${label}`;
  return text
    .split('\n')
    .flatMap((paragraph) => breakLines(paragraph, room))
    .map((line, i) => (i === 0 ? head + ' '.repeat(Math.max(1, LABEL_WIDTH - displayWidth(head))) : indent) + line)
    .join('\n');
}
