import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { problem, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import type { ResponseRead } from '../formats/results-json.js';
import { compactResult, resultLine, type CompactResult } from '../formats/results-jsonl.js';
import type { Checklist } from '../model/checklist.js';
import { checkLevels, type LevelLookup } from '../model/level.js';
import { rankResults } from '../model/rank.js';
import type { Result } from '../model/result.js';
import { OnePerAudit } from '../sources/responses.js';
import { isAlive, writeChunksAtomic } from '../util/fs.js';
import { score, type ScoreOptions } from './score.js';
import { StandingTable, type Standing } from './standings.js';

export type { Standing } from './standings.js';

/** Scores every response; a response that cannot be scored becomes a problem naming its source and center. */
export function scoreResponses(responses: ResponseRead[], opts: ScoreOptions = {}): { results: Result[]; problems: Problem[] } {
  const results: Result[] = [];
  const problems: Problem[] = [];
  for (const response of responses) {
    const outcome = scoreOne(response, opts);
    if ('result' in outcome) results.push(outcome.result);
    else problems.push(outcome.problem);
  }
  return { results, problems };
}

function scoreOne({ audit, checklist }: ResponseRead, opts: ScoreOptions): { result: Result } | { problem: Problem } {
  const outcome = score(checklist, audit, opts);
  if (outcome.ok) return { result: outcome.result };
  // One workbook holds many centers: the message names which one could not be scored.
  return { problem: { ...problem(outcome.code, outcome.params, { file: audit.source }), message: t('score.of-center', { center: audit.center.code, name: audit.center.name, problem: t(outcome.code, outcome.params) }) } };
}

const BATCH_PREFIX = 'zongzhi-score-';

/**
 * A fresh temp folder named after this process. A run killed before it removed its own
 * (Ctrl-C, kill -9) leaves up to gigabytes behind: the next run removes those of dead processes.
 */
function batchDir(): string {
  for (const name of readdirSync(tmpdir())) {
    const pid = new RegExp(`^${BATCH_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  return mkdtempSync(join(tmpdir(), `${BATCH_PREFIX}${process.pid}-`));
}

/** One checklist's standings in ranking order, each with its shared rank. */
export interface StandingGroup {
  checklist: Checklist;
  rows: { item: Standing; rank: number }[];
}

/**
 * A batch scored as it is read (streaming): each result is written at once as one line of
 * a temp file and only its Standing is kept (in typed arrays), so memory stays flat however
 * many centers come in. Sinks that need rank order read the results back by offset (a second pass).
 * The problems keep the order of reading them all first: conflicts, levels, scoring.
 */
export class ScoredBatch {
  readonly checklists = new Map<string, Checklist>();
  readonly conflicts: Problem[] = [];
  readonly levelProblems: Problem[] = [];
  readonly scoreProblems: Problem[] = [];
  private readonly audits = new OnePerAudit();
  private readonly standings = new StandingTable();
  /** The rows of the file being read, by source, while a row may still be withdrawn. */
  private readonly unsettled = new Map<string, number>();
  private readonly dir = batchDir();
  private readonly file = join(this.dir, 'results.jsonl');
  private readonly fd = openSync(this.file, 'w+');
  private size = 0;

  constructor(private readonly opts: ScoreOptions & { levels?: LevelLookup } = {}) {}

  add(response: ResponseRead): void {
    const key = `${response.checklist.id}@${response.checklist.version}`;
    if (!this.checklists.has(key)) this.checklists.set(key, response.checklist);
    const admitted = this.audits.admit(response);
    if (admitted === 'copy') return;
    if (admitted !== 'new') {
      this.conflicts.push(admitted);
      return;
    }
    const level = checkLevels([response], this.opts.levels);
    if (level.problems.length) {
      this.levelProblems.push(...level.problems);
      return;
    }
    const outcome = scoreOne(response, this.opts);
    if ('problem' in outcome) {
      this.scoreProblems.push(outcome.problem);
      return;
    }
    this.keep(outcome.result, response.checklist, response.audit.source);
  }

  withdraw(source: string): void {
    const row = this.unsettled.get(source);
    if (row !== undefined) this.standings.drop(row);
  }

  /** The file read so far is done: none of its rows can be withdrawn any more. */
  settled(): void {
    this.unsettled.clear();
  }

  private keep(r: Result, checklist: Checklist, source: string): void {
    const line = resultLine(r);
    const length = writeSync(this.fd, line, this.size);
    const standing = { code: r.center.code, day: Number(r.date.replace(/-/g, '')), checklist: `${r.checklist.id}@${r.checklist.version}`, grade: r.grade, veto: r.veto, total: r.total, offset: this.size, length };
    this.unsettled.set(source, this.standings.add(standing, checklist));
    this.size += length;
  }

  /** Writes the results that count, in the order they were read, as results JSONL to `path`. */
  writeJsonl(path: string, opts: { compact?: boolean } = {}): void {
    const kept = this.kept();
    if (opts.compact) writeChunksAtomic(path, this.compactLines(kept), { force: true });
    // Nothing withdrawn: the temp file is that JSONL already, and the kernel copies it.
    else if (kept.length === this.standings.count) {
      copyFileSync(this.file, path);
      const fd = openSync(path, 'r+');
      fsyncSync(fd);
      closeSync(fd);
    } else writeChunksAtomic(path, this.lines(kept), { force: true });
  }

  /** The standings that count, in the order they were read. */
  kept(): Standing[] {
    return this.standings.kept();
  }

  /** Groups per checklist (in order of first appearance), each ranked on its own (see rankResults). */
  ranked(grades: readonly string[]): StandingGroup[] {
    const groups = new Map<string, Standing[]>();
    for (const s of this.kept()) {
      const group = groups.get(s.checklist);
      if (group) group.push(s);
      else groups.set(s.checklist, [s]);
    }
    return [...groups].map(([key, group]) => ({ checklist: this.checklists.get(key)!, rows: rankResults(group, grades) }));
  }

  /** The result lines of `standings`, as bytes, read back from the temp file one at a time. */
  *lines(standings: Iterable<Standing>): Generator<Buffer> {
    for (const s of standings) {
      const bytes = Buffer.allocUnsafe(s.length);
      readSync(this.fd, bytes, 0, s.length, s.offset);
      yield bytes;
    }
  }

  /** The results of `standings`, read back one at a time. */
  *results(standings: Iterable<Standing>): Generator<Result> {
    for (const line of this.lines(standings)) yield JSON.parse(line.toString('utf8')) as Result;
  }

  /** The same without the texts their checklist holds (--compact). */
  *compactResults(standings: Iterable<Standing>): Generator<CompactResult> {
    for (const r of this.results(standings)) yield compactResult(r);
  }

  private *compactLines(standings: Iterable<Standing>): Generator<string> {
    for (const r of this.compactResults(standings)) yield resultLine(r);
  }

  /** Removes the temp file. */
  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
