import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { booleanText } from '../model/text.js';
import type { Method } from './method.js';
import { describeRaw, fail, wholeLoss } from './shared.js';

/** 是/否: full points or nothing. */
export const check: Method = {
  name: 'check',
  schema: { properties: {}, required: [] },
  check: () => [],
  parse(raw) {
    const value = booleanText(raw.value);
    return value === undefined ? fail('answer.not-yes-no', { value: describeRaw(raw.value) }) : { ok: true, value };
  },
  earned: (item, value) => (value === true ? Exact.from(item.points) : Exact.ZERO),
  format: (value) => (value === true ? t('answer.yes') : t('answer.no')),
  serialize: (value) => ({ value: value === true ? '是' : '否' }),
  findingParts: wholeLoss,
  hint: () => t('hint.check'),
  prompt: () => ({ kind: 'confirm' }),
  cell: () => ({ kind: 'list', values: ['是', '否'] }),
};
