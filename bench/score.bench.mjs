// Issue 3 at scale: `zongzhi score` over 5,000 audit files (*.audit.yaml, generated
// deterministically into a temp folder) to results .json and to a report .xlsx: wall time
// and peak RSS of each, and the time as a ratio to merely parsing the same 5,000 YAML
// files with the yaml library (read + parse, nothing else), measured in the same run.
//
//   npm run build && node bench/run.js score.bench      (BENCH_AUDITS=5000 BENCH_RUNS=3)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, seeded as rng, timed as timedIn } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const timed = (cmd, args, opts = {}) => timedIn(cmd, args, { cwd: root, ...opts });
const count = Number(process.env.BENCH_AUDITS ?? 5000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);

function answerOf(item, rand) {
  const lose = rand() < 0.25;
  switch (item.method) {
    case 'check':
      return item.veto ? '是' : lose ? '否' : '是';
    case 'levels':
      return item.levels[lose ? item.levels.length - 1 : 0].label;
    case 'multi':
      return item.options.filter(() => !lose || rand() < 0.7).map((o) => o.label);
    case 'deduct':
      return lose ? 1 + Math.floor(rand() * 3) : 0;
    case 'scale': {
      const top = item.bands[0].min;
      const room = item.range ? Math.min(5, item.range[1] - top) : 5;
      return Math.round((lose ? top * (0.5 + rand() * 0.45) : top + rand() * room) * 10) / 10;
    }
    default:
      return lose ? Math.max(0, item.points - (item.step ?? 0.5)) : item.points;
  }
}

async function makeAudits(dir) {
  const { resolveChecklist } = await dist('checklist/load.js');
  const { placedItems } = await dist('model/checklist.js');
  const YAML = (await import(pathToFileURL(join(root, 'node_modules', 'yaml', 'dist', 'index.js')).href)).default;
  const checklist = resolveChecklist('county');
  const items = placedItems(checklist).map((p) => p.item);
  const rand = rng(5000);
  for (let i = 0; i < count; i++) {
    const code = `99${String(1000 + Math.floor(i / 100)).padStart(4, '0')}${i % 100 === 0 ? '' : String(100 + (i % 100))}`;
    const date = `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`;
    const answers = {};
    for (const item of items) {
      const value = answerOf(item, rand);
      answers[item.id] = item.method === 'deduct' && value > 0 && rand() < 0.5 ? { value, deficiencies: Array.from({ length: value }, (_, k) => `第${k + 1}处问题`) } : { value };
    }
    const audit = {
      format: 1,
      checklist: { id: checklist.id, version: checklist.version, sha256: checklist.sha256 },
      center: { code, name: `示例市第${i + 1}综治中心` },
      date,
      inspectors: ['张三', '李四'],
      status: 'final',
      answers,
    };
    writeFileSync(join(dir, `${date}-${code}-county.audit.yaml`), YAML.stringify(audit));
  }
}

const PARSE_ONLY = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir)) if (f.endsWith('.audit.yaml')) { parseDocument(readFileSync(join(dir, f), 'utf8')).toJS(); n++; }
if (n === 0) process.exit(1);
`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'zongzhi-bench-audits-'));
  const out = join(root, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  const parseOnly = join(out, 'parse-only.mjs');
  writeFileSync(parseOnly, PARSE_ONLY);
  try {
    await makeAudits(dir);
    const json = join(out, 'score-bench.json');
    const xlsx = join(out, 'score-bench.xlsx');
    const commands = {
      'floor: read + parse the YAML files': [parseOnly, dir],
      'zongzhi score <dir> -o results.json': ['bin/zongzhi.js', 'score', dir, '-o', json, '--force'],
      'zongzhi score <dir> -o report.xlsx': ['bin/zongzhi.js', 'score', dir, '-o', xlsx, '--force'],
    };
    const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    const peaks = Object.fromEntries(Object.keys(commands).map((k) => [k, 0]));
    timed(process.execPath, commands['zongzhi score <dir> -o results.json']); // warm the file cache
    for (let i = 0; i < runs; i++) {
      for (const [name, args] of Object.entries(commands)) {
        const r = timed(process.execPath, args);
        times[name].push(r.ms);
        peaks[name] = Math.max(peaks[name], r.peakMB);
      }
    }
    const floor = median(times['floor: read + parse the YAML files']);
    console.log(`${count} audit files, county checklist; median of ${runs} interleaved runs\n`);
    console.log(`${'command'.padEnd(40)}${'s'.padStart(8)}${'peak MB'.padStart(9)}${'× parse'.padStart(9)}`);
    for (const name of Object.keys(commands)) {
      const ms = median(times[name]);
      console.log(`${name.padEnd(40)}${(ms / 1000).toFixed(2).padStart(8)}${peaks[name].toFixed(0).padStart(9)}${(ms / floor).toFixed(2).padStart(9)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
