import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ChecklistRegistry } from '../checklist/registry.js';
import { inputError, problem, type Problem } from '../errors.js';
import { readAuditFile } from '../formats/audit-file.js';
import { readResultsJson, type ResponseRead } from '../formats/results-json.js';
import { readResultsJsonl } from '../formats/results-jsonl.js';
import { notice } from '../notices.js';
import { findInputs, extensionOf } from '../util/fs.js';
import { TEXT_FILE_LIMIT } from './text-file.js';

export const RESPONSE_EXTENSIONS = ['.audit.yaml', '.audit.yml', '.yaml', '.yml', '.json', '.jsonl', '.xlsx'];

/** Where streamed responses go, one at a time, as they are read. */
export interface ResponseSink {
  response(r: ResponseRead): void;
  /** A response already given that does not count after all (a wide sheet's center with a second row). */
  withdraw(source: string): void;
  /** The file read last is done: nothing given so far will be withdrawn (a sink may forget how to find it). */
  settled?(): void;
}

/**
 * Every source of responses behind one door: audit files, results JSON and filled
 * workbooks, from files or folders. All problems of all files are collected.
 */
export async function readResponses(paths: string[], registry: ChecklistRegistry): Promise<{ responses: ResponseRead[]; problems: Problem[]; warnings: Problem[] }> {
  const all: ResponseRead[] = [];
  const withdrawn = new Set<string>();
  const read = await streamResponses(paths, registry, { response: (r) => all.push(r), withdraw: (source) => withdrawn.add(source) });
  const audits = new OnePerAudit();
  const responses: ResponseRead[] = [];
  const conflicts: Problem[] = [];
  for (const r of all) {
    if (withdrawn.has(r.audit.source)) continue;
    const admitted = audits.admit(r);
    if (admitted === 'new') responses.push(r);
    else if (admitted !== 'copy') conflicts.push(admitted);
  }
  return { responses, problems: [...read.problems, ...conflicts], warnings: read.warnings };
}

/**
 * The same, streamed: each response goes to `sink` as soon as it is read (a wide sheet
 * row by row), so a caller can score and write it without holding the batch. Copies of
 * one audit are not merged here: OnePerAudit does that, with a compact index.
 */
export async function streamResponses(paths: string[], registry: ChecklistRegistry, sink: ResponseSink): Promise<{ problems: Problem[]; warnings: Problem[] }> {
  const { files, problems: found } = responseFiles(paths);
  const problems: Problem[] = [...found];
  const warnings: Problem[] = [];
  const each = (r: ResponseRead) => sink.response(r);
  for (const file of files) {
    const ext = extensionOf(file);
    if (ext === '.xlsx') {
      // exceljs costs a quarter second to load: only when a workbook is among the inputs.
      const { readFilledWorkbook } = await import('../formats/fill-in-workbook.js');
      const read = await readFilledWorkbook(file, registry, { onResponse: each, onWithdraw: (source) => sink.withdraw(source) });
      read.responses.forEach(each);
      append(problems, read.problems);
    } else if (ext === '.jsonl') {
      append(problems, readResultsJsonl(file, registry, each).problems);
    } else if (ext === '.json') {
      const read = readResultsJson(file, registry);
      read.responses.forEach(each);
      append(problems, read.problems);
    } else if (isChecklistFile(file)) {
      // `zongzhi score .` in a folder that holds checklists/: they are not audits.
      notice(problem('input.checklist-skipped', {}, { file }));
    } else {
      const read = readAuditFile(file, registry);
      if (read.audit && read.checklist) each({ audit: read.audit, checklist: read.checklist });
      append(problems, read.problems);
      warnings.push(...(read.warnings ?? []));
    }
    sink.settled?.();
  }
  return { problems, warnings };
}

/** The files `paths` name or hold that may be responses, in the order they are read. */
export function responseFiles(paths: string[]): { files: string[]; problems: Problem[] } {
  const found = findInputs(paths, RESPONSE_EXTENSIONS);
  const files = withoutAuditOutputs(found.files);
  if (files.length === 0 && found.problems.length === 0) throw inputError('file.no-inputs', { paths: paths.join(' '), kinds: RESPONSE_EXTENSIONS.join(' ') });
  return { files, problems: found.problems };
}

