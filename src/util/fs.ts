import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname, basename, join, extname } from 'node:path';
import { inputError, problem, UserError, type Problem } from '../errors.js';
import { notice } from '../notices.js';

/** Refuses to replace an existing output unless the user said --force. */
export function assertWritable(path: string, force = false): void {
  if (!force && existsSync(path)) throw inputError('file.exists', { path });
}

/** A temp path beside the target, so the final rename stays on one file system (and is atomic). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
}

/**
 * Writes through a temp file and a rename: a reader (or a crash) sees the old file
 * or the new one, never half of one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: { force?: boolean } = {}): void {
  writeChunksAtomic(path, [data], opts);
}

/** The same, for output made piece by piece, so a large file is never one string in memory. */
export function writeChunksAtomic(path: string, chunks: Iterable<string | Uint8Array>, opts: { force?: boolean } = {}): void {
  assertWritable(path, opts.force);
  mkdirSync(dirname(path) || '.', { recursive: true });
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of chunks) {
        if (typeof chunk === 'string') writeSync(fd, chunk);
        else writeSync(fd, chunk);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw inputError('file.write-failed', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}

/** For writers that stream to a path (xlsx): write to `temp`, then `commit()` renames, `abort()` cleans up. */
export function atomicTarget(path: string, opts: { force?: boolean } = {}) {
  assertWritable(path, opts.force);
  mkdirSync(dirname(path) || '.', { recursive: true });
  const temp = tempPathFor(path);
  return {
    temp,
    commit() {
      renameSync(temp, path);
    },
    abort() {
      rmSync(temp, { force: true });
    },
  };
}

/** Spreadsheet files the tool does not read, and the format to save them as. */
const CONVERTIBLE = ['.xls', '.et', '.ett', '.xlsm', '.xlsb', '.ods', '.csv', '.numbers'];

/**
 * Files under the given paths (folders searched recursively, following links to folders
 * once each), in a stable order. Every file is read or named: a spreadsheet in another
 * format is a problem saying how to convert it, a pipe or device a problem, any other
 * file a warning. Missing paths are problems too.
 */
export function findInputs(paths: string[], extensions: string[]): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  const accept = (file: string) => extensions.some((ext) => file.toLowerCase().endsWith(ext));
  const visited = new Set<string>();
  const take = (file: string, stat: Stats, named: boolean) => {
    if (!stat.isFile()) problems.push(problem('input.not-regular', { path: file }, { file }));
    else if (accept(file) || (named && !CONVERTIBLE.includes(extensionOf(file)))) files.push(file);
    else if (CONVERTIBLE.includes(extensionOf(file))) problems.push(problem('input.convert', { ext: extensionOf(file) }, { file }));
    else notice(problem('input.ignored', { kinds: extensions.join(' ') }, { file }));
  };
  const walk = (dir: string) => {
    // A link back up the tree would otherwise be walked forever.
    const real = realpathSync(dir);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      // Hidden files, Office's lock files (~$x.xlsx) and dependencies are nobody's input.
      if (entry.name.startsWith('.') || entry.name.startsWith('~$') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      const stat = statOrUndefined(full);
      if (!stat) continue;
      if (stat.isDirectory()) walk(full);
      else take(full, stat, false);
    }
  };
  for (const p of paths) {
    const stat = statOrUndefined(p);
    if (!stat) problems.push(problem('file.not-found', { path: p }, { file: p }));
    else if (stat.isDirectory()) walk(p);
    else take(p, stat, true);
  }
  return { files: [...new Set(files)], problems };
}

/** findInputs for commands that stop at any problem: throws them, or "nothing found". */
export function collectInputs(paths: string[], extensions: string[]): string[] {
  const { files, problems } = findInputs(paths, extensions);
  if (problems.length) throw new UserError(problems);
  if (files.length === 0) throw inputError('file.no-inputs', { paths: paths.join(' '), kinds: extensions.join(' ') });
  return files;
}

/** A broken link stats as missing: skipped in a folder, a problem when named. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function extensionOf(file: string): string {
  return extname(file).toLowerCase();
}
