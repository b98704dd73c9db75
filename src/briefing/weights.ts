import { Exact } from '../model/exact.js';
import type { CountyWeights } from './model.js';

/**
 * `county=0.4,township=0.6` as weights: both named once, each between 0 and 1, summing to
 * exactly 1 (a composite of other weights is not a score). Undefined when it is not that.
 */
export function parseCountyWeights(text: string): CountyWeights | undefined {
  const weights = new Map<string, Exact>();
  for (const part of text.split(/[,,]/)) {
    const m = /^\s*(county|township)\s*[=:]\s*([0-9.]+)\s*$/.exec(part);
    const value = m ? Exact.parse(m[2]) : undefined;
    if (!m || !value || weights.has(m[1]) || value.gt(Exact.of(1n))) return undefined;
    weights.set(m[1], value);
  }
  const county = weights.get('county');
  const township = weights.get('township');
  if (!county || !township || !county.add(township).eq(Exact.of(1n))) return undefined;
  return { county, township };
}
