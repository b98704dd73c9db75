import type { ChecklistRegistry } from '../checklist/registry.js';
import { problem, type Place, type Problem } from '../errors.js';
import type { Params } from '../i18n/index.js';
import { readAnswer } from '../model/answers.js';
import type { Answer, Audit, FindingOverride } from '../model/audit.js';
import { isCenterCode, isEvidence } from '../model/audit.js';
import { placedItems, type Checklist } from '../model/checklist.js';
import { parseDate } from '../model/dates.js';
import { FINDING_STATUSES, type Result } from '../model/result.js';
import { cleanText, TEXT_LIMIT } from '../model/text.js';
import { notice } from '../notices.js';
import { readTextFile } from '../sources/text-file.js';
import { capped, parseYaml, type YamlPath } from '../sources/yaml-doc.js';

/**
 * Results JSON: the archive `zongzhi score -o results.json` writes, and an input again:
 * each result carries its answers, so it is read back as responses and re-scored
 * against its checklist (a number in an archive is never trusted over its derivation).
 */
export function resultsJsonText(results: Result[]): string {
  return [...resultsJsonChunks(results)].join('');
}

/**
 * The same text one result at a time (5,000 results as one string took 600 MB); the
 * results may come from a second pass over a temp file, never all in memory.
 */
export function* resultsJsonChunks(results: Iterable<object>): Generator<string> {
  let first = true;
  for (const result of results) {
    yield `${first ? '[\n' : ',\n'}  ${JSON.stringify(result, null, 2).replace(/\n/g, '\n  ')}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

export interface ResponseRead {
  audit: Audit;
  checklist: Checklist;
}

export function readResultsJson(file: string, registry: ChecklistRegistry): { responses: ResponseRead[]; problems: Problem[] } {
  const parsed = parseResultsFile(file);
  if (!parsed.ok) return { responses: [], problems: parsed.problems };
  let { data } = parsed;
  const { at } = parsed;
  const problems: Problem[] = [];
  data = cleanStrings(data, [], at, problems);
  if (problems.length) return { responses: [], problems: capped(problems, file) };
  const list = Array.isArray(data) ? data : [data];
  const responses: ResponseRead[] = [];
  list.forEach((entry, i) => {
    const base: YamlPath = Array.isArray(data) ? [i] : [];
    const locate = (path: YamlPath) => at([...base, ...path]);
    const read = toAudit(entry as Partial<Result>, file, registry, locate, problems);
    if (read) responses.push(read);
  });
  return { responses, problems: capped(problems, file) };
}

/** A results file parsed, with a way to locate a path in it; or why it could not be parsed. */
function parseResultsFile(file: string): { ok: true; data: unknown; at: (path: YamlPath) => Place } | { ok: false; problems: Problem[] } {
  const { text, problems: unreadable } = readTextFile(file);
  if (text === undefined) return { ok: false, problems: unreadable };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON is YAML: the YAML parser says where the syntax breaks.
    const located = parseYaml(text, file).problems;
    return { ok: false, problems: located.length ? located : [problem('results.not-json', {}, { file })] };
  }
  // Positions cost a second parse: only pay for it when something is wrong, and once (a file too
  // long to parse as YAML has none, and must not be scanned again for every result).
  let positions: ReturnType<typeof parseYaml>['source'] | null = null;
  const at = (path: YamlPath) => {
    if (positions === null) positions = parseYaml(text, file, { positionsOnly: true }).source;
    return positions?.at(path) ?? { file };
  };
  return { ok: true, data, at };
}

/** What a result says it is, read without checking the rest of it. */
export interface ResultPeek {
  code: string;
  name: string;
  date: string;
  status: 'draft' | 'final';
  mode?: string;
}

/** One result of a results file, dated before it is read: a reader that needs few of them reads only those. */
export interface ResultEntry {
  /** Undefined when the result does not say who and when: only reading it tells what is wrong. */
  peek?: ResultPeek;
  read(): { response?: ResponseRead; problems: Problem[] };
}

/**
 * The results of a file, each read only when asked: the file is parsed once, but cleaning,
 * checking answers and locating problems cost far more and are paid per result read. A result
 * read this way gives the same response and problems as readResultsJson, except that a problem
 * in one result no longer voids the others.
 */
export function resultsJsonEntries(file: string, registry: ChecklistRegistry): { entries: ResultEntry[]; problems: Problem[] } {
  const parsed = parseResultsFile(file);
  if (!parsed.ok) return { entries: [], problems: parsed.problems };
  const { data, at } = parsed;
  const list = Array.isArray(data) ? data : [data];
  const entries = list.map((entry, i): ResultEntry => {
    const base: YamlPath = Array.isArray(data) ? [i] : [];
    return {
      peek: peekResult(entry),
      read: () => {
        const problems: Problem[] = [];
        const cleaned = cleanStrings(entry, base, at, problems);
        if (problems.length) return { problems: capped(problems, file) };
        const response = toAudit(cleaned as Partial<Result>, file, registry, (path) => at([...base, ...path]), problems);
        return { response, problems: capped(problems, file) };
      },
    };
  });
  return { entries, problems: [] };
}

/** Center, date and status as toAudit would read them; undefined when any is missing or invalid. */
export function peekResult(entry: unknown): ResultPeek | undefined {
  const r = entry as Partial<Result> | null;
  if (typeof r !== 'object' || r === null || r.format !== 1 || typeof r.center !== 'object' || r.center === null) return undefined;
  const code = String(r.center.code ?? '');
  const date = parseDate(r.date);
  if (!isCenterCode(code) || !date) return undefined;
  const text = (v: unknown) => cleanText(String(v ?? '')).text;
  return { code, name: text(r.center.name), date, status: text(r.status) === 'final' ? 'final' : 'draft', ...(r.mode ? { mode: text(r.mode) } : {}) };
}

/** Who and when a results file holds, read from its bytes without parsing them. */
export interface ResultsOutline {
  /** Number of results (each has exactly one `"format": 1`). */
  results: number;
  /** How many say `"status": "final"`: all of them when equal to `results`. */
  finals: number;
  /** The earliest and latest date in the file (results' and their findings'). */
  first?: string;
  last?: string;
  /** Every center code in the file. */
  codes: Set<string>;
}

const FINDING_STATUS_BYTES = new Set<string>(FINDING_STATUSES.map((s) => Buffer.from(s).toString('latin1')));

/**
 * A results file's centers, dates and statuses, found by their keys in the raw bytes: several
 * times faster than decoding and parsing it, so a reader can leave a file it has no use for
 * unparsed. In valid JSON a quote inside a string is escaped, so `"date":` can only be a key.
 * Undefined unless every such key has a plain string value (a date that parses, a status
 * that is final or a finding's): then the outline misses nothing that parsing would see.
 */
export function outlineResultsJson(bytes: Buffer): ResultsOutline | undefined {
  const outline: ResultsOutline = { results: 0, finals: 0, codes: new Set() };
  const parsed = new Map<string, string | undefined>();
  // One pass: the four keys, each with its value when that is a plain string or the number 1.
  for (const [, key, value] of bytes.toString('latin1').matchAll(/"(format|status|date|code)"\s*:\s*("[^"\\]*"|1\s*[,}])?/g)) {
    if (value === undefined || (key === 'format') !== (value[0] !== '"')) return undefined;
    const text = value.slice(1, -1);
    if (key === 'format') outline.results++;
    else if (key === 'code') outline.codes.add(text);
    else if (key === 'status') {
      if (text === 'final') outline.finals++;
      else if (!FINDING_STATUS_BYTES.has(text)) return undefined;
    } else {
      if (!parsed.has(text)) parsed.set(text, parseDate(text));
      const date = parsed.get(text);
      if (!date) return undefined;
      if (outline.first === undefined || date < outline.first) outline.first = date;
      if (outline.last === undefined || date > outline.last) outline.last = date;
    }
  }
  return outline.results && outline.last ? outline : undefined;
}

const MAX_DEPTH = 32;

/**
 * Every string of the parsed JSON through cleanText, like text from any other source:
 * a warning where characters were removed, a problem where a text is over a cell's limit.
 */
export function cleanStrings(value: unknown, path: YamlPath, at: (path: YamlPath) => Place, problems: Problem[]): unknown {
  // Results are a few levels deep; a deeper nest is not a results file (and would exhaust the stack).
  if (path.length > MAX_DEPTH) {
    problems.push(problem('results.shape', {}, { file: at([]).file }));
    return undefined;
  }
  if (typeof value === 'string') {
    const { text, removed } = cleanText(value);
    if (removed) notice(problem('text.cleaned', { count: removed }, at(path)));
    if (text.length > TEXT_LIMIT) problems.push(problem('text.too-long', { length: text.length, max: TEXT_LIMIT }, at(path)));
    return text;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanStrings(v, [...path, i], at, problems));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v, [...path, k], at, problems)]));
  }
  return value;
}

export function toAudit(r: Partial<Result>, file: string, registry: ChecklistRegistry, locate: (path: YamlPath) => Place, problems: Problem[]): ResponseRead | undefined {
  const report = (code: string, params: Params, path: YamlPath) => problems.push(problem(code, params, locate(path)));
  if (r?.format !== 1 || !r.checklist || !r.center || !Array.isArray(r.items)) {
    report('results.shape', {}, []);
    return undefined;
  }
  const { sha256 } = r.checklist as { sha256?: unknown };
  if (sha256 !== undefined && typeof sha256 !== 'string') {
    report('audit.checklist-sha256', { value: JSON.stringify(sha256) }, ['checklist', 'sha256']);
    return undefined;
  }
  const compact = (r as { compact?: unknown }).compact === true;
  // The texts a compact result left out are those of the checklist its sha256 names: without one, none is its own.
  if (compact && sha256 === undefined) {
    report('results.compact-sha256', {}, ['checklist']);
    return undefined;
  }
  const found = registry.find(r.checklist, { file });
  if (!found.ok) {
    problems.push({ ...found.problem, ...locate(['checklist']) });
    return undefined;
  }
  const checklist = found.checklist;
  // A compact result left its texts to this very checklist: another version's would not be its own.
  if (compact && checklist.sha256 !== sha256 && checklist.byteSha256 !== sha256) {
    report('results.compact-checklist', { id: r.checklist.id, version: r.checklist.version, sha256: r.checklist.sha256.slice(0, 12) }, ['checklist']);
    return undefined;
  }
  const code = String(r.center.code ?? '');
  const date = parseDate(r.date);
  let ok = true;
  if (!isCenterCode(code)) {
    report('audit.center-code', { value: code }, ['center', 'code']);
    ok = false;
  }
  if (!date) {
    report('audit.date', { value: String(r.date) }, ['date']);
    ok = false;
  }
  const items = new Map(placedItems(checklist).map((p) => [p.item.id, p.item]));
  const answers: Record<string, Answer> = {};
  r.items.forEach((row, i) => {
    const item = items.get(row.id);
    if (!item) {
      report('audit.unknown-item', { id: String(row.id), checklist: `${checklist.id} ${checklist.version}` }, ['items', i, 'id']);
      ok = false;
      return;
    }
    if (row.blank) return;
    const outcome = readAnswer(item, { value: row.na ? '不适用' : row.value, note: row.note, deficiencies: row.deficiencies });
    if (outcome.kind === 'error') {
      report(outcome.code, outcome.params, ['items', i, 'value']);
      ok = false;
    }
    if (outcome.kind !== 'answer') return;
    if (row.evidence === undefined) answers[row.id] = outcome.answer;
    else if (Array.isArray(row.evidence) && row.evidence.every(isEvidence)) answers[row.id] = { ...outcome.answer, evidence: row.evidence };
    else {
      report('audit.evidence', {}, ['items', i, 'evidence']);
      ok = false;
    }
  });
  if (!ok) return undefined;
  return {
    checklist,
    audit: {
      source: file,
      centerAt: () => locate(['center', 'code']),
      checklist: r.checklist,
      center: { code, name: String(r.center.name ?? '') },
      date: date!,
      inspectors: r.inspectors ?? [],
      status: r.status === 'final' ? 'final' : 'draft',
      ...(r.mode ? { mode: r.mode } : {}),
      answers,
      findings: overridesOf(r),
    },
  };
}

/** What a result's findings said beyond the checklist defaults, so re-scoring keeps them. */
function overridesOf(r: Partial<Result>): Record<string, FindingOverride> {
  const byItem = new Map<string, Result['findings']>();
  for (const f of r.findings ?? []) byItem.set(f.item, [...(byItem.get(f.item) ?? []), f]);
  const overrides: Record<string, FindingOverride> = {};
  for (const [item, list] of byItem) {
    const f = list[0];
    overrides[item] = {
      // Several findings of one item each add their deficiency to the problem text: keep only the shared fields.
      ...(list.length === 1 ? { problem: f.problem } : {}),
      measure: f.measure,
      owner: f.owner,
      person: f.person,
      deadline: f.deadline,
    };
  }
  return overrides;
}
