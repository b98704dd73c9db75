import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { nearest, normalizeText } from '../model/text.js';
import type { Item, LevelsItem } from '../checklist/types.generated.js';
import type { ItemDefect, Method } from './method.js';
import { describeRaw, fail, labelDefects, listOf, wholeLoss } from './shared.js';

const levelsOf = (item: Item) => (item as LevelsItem).levels;

/** A choice of graded levels (完全达到/基本达到/未达到); the best level is worth the item's points. */
export const levels: Method = {
  name: 'levels',
  schema: {
    properties: {
      levels: {
        type: 'array',
        minItems: 2,
        description: '等级:从高到低列出,最高等级的分值等于本项分值',
        items: {
          type: 'object',
          title: 'Level',
          properties: { label: { type: 'string', minLength: 1 }, points: { type: 'number', minimum: 0 } },
          required: ['label', 'points'],
          additionalProperties: false,
        },
      },
    },
    required: ['levels'],
  },
  check(item) {
    const list = levelsOf(item);
    const defects: ItemDefect[] = labelDefects('levels', list.map((l) => l.label));
    const max = list.reduce((m, l) => m.max(Exact.from(l.points)), Exact.ZERO);
    if (!max.eq(Exact.from(item.points))) {
      defects.push({ path: ['levels'], code: 'checklist.levels-max', params: { max: max.toString(), points: item.points } });
    }
    return defects;
  },
  parse(raw, item) {
    const labels = levelsOf(item).map((l) => l.label);
    const text = typeof raw.value === 'string' ? normalizeText(raw.value) : describeRaw(raw.value);
    const match = labels.find((l) => normalizeText(l) === text);
    if (match !== undefined) return { ok: true, value: match };
    const near = nearest(text, labels);
    return fail(near ? 'answer.unknown-level-near' : 'answer.unknown-level', {
      value: text,
      labels: listOf(labels),
      near: near ?? '',
    });
  },
  earned: (item, value) => Exact.from(levelsOf(item).find((l) => l.label === value)?.points ?? 0),
  format: (value) => String(value),
  serialize: (value) => ({ value }),
  findingParts: wholeLoss,
  hint: (item) => t('hint.levels', { labels: listOf(levelsOf(item).map((l) => l.label)) }),
  prompt: (item) => ({ kind: 'select', choices: levelsOf(item) }),
  cell: (item) => ({ kind: 'list', values: levelsOf(item).map((l) => l.label) }),
};
