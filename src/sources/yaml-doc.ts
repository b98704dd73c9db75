import { LineCounter, parseAllDocuments, isMap, isPair, isScalar, isCollection, type Document, type Node } from 'yaml';
import { problem, type Problem } from '../errors.js';

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

/**
 * Parses one YAML document keeping positions. Errors and warnings become located
 * problems (a warning is an error here: a checklist must be unambiguous).
 */
export function parseYaml(text: string, file: string): { source?: YamlSource; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  if (!Array.isArray(docs)) return { problems: [problem('yaml.empty', {}, pos(0))] };
  const problems: Problem[] = [];
  for (const doc of docs) {
    for (const e of doc.errors) problems.push(yamlProblem(e.code, e.message, pos(e.pos[0])));
    for (const w of doc.warnings) problems.push(problem('yaml.warning', { detail: firstLine(w.message) }, pos(w.pos[0])));
  }
  if (docs.length > 1) problems.push(problem('yaml.multiple-documents', {}, pos(docs[1].range[0])));
  if (docs.length === 0 || docs[0].contents === null) {
    if (problems.length === 0) problems.push(problem('yaml.empty', {}, pos(0)));
    return { problems };
  }
  const doc = docs[0];
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: ALIAS_LIMIT });
  } catch (e) {
    problems.push(problem('yaml.alias-count', { max: ALIAS_LIMIT }, pos(0)));
  }
  if (problems.length) return { problems };

  const nodeAt = (path: YamlPath): Node => {
    let node = doc.contents as Node;
    for (let i = path.length; i >= 0; i--) {
      const found = doc.getIn(path.slice(0, i), true);
      if (found && (isScalar(found) || isCollection(found)) && found.range) return found as Node;
    }
    return node;
  };
  const at = (path: YamlPath) => pos(nodeAt(path).range?.[0] ?? 0);
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

function yamlProblem(code: string, message: string, place: { file: string; line: number; col: number }): Problem {
  if (code === 'DUPLICATE_KEY') return problem('yaml.duplicate-key', {}, place);
  return problem('yaml.syntax', { detail: firstLine(message) }, place);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
