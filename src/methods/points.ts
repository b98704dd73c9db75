import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import type { Item, PointsItem } from '../checklist/types.generated.js';
import type { ItemDefect, Method } from './method.js';
import { describeRaw, fail, parseNumber, wholeLoss } from './shared.js';

const DEFAULT_STEP = 0.5;
const stepOf = (item: Item) => (item as PointsItem).step ?? DEFAULT_STEP;

/** The inspector gives the score directly, in steps of `step`. */
export const points: Method = {
  name: 'points',
  schema: {
    properties: {
      step: { type: 'number', exclusiveMinimum: 0, description: '打分步长,默认 0.5,须整除本项分值' },
    },
    required: [],
  },
  check(item) {
    const defects: ItemDefect[] = [];
    if (!Exact.from(item.points).isMultipleOf(Exact.from(stepOf(item)))) {
      defects.push({ path: (item as PointsItem).step === undefined ? ['points'] : ['step'], code: 'checklist.step-divides', params: { step: stepOf(item), points: item.points } });
    }
    return defects;
  },
  parse(raw, item) {
    const n = parseNumber(raw.value);
    const step = stepOf(item);
    if (n === undefined) return fail('answer.not-a-number', { value: describeRaw(raw.value) });
    if (n.lt(Exact.ZERO) || n.gt(Exact.from(item.points)) || !n.isMultipleOf(Exact.from(step))) {
      return fail('answer.bad-score', { value: n.toString(), points: item.points, step });
    }
    return { ok: true, value: n };
  },
  earned: (_item, value) => value as Exact,
  format: (value) => (value as Exact).toString(),
  serialize: (value) => ({ value: (value as Exact).toNumber() }),
  findingParts: wholeLoss,
  hint: (item) => t('hint.points', { points: item.points, step: stepOf(item) }),
  prompt: (item) => ({ kind: 'score', max: item.points, step: stepOf(item) }),
  cell: (item) => ({ kind: 'decimal', min: 0, max: item.points }),
};
