import { LineCounter, parseAllDocuments, visit, isMap, isPair, isScalar, isCollection, type Alias, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { problem, type Problem } from '../errors.js';
import { hasMessage, t } from '../i18n/index.js';
import { cleanText, TEXT_LIMIT } from '../model/text.js';
import { notice } from '../notices.js';

export type YamlPath = (string | number)[];

/** A parsed YAML file that can say where any value or key sits. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  value: unknown;
  /** line:col of the value at `path`, or of the nearest ancestor that exists. */
  at(path: YamlPath): { file: string; line: number; col: number };
  /** line:col of the key at the end of `path` (for unknown or duplicate keys). */
  keyAt(path: YamlPath): { file: string; line: number; col: number };
}

const ALIAS_LIMIT = 20;
/** Problems listed per file: past this a file is wrong throughout, and one more line says how many more. */
export const PROBLEMS_PER_FILE = 100;

/**
 * Lines (and flow entries: `{a: 1, b: 2}` puts thousands on one line) of YAML parsed at
 * most: a checklist has about 700 lines, an audit file 100. The parser takes ~0.2 ms an
 * entry here, so a 220,000-key file would take a minute: refused instead.
 */
export const LINE_LIMIT = 20_000;

/** The line where the text passes `max` lines and commas, or undefined when it does not. */
function lineOver(text: string, max: number): number | undefined {
  let line = 1;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if ((c === 10 || c === 44) && ++count > max && i < text.length - 1) return line;
  }
  return undefined;
}

type Locate = (offset: number) => { file: string; line: number; col: number };

/**
 * Parses one YAML document keeping positions. Errors and warnings become located
 * problems (a warning is an error here: a checklist must be unambiguous).
 * `positionsOnly`: the text was read already (results JSON, a plan JSON) and is parsed again only to locate
 * problems: its content is not checked again (a text too long, or cleaned, would be refused or
 * warned about a second time, and leave the problems found in it without a place).
 */
export function parseYaml(text: string, file: string, { positionsOnly = false } = {}): { source?: YamlSource; problems: Problem[] } {
  const over = lineOver(text, LINE_LIMIT);
  if (over) return { problems: [problem('yaml.too-many-lines', { max: LINE_LIMIT }, { file, line: over, col: 1 })] };
  const lineCounter = new LineCounter();
  // yaml's own duplicate-key check compares every key with every other (220,000 keys never
  // finish): duplicates are found below, in one pass with a set.
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  if (!Array.isArray(docs)) return { problems: [problem('yaml.empty', {}, pos(0))] };
  const problems: Problem[] = [];
  for (const doc of docs) {
    // After a syntax error the parser guesses; what it reports next mostly echoes the first one.
    const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
    if (first) problems.push(yamlProblem(first.code, first.message, pos(first.pos[0])));
    for (const w of doc.warnings) problems.push(problem('yaml.warning', { detail: firstLine(w.message) }, pos(w.pos[0])));
  }
  if (docs.length > 1) problems.push(problem('yaml.multiple-documents', {}, pos(docs[1].range[0])));
  if (docs.length === 0 || docs[0].contents === null) {
    if (problems.length === 0) problems.push(problem('yaml.empty', {}, pos(0)));
    return { problems };
  }
  // A document with errors is not converted: its value would be the parser's guess.
  if (problems.length) return { problems };
  const doc = docs[0];
  const content = positionsOnly ? [] : contentProblems(doc, pos);
  if (content.length) return { problems: capped(content, file) };
  // Every alias is written with a `*`; most files have none, and the walk costs a few ms cold.
  const aliases = text.includes('*') ? aliasProblem(doc, pos) : undefined;
  if (aliases) return { problems: [aliases] };
  let value: unknown;
  try {
    // aliasProblem has bounded the expansion; yaml's own count is per anchor and stops at 19.
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (e) {
    return { problems: [problem('yaml.syntax', { detail: firstLine(String((e as Error).message ?? e)) }, pos(0))] };
  }

  const nodeAt = (path: YamlPath): Node => found(path).node;
  const found = (path: YamlPath): { node: Node; depth: number } => {
    for (let i = path.length; i >= 0; i--) {
      const node = doc.getIn(path.slice(0, i), true);
      if (node && (isScalar(node) || isCollection(node)) && node.range) return { node: node as Node, depth: i };
    }
    return { node: doc.contents as Node, depth: 0 };
  };
  const at = (path: YamlPath) => {
    const { node, depth } = found(path);
    // A block list or mapping starts on the line below its key, at its first entry, which
    // would look like the culprit: point at the key instead (`levels:`), as a person reads it.
    if (isCollection(node) && !node.flow && depth > 0) {
      const parent = doc.getIn(path.slice(0, depth - 1), true) ?? (depth === 1 ? doc.contents : undefined);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => p.value === node);
        if (pair && isScalar(pair.key) && pair.key.range) return pos(pair.key.range[0]);
      }
    }
    return pos(node.range?.[0] ?? 0);
  };
  const keyAt = (path: YamlPath) => {
    const parent = nodeAt(path.slice(0, -1));
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === path[path.length - 1]);
      if (pair && isScalar(pair.key) && pair.key.range) return pos(pair.key.range[0]);
    }
    return at(path);
  };
  return { source: { file, doc, value, at, keyAt }, problems: [] };
}

