import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, basename, join, extname } from 'node:path';
import { inputError, problem, UserError } from '../errors.js';

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

/** Files under the given paths (folders searched recursively) whose extension is accepted, in a stable order. */
export function collectInputs(paths: string[], extensions: string[]): string[] {
  const found: string[] = [];
  const missing = [];
  const accept = (file: string) => extensions.some((ext) => file.toLowerCase().endsWith(ext));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (accept(entry.name) && !entry.name.startsWith('~$')) found.push(full);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) {
      missing.push(problem('file.not-found', { path: p }, { file: p }));
      continue;
    }
    if (statSync(p).isDirectory()) walk(p);
    else found.push(p);
  }
  if (missing.length) throw new UserError(missing);
  if (found.length === 0) throw inputError('file.no-inputs', { paths: paths.join(' '), kinds: extensions.join(' ') });
  return [...new Set(found)];
}

export function extensionOf(file: string): string {
  return extname(file).toLowerCase();
}
