import { existsSync, statSync } from 'node:fs';
import { loadChecklistFile, LOCAL_DIR } from '../checklist/load.js';
import { formatProblem, inputError, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { collectInputs } from '../util/fs.js';

interface Options {
  format: 'text' | 'json' | 'github';
}

export default async function run(paths: string[], opts: Options): Promise<void> {
  const roots = paths.length ? paths : [LOCAL_DIR];
  const files = findChecklists(roots);
  const problems = files.flatMap((file) => loadChecklistFile(file, { parse: true }).problems);
  process.stdout.write(render(problems, files, opts.format));
  if (problems.length) process.exitCode = 1;
}

function findChecklists(roots: string[]): string[] {
  const none = () => inputError('checklist.validate.none-found', { paths: roots.join(' ') });
  // A named file is validated whatever its extension; folders are searched for YAML.
  if (roots.every((r) => existsSync(r) && statSync(r).isDirectory())) {
    try {
      return collectInputs(roots, ['.yaml', '.yml']).filter((f) => !f.endsWith('.audit.yaml'));
    } catch {
      throw none();
    }
  }
  const files = collectInputs(roots, ['.yaml', '.yml']);
  if (files.length === 0) throw none();
  return files;
}

function render(problems: Problem[], files: string[], format: Options['format']): string {
  if (format === 'json') {
    const list = problems.map((p) => ({ file: p.file, line: p.line ?? 1, col: p.col ?? 1, code: p.code, message: p.message }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const lines =
    format === 'github'
      ? problems.map((p) => `::error file=${escapeProperty(p.file ?? '')},line=${p.line ?? 1},col=${p.col ?? 1},title=${escapeProperty(p.code)}::${escapeAnnotation(p.message)}`)
      : problems.map(formatProblem);
  const bad = new Set(problems.map((p) => p.file)).size;
  const summary = problems.length
    ? t('checklist.validate.failed', { files: files.length, bad, count: problems.length })
    : t('checklist.validate.ok', { files: files.length });
  return [...lines, summary].join('\n') + '\n';
}

/** GitHub workflow commands need %, CR and LF escaped in the message. */
export function escapeAnnotation(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** …and also `:` and `,` in a property (a file named "a,line=9.yaml" must not add a property). */
function escapeProperty(s: string): string {
  return escapeAnnotation(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
