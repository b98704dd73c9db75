// Issue 17 at national scale: `zongzhi score` over a filled wide sheet of N county centers
// (generated at bench time into bench/out/, never committed), in CPU time (user + sys) and
// peak RSS, each as a ratio to a floor measured in the same run, interleaved:
//   → results.jsonl  vs the tool's own streaming read of the same sheet   (target ≤ 1.3×)
//                    vs a Python openpyxl read-only pass over it           (target ≤ 1.0×; "skipped" without it)
//   → report.xlsx    vs reading it and writing a report of the same shape (target ≤ 1.3×)
//   peak RSS of → results.jsonl ≤ 250 MB at every size.
// Exit 1 if a target is missed.
//
//   npm run build && node bench/run.js score-scale      (BENCH_SIZES=10000 BENCH_RUNS=3; BENCH_SIZES=100000 BENCH_RUNS=1
//   takes half an hour here: four sheets of 25,000, since one sheet of 100,000 is over the 400 MB input limit)
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpuTimed, median } from './lib.mjs';
import { FLOOR, makeWideSheet, shapeOf } from './wide-sheet.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'out', 'score-scale');
const sizes = (process.env.BENCH_SIZES ?? '10000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const PYTHON = '/usr/bin/python3';
const TARGETS = { read: 1.3, openpyxl: 1.0, xlsx: 1.3, rssMB: 250 };
const SHEET_MAX = 25_000;

if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}

// The tool's own streaming read: every cell of every sheet, nothing else.
const READ = `
import { readWorkbook } from ${JSON.stringify(pathToFileURL(join(root, 'dist', 'xlsx', 'index.js')).href)};
let cells = 0;
for (const file of process.argv.slice(2)) for await (const sheet of readWorkbook(file, { mode: 'stream' })) for await (const row of sheet.rows()) cells += row.cells.length;
if (cells === 0) process.exit(1);
`;

// What a staffer would write instead: openpyxl in read-only mode, every value of every sheet.
const OPENPYXL = `
import sys, openpyxl
cells = 0
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path, read_only=True)
    cells += sum(len(row) for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
sys.exit(0 if cells else 1)
`;

function hasOpenpyxl() {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0;
}