/**
 * Counts the aliases that converting the document resolves, an alias inside an anchored
 * part counting again each time that part is copied (so an "alias bomb" with few `*refs`
 * is caught), and names the alias that goes over the limit, or one whose anchor is missing.
 */
function aliasProblem(doc: Document.Parsed, pos: Locate): Problem | undefined {
  const within = new Map<Node, number>();
  // Aliases resolved when `node` is copied; a part that contains an alias to itself never ends.
  const inside = (node: Node): number => {
    const known = within.get(node);
    if (known !== undefined) return known;
    within.set(node, Infinity);
    let count = 0;
    visit(node, {
      Alias(_key, alias) {
        const source = alias.resolve(doc) as Node | undefined;
        count += 1 + (source ? inside(source) : 0);
        if (count > ALIAS_LIMIT) return visit.BREAK;
      },
    });
    within.set(node, count);
    return count;
  };
  let total = 0;
  let result: Problem | undefined;
  visit(doc, {
    Alias(_key, alias: Alias) {
      const at = pos(alias.range?.[0] ?? 0);
      const source = alias.resolve(doc) as Node | undefined;
      if (!source) {
        result = problem('yaml.unresolved-alias', { name: alias.source }, at);
        return visit.BREAK;
      }
      total += 1 + inside(source);
      if (total > ALIAS_LIMIT) {
        result = problem('yaml.alias-count', { max: ALIAS_LIMIT }, at);
        return visit.BREAK;
      }
    },
  });
  return result;
}

/**
 * What the parser accepts but the program must not: duplicate keys, text no workbook can
 * hold or longer than a cell, and timestamps. Text is cleaned in place (cleanText), with
 * a located warning when characters were removed.
 */
function contentProblems(doc: Document.Parsed, pos: Locate): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Map(_key, map: YAMLMap) {
      // The key's first place, so the message can name both.
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const at = pos(pair.key.range?.[0] ?? 0);
        const first = seen.get(pair.key.value);
        if (first !== undefined) problems.push(problem('yaml.duplicate-key', { key: String(pair.key.value), first }, at));
        else seen.set(pair.key.value, at.line);
      }
    },
    Scalar(_key, scalar: Scalar) {
      const at = () => pos(scalar.range?.[0] ?? 0);
      if (scalar.value instanceof Date) problems.push(problem('yaml.timestamp', {}, at()));
      if (typeof scalar.value !== 'string') return;
      const { text, removed } = cleanText(scalar.value);
      if (removed) notice(problem('text.cleaned', { count: removed }, at()));
      if (text.length > TEXT_LIMIT) problems.push(problem('text.too-long', { length: text.length, max: TEXT_LIMIT }, at()));
      scalar.value = text;
    },
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

/** At most PROBLEMS_PER_FILE problems, then one saying how many were left out. */
export function capped(problems: Problem[], file: string): Problem[] {
  if (problems.length <= PROBLEMS_PER_FILE) return problems;
  const more = problem('input.too-many-problems', { count: problems.length - PROBLEMS_PER_FILE, max: PROBLEMS_PER_FILE }, { file });
  return [...problems.slice(0, PROBLEMS_PER_FILE), more];
}

function yamlProblem(code: string, message: string, place: { file: string; line: number; col: number }): Problem {
  const plain = `yaml.syntax.${code}`;
  return problem('yaml.syntax', { detail: hasMessage(plain) ? t(plain) : firstLine(message) }, place);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A YAML mapping as parsed to JS (not a list, not a scalar). */
export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
