import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { ChecklistRegistry } from '../checklist/registry.js';
import { problem, type Problem } from '../errors.js';
import type { Result } from '../model/result.js';
import { capped } from '../sources/yaml-doc.js';
import { cleanStrings, outlineResultsJson, peekResult, toAudit, type ResponseRead, type ResultEntry, type ResultsOutline } from './results-json.js';

/**
 * Results JSONL: one result per line, the same objects as results JSON, so jq, DuckDB or
 * pandas stream it a line at a time. Read back like results JSON (re-scored, never trusted).
 */
export function resultLine(result: Result | CompactResult): string {
  return `${JSON.stringify(result)}\n`;
}

/**
 * A result without the per-item text its checklist holds (--compact): item titles, points,
 * dimension ids and the answer as read, dimension names, the titles and dimensions in the
 * findings, the checklist's name and level. `checklist {id, version, sha256}` says which
 * checklist restores them, and reading it back requires exactly that checklist.
 */
export type CompactResult = Omit<Result, 'checklist' | 'dimensions' | 'items' | 'findings'> & {
  compact: true;
  checklist: Pick<Result['checklist'], 'id' | 'version' | 'sha256'>;
  dimensions: Omit<Result['dimensions'][number], 'name'>[];
  items: Omit<Result['items'][number], 'title' | 'dimension' | 'points' | 'answer'>[];
  findings: Omit<Result['findings'][number], 'itemTitle' | 'dimension' | 'dimensionName'>[];
};

export function compactResult(r: Result): CompactResult {
  const { format, checklist, dimensions, items, findings, ...rest } = r;
  return {
    format,
    compact: true,
    checklist: { id: checklist.id, version: checklist.version, sha256: checklist.sha256 },
    ...rest,
    dimensions: dimensions.map(({ name: _name, ...d }) => d),
    items: items.map(({ title: _title, dimension: _dimension, points: _points, answer: _answer, ...i }) => i),
    findings: findings.map(({ itemTitle: _itemTitle, dimension: _dimension, dimensionName: _dimensionName, ...f }) => f),
  };
}

/** A line of a text file, without its newline, with its 1-based number. */
export interface Line {
  /** undefined when the line is not UTF-8. */
  text: string | undefined;
  number: number;
}

/** A line of a file as bytes, without its newline: a view into a chunk, to be used before the next line is asked for. */
interface LineBytes {
  bytes: Buffer;
  number: number;
}

const CHUNK = 1 << 20;

/**
 * The lines of a file, read a megabyte at a time: a results JSONL of 100,000 centers is
 * larger than the longest string V8 can hold. Bytes are cut at newlines only, so a UTF-8
 * character is never split; a line that is not UTF-8 comes back undefined.
 */
export function* linesOf(file: string): Generator<Line> {
  for (const line of lineBytesOf(file)) yield lineAt(line.bytes, line.number);
}

/** The lines of a file as bytes, undecoded: a reader that skips most lines never pays for decoding them. */
function* lineBytesOf(file: string): Generator<LineBytes> {
  const fd = openSync(file, 'r');
  try {
    let rest = Buffer.alloc(0);
    let number = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
        yield { bytes: data.subarray(start, nl), number: ++number };
        start = nl + 1;
      }
      rest = Buffer.from(data.subarray(start));
      if (n === 0) {
        if (rest.length) yield { bytes: rest, number: ++number };
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function lineAt(bytes: Buffer, number: number): Line {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { text: undefined, number };
  }
  // A BOM on the first line and CRLF line ends (a copy saved on Windows) are not part of the JSON.
  if (number === 1) text = text.replace(/^\uFEFF/, '');
  return { text: text.replace(/\r$/, ''), number };
}

/**
 * Every result line of a JSONL file read back as a response; a line that is not a result
 * is a problem at file:line, and the other lines still count. Blank lines are skipped.
 * `each` receives the responses one at a time (streaming); without it they are returned.
 */
export function readResultsJsonl(file: string, registry: ChecklistRegistry, each?: (r: ResponseRead) => void): { responses: ResponseRead[]; problems: Problem[] } {
  const responses: ResponseRead[] = [];
  const problems: Problem[] = [];
  try {
    for (const entry of resultsJsonlEntries(file, registry, problems)) {
      const read = entry.read();
      problems.push(...read.problems);
      if (!read.response) continue;
      if (each) each(read.response);
      else responses.push(read.response);
    }
  } catch (e) {
    return { responses, problems: [...problems, unreadable(file, e)] };
  }
  return { responses, problems: capped(problems, file) };
}

/** Why a file could not be read to its end. */
export function unreadable(file: string, e: unknown): Problem {
  return problem('file.unreadable', { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { file });
}

/**
 * The results of a JSONL file, a line at a time, each read only when asked (as
 * resultsJsonEntries does for results JSON); nothing of a line is kept once the next is read.
 * A line whose outline `unneeded` turns down is neither decoded nor parsed. A line that is not
 * text or not JSON goes to `problems`, in line order; a file that cannot be read throws.
 */
export function* resultsJsonlEntries(file: string, registry: ChecklistRegistry, problems: Problem[], unneeded?: (o: ResultsOutline) => boolean): Generator<ResultEntry & { line: number }> {
  if (!statSync(file).isFile()) return void problems.push(problem('input.not-regular', { path: file }, { file }));
  for (const { bytes, number } of lineBytesOf(file)) {
    if (unneeded) {
      const outline = outlineResultsJson(bytes);
      if (outline && unneeded(outline)) continue;
    }
    const line = lineAt(bytes, number);
    const at = () => ({ file, line: number, col: 1 });
    if (line.text === undefined) {
      problems.push(problem('encoding.unknown', {}, at()));
      continue;
    }
    if (line.text.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(line.text);
    } catch {
      problems.push(problem('results.not-json-line', {}, at()));
      continue;
    }
    yield {
      line: number,
      peek: peekResult(data),
      read: () => {
        const lineProblems: Problem[] = [];
        const cleaned = cleanStrings(data, [], at, lineProblems);
        const response = lineProblems.length ? undefined : toAudit(cleaned as Partial<Result>, file, registry, at, lineProblems);
        return { response, problems: lineProblems };
      },
    };
  }
}
