// A filled wide sheet as zongzhi template lays it out, generated at bench time (big inputs
// are never committed): shared by sheets.bench.mjs and score-scale.bench.mjs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seeded as rng } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);

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

/**
 * Writes a filled wide sheet of `n` centers for `checklist` to `file`, deterministically
 * (seeded by n and first). Codes are distinct 6-digit county codes, none ending in 00 (that
 * is a city), so every row is a center of the county checklist's level; `first` numbers the
 * centers on from there, so that several sheets together hold distinct centers.
 */
export async function makeWideSheet(file, n, checklist, first = 0) {
  const { createWorkbook } = await dist('xlsx/index.js');
  const { placedItems } = await dist('model/checklist.js');
  const items = placedItems(checklist).map((p) => p.item);
  const rand = rng(20261120 + n + first);
  const book = await createWorkbook(file, { force: true });
  const meta = book.addSheet({ name: '_zongzhi', state: 'veryHidden', look: 'plain', columns: [{ header: 'key' }, { header: 'value' }] });
  for (const row of [['format', 1], ['checklist', checklist.id], ['version', checklist.version], ['sha256', checklist.sha256], ['layout', 'wide']]) meta.addRow(row);
  const columns = [{ header: '编码', kind: 'code' }, { header: '名称' }, { header: '检查日期', kind: 'date' }, { header: '检查人' }];
  for (const item of items) columns.push({ header: `${item.id}\n${item.title}(${item.points})` }, { header: `${item.id} 说明` });
  const groups = [{ label: '', columns: 4 }, ...checklist.dimensions.map((d) => ({ label: d.name, columns: d.items.length * 2 }))];
  if (checklist.bonus) groups.push({ label: '加分项', columns: checklist.bonus.items.length * 2 });
  const sheet = book.addSheet({ name: '评分表', title: `${checklist.name}评分汇总表`, groups, columns });
  for (let i = 0; i < n; i++) {
    const k = first + i;
    const code = String(100001 + k + Math.floor(k / 99));
    const row = [code, `示例市第${i + 1}综治中心`, `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, `${SURNAMES[i % 10]}${GIVEN[(i * 7) % 10]}、${SURNAMES[(i + 3) % 10]}${GIVEN[(i * 3) % 10]}`];
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

/** The floor of writing a report: read the input, write as many rows of the report's shape again, no scoring. */
export const FLOOR = `
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

/**
 * Each report sheet's row count and its first 200 rows, for the floor to write the same amount.
 * Read with exceljs itself: a report of 10,000 centers inflates past the tool's own 400 MB
 * input limit, which is meant for workbooks people send in.
 */
export async function shapeOf(report, file) {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(report, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  const shape = [];
  for await (const sheet of reader) {
    const rows = [];
    let count = 0;
    for await (const row of sheet) {
      if (rows.length < 200) rows.push(Array.from(row.values.slice(1), (v) => v ?? null));
      count++;
    }
    shape.push({ name: sheet.name, rows, count });
  }
  writeFileSync(file, JSON.stringify(shape));
}
