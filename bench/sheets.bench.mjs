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
import { median, seeded as rng, timed as timedIn } from './lib.mjs';

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

// ── the input: a filled wide sheet, as zongzhi template lays it out ──

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇'];

function answerOf(item, rand) {
  const lose = rand() < 0.25;
  switch (item.method) {
    case 'check':
      return item.veto ? '是' : lose ? '否' : rand() < 0.5 ? '是' : '√';
    case 'levels':
      return item.levels[lose ? Math.min(item.levels.length - 1, 1 + Math.floor(rand() * (item.levels.length - 1))) : 0].label;
    case 'multi':
      return item.options.filter(() => !lose || rand() < 0.7).map((o) => o.label).join(rand() < 0.5 ? '、' : ',') || '无';
    case 'deduct':
      return lose ? 1 + Math.floor(rand() * 3) : 0;
    case 'scale': {
      const top = item.bands[0].min;
      const v = lose ? Math.max(item.range?.[0] ?? 0, top * (0.5 + rand() * 0.45)) : top + rand() * (item.range ? Math.min(10, item.range[1] - top) : 10);
      return Math.round(v * 10) / 10;
    }
    default:
      return lose ? Math.max(0, item.points - (item.step ?? 0.5) * (1 + Math.floor(rand() * 2))) : item.points;
  }
}

async function makeInput(file, n, checklist) {
  const { createWorkbook } = await dist('xlsx/index.js');
  const { placedItems } = await dist('model/checklist.js');
  const items = placedItems(checklist).map((p) => p.item);
  const rand = rng(20261120 + n);
  const book = await createWorkbook(file, { force: true });
  const meta = book.addSheet({ name: '_zongzhi', state: 'veryHidden', look: 'plain', columns: [{ header: 'key' }, { header: 'value' }] });
  for (const row of [['format', 1], ['checklist', checklist.id], ['version', checklist.version], ['sha256', checklist.sha256], ['layout', 'wide']]) meta.addRow(row);
  const columns = [{ header: '编码', kind: 'code' }, { header: '名称' }, { header: '检查日期', kind: 'date' }, { header: '检查人' }];
  for (const item of items) columns.push({ header: `${item.id}\n${item.title}(${item.points})` }, { header: `${item.id} 说明` });
  const groups = [{ label: '', columns: 4 }, ...checklist.dimensions.map((d) => ({ label: d.name, columns: d.items.length * 2 }))];
  if (checklist.bonus) groups.push({ label: '加分项', columns: checklist.bonus.items.length * 2 });
  const sheet = book.addSheet({ name: '评分表', title: `${checklist.name}评分汇总表`, groups, columns });
  for (let i = 0; i < n; i++) {
    const county = 9900 + Math.floor(i / 100);
    const code = i % 100 === 0 ? `${county}00` : `${county}00${String(100 + (i % 100)).padStart(3, '0')}`;
    const row = [code.length === 6 ? code : code.slice(0, 9), `示例市第${i + 1}综治中心`, `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, `${SURNAMES[i % 10]}${GIVEN[(i * 7) % 10]}、${SURNAMES[(i + 3) % 10]}${GIVEN[(i * 3) % 10]}`];
    for (const item of items) {
      const a = answerOf(item, rand);
      const lost = item.method === 'deduct' ? a > 0 : false;
      row.push(a, lost || rand() < 0.05 ? `${item.title}存在问题,第${i + 1}号` : null);
    }
    sheet.addRow(row);
  }
  await book.commit();
}

// ── the floor: read the same input, write the report's rows again, no scoring ──

const FLOOR = `
import { readFileSync } from 'node:fs';
import { readWorkbook } from ${JSON.stringify(pathToFileURL(join(root, 'dist', 'xlsx', 'index.js')).href)};
import ExcelJS from 'exceljs';
const [input, shapeFile, output] = process.argv.slice(2);
let cells = 0;
for await (const sheet of readWorkbook(input, { mode: 'stream' })) for await (const row of sheet.rows()) cells += row.cells.length;
const shape = JSON.parse(readFileSync(shapeFile, 'utf8'));
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true, useSharedStrings: true });
for (const s of shape) {
  const ws = wb.addWorksheet(s.name);
  const rows = s.rows.map((r) => r.map((c) => (typeof c === 'string' && /^\\d{4}-\\d{2}-\\d{2}T/.test(c) ? new Date(c) : c)));
  for (let i = 0; i < s.count; i++) ws.addRow(rows[i % rows.length]).commit();
  ws.commit();
}
await wb.commit();
`;

/** Each report sheet's row count and its first 200 rows, for the floor to write the same amount. */
async function shapeOf(report, file) {
  const { readWorkbook } = await dist('xlsx/index.js');
  const shape = [];
  for await (const sheet of readWorkbook(report, { mode: 'stream' })) {
    const rows = [];
    let count = 0;
    for await (const row of sheet.rows()) {
      if (rows.length < 200) rows.push(row.cells);
      count++;
    }
    shape.push({ name: sheet.name, rows, count });
  }
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, JSON.stringify(shape));
}

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
    if (!existsSync(input)) await makeInput(input, n, checklist);
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
