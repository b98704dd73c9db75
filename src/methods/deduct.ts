import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { normalizeText } from '../model/text.js';
import type { DeductItem, Item } from '../checklist/types.generated.js';
import type { DeficiencyCount, FindingPart, ItemDefect, Method } from './method.js';
import { describeRaw, fail, parseNumber } from './shared.js';

const perOf = (item: Item) => Exact.from((item as DeductItem).per);

/** A count of deficiencies, each costing `per`, floored at 0 (扣完为止). */
export const deduct: Method = {
  name: 'deduct',
  schema: {
    properties: {
      per: { type: 'number', exclusiveMinimum: 0, description: '每处问题扣分' },
    },
    required: ['per'],
  },
  check(item) {
    const defects: ItemDefect[] = [];
    if (perOf(item).gt(Exact.from(item.points))) {
      defects.push({ path: ['per'], code: 'checklist.per-over-points', params: { per: (item as DeductItem).per, points: item.points } });
    }
    return defects;
  },
  parse(raw) {
    const descriptions = Array.isArray(raw.deficiencies)
      ? raw.deficiencies.map((d) => normalizeText(String(d))).filter((d) => d !== '')
      : [];
    // A list as the value means the deficiencies themselves.
    if (Array.isArray(raw.value)) {
      const listed = raw.value.map((d) => normalizeText(String(d))).filter((d) => d !== '');
      return { ok: true, value: { count: listed.length, descriptions: listed } };
    }
    const n = parseNumber(raw.value);
    if (n === undefined || n.d !== 1n || n.n < 0n) return fail('answer.not-a-count', { value: describeRaw(raw.value) });
    const count = Number(n.n);
    if (descriptions.length > count) {
      return fail('answer.more-descriptions', { count, described: descriptions.length });
    }
    return { ok: true, value: { count, descriptions } };
  },
  earned(item, value) {
    const lost = perOf(item).mul(Exact.of(BigInt((value as DeficiencyCount).count)));
    return Exact.from(item.points).sub(lost).max(Exact.ZERO);
  },
  format: (value) => {
    const { count, descriptions } = value as DeficiencyCount;
    return descriptions.length ? `${count}(${descriptions.join(';')})` : String(count);
  },
  serialize: (value) => {
    const { count, descriptions } = value as DeficiencyCount;
    return descriptions.length ? { value: count, deficiencies: descriptions } : { value: count };
  },
  findingParts(item, value, lost) {
    const { count, descriptions } = value as DeficiencyCount;
    if (descriptions.length === 0) return [{ deducted: lost }];
    // Each described deficiency costs `per` until the item is used up; the ones counted
    // but not described share what is left as one more finding.
    let remaining = lost;
    const parts: FindingPart[] = descriptions.map((description) => {
      const deducted = remaining.min(perOf(item));
      remaining = remaining.sub(deducted);
      return { description, deducted };
    });
    if (count > descriptions.length && remaining.gt(Exact.ZERO)) parts.push({ deducted: remaining });
    return parts;
  },
  hint: (item) => t('hint.deduct', { per: (item as DeductItem).per, points: item.points }),
  prompt: (item) => ({ kind: 'count', per: (item as DeductItem).per, points: item.points }),
  cell: () => ({ kind: 'whole', min: 0 }),
};
