import { problem, type Place, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import type { Audit } from './audit.js';

/** The levels a center (and a checklist) can be of. */
export type Level = 'county' | 'township' | 'village';

/**
 * A center's level from its code alone (DESIGN, Decisions: Levels): 6 digits not ending in
 * 00 a county, 9 a township, 12 a village. A 6-digit code ending in 00 is a city or a
 * province, never a center: undefined.
 */
export function levelOfCode(code: string): Level | undefined {
  if (code.length === 6) return code.endsWith('00') ? undefined : 'county';
  if (code.length === 9) return 'township';
  if (code.length === 12) return 'village';
  return undefined;
}

/** What a registry says of a center's level, when one was given. */
export type LevelLookup = (code: string) => Level | undefined;

/** The level name as a person reads it (县级, 乡镇(街道)); an unknown level shows itself. */
export function levelLabel(level: string): string {
  const key = `checklist.level.${level}`;
  const label = t(key);
  return label === key ? level : label;
}

/**
 * A center's level against its checklist's: the registry's 层级 when it lists the center,
 * else the code rule. Returns the problem at `place`, or undefined when they match.
 */
export function levelProblem(code: string, checklist: { id: string; level: string }, place: Place, registry?: LevelLookup): Problem | undefined {
  const listed = registry?.(code);
  const level = listed ?? levelOfCode(code);
  if (!level) return problem('level.not-a-center', { code }, place);
  if (level === checklist.level) return undefined;
  return problem(listed ? 'level.mismatch-registry' : 'level.mismatch', { code, level: levelLabel(level), id: checklist.id, checklistLevel: levelLabel(checklist.level) }, place);
}

/**
 * Splits responses into those whose center is of their checklist's level and a problem for
 * each other one, at the place of its center code: a checklist is used only for centers of its level.
 */
export function checkLevels<T extends { audit: Audit; checklist: { id: string; level: string } }>(responses: readonly T[], registry?: LevelLookup): { responses: T[]; problems: Problem[] } {
  const ok: T[] = [];
  const problems: Problem[] = [];
  for (const r of responses) {
    const p = levelProblem(r.audit.center.code, r.checklist, r.audit.centerAt?.() ?? { file: r.audit.source }, registry);
    if (p) problems.push(p);
    else ok.push(r);
  }
  return { responses: ok, problems };
}
