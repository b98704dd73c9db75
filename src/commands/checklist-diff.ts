import { readFileSync } from 'node:fs';
import { diffChecklists, type ChecklistChange, type FieldChange } from '../checklist/diff.js';
import { resolveChecklist } from '../checklist/load.js';
import { t } from '../i18n/index.js';
import type { Checklist } from '../model/checklist.js';
import { colors, renderTable } from '../sinks/terminal.js';
import { parseYaml } from '../sources/yaml-doc.js';
import { escapeAnnotation } from './checklist-validate.js';

interface Options {
  format: 'text' | 'json' | 'github';
}

interface Located extends ChecklistChange {
  file: string;
  line: number;
  col: number;
}

/** Compares two checklists; any change that can move a score or a grade exits 1 (CI asks for a new version). */
export default async function run(oldRef: string, newRef: string, opts: Options): Promise<void> {
  const old = resolveChecklist(oldRef);
  const next = resolveChecklist(newRef);
  const found = diffChecklists(old, next);
  // Lines are for annotations and JSON; the table does not show them, so it skips parsing both files again.
  const changes = opts.format === 'text' ? found.map((c) => ({ ...c, file: '', line: 0, col: 0 })) : locate(found, old, next);
  process.stdout.write(render(changes, old, next, opts.format));
  if (found.some((c) => c.scoring)) process.exitCode = 1;
}

/** Each change with the line it is on: in the new file, or in the old one for what was removed. */
function locate(changes: ChecklistChange[], old: Checklist, next: Checklist): Located[] {
  const sources = { old: sourceOf(old), new: sourceOf(next) };
  return changes.map((c) => ({ ...c, ...sources[c.side].at(c.path) }));
}

function sourceOf(c: Checklist) {
  // Both files just loaded cleanly, so parsing them again for positions cannot fail.
  return parseYaml(readFileSync(c.file, 'utf8'), c.file).source!;
}

function render(changes: Located[], old: Checklist, next: Checklist, format: Options['format']): string {
  const scoring = changes.filter((c) => c.scoring).length;
  if (format === 'json') {
    const side = (c: Checklist) => ({ id: c.id, version: c.version, file: c.file, sha256: c.sha256 });
    return `${JSON.stringify({ old: side(old), new: side(next), scoring, changes }, null, 2)}\n`;
  }
  const summary = [t('checklist.diff.summary', { count: changes.length, scoring })];
  if (scoring && old.id === next.id && old.version === next.version) summary.push(t('checklist.diff.same-version', { version: next.version }));
  if (format === 'github') {
    const lines = changes.map((c) => `::${c.scoring ? 'error' : 'notice'} file=${c.file},line=${c.line},col=${c.col},title=${c.subject} ${c.kind}::${escapeAnnotation(describe(c))}`);
    return [...lines, ...summary].join('\n') + '\n';
  }
  const c = colors();
  const head = t('checklist.diff.header', { old: `${old.id} ${old.version}`, new: `${next.id} ${next.version}` });
  if (!changes.length) return `${c.bold(head)}\n${t('checklist.diff.none')}\n`;
  const rows = changes.map((x) => [
    t(`checklist.diff.kind.${x.subject}.${x.kind}`),
    x.id,
    x.title,
    // Reworded text is long and not scored: the table names what changed, JSON and annotations carry the text.
    x.kind === 'reworded' ? x.fields.map((f) => f.key).join(', ') : x.fields.map(fieldText).join('\n'),
    x.scoring ? c.red(t('checklist.diff.scoring')) : '',
  ]);
  const h = (k: string) => t(`checklist.diff.col.${k}`);
  const table = renderTable(
    [{ header: h('change'), width: 10 }, { header: h('id') }, { header: h('title'), width: 24 }, { header: h('detail'), width: 48 }, { header: h('scoring') }],
    rows,
  );
  return [c.bold(head), table, ...summary].join('\n') + '\n';
}

/** One line for an annotation: what changed on what, and how. */
function describe(c: ChecklistChange): string {
  return `${t(`checklist.diff.kind.${c.subject}.${c.kind}`)} ${c.id} ${c.title}: ${c.fields.map(fieldText).join('; ')}`;
}

function fieldText(f: FieldChange): string {
  if (!('old' in f)) return `${f.key}: ${show(f.new)}`;
  if (!('new' in f)) return `${f.key}: ${show(f.old)}`;
  return `${f.key}: ${show(f.old)} → ${show(f.new)}`;
}

function show(v: unknown): string {
  if (v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
