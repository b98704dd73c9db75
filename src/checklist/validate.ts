import generated from './validate.generated.cjs';
import { problem, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { nearest } from '../model/text.js';
import type { YamlPath, YamlSource } from '../sources/yaml-doc.js';

export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: { properties?: Record<string, unknown> };
}
type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

// The validator is generated at development time (scripts/gen-schema.ts) so start-up
// does not pay for compiling the schema; imported statically so the portable bundle includes it.
const validate = generated as Validator;

const MAX_SCHEMA_PROBLEMS = 50;

/** Schema problems located in the source, and the paths that had them (so later checks can skip those parts). */
export function schemaProblems(source: YamlSource): { problems: Problem[]; badPaths: string[] } {
  if (validate(source.value)) return { problems: [], badPaths: [] };
  const errors = relevant(validate.errors ?? []);
  const problems = errors.slice(0, MAX_SCHEMA_PROBLEMS).map((e) => toProblem(e, source));
  if (errors.length > MAX_SCHEMA_PROBLEMS) {
    problems.push(problem('schema.more', { count: errors.length - MAX_SCHEMA_PROBLEMS }, { file: source.file }));
  }
  return { problems, badPaths: errors.map((e) => e.instancePath) };
}

/**
 * Drops the echoes: the discriminator repeats what `required`/`enum` on `method` already say,
 * and a bad `veto` fails every alternative of its oneOf: one message naming the valid forms says it all.
 */
function relevant(errors: SchemaError[]): SchemaError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'discriminator') return false;
    const key = isVeto(e) ? `${e.instancePath}|veto` : `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function pathOf(pointer: string): YamlPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function isVeto(e: SchemaError): boolean {
  return e.instancePath.endsWith('/veto');
}

/** One schema error as a located problem; the tasks file reader shares it. */
export function toProblem(e: SchemaError, source: YamlSource): Problem {
  const path = pathOf(e.instancePath);
  const p = e.params;
  if (isVeto(e)) return problem(path.length === 1 ? 'schema.veto-effect' : 'schema.item-veto', { value: JSON.stringify(e.data) }, source.at(path));
  switch (e.keyword) {
    case 'required':
      return problem('schema.required', { key: String(p.missingProperty) }, source.at(path));
    case 'additionalProperties': {
      const keys = Object.keys(e.parentSchema?.properties ?? {});
      const key = String(p.additionalProperty);
      const near = nearest(key, keys);
      return problem(near ? 'schema.additional-property-near' : 'schema.additional-property', { key, near: near ?? '', allowed: keys.join(', ') }, source.keyAt([...path, key]));
    }
    case 'type':
      return problem('schema.type', { type: t(`type.${p.type}`), actual: describe(e.data) }, source.at(path));
    case 'const':
      return problem('schema.const', { value: JSON.stringify(p.allowedValue) }, source.at(path));
    case 'enum': {
      const values = (p.allowedValues as unknown[]).join(', ');
      return path[path.length - 1] === 'method'
        ? problem('schema.method', { value: String(e.data), values }, source.at(path))
        : problem('schema.enum', { values }, source.at(path));
    }
    case 'pattern': {
      const hint = String(p.pattern).startsWith('^[A-Z]') ? t('pattern.item-id') : t('pattern.lower-id');
      return problem('schema.pattern', { value: String(e.data), hint }, source.at(path));
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return problem(`schema.${e.keyword === 'exclusiveMinimum' ? 'exclusive-minimum' : e.keyword}`, { value: String(e.data), limit: String(p.limit) }, source.at(path));
    case 'minItems':
    case 'maxItems':
      return problem(e.keyword === 'minItems' ? 'schema.min-items' : 'schema.max-items', { limit: String(p.limit) }, source.at(path));
    case 'minLength':
      return problem('schema.min-length', {}, source.at(path));
    default:
      return problem('schema.other', { detail: `${e.keyword}: ${e.message ?? ''}` }, source.at(path));
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('type.array');
  if (typeof value === 'object') return t('type.object');
  return JSON.stringify(value);
}
