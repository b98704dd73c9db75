import type { Item } from '../checklist/types.generated.js';
import type { Method } from './method.js';
import { check } from './check.js';
import { levels } from './levels.js';
import { multi } from './multi.js';
import { deduct } from './deduct.js';
import { scale } from './scale.js';
import { points } from './points.js';

/** The table of scoring methods; adding one is a module plus a line here. */
export const METHODS: readonly Method[] = [check, levels, multi, deduct, scale, points];

const byName = new Map(METHODS.map((m) => [m.name, m]));

export function methodOf(item: Item): Method {
  const method = byName.get(item.method);
  if (!method) throw new Error(`unregistered method ${item.method}`);
  return method;
}
