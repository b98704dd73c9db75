// Regenerates the files derived from the method modules: the checklist JSON Schema,
// its TypeScript types and the standalone validator. `--check` fails when any is stale
// (a test runs it), so the three never drift from their one source.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generated } from './generated.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of Object.entries(await generated())) {
  const file = root + path;
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === text) continue;
  if (check) {
    console.error(`stale: ${path} (run npm run gen)`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale ? 1 : 0);
