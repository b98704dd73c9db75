import { readFileSync, statSync } from 'node:fs';
import type { ChecklistRegistry } from '../checklist/registry.js';
import type { Problem } from '../errors.js';
import { resultsJsonlEntries, unreadable } from '../formats/results-jsonl.js';
import { outlineResultsJson, resultsJsonEntries, type ResponseRead, type ResultEntry, type ResultPeek, type ResultsOutline } from '../formats/results-json.js';
import type { Audit } from '../model/audit.js';
import { gradeNames, type Checklist } from '../model/checklist.js';
import { levelProblem, type LevelLookup } from '../model/level.js';
import { scoreResponses } from '../scoring/batch.js';
import { OnePerAudit, responseFiles, streamResponses } from '../sources/responses.js';
import { TEXT_FILE_LIMIT } from '../sources/text-file.js';
import { capped } from '../sources/yaml-doc.js';
import { extensionOf } from '../util/fs.js';
import type { DraftRef } from './model.js';
import { supersedes, type Dated } from './select.js';
import { summarizeResult, type ResultSummary } from './summary.js';

export interface BriefingReadOptions {
  month: string;
  /** Only audits made in one of these ways (empty: all). */
  modes: readonly string[];
  levels?: LevelLookup;
  /**
   * Called with every final audit up to the month's end that was read (plan coverage and the
   * charts' 12-month trend need them all). When given, nothing is skipped: every file and
   * every result is read, each passed here once and then let go.
   */
  everyAudit?: (response: ResponseRead) => void;
}

export interface BriefingRead {
  /** Each center's latest final audit dated in the month. */
  current: ResultSummary[];
  /** Each center's latest final audit before the month (上月 for 环比, or its last known score). */
  before: ResultSummary[];
  /** Grade names, best first, of the checklists those audits were scored with. */
  grades: string[];
  /** Drafts dated up to the month: left out of every figure, and named. */
  drafts: DraftRef[];
  /** The final audits seen, for the message when the month has none. */
  finals: { count: number; first?: string; last?: string };
  problems: Problem[];
}

/** A result's place in the input: files in the order given, results in file order. Later wins ties. */
const FILE_STRIDE = 1e7;

interface Kept {
  d: Dated;
  order: number;
  summary: ResultSummary;
  checklist: Checklist;
}

interface Failed {
  d: Dated;
  order: number;
  problems: Problem[];
}

/** One center's latest successfully scored audit of a period, and the later ones that failed. */
interface Latest {
  best?: Kept;
  failed: Failed[];
}

/**
 * Reads the briefing's inputs in flat memory: a file at a time, each result summarized as
 * soon as it is scored, and only the results the briefing of `month` can use are read and
 * scored at all: each center's latest final audit in the month and before it, and the drafts
 * up to the month. Results after the month, and earlier results of a center that already has
 * a later one, are left after their date and center are peeked. Files are read newest name
 * first (results-2026-12.json before results-2026-01.json) so that an earlier month finds its
 * centers already known; the order changes only how much is skipped, never which audit wins:
 * ties are settled by the order the inputs were given in, as before.
 *
 * An audit that cannot be read or scored is a problem only when it would have been used: the
 * center's next latest audit takes its place, so --skip-invalid falls back to the last valid one.
 */
