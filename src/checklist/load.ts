import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PRECOMPILED_CHECKLISTS, SHIPPED_CHECKLISTS_DIR } from '../paths.js';
import { inputError, problem, UserError, type Problem } from '../errors.js';
import type { Checklist, ChecklistFile } from '../model/checklist.js';
import { checklistTotal } from '../model/checklist.js';
import { readTextFile } from '../sources/text-file.js';
import { isMapping, parseYaml } from '../sources/yaml-doc.js';
import { checklistDefects } from './rules.js';
import { schemaProblems } from './validate.js';

export const SHIPPED_DIR = SHIPPED_CHECKLISTS_DIR;
export const LOCAL_DIR = 'checklists';

export interface LoadOutcome {
  checklist?: Checklist;
  problems: Problem[];
}

/**
 * Parses, schema-checks and rule-checks one checklist text; every problem is located.
 * `byteSha256` is the hash of the file's bytes, what audits recorded before the hash was
 * taken over the normalised text; they still find their checklist by it.
 */
export function loadChecklistText(text: string, file: string, byteSha256?: string): LoadOutcome {
  const { source, problems } = parseYaml(text, file);
  if (!source) return { problems };
  const schema = schemaProblems(source);
  const isClean = (path: (string | number)[]) => {
    const prefix = path.length ? `/${path.join('/')}` : '';
    // A part is clean when no schema error lies inside it or on one of its ancestors.
    return !schema.badPaths.some((bad) => bad === prefix || bad.startsWith(`${prefix}/`) || (bad !== '' && prefix.startsWith(`${bad}/`)));
  };
  const value = source.value as ChecklistFile;
  const rules = schema.problems.length && !isMapping(value) ? [] : safeDefects(value, isClean);
  const all = [
    ...schema.problems,
    ...rules.map((d) => {
      const params = { ...d.params };
      if (d.ref) params.line = source.at(d.ref).line;
      return problem(d.code, params, source.at(d.path));
    }),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  if (all.length) return { problems: all };
  // Over the text as decodeText leaves it, so a copy saved on Windows (BOM, CRLF) or as GBK is the same checklist.
  const sha256 = sha256Of(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  return {
    checklist: { ...value, file, sha256, ...(byteSha256 && byteSha256 !== sha256 ? { byteSha256 } : {}), precision: value.precision ?? 1, total: checklistTotal(value) },
    problems: [],
  };
}

function safeDefects(value: ChecklistFile, isClean: (path: (string | number)[]) => boolean) {
  // Rules only look at parts that passed the schema; a top level that is not even a mapping has none.
  return Array.isArray(value.dimensions) ? checklistDefects(value, isClean) : [];
}


/** Loads a checklist file; a shipped one unchanged since the build comes precompiled (no YAML parse). */
export function loadChecklistFile(path: string, opts: { parse?: boolean } = {}): LoadOutcome {
  const { text, bytes, problems } = readTextFile(path);
  if (text === undefined || bytes === undefined) return { problems };
  const checklist = opts.parse ? undefined : precompiled(path, bytes);
  return checklist ? { checklist, problems: [] } : loadChecklistText(text, path, sha256Of(bytes));
}

function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

interface Precompiled {
  [name: string]: { sha256: string; checklist: Omit<Checklist, 'file' | 'total'> };
}
let precompiledTable: Precompiled | undefined;

// Written by scripts/precompile-checklists.mjs at build time, keyed by the sha256 of each file's bytes: an edited
// shipped file simply misses and is parsed.
function precompiled(path: string, bytes: Buffer): Checklist | undefined {
  if (resolve(dirname(path)) !== resolve(SHIPPED_DIR)) return undefined;
  try {
    precompiledTable ??= JSON.parse(readFileSync(PRECOMPILED_CHECKLISTS, 'utf8')) as Precompiled;
  } catch {
    precompiledTable = {};
  }
  const entry = precompiledTable[basename(path)];
  if (!entry || entry.sha256 !== sha256Of(bytes)) return undefined;
  return { ...entry.checklist, file: path, total: checklistTotal(entry.checklist as ChecklistFile) } as Checklist;
}

/** Checklist files in the shipped folder and in ./checklists, local ones last so they win on the same id. */
export function checklistFiles(): { file: string; source: 'shipped' | 'local' }[] {
  const list = (dir: string, source: 'shipped' | 'local') =>
    existsSync(dir) && statSync(dir).isDirectory()
      ? readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => ({ file: join(dir, f), source }))
      : [];
  const shipped = list(SHIPPED_DIR, 'shipped');
  const local = resolve(LOCAL_DIR) === resolve(SHIPPED_DIR) ? [] : list(resolve(LOCAL_DIR), 'local');
  return [...shipped, ...local];
}

/**
 * `<id|file>`: a path that exists is loaded as a file; otherwise an id, which names the
 * newest version of that checklist (./checklists/ before the shipped ones); otherwise a
 * file name without extension, which names one version (`county-2025.1`).
 */
export function resolveChecklist(ref: string): Checklist {
  const path = existsSync(ref) && statSync(ref).isFile() ? ref : findById(ref);
  if (!path) {
    const ids = [...new Set(checklistFiles().map((f) => basename(f.file).replace(/\.ya?ml$/, '')))].join(', ');
    throw inputError('checklist.not-found', { ref, ids });
  }
  const { checklist, problems } = loadChecklistFile(path);
  if (!checklist) throw new UserError(problems);
  return checklist;
}

function findById(ref: string): string | undefined {
  const files = checklistFiles().map((f) => ({ ...f, head: headOf(f.file) }));
  const sameId = files.filter((f) => f.head.id === ref);
  const local = sameId.filter((f) => f.source === 'local');
  const pool = local.length ? local : sameId;
  if (pool.length) return pool.reduce((a, b) => (compareVersions(b.head.version, a.head.version) > 0 ? b : a)).file;
  return files.reverse().find((f) => basename(f.file).replace(/\.ya?ml$/, '') === ref)?.file;
}

/** The id and version a checklist file declares, read without parsing the whole file. */
function headOf(file: string): { id?: string; version: string } {
  const text = readFileSync(file, 'utf8');
  return {
    id: /^id:\s*["']?([\w-]+)/m.exec(text)?.[1],
    version: /^version:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? '',
  };
}

/** Versions compare by their numbers: 2026.1 is newer than 2025.12, and 2025.10 than 2025.9. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/\D+/).filter(Boolean).map(Number);
  const pb = b.split(/\D+/).filter(Boolean).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