/** push(...more) passes every element as an argument: 200,000 of them overflow the stack. */
function append<T>(list: T[], more: readonly T[]): void {
  for (const x of more) list.push(x);
}

/** A checklist, not an audit: its top level has `dimensions:` and no `answers:`. */
function isChecklistFile(file: string): boolean {
  if (/\.audit\.ya?ml$/i.test(file) || statSync(file).size > TEXT_FILE_LIMIT) return false;
  // The keys are ASCII: read as Latin-1, any ASCII-compatible encoding shows them, and no warning is given twice.
  const text = readFileSync(file).toString('latin1');
  return /^dimensions\s*:/m.test(text) && !/^answers\s*:/m.test(text);
}

/**
 * `zongzhi audit` writes X.json and X.xlsx beside X.audit.yaml. They say nothing the
 * audit file does not, so with the audit file among the inputs they are not read again.
 */
function withoutAuditOutputs(files: string[]): string[] {
  const audits = new Set(files.filter((f) => /\.audit\.ya?ml$/i.test(f)).map((f) => join(dirname(f), basename(f).replace(/\.audit\.ya?ml$/i, ''))));
  return files.filter((f) => !/\.(json|xlsx)$/i.test(f) || !audits.has(f.replace(/\.(json|xlsx)$/i, '')));
}

/**
 * The same center audited on the same date with the same checklist must be one
 * response: identical copies (an audit file and its results JSON) count once,
 * differing ones are a conflict the user must settle. Holds a short key per audit and,
 * off the V8 heap, a hash of its answers and its source: per-audit strings and objects
 * on the heap make V8 grow its heap by a multiple of them, so 100,000 streamed
 * responses would cost a hundred megabytes more where they now cost a few.
 */
export class OnePerAudit {
  /** Per checklist (`id@version`), per `code|date`: where the first copy's record starts in `log`. */
  private readonly seen = new Map<string, Map<string, number>>();
  /** Records of first copies: the fingerprint, the byte length of the source (UInt32), the source in UTF-8. */
  private log = Buffer.alloc(1 << 16);
  private used = 0;

  /** 'new' for the first copy, 'copy' for an identical one, else the conflict. */
  admit(r: ResponseRead): 'new' | 'copy' | Problem {
    const { center, date, checklist } = r.audit;
    const checklistKey = `${checklist.id}@${checklist.version}`;
    let audits = this.seen.get(checklistKey);
    if (!audits) this.seen.set(checklistKey, (audits = new Map()));
    // Joined, not a template: a flat string, where a template leaves a chain of pieces held per audit.
    const key = [center.code, date].join('|');
    const first = audits.get(key);
    const print = fingerprint(r);
    if (first === undefined) {
      audits.set(key, this.record(print, r.audit.source));
      return 'new';
    }
    if (print.subarray(0, FINGERPRINT_BYTES).equals(this.log.subarray(first, first + FINGERPRINT_BYTES))) return 'copy';
    return problem('responses.conflict', { code: center.code, date, other: this.sourceAt(first) }, { file: r.audit.source });
  }

  private record(print: Buffer, source: string): number {
    const length = Buffer.byteLength(source);
    const size = FINGERPRINT_BYTES + 4 + length;
    if (this.used + size > this.log.length) {
      const grown = Buffer.alloc(Math.max(this.log.length * 2, this.used + size));
      this.log.copy(grown, 0, 0, this.used);
      this.log = grown;
    }
    const at = this.used;
    print.copy(this.log, at, 0, FINGERPRINT_BYTES);
    this.log.writeUInt32LE(length, at + FINGERPRINT_BYTES);
    this.log.write(source, at + FINGERPRINT_BYTES + 4, 'utf8');
    this.used += size;
    return at;
  }

  private sourceAt(at: number): string {
    const start = at + FINGERPRINT_BYTES + 4;
    return this.log.toString('utf8', start, start + this.log.readUInt32LE(at + FINGERPRINT_BYTES));
  }
}

/**
 * The first 128 bits of the SHA-256: only copies of one center, date and checklist are
 * ever compared, so a false match is a chance of 2^-128 per pair.
 */
const FINGERPRINT_BYTES = 16;

/** The answers define an audit; a results JSON restates finding defaults an audit file leaves out. */
function fingerprint(r: ResponseRead): Buffer {
  return createHash('sha256').update(JSON.stringify(r.audit.answers)).digest();
}
