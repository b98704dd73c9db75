import { createHash } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { inputError } from '../errors.js';
import { fsErrorReason, isAlive, OutputSet, prepareOutputDir } from './fs.js';

/** Who holds a lock, as written in the lock file (JSON), so a refused user learns whom to ask. */
export interface LockHolder {
  pid: number;
  host: string;
  user: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** A lock older than this is stale whatever host holds it (a merge takes seconds, a crashed machine never cleans up). */
const STALE_LOCK_MS = 60 * 60 * 1000;

/**
 * Takes the exclusive lock beside `target`, or refuses naming who holds it. A lock whose
 * process is gone (same host) or that is over an hour old is stale and taken over.
 * `messageCode` is the refusal's catalog code (params: path, lock, pid, host, user, since).
 */
export function acquireLock(target: string, messageCode: string): { release(): void } {
  // Beside the target, so every copy of the tool that writes there (another user, a shared folder) sees it.
  const lock = `${target}.lock`;
  const me: LockHolder = { pid: process.pid, host: hostname(), user: userName(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      // process.exit() (a closed pipe, say) skips `finally`: the lock goes on exit as well.
      const release = () => {
        process.off('exit', release);
        releaseIfMine(lock, me);
      };
      process.on('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw inputError('file.write-failed', { path: lock, reason: fsErrorReason(e) });
    }
    const holder = readHolder(lock);
    if (!isStale(lock, holder) || !breakStale(lock)) {
      const h = holder ?? { pid: 0, host: '?', user: '?', since: '?' };
      throw inputError(messageCode, { path: target, lock, pid: h.pid, host: h.host, user: h.user, since: h.since });
    }
  }
  throw inputError(messageCode, { path: target, lock, pid: '?', host: '?', user: '?', since: '?' });
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return '?';
  }
}

function readHolder(lock: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(lock, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : undefined;
  } catch {
    // Being written this instant, or garbage: judged by its age.
    return undefined;
  }
}

function isStale(lock: string, holder: LockHolder | undefined): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return true; // Released meanwhile.
  }
  if (age > STALE_LOCK_MS) return true;
  return holder !== undefined && holder.host === hostname() && !isAlive(holder.pid);
}

/**
 * Removes a stale lock so that only one of several runs doing the same succeeds: the lock
 * is renamed away (atomic), and if what was moved is not what was judged stale (another
 * run took the lock meanwhile), it is put back.
 */
function breakStale(lock: string): boolean {
  const judged = contentHash(lock);
  const aside = `${lock}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lock, aside);
  } catch {
    return true; // Someone else removed it: try to take it.
  }
  if (contentHash(aside) !== judged) {
    try {
      linkSync(aside, lock);
    } catch {
      // A newer lock exists already; the moved one was its predecessor.
    }
    rmSync(aside, { force: true });
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

function contentHash(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return '';
  }
}

function releaseIfMine(lock: string, me: LockHolder): void {
  const holder = readHolder(lock);
  if (holder && holder.pid === me.pid && holder.since === me.since && holder.host === me.host) rmSync(lock, { force: true });
}

/** The bytes of each file (or its absence) now, to tell later whether any changed meanwhile. */
export function snapshot(paths: readonly string[]): Map<string, string> {
  return new Map(paths.map((p) => [p, contentHash(p)]));
}

/** The files among a snapshot's whose bytes are not what they were. */
export function changedSince(before: ReadonlyMap<string, string>): string[] {
  return [...before].filter(([path, hash]) => contentHash(path) !== hash).map(([path]) => path);
}

/** What a merge decided: how to write its output, or undefined when it refused (its problems already reported). */
export type MergeWrite = ((temp: string) => Promise<void>) | undefined;

/**
 * The guarantees every merge into a master workbook gives (the ledger, the 周调度表): one
 * merge at a time into an output (two would each write what they read, losing one's
 * updates), nothing written when the merge refuses, and no write over a master or output
 * that someone saved (in Excel, say) while the merge ran. `codes` are the catalog codes of
 * the lock refusal (see acquireLock) and of the changed-meanwhile refusal (param: path).
 * Returns whether the output was written.
 */
export async function mergeUnderLock(
  paths: { master: string; output: string; force?: boolean },
  codes: { locked: string; changed: string },
  merge: () => Promise<MergeWrite>,
): Promise<boolean> {
  const set = new OutputSet(paths.force);
  set.check([paths.output]);
  prepareOutputDir(paths.output);
  const lock = acquireLock(paths.output, codes.locked);
  try {
    // What the master (and the output, when it is another file) held when read: checked again before the rename.
    const read = snapshot([...new Set([resolve(paths.master), resolve(paths.output)])]);
    const write = await merge();
    if (!write) return false;
    await set.writeAll([paths.output], async (temp) => {
      await write(temp);
      const changed = changedSince(read);
      if (changed.length) throw inputError(codes.changed, { path: changed[0] }, { file: changed[0] });
    });
    return true;
  } finally {
    lock.release();
  }
}
