import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { nearest, normalizeText, splitList } from '../model/text.js';
import type { Item, MultiItem } from '../checklist/types.generated.js';
import type { ItemDefect, Method } from './method.js';
import { fail, labelDefects, listOf, wholeLoss } from './shared.js';

const optionsOf = (item: Item) => (item as MultiItem).options;
const SEPARATOR = /[、,，;；]/;
// How a person writes "none of them" in a cell, where an empty cell means unanswered.
const NONE = new Set(['无', '没有', 'none']);

/** A checklist of options (入驻部门); the chosen options' points add up. */
export const multi: Method = {
  name: 'multi',
  schema: {
    properties: {
      options: {
        type: 'array',
        minItems: 1,
        description: '选项:各选项分值之和等于本项分值',
        items: {
          type: 'object',
          title: 'Option',
          properties: { label: { type: 'string', minLength: 1 }, points: { type: 'number', exclusiveMinimum: 0 } },
          required: ['label', 'points'],
          additionalProperties: false,
        },
      },
    },
    required: ['options'],
  },
  check(item) {
    const options = optionsOf(item);
    const defects: ItemDefect[] = labelDefects('options', options.map((o) => o.label));
    options.forEach((o, i) => {
      if (SEPARATOR.test(o.label)) {
        defects.push({ path: ['options', i, 'label'], code: 'checklist.label-separator', params: { label: o.label } });
      }
    });
    const sum = Exact.sum(options.map((o) => Exact.from(o.points)));
    if (!sum.eq(Exact.from(item.points))) {
      defects.push({ path: ['options'], code: 'checklist.options-sum', params: { sum: sum.toString(), points: item.points } });
    }
    return defects;
  },
  parse(raw, item) {
    const labels = optionsOf(item).map((o) => o.label);
    const given = Array.isArray(raw.value)
      ? raw.value.map((v) => normalizeText(String(v))).filter((s) => s !== '')
      : typeof raw.value === 'string'
        ? splitList(raw.value)
        : undefined;
    if (given === undefined) return fail('answer.not-a-list', { labels: listOf(labels) });
    if (given.length === 1 && NONE.has(given[0])) return { ok: true, value: [] };
    const chosen: string[] = [];
    for (const text of given) {
      const match = labels.find((l) => normalizeText(l) === text);
      if (match === undefined) {
        const near = nearest(text, labels);
        return fail(near ? 'answer.unknown-option-near' : 'answer.unknown-option', {
          value: text,
          labels: listOf(labels),
          near: near ?? '',
        });
      }
      if (!chosen.includes(match)) chosen.push(match);
    }
    // Keep the checklist's order so the same choice always reads the same.
    return { ok: true, value: labels.filter((l) => chosen.includes(l)) };
  },
  earned: (item, value) =>
    Exact.sum(optionsOf(item).filter((o) => (value as string[]).includes(o.label)).map((o) => Exact.from(o.points))),
  format: (value) => ((value as string[]).length ? (value as string[]).join('、') : '无'),
  serialize: (value) => ({ value }),
  findingParts: wholeLoss,
  hint: (item) => t('hint.multi', { labels: listOf(optionsOf(item).map((o) => o.label)) }),
  prompt: (item) => ({ kind: 'checkbox', choices: optionsOf(item) }),
  cell: () => ({ kind: 'text' }),
};