async function main() {
  mkdirSync(out, { recursive: true });
  const { resolveChecklist } = await import(pathToFileURL(join(root, 'dist', 'checklist', 'load.js')).href);
  const checklist = resolveChecklist('county');
  // Scripts that import exceljs live under the repository so that node_modules resolves.
  const read = join(out, 'read.mjs');
  const floor = join(out, 'floor.mjs');
  const py = join(out, 'openpyxl-read.py');
  writeFileSync(read, READ);
  writeFileSync(floor, FLOOR);
  writeFileSync(py, OPENPYXL);
  const python = hasOpenpyxl();
  let missed = 0;
  const verdict = (x, target) => {
    if (x > target) missed++;
    return `${x.toFixed(2)}× (${x <= target ? 'ok' : 'MISSED'}, ≤ ${target}×)`;
  };

  console.log(`zongzhi score <wide.xlsx>, ${checklist.id} ${checklist.version}; CPU seconds (user + sys), median of ${runs} interleaved runs\n`);
  for (const n of sizes) {
    const inputs = [];
    // One sheet of 100,000 county centers inflates past the tool's 400 MB input limit: a province's
    // sheets of at most 25,000 centers each, scored together.
    for (let first = 0; first < n; first += SHEET_MAX) {
      const input = join(out, `wide-${n}-${first}.xlsx`);
      if (!existsSync(input)) await makeWideSheet(input, Math.min(SHEET_MAX, n - first), checklist, first);
      inputs.push(input);
    }
    const jsonl = join(out, `results-${n}.jsonl`);
    const report = join(out, `report-${n}.xlsx`);
    const shape = join(out, `shape-${n}.json`);
    const floorOut = join(out, `floor-${n}.xlsx`);
    const bin = join(root, 'bin', 'zongzhi.js');
    // The report of more centers than one sheet holds is gigabytes of XML: measured at sheet sizes only.
    const withReport = inputs.length === 1;
    // One untimed run: warms the file cache and gives the report whose shape the floor writes.
    if (withReport) {
      cpuTimed(process.execPath, [bin, 'score', ...inputs, '-o', report, '--force']);
      await shapeOf(report, shape);
    }
    const commands = {
      'streaming read (the tool)': [process.execPath, [read, ...inputs]],
      ...(python ? { 'openpyxl read-only': [PYTHON, [py, ...inputs]] } : {}),
      'score → results.jsonl': [process.execPath, [bin, 'score', ...inputs, '-o', jsonl, '--force']],
      // Not a target: what a larger young generation (a start-up flag only) saves; see README 全国规模.
      'score → jsonl, semi-space 32': [process.execPath, ['--max-semi-space-size=32', bin, 'score', ...inputs, '-o', jsonl, '--force']],
      ...(withReport
        ? {
            'floor: read + write report': [process.execPath, [floor, inputs[0], shape, floorOut]],
            'score → report.xlsx': [process.execPath, [bin, 'score', inputs[0], '-o', report, '--force']],
          }
        : {}),
    };
    const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    const peaks = Object.fromEntries(Object.keys(commands).map((k) => [k, 0]));
    for (let i = 0; i < runs; i++) {
      for (const [name, [cmd, args]] of Object.entries(commands)) {
        const r = cpuTimed(cmd, args, { cwd: root });
        times[name].push(r.ms);
        peaks[name] = Math.max(peaks[name], r.peakMB);
      }
    }
    const cpu = Object.fromEntries(Object.keys(commands).map((k) => [k, median(times[k])]));
    console.log(`${n} centers: input ${(inputs.reduce((b, f) => b + statSync(f).size, 0) / 1e6).toFixed(1)} MB in ${inputs.length} sheet(s), results.jsonl ${(statSync(jsonl).size / 1e6).toFixed(0)} MB${withReport ? `, report ${(statSync(report).size / 1e6).toFixed(1)} MB` : ''}`);
    console.log(`${'command'.padEnd(30)}${'CPU s'.padStart(8)}${'peak MB'.padStart(9)}`);
    for (const name of Object.keys(commands)) console.log(`${name.padEnd(30)}${(cpu[name] / 1000).toFixed(2).padStart(8)}${peaks[name].toFixed(0).padStart(9)}`);
    const jsonlCpu = cpu['score → results.jsonl'];
    console.log(`→ results.jsonl / streaming read: ${verdict(jsonlCpu / cpu['streaming read (the tool)'], TARGETS.read)}`);
    console.log(`→ results.jsonl / openpyxl:       ${python ? verdict(jsonlCpu / cpu['openpyxl read-only'], TARGETS.openpyxl) : 'skipped (no /usr/bin/python3 with openpyxl)'}`);
    console.log(`→ report.xlsx / read + write:     ${withReport ? verdict(cpu['score → report.xlsx'] / cpu['floor: read + write report'], TARGETS.xlsx) : 'not measured (more than one sheet)'}`);
    console.log(`→ with --max-semi-space-size=32:  ${(cpu['score → jsonl, semi-space 32'] / cpu['streaming read (the tool)']).toFixed(2)}× the streaming read, peak ${peaks['score → jsonl, semi-space 32'].toFixed(0)} MB (informational)`);
    const rss = peaks['score → results.jsonl'];
    if (rss > TARGETS.rssMB) missed++;
    console.log(`→ results.jsonl peak RSS:         ${rss.toFixed(0)} MB (${rss <= TARGETS.rssMB ? 'ok' : 'MISSED'}, ≤ ${TARGETS.rssMB} MB)\n`);
    for (const f of [jsonl, floorOut, shape]) rmSync(f, { force: true });
  }
  process.exit(missed ? 1 : 0);
}

await main();
