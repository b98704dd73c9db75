import { readFileSync } from 'node:fs';
import { inputError } from '../errors.js';
import type { RecordedPlan, VisitField } from '../plan/compare.js';
import { quarterRange } from '../plan/calendar.js';
import type { Plan } from '../plan/model.js';
import { isMapping, parseYaml, type YamlPath, type YamlSource } from '../sources/yaml-doc.js';

/** The algorithm the draw follows, named in the file so a later version cannot be mistaken for it. */
const PLAN_ALGORITHM = 'hmac-sha256-lot/weighted-key-v1';

/**
 * The plan as JSON: what is published and what `plan verify` and `plan status` read.
 * One entry per visit with its center, date, mode, team and inspectors (county = the
 * inspector's home county code), plus the lot, weight and key that chose it. No
 * timestamp: the same inputs give the same bytes.
 */
export function planJsonText(plan: Plan): string {
  const { internal, ...rest } = plan;
  const data = {
    format: 1,
    kind: 'zongzhi-plan',
    algorithm: PLAN_ALGORITHM,
    ...(internal ? { classification: '内部' } : {}),
    ...rest,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A plan JSON file read back for `plan verify` and `plan status`; a located error when it is unreadable or not a plan. */
export function readPlanFile(file: string): { recorded: RecordedPlan; plan: Plan } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError('file.unreadable', { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { file });
  }
  const read = readPlanJson(file, text);
  if (!read) throw inputError('verify.not-plan', { file }, { file });
  return read;
}

/** A plan JSON's text read back; undefined when it is not one, a located error when it is one but broken. */
function readPlanJson(file: string, text: string): { recorded: RecordedPlan; plan: Plan } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isMapping(data) || data.kind !== 'zongzhi-plan' || !Array.isArray(data.visits)) return undefined;
  // Positions cost a second parse: JSON is YAML, and the YAML reader knows lines and columns.
  let source: YamlSource | undefined;
  const at = (path: YamlPath) => (source ??= parseYaml(text, file, { positionsOnly: true }).source)?.at(path) ?? { file };
  // A plan with a broken quarter or visit is refused where it breaks, not read halfway.
  if (typeof data.quarter !== 'string' || !quarterRange(data.quarter)) throw inputError('plan.bad-quarter', { value: String(data.quarter ?? '') }, at(['quarter']));
  const broken = data.visits.findIndex((v) => !isMapping(v) || !isMapping(v.center) || typeof v.center.code !== 'string' || typeof v.center.name !== 'string' || typeof v.date !== 'string');
  if (broken >= 0) throw inputError('verify.bad-visit', {}, at(['visits', broken]));
  const visits = data.visits.map((v) => (isMapping(v) ? v : {}));
  const recorded: RecordedPlan = {
    file,
    quarter: String(data.quarter ?? ''),
    seed: String(data.seed ?? ''),
    visits: visits.map((v, i) => ({
      code: String(isMapping(v.center) ? (v.center.code ?? '') : ''),
      fields: recordedFields(v),
      place: (field?: VisitField) => at(field ? ['visits', i, field] : ['visits', i]),
    })),
  };
  return { recorded, plan: { ...(data as unknown as Plan), internal: data.classification === '内部' } };
}

/** A visit's fields as written, read without trusting their types (a hand-edited file may hold anything). */
function recordedFields(v: Record<string, unknown>): Record<VisitField, string> {
  const names = Array.isArray(v.inspectors) ? v.inspectors.map((i) => String(isMapping(i) ? i.name : i)).join('、') : String(v.inspectors ?? '');
  return {
    date: String(v.date ?? ''),
    team: String(v.team ?? ''),
    mode: String(v.mode ?? ''),
    reason: String(v.reason ?? ''),
    weight: typeof v.weight === 'number' ? v.weight.toFixed(2) : String(v.weight ?? ''),
    inspectors: names,
  };
}
