import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname, basename, join, extname, resolve } from 'node:path';
import { t } from '../i18n/index.js';
import { inputError, problem, UserError, type Problem } from '../errors.js';
import { notice } from '../notices.js';

/**
 * Refuses to replace an existing output unless the user said --force, and refuses a
 * folder in any case (renaming a file over a folder cannot work).
 */
export function assertWritable(path: string, force = false): void {
  if (isDirectory(path)) throw inputError('file.output-is-folder', { path });
  if (!force && existsSync(path)) throw inputError('file.exists', { path });
  warnExcelPathLength(path);
}

/** Excel refuses to open a workbook whose full path is longer than this. */
export const EXCEL_PATH_LIMIT = 218;
const warnedPaths = new Set<string>();

/** The workbook is still written (WPS and LibreOffice open it), with a warning, once per path. */
function warnExcelPathLength(path: string): void {
  const full = resolve(path);
  if (!/\.xls[xm]$/i.test(full) || full.length <= EXCEL_PATH_LIMIT || warnedPaths.has(full)) return;
  warnedPaths.add(full);
  notice(problem('file.path-too-long-for-excel', { length: full.length, max: EXCEL_PATH_LIMIT }, { file: path }));
}

/** A file the command must read (a ledger, a registry): a located message when it is a folder, a device or missing. */
export function assertInputFile(path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw inputError('file.not-found', { path }, { file: path });
    throw inputError('file.unreadable', { path, reason: fsErrorReason(e) }, { file: path });
  }
  if (stats.isDirectory()) throw inputError('file.is-folder', { path }, { file: path });
  if (!stats.isFile()) throw inputError('file.not-regular', { path }, { file: path });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What a file-system error means for the user, in words: never a bare errno code. */
export function fsErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && FS_REASONS.includes(code)) return t(`file.reason.${code}`);
  return t('file.reason.other', { detail: code ?? (e instanceof Error ? e.message : String(e)) });
}

const FS_REASONS = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EBUSY', 'ENAMETOOLONG', 'EMFILE', 'EIO'];

/** Temp files of this tool: `.<name>.tmp-<pid>-<ms since 1970>`, always beside their target. */
const TEMP_NAME = /^\..+\.tmp-(\d+)-(\d{13})$/;

/** A temp file older than this is left over whatever its pid says (the pid may have been reused). */
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/** A temp path beside the target, so the final rename stays on one file system (and is atomic). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
}

/**
 * Makes the folder an output goes into, naming the obstacle when it cannot (a file
 * where a folder is needed, no permission), and removes temp files that killed runs
 * of this tool left there.
 */
export function prepareOutputDir(path: string): void {
  const dir = dirname(resolve(path));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw inputError('file.parent-is-file', { path, file: blockingFile(dir) });
    throw inputError('file.write-failed', { path, reason: fsErrorReason(e) });
  }
  removeStaleTemps(dir);
}

/** The nearest part of `dir` that exists: when mkdir failed with EEXIST/ENOTDIR, a file standing where a folder should be. */
function blockingFile(dir: string): string {
  let at = dir;
  while (dirname(at) !== at && !existsSync(at)) at = dirname(at);
  return at;
}

/** Removes this tool's temp files in `dir` whose process is gone or that are a day old. Best effort: a failure here blocks nothing. */
function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || (isAlive(pid) && now - Number(m[2]) < STALE_TEMP_MS)) continue;
    const path = join(dir, name);
    try {
      if (lstatSync(path).isFile()) rmSync(path, { force: true });
    } catch {
      // Another run may be removing it too.
    }
  }
}

/** Whether a process of that id runs on this machine (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Windows refuses to replace a file another program (Excel, WPS, an antivirus) holds open: these may pass when retried. */
const RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_TRIES = 5;
const RENAME_PAUSE_MS = 200;

/** Renames a finished temp file onto its target, retrying a file held open; then says to close it, never a bare code. */
export function renameIntoPlace(temp: string, path: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(temp, path);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!RETRY_CODES.has(code)) throw inputError('file.write-failed', { path, reason: fsErrorReason(e) });
      if (attempt >= RENAME_TRIES) throw inputError('file.in-use', { path });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RENAME_PAUSE_MS * attempt);
    }
  }
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
  prepareOutputDir(path);
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
  } catch (e) {
    rmSync(temp, { force: true });
    throw inputError('file.write-failed', { path, reason: fsErrorReason(e) });
  }
  try {
    renameIntoPlace(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** For writers that stream to a path (xlsx): write to `temp`, then `commit()` renames, `abort()` cleans up. */
export function atomicTarget(path: string, opts: { force?: boolean } = {}) {
  assertWritable(path, opts.force);
  prepareOutputDir(path);
  const temp = tempPathFor(path);
  return {
    temp,
    commit() {
      renameIntoPlace(temp, path);
    },
    abort() {
      rmSync(temp, { force: true });
    },
  };
}

/**
 * The outputs of one command, committed together: each is written in full to a temp
 * file beside its target, and only when every one is written are they all renamed
 * into place. A failure or a kill before that leaves no output
 * changed; the temp files it leaves are removed by the next run.
 */
export class OutputSet {
  private readonly staged: { path: string; temp: string }[] = [];

  constructor(private readonly force = false) {}

  /** Refuses every unusable path before any work is done. */
  check(paths: readonly string[]): void {
    const problems = [];
    const seen = new Set<string>();
    for (const path of paths) {
      try {
        if (seen.has(resolve(path))) throw inputError('file.output-twice', { path });
        seen.add(resolve(path));
        assertWritable(path, this.force);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        problems.push(...e.problems);
      }
    }
    if (problems.length) throw new UserError(problems);
  }

  /** Where to write `path`'s content: a temp file beside it, created now so that a folder it cannot write to is named as the output's. */
  private stage(path: string): string {
    assertWritable(path, this.force);
    prepareOutputDir(path);
    const temp = tempPathFor(path);
    try {
      closeSync(openSync(temp, 'wx'));
    } catch (e) {
      throw inputError('file.write-failed', { path, reason: fsErrorReason(e) });
    }
    this.staged.push({ path, temp });
    return temp;
  }

  /** Renames every staged file into place. */
  private commit(): void {
    for (const { temp, path } of this.staged) renameIntoPlace(temp, path);
    this.staged.length = 0;
  }

  /** Removes every staged temp file; the targets stay as they were. */
  private abort(): void {
    for (const { temp } of this.staged) rmSync(temp, { force: true });
    this.staged.length = 0;
  }

  /** Writes every output through `write(temp, path)`, then commits them all, or none when one fails. */
  async writeAll(paths: readonly string[], write: (temp: string, path: string) => Promise<void> | void): Promise<void> {
    try {
      for (const path of paths) await write(this.stage(path), path);
      this.commit();
    } catch (e) {
      this.abort();
      throw e;
    }
  }
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
