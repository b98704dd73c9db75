import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import type { Item, ScaleItem } from '../checklist/types.generated.js';
import type { ItemDefect, Method } from './method.js';
import { describeRaw, fail, parseNumber, wholeLoss } from './shared.js';

const scaleOf = (item: Item) => item as ScaleItem;

/** A measured number (满意率, 面积, 经费) read against bands: the first band whose min it reaches. */
export const scale: Method = {
  name: 'scale',
  schema: {
    properties: {
      bands: {
        type: 'array',
        minItems: 1,
        description: '分档:按 min 从高到低,取第一个 min ≤ 实测值的档',
        items: {
          type: 'object',
          title: 'Band',
          properties: { min: { type: 'number' }, points: { type: 'number', minimum: 0 } },
          required: ['min', 'points'],
          additionalProperties: false,
        },
      },
      unit: { type: 'string', minLength: 1, description: '单位,如 %、㎡、万元' },
      range: {
        type: 'array',
        items: { type: 'number' },
        minItems: 2,
        maxItems: 2,
        description: '允许的取值范围 [下限, 上限]',
      },
    },
    required: ['bands'],
  },
  check(item) {
    const { bands, range, points } = scaleOf(item);
    const defects: ItemDefect[] = [];
    bands.forEach((band, i) => {
      if (i > 0 && !Exact.from(band.min).lt(Exact.from(bands[i - 1].min))) {
        defects.push({ path: ['bands', i, 'min'], code: 'checklist.bands-order', params: { min: band.min, prev: bands[i - 1].min } });
      }
      if (Exact.from(band.points).gt(Exact.from(points))) {
        defects.push({ path: ['bands', i, 'points'], code: 'checklist.band-over-points', params: { band: band.points, points } });
      }
    });
    if (!Exact.from(bands[0].points).eq(Exact.from(points))) {
      defects.push({ path: ['bands', 0, 'points'], code: 'checklist.bands-top', params: { band: bands[0].points, points } });
    }
    if (range && !(range[0] < range[1])) {
      defects.push({ path: ['range'], code: 'checklist.range-order', params: { lo: range[0], hi: range[1] } });
    }
    return defects;
  },
  parse(raw, item) {
    const { range, unit } = scaleOf(item);
    const n = parseNumber(raw.value);
    if (n === undefined) return fail('answer.not-a-number', { value: describeRaw(raw.value) });
    if (range && (n.lt(Exact.from(range[0])) || n.gt(Exact.from(range[1])))) {
      return fail('answer.out-of-range', { value: n.toString(), lo: range[0], hi: range[1], unit: unit ?? '' });
    }
    return { ok: true, value: n };
  },
  earned(item, value) {
    const band = scaleOf(item).bands.find((b) => !(value as Exact).lt(Exact.from(b.min)));
    return Exact.from(band?.points ?? 0);
  },
  format: (value, item) => `${(value as Exact).toString()}${scaleOf(item).unit ?? ''}`,
  serialize: (value) => ({ value: (value as Exact).toNumber() }),
  findingParts: wholeLoss,
  hint: (item) => {
    const { range, unit } = scaleOf(item);
    return range ? t('hint.scale-range', { lo: range[0], hi: range[1], unit: unit ?? '' }) : t('hint.scale', { unit: unit ?? '' });
  },
  prompt: (item) => {
    const { range, unit } = scaleOf(item);
    return { kind: 'number', min: range?.[0], max: range?.[1], unit };
  },
  cell: (item) => {
    const { range } = scaleOf(item);
    return { kind: 'decimal', min: range?.[0], max: range?.[1] };
  },
};
