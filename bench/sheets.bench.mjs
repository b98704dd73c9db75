// Province scale for spreadsheets: `zongzhi score` on a filled wide sheet of N centers ×
// every county item, written to a scored report .xlsx. For N = 1,000 and 10,000 it prints
// the wall time and peak RSS, and the time as a ratio to a floor measured in the same run:
// a streaming read of the same input plus a streaming write of an output of the same size
// (the report's own rows, cycled to the same count per sheet), with no scoring.
// Targets at 10,000 centers: peak RSS < 500 MB and time ≤ 1.5× the floor (at 1,000 the
// fixed costs — loading the checklists, the terminal table — weigh more: reported, not judged).
// Exit 1 if one is missed.
//
//   npm run build && node bench/run.js sheets        (BENCH_SIZES=1000,10000 BENCH_RUNS=3)
import { mkdirSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, timed as timedIn } from './lib.mjs';
import { FLOOR, makeWideSheet, shapeOf } from './wide-sheet.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const timed = (cmd, args, opts = {}) => timedIn(cmd, args, { cwd: root, ...opts });
const out = join(root, 'bench', 'out', 'sheets');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const RSS_LIMIT_MB = 500;
const TIME_TARGET = 1.5;

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);

async function main() {
  mkdirSync(out, { recursive: true });
  const { resolveChecklist } = await dist('checklist/load.js');
  const checklist = resolveChecklist('county');
  const { writeFileSync } = await import('node:fs');
  // The floor script imports exceljs: it lives under the repository so node_modules resolves.
  const floorLink = join(root, 'bench', 'out', 'floor-sheets.mjs');
  writeFileSync(floorLink, FLOOR);

  console.log(`zongzhi score <wide.xlsx> -o report.xlsx, county checklist (${checklist.dimensions.reduce((s, d) => s + d.items.length, 0) + (checklist.bonus?.items.length ?? 0)} items); median of ${runs} runs\n`);
  console.log(`${'centers'.padStart(8)}${'input MB'.padStart(10)}${'report MB'.padStart(11)}${'score s'.padStart(9)}${'peak MB'.padStart(9)}${'floor s'.padStart(9)}${'floor MB'.padStart(10)}${'× floor'.padStart(9)}  verdict`);
  let missed = 0;
  for (const n of sizes) {
    const input = join(out, `wide-${n}.xlsx`);
    if (!existsSync(input)) await makeWideSheet(input, n, checklist);
    const report = join(out, `report-${n}.xlsx`);
    const floorOut = join(out, `floor-${n}.xlsx`);
    const shape = join(out, `shape-${n}.json`);
    // One untimed run: warms the file cache and gives the report whose size the floor writes.
    timed(process.execPath, ['bin/zongzhi.js', 'score', input, '-o', report, '--force']);
    await shapeOf(report, shape);
    const score = [];
    const floor = [];
    let peak = 0;
    let floorPeak = 0;
    for (let i = 0; i < runs; i++) {
      // Interleaved, so both see the same machine load.
      const s = timed(process.execPath, ['bin/zongzhi.js', 'score', input, '-o', report, '--force']);
      const f = timed(process.execPath, [floorLink, input, shape, floorOut]);
      score.push(s.ms);
      floor.push(f.ms);
      peak = Math.max(peak, s.peakMB);
      floorPeak = Math.max(floorPeak, f.peakMB);
    }
    const ms = median(score);
    const fms = median(floor);
    const x = ms / fms;
    const judged = n >= 10000;
    const okRss = !judged || peak < RSS_LIMIT_MB;
    const okTime = !judged || x <= TIME_TARGET;
    if (!okRss || !okTime) missed++;
    const mb = (f) => (statSync(f).size / 1e6).toFixed(1);
    console.log(
      `${String(n).padStart(8)}${mb(input).padStart(10)}${mb(report).padStart(11)}${(ms / 1000).toFixed(2).padStart(9)}${peak.toFixed(0).padStart(9)}${(fms / 1000).toFixed(2).padStart(9)}${floorPeak.toFixed(0).padStart(10)}${x.toFixed(2).padStart(9)}  ${judged ? `${okTime ? `≤ ${TIME_TARGET}× ok` : `≤ ${TIME_TARGET}× MISSED`}, ${okRss ? `< ${RSS_LIMIT_MB} MB ok` : `< ${RSS_LIMIT_MB} MB MISSED`}` : '(not judged)'}`,
    );
    rmSync(floorOut, { force: true });
  }
  process.exit(missed ? 1 : 0);
}

await main();