export async function readBriefingInputs(paths: string[], registry: ChecklistRegistry, opts: BriefingReadOptions): Promise<BriefingRead> {
  const { month } = opts;
  const found = responseFiles(paths);
  // Listed in the order the files were given, though read newest first.
  const problemsOf: Problem[][] = found.files.map(() => []);
  let problems: Problem[] = [];
  const current = new Map<string, Latest>();
  const before = new Map<string, Latest>();
  const drafts: DraftRef[] = [];
  const finals: BriefingRead['finals'] = { count: 0 };
  const audits = new OnePerAudit();

  /** The response, if it is readable, of its checklist's level and not a differing copy of one already read. */
  const accept = (read: { response?: ResponseRead; problems: Problem[] }): { response?: ResponseRead; problems: Problem[] } => {
    const { response } = read;
    if (!response) return read;
    const { audit, checklist } = response;
    // Locating the center costs a parse of its file for positions: only done for a center of the wrong level.
    if (levelProblem(audit.center.code, checklist, { file: audit.source }, opts.levels)) {
      return { problems: [...read.problems, levelProblem(audit.center.code, checklist, audit.centerAt?.() ?? { file: audit.source }, opts.levels)!] };
    }
    // The same center on the same date with the same checklist is one audit: a copy counts once, a differing one is a conflict.
    const admitted = audits.admit(response);
    return typeof admitted === 'string' ? read : { problems: [...read.problems, admitted] };
  };

  const offer = (latest: Map<string, Latest>, d: Dated, order: number, withItems: boolean, attempt: () => { response?: ResponseRead; problems: Problem[] }) => {
    const entry = latest.get(d.code) ?? { failed: [] };
    latest.set(d.code, entry);
    // Not later than the center's kept audit: it cannot be used, so it is not read.
    if (entry.best && !supersedes(d, order, entry.best.d, entry.best.order)) return;
    const read = attempt();
    const scored = read.response ? scoreResponses([read.response]) : { results: [], problems: [] };
    const result = scored.results[0];
    if (read.response && result) {
      entry.best = { d, order, summary: summarizeResult(result, withItems), checklist: read.response.checklist };
    } else entry.failed.push({ d, order, problems: [...read.problems, ...scored.problems] });
  };

  const consider = (entry: ResultEntry, order: number) => {
    let peek = entry.peek;
    let read: ReturnType<ResultEntry['read']> | undefined;
    const readOnce = () => (read ??= accept(entry.read()));
    if (!peek || opts.everyAudit) {
      // Undated, or every audit is wanted: read it now; a result that cannot be read is reported here.
      const r = readOnce();
      if (!r.response) return void problems.push(...r.problems);
      peek = peekOf(r.response.audit);
    }
    if (opts.modes.length && !(peek.mode !== undefined && opts.modes.includes(peek.mode))) return;
    if (peek.status === 'final') tally(finals, 1, peek.date, peek.date);
    const ym = peek.date.slice(0, 7);
    if (ym > month) return;
    if (peek.status === 'draft') {
      const r = readOnce();
      if (r.response) drafts.push({ code: r.response.audit.center.code, name: r.response.audit.center.name, date: r.response.audit.date, source: r.response.audit.source });
      return void problems.push(...r.problems);
    }
    // Per-month aggregates over the whole year (a trend) are fed here, one audit at a time: with
    // everyAudit given nothing is skipped, and every final audit up to the month passes once.
    if (opts.everyAudit && read?.response) opts.everyAudit(read.response);
    const d: Dated = { code: peek.code, date: peek.date, status: 'final' };
    if (ym === month) {
      // Every audit of the month is read, so its problems are all listed; only scoring waits for the latest.
      const r = readOnce();
      problems.push(...r.problems);
      if (r.response) offer(current, d, order, true, () => ({ response: r.response, problems: [] }));
    } else offer(before, d, order, false, readOnce);
  };

  /**
   * A file none of whose results the briefing can use: all after the month, or all final,
   * before the month and of centers that already have a later audit kept. Its finals are
   * still counted for the message when the month has none.
   */
  const unneeded = (o: ResultsOutline): boolean => {
    if (opts.everyAudit) return false;
    const [first, last] = [o.first!, o.last!];
    const after = first.slice(0, 7) > month;
    const superseded = last.slice(0, 7) < month && o.finals === o.results && [...o.codes].every((code) => (before.get(code)?.best?.d.date ?? '') > last);
    if (!after && !superseded) return false;
    if (o.finals) tally(finals, o.finals, first, last);
    return true;
  };

  for (let f = found.files.length - 1; f >= 0; f--) {
    const file = found.files[f];
    problems = problemsOf[f];
    if (extensionOf(file) === '.jsonl') {
      // Streamed: each line is considered as it is read, and a line that cannot be used is not parsed.
      const lineProblems: Problem[] = [];
      try {
        for (const entry of resultsJsonlEntries(file, registry, lineProblems, unneeded)) consider(entry, f * FILE_STRIDE + entry.line);
      } catch (e) {
        lineProblems.push(unreadable(file, e));
      }
      problems.unshift(...capped(lineProblems, file));
      continue;
    }
    const { entries, problems: fileProblems } = await entriesOf(file, registry, unneeded);
    problems.push(...fileProblems);
    entries.forEach((entry, i) => consider(entry, f * FILE_STRIDE + i));
  }

  problems = [...found.problems, ...problemsOf.flat()];
  const kept = [...current.values(), ...before.values()];
  for (const latest of kept) for (const failed of latest.failed) if (!latest.best || supersedes(failed.d, failed.order, latest.best.d, latest.best.order)) problems.push(...failed.problems);
  const best = (latest: Map<string, Latest>) => [...latest.values()].flatMap((l) => (l.best ? [l.best] : [])).sort((a, b) => a.order - b.order);
  const chosen = [...best(current), ...best(before)];
  return {
    current: best(current).map((k) => k.summary),
    before: best(before).map((k) => k.summary),
    grades: gradeNames(chosen.map((k) => k.checklist)),
    drafts: drafts.sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code)),
    finals,
    problems,
  };
}

/**
 * A file's results, each read on demand. Results JSON is first outlined from its bytes and
 * left unparsed when `unneeded`; else parsed once, each result read only if needed. (Results
 * JSONL is streamed by the caller, a line at a time.) Other kinds are read whole, response by
 * response, and held until the file ends (a wide sheet's row can be withdrawn by a later one).
 */
async function entriesOf(file: string, registry: ChecklistRegistry, unneeded: (o: ResultsOutline) => boolean): Promise<{ entries: ResultEntry[]; problems: Problem[] }> {
  if (extensionOf(file) === '.json') {
    const outline = outlineOf(file);
    if (outline && unneeded(outline)) return { entries: [], problems: [] };
    return resultsJsonEntries(file, registry);
  }
  const held: ResponseRead[] = [];
  const withdrawn = new Set<string>();
  const read = await streamResponses([file], registry, { response: (r) => held.push(r), withdraw: (source) => withdrawn.add(source) });
  const kept = held.filter((r) => !withdrawn.has(r.audit.source));
  return { entries: kept.map((response) => ({ peek: peekOf(response.audit), read: () => ({ response, problems: [] }) })), problems: read.problems };
}

function peekOf(audit: Audit): ResultPeek {
  return { code: audit.center.code, name: audit.center.name, date: audit.date, status: audit.status, ...(audit.mode ? { mode: audit.mode } : {}) };
}

/** The outline of a results file, or undefined when it cannot be read (reading it properly then says why). */
function outlineOf(file: string): ResultsOutline | undefined {
  try {
    return statSync(file).size <= TEXT_FILE_LIMIT ? outlineResultsJson(readFileSync(file)) : undefined;
  } catch {
    return undefined;
  }
}

/** Adds `count` final audits dated from `first` to `last`. */
function tally(finals: BriefingRead['finals'], count: number, first: string, last: string): void {
  finals.count += count;
  if (finals.first === undefined || first < finals.first) finals.first = first;
  if (finals.last === undefined || last > finals.last) finals.last = last;
}
