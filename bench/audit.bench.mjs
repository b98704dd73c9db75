// Time to the first question of `zongzhi audit` (the shipped county checklist, no options)
// against `zongzhi --version`, both in a pseudo-terminal (`script -q -c`), measured
// interleaved in the same run: from spawn to the moment the expected text reaches the
// terminal. Target: the first question within 2× of --version. Exit 1 if missed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const warmup = 2;
const TARGET = 2;

if (!existsSync(`${root}dist/cli.js`)) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
if (spawnSync('script', ['--version']).status !== 0) {
  console.error('util-linux `script` is needed to give the CLI a terminal');
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), 'zongzhi-bench-'));
const bin = join(root, 'bin', 'zongzhi.js');
const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).stdout.trim();
const commands = {
  'zongzhi --version': { args: ['--version'], until: version },
  'zongzhi audit: first question': { args: ['audit', '--out', out], until: '中心编码' },
};

/** Milliseconds from spawning `node bin args` in a pseudo-terminal until `text` appears on it. */
function timeUntil(args, text) {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(' ');
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', ZONGZHI_LANG: 'zh' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let seen = '';
    let ms;
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (ms === undefined && seen.includes(text)) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        // Closing the terminal hangs up the CLI waiting at its question.
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', () => (ms === undefined ? reject(new Error(`never saw "${text}" from zongzhi ${args.join(' ')}:\n${seen}`)) : resolve(ms)));
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
try {
  for (let i = 0; i < warmup + runs; i++) {
    for (const [name, { args, until }] of Object.entries(commands)) {
      const ms = await timeUntil(args, until);
      if (i >= warmup) times[name].push(ms);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const base = median(times['zongzhi --version']);
console.log(`median of ${runs} interleaved runs each, in a pseudo-terminal (script -q)\n`);
console.log(`${'command'.padEnd(34)}${'median ms'.padStart(10)}${'min ms'.padStart(9)}${'× --version'.padStart(13)}  target`);
let missed = 0;
for (const [name, list] of Object.entries(times)) {
  const ms = median(list);
  const x = ms / base;
  const isTarget = name !== 'zongzhi --version';
  const verdict = isTarget ? (x <= TARGET ? `≤ ${TARGET}× ok` : `≤ ${TARGET}× MISSED`) : '';
  if (isTarget && x > TARGET) missed++;
  console.log(`${name.padEnd(34)}${ms.toFixed(1).padStart(10)}${Math.min(...list).toFixed(1).padStart(9)}${x.toFixed(2).padStart(13)}  ${verdict}`);
}
process.exit(missed ? 1 : 0);
