import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputError, problem, UserError, type Problem } from '../errors.js';
import { pathOf, toProblem, type SchemaError } from '../checklist/validate.js';
import { parseDate } from '../model/dates.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Task, TaskScope } from '../progress/model.js';
import { parseYaml, type YamlSource } from '../sources/yaml-doc.js';

const COUNTY_CODE = /^\d{4}(?!00)\d{2}$/;

export interface TasksFile {
  name: string;
  tasks: Task[];
}

/** A deployed-tasks YAML file, checked like a checklist: every problem located at file:line:col. */
export function readTasksFile(file: string): Promise<TasksFile> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError('file.unreadable', { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { file });
  }
  return parseTasks(text, file);
}

export async function parseTasks(text: string, file: string): Promise<TasksFile> {
  const { source, problems } = parseYaml(text, file);
  if (!source) throw new UserError(problems);
  const schemaFound = await schemaProblems(source);
  if (schemaFound.length) throw new UserError(schemaFound);
  const data = source.value as { name: string; tasks: RawTask[] };
  const found: Problem[] = [];
  const firstLine = new Map<string, number>();
  const tasks = data.tasks.map((raw, i): Task => {
    const at = (key: string) => source.at(['tasks', i, key]);
    const seen = firstLine.get(raw.id);
    if (seen !== undefined) found.push(problem('tasks.duplicate-id', { id: raw.id, line: seen }, at('id')));
    else firstLine.set(raw.id, at('id').line);
    const deadline = /^\d{4}-\d{2}-\d{2}$/.test(raw.deadline) ? parseDate(raw.deadline) : undefined;
    if (!deadline) found.push(problem('tasks.deadline', { value: raw.deadline }, at('deadline')));
    const codes = Array.isArray(raw.scope) ? raw.scope : typeof raw.scope === 'object' ? [raw.scope.townships] : [];
    codes.forEach((code, k) => {
      if (!COUNTY_CODE.test(code)) found.push(problem('tasks.county-code', { value: code }, source.at(Array.isArray(raw.scope) ? ['tasks', i, 'scope', k] : ['tasks', i, 'scope', 'townships'])));
    });
    return { id: raw.id, title: raw.title, scope: scopeOf(raw.scope), owner: raw.owner, deadline: deadline ?? '', evidence: raw.evidence };
  });
  if (found.length) throw new UserError(found.sort((a, b) => a.line! - b.line! || a.col! - b.col!));
  return { name: data.name, tasks };
}

interface RawTask {
  id: string;
  title: string;
  scope: 'counties' | string[] | { townships: string };
  owner: string;
  deadline: string;
  evidence?: string;
}

function scopeOf(raw: RawTask['scope']): TaskScope {
  if (raw === 'counties') return { kind: 'counties' };
  if (Array.isArray(raw)) return { kind: 'counties', counties: raw };
  return { kind: 'townships', county: raw.townships };
}

/**
 * Schema problems, located. `scope` has three shapes; ajv reports each shape's
 * failure, so a bad scope is said once, with the three shapes spelled out.
 */
async function schemaProblems(source: YamlSource): Promise<Problem[]> {
  const validate = await validator();
  if (validate(source.value)) return [];
  const problems: Problem[] = [];
  const scopesSaid = new Set<string>();
  for (const e of validate.errors ?? []) {
    const scope = /^\/tasks\/\d+\/scope/.exec(e.instancePath);
    if (!scope) {
      problems.push(toProblem(e, source));
      continue;
    }
    if (scopesSaid.has(scope[0])) continue;
    scopesSaid.add(scope[0]);
    problems.push(problem('tasks.scope', {}, source.at(pathOf(scope[0]))));
  }
  return problems;
}

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** Compiled on use (~90 ms): only the progress commands and the briefing with --tasks pay for it. */
async function validator(): Promise<Validator> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const schema: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'tasks.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  return ajv.compile(schema as object) as unknown as Validator;
}
