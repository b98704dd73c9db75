// Start-up cost of the CLI against bare Node, measured in the same run and interleaved:
// `node -e 0`, `zongzhi --version` (commander and the catalog only), validating the two
// shipped checklists (the YAML parser, the standalone schema validator and the rules) and
// scoring one audit file to the terminal (the shipped checklists come precompiled).
// Targets: --version ≤ 1.3×, validate ≤ 2.5×, score ≤ 3× of `node -e 0`. Exit 1 if one is missed.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureAll, ratio } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 21);
const node = process.execPath;
const bin = 'bin/zongzhi.js';
const audit = 'fixtures/demo/audits/2026-11/' + readdirSync(`${root}fixtures/demo/audits/2026-11`).sort()[0];

if (!existsSync(`${root}dist/cli.js`)) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}

const commands = {
  'node -e 0': { cmd: node, args: ['-e', '0'] },
  'zongzhi --version': { cmd: node, args: [bin, '--version'] },
  'zongzhi checklist validate (county, township)': { cmd: node, args: [bin, 'checklist', 'validate', 'checklists/county.yaml', 'checklists/township.yaml'] },
  'zongzhi score (one audit file)': { cmd: node, args: [bin, 'score', audit] },
  // Not ours: what the yaml library alone costs to load and parse the same two files.
  // validate cannot be faster than this, whatever the CLI does.
  'floor: yaml load + parse, no CLI': {
    cmd: node,
    args: ['-e', "const Y = require('yaml'), fs = require('fs'); for (const f of ['county', 'township']) Y.parseAllDocuments(fs.readFileSync(`checklists/${f}.yaml`, 'utf8'));"],
  },
};
const targets = { 'zongzhi --version': 1.3, 'zongzhi checklist validate (county, township)': 2.5, 'zongzhi score (one audit file)': 3 };

for (const c of Object.values(commands)) c.cwd = root;
const results = measureAll(commands, { runs, warmup: 2 });
const base = results['node -e 0'].ms;

console.log(`median of ${runs} interleaved runs each; × node (min) compares the fastest runs, less sensitive to load\n`);
console.log(`${'command'.padEnd(48)}${'median ms'.padStart(10)}${'min ms'.padStart(9)}${'peak MB'.padStart(9)}${'× node'.padStart(9)}${'(min)'.padStart(7)}  target (on the median)`);
let missed = 0;
for (const [name, r] of Object.entries(results)) {
  const target = targets[name];
  const x = r.ms / base;
  const verdict = target === undefined ? '' : x <= target ? `≤ ${target}× ok` : `≤ ${target}× MISSED`;
  if (target !== undefined && x > target) missed++;
  if (r.status !== 0) {
    console.log(`${name}: exited ${r.status}`);
    missed++;
  }
  console.log(`${name.padEnd(48)}${r.ms.toFixed(1).padStart(10)}${r.min.toFixed(1).padStart(9)}${r.peakMB.toFixed(1).padStart(9)}${ratio(r.ms, base).padStart(9)}${ratio(r.min, results['node -e 0'].min).padStart(7)}  ${verdict}`);
}
process.exit(missed ? 1 : 0);
