import { formatProblem, problem, type Problem } from './errors.js';

/**
 * Warnings about input that was read, but not exactly as stored (a control character
 * removed, a file decoded from GB18030). They go to stderr as they arise, from whichever
 * source meets them, so no command has to pass them along; a file gets at most
 * NOTICES_PER_FILE of them, then one line saying how many more there were.
 */
export const NOTICES_PER_FILE = 20;

type Sink = (p: Problem) => void;

let sink: Sink = (p) => process.stderr.write(`${formatProblem(p)}\n`);
const perFile = new Map<string, number>();

export function notice(p: Problem): void {
  const key = p.file ?? '';
  const count = (perFile.get(key) ?? 0) + 1;
  perFile.set(key, count);
  if (count <= NOTICES_PER_FILE) sink(p);
  else if (count === NOTICES_PER_FILE + 1) sink(problem('notice.more', { max: NOTICES_PER_FILE }, { file: p.file }));
}

/** Tests collect the warnings instead of printing them; returns the collected list. */
export function collectNotices(): Problem[] {
  const collected: Problem[] = [];
  sink = (p) => collected.push(p);
  perFile.clear();
  return collected;
}
