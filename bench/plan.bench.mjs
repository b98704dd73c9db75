// Planning a province-sized quarter: 100 counties × 30 townships (3,100 centers), a
// roster of 300 inspectors (three from each county), 30 % of townships drawn, teams of 3.
// Reported: wall time and peak RSS of `zongzhi plan … -o plan.json -o plan.xlsx`, and
// its time as a ratio to `zongzhi plan … -o plan.json` (the same draw without the
// workbook) and to `zongzhi --version` (start-up), interleaved in the same run because
// the machines are shared.
//
//   npm run build && node bench/plan.bench.mjs        (BENCH_RUNS=5 by default)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAll } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'zongzhi.js');
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
const runs = Number(process.env.BENCH_RUNS ?? 5);
const COUNTIES = 100;
const TOWNSHIPS = 30;

const dir = mkdtempSync(join(tmpdir(), 'zongzhi-plan-bench-'));
try {
  const centers = ['编码,名称,层级'];
  const inspectors = ['姓名,单位,所属县,角色'];
  for (let c = 1; c <= COUNTIES; c++) {
    const county = `99${String(c).padStart(4, '0')}`;
    centers.push(`${county},第${c}县综治中心,县级`);
    for (let t = 1; t <= TOWNSHIPS; t++) centers.push(`${county}${String(100 + t)},第${c}县第${t}镇综治中心,乡镇`);
    for (const [n, role] of [[1, '组长'], [2, '组员'], [3, '组员']]) inspectors.push(`督查员${c}-${n},第${c}县委政法委,${county},${role}`);
  }
  writeFileSync(join(dir, 'centers.csv'), `${centers.join('\n')}\n`);
  writeFileSync(join(dir, 'inspectors.csv'), `${inspectors.join('\n')}\n`);
  const base = ['plan', '--quarter', '2026Q4', '--centers', join(dir, 'centers.csv'), '--inspectors', join(dir, 'inspectors.csv'), '--seed', 'bench', '--sample', '30%', '--team-size', '3', '--force'];
  const node = process.execPath;
  const r = measureAll(
    {
      version: { cmd: node, args: [bin, '--version'] },
      json: { cmd: node, args: [bin, ...base, '-o', join(dir, 'a.json')] },
      xlsx: { cmd: node, args: [bin, ...base, '-o', join(dir, 'b.json'), '-o', join(dir, 'b.xlsx')] },
    },
    { runs, warmup: 1 },
  );
  for (const [name, m] of Object.entries(r)) if (m.status !== 0) throw new Error(`${name} exited ${m.status}`);
  const f = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`centers: ${COUNTIES * (TOWNSHIPS + 1)}, inspectors: ${COUNTIES * 3}, runs: ${runs}`);
  console.log(`zongzhi --version        ${f(r.version.ms)}  ${r.version.peakMB.toFixed(0)} MB`);
  console.log(`plan -o plan.json        ${f(r.json.ms)}  ${r.json.peakMB.toFixed(0)} MB  ${(r.json.ms / r.version.ms).toFixed(2)}× start-up`);
  console.log(`plan -o .json -o .xlsx   ${f(r.xlsx.ms)}  ${r.xlsx.peakMB.toFixed(0)} MB  ${(r.xlsx.ms / r.json.ms).toFixed(2)}× the JSON alone`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
