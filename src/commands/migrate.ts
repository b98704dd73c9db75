import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveChecklist } from '../checklist/load.js';
import { migrateAudit, type ItemMap } from '../checklist/migrate.js';
import { ChecklistRegistry } from '../checklist/registry.js';
import { inputError, problem, UserError, type Problem } from '../errors.js';
import { auditFileText } from '../formats/audit-file.js';
import { t } from '../i18n/index.js';
import { placedItems, type Checklist } from '../model/checklist.js';
import { readResponses } from '../sources/responses.js';
import { isMapping, parseYaml } from '../sources/yaml-doc.js';
import { assertWritable, writeFileAtomic } from '../util/fs.js';

interface Options {
  to: string;
  map?: string;
  output: string;
  checklist?: string[];
  force?: boolean;
}

/** Writes each audit again for the `--to` checklist, into `-o`; the originals are never touched. */
export default async function run(inputs: string[], opts: Options): Promise<void> {
  const to = resolveChecklist(opts.to);
  const map = opts.map ? readItemMap(opts.map, to) : {};
  const read = await readResponses(inputs, new ChecklistRegistry(opts.checklist ?? []));
  const problems: Problem[] = [...read.problems];
  for (const { checklist, audit } of read.responses) {
    if (checklist.level !== to.level) problems.push(problem('migrate.level', { from: `${checklist.id} ${checklist.version}`, to: `${to.id} ${to.version}` }, { file: audit.source }));
  }
  if (problems.length) throw new UserError(problems);

  const inputFiles = new Set(read.responses.map((r) => resolve(r.audit.source)));
  const planned = read.responses.map((r) => ({ ...r, out: join(opts.output, `${r.audit.date}-${r.audit.center.code}-${to.id}.audit.yaml`) }));
  // Refuse before writing anything: an original is never overwritten, an existing output only with --force.
  for (const { out } of planned) {
    if (inputFiles.has(resolve(out))) throw inputError('migrate.onto-input', { path: out });
    assertWritable(out, opts.force);
  }
  mkdirSync(opts.output, { recursive: true });
  for (const { checklist, audit, out } of planned) {
    const m = migrateAudit(audit, checklist, to, map);
    writeFileAtomic(out, auditFileText(m.audit, to), { force: opts.force });
    const params = { file: out, from: `${checklist.id} ${checklist.version}`, carried: m.carried.length, mapped: m.mapped.length, count: m.unanswered.length };
    process.stdout.write(`${t('migrate.written', params)}\n`);
    if (m.dropped.length) process.stdout.write(`  ${t('migrate.dropped', { items: m.dropped.join(', ') })}\n`);
    if (m.unanswered.length) process.stdout.write(`  ${t('migrate.unanswered', { items: m.unanswered.join(', ') })}\n`);
  }
}

/**
 * The mapping file: `old id: new id`, or a list of new ids for an item that was split.
 * Every new id must be an item of the target checklist.
 */
function readItemMap(file: string, to: Checklist): ItemMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError('file.unreadable', { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { file });
  }
  const { source, problems } = parseYaml(text, file);
  if (!source) throw new UserError(problems);
  if (!isMapping(source.value)) throw inputError('migrate.map-shape', {}, source.at([]));
  const known = new Set(placedItems(to).map((p) => p.item.id));
  const map: ItemMap = {};
  for (const [from, value] of Object.entries(source.value)) {
    const targets = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
    if (!targets) {
      problems.push(problem('migrate.map-shape', {}, source.at([from])));
      continue;
    }
    targets.forEach((target, i) => {
      if (!known.has(target)) problems.push(problem('migrate.map-unknown', { id: target, checklist: `${to.id} ${to.version}` }, source.at(typeof value === 'string' ? [from] : [from, i])));
    });
    map[from] = targets;
  }
  if (problems.length) throw new UserError(problems);
  return map;
}
