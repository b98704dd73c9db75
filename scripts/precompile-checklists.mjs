#!/usr/bin/env node
// Part of `npm run build`: loads each shipped checklist with the compiled loader (YAML, schema, rules) and writes
// dist/checklists.precompiled.json, keyed by file name with the sha256 of the file's bytes. At run time a shipped
// checklist whose bytes still hash the same is taken from there without parsing YAML; any other byte means the
// YAML is loaded as usual, so the two can never drift. A shipped checklist with a problem fails the build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadChecklistText, SHIPPED_DIR } = await import(new URL('../dist/checklist/load.js', import.meta.url).href);
const { formatProblem } = await import(new URL('../dist/errors.js', import.meta.url).href);

const entries = {};
let failed = false;
for (const name of readdirSync(SHIPPED_DIR).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  const bytes = readFileSync(join(SHIPPED_DIR, name));
  const { checklist, problems } = loadChecklistText(bytes.toString('utf8'), join('checklists', name));
  for (const p of problems) console.error(formatProblem(p));
  if (!checklist) {
    failed = true;
    continue;
  }
  // The total is an exact rational (not JSON): the loader recomputes it.
  const { file: _file, total: _total, ...model } = checklist;
  entries[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), checklist: model };
}
if (failed) process.exit(1);
writeFileSync(join(root, 'dist', 'checklists.precompiled.json'), `${JSON.stringify(entries)}\n`);
