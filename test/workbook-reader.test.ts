import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditResult, fail, missing } from '../fixtures/ledger/builders.js';
import { readFilledWorkbook } from '../src/formats/fill-in-workbook.js';
import { loadLedger, readLedgerCopy, writeLedger } from '../src/formats/ledger-workbook.js';
import { addAudits } from '../src/ledger/audits.js';
import { collectNotices } from '../src/notices.js';
import { workbookParts } from '../src/xlsx/parts.js';
import { readAllSheets, WorkbookUnreadable } from '../src/xlsx/read.js';
import { zipEntries } from '../src/xlsx/zip.js';
import { ROOT, tempDir } from './helpers.js';
import { formWorkbook, items, registry, save, wideWorkbook } from './sheet-helpers.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(ROOT, 'scripts', 'xlsx-variants.py');
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0;
// CI installs python3-openpyxl: there a missing one is a failure, not a skip.
const withOpenpyxl = hasOpenpyxl || process.env.CI === 'true' ? it : it.skip;

/** The file the older reader switched to streaming at, and then lost sheet names and the checklist check. */
const OLD_STREAMING_THRESHOLD = 256_000;

function variant(src: string, dst: string, ...args: string[]): string {
  execFileSync(PYTHON, [SCRIPT, src, dst, ...args], { stdio: 'pipe' });
  return dst;
}

function partOf(file: string, sheet: string): string {
  return workbookParts(file).sheets.find((s) => s.name === sheet)!.part.replace('xl/worksheets/', '');
}

const places = (problems: { code: string; file?: string; sheet?: string; cell?: string }[]) => problems.map((p) => [p.code, `${p.sheet}!${p.cell}`]);
// centerAt is a function (a place for messages): compared by identity it would never match.
const answersOf = (read: Awaited<ReturnType<typeof readFilledWorkbook>>) =>
  read.responses.map(({ audit: { centerAt: _at, ...audit } }) => ({ ...audit, source: audit.source.replace(/^.*?!/, '') }));

let notices: ReturnType<typeof collectNotices>;
beforeEach(() => {
  notices = collectNotices();
});
afterEach(() => {
  notices.length = 0;
});

describe('one workbook reader, whatever the size or the part order', () => {
  withOpenpyxl('reads a template re-saved by openpyxl, small and padded past 256 KB, exactly as the original', async () => {
    const dir = tempDir();
    const w = await wideWorkbook(dir);
    const original = await save(w.wb, join(dir, 'original.xlsx'));
    const expected = answersOf(await readFilledWorkbook(original, registry(), { onRow: () => {} }));
    expect(expected).toHaveLength(3);
    const expectedSheets = (await readAllSheets(original)).map((s) => [s.name, s.state]);
    for (const pad of [0, OLD_STREAMING_THRESHOLD + 50_000]) {
      const file = variant(original, join(dir, `openpyxl-${pad}.xlsx`), '--openpyxl', '--pad', String(pad));
      const names = zipEntries(file)!.map((e) => e.name);
      // The order that defeated the old streaming reader: worksheets before the workbook part.
      expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/workbook.xml'));
      if (pad) expectedSheets.push(['_pad', 'veryHidden']);
      const read = await readFilledWorkbook(file, registry(), { onRow: () => {} });
      expect(read.problems).toEqual([]);
      expect(answersOf(read)).toEqual(expected);
      const sheets = await readAllSheets(file);
      expect(sheets.map((s) => [s.name, s.state])).toEqual(expectedSheets);
    }
  }, 120_000);

  it('reads a workbook stored as Excel stores it (workbook first, shared strings after the worksheets)', async () => {
    const dir = tempDir();
    const w = await wideWorkbook(dir);
    const original = await save(w.wb, join(dir, 'original.xlsx'));
    const expected = answersOf(await readFilledWorkbook(original, registry(), { onRow: () => {} }));
    expect(expected).toHaveLength(3);
    const file = variant(original, join(dir, 'excel-order.xlsx'), '--excel-order');
    const names = zipEntries(file)!.map((e) => e.name);
    expect(names.indexOf('xl/sharedStrings.xml')).toBeGreaterThan(names.indexOf('xl/worksheets/sheet1.xml'));
    expect(names.indexOf('xl/workbook.xml')).toBeLessThan(names.indexOf('xl/worksheets/sheet1.xml'));
    const read = await readFilledWorkbook(file, registry(), { onRow: () => {} });
    expect(read.problems).toEqual([]);
    expect(answersOf(read)).toEqual(expected);
    // Every text is a shared string in this file: read before the table, they would all be blank.
    expect(read.responses.map((r) => r.audit.center.name)).toEqual(['示例市甲区综治中心', '示例市乙区综治中心', '示例市丙县综治中心']);
  }, 120_000);

  withOpenpyxl('checks the checklist hash and names 评分表 in a padded openpyxl copy', async () => {
    const dir = tempDir();
    const w = await wideWorkbook(dir);
    w.wb.getWorksheet('_zongzhi')!.getCell('B4').value = 'f'.repeat(64);
    w.at(1, items[0].id).value = '也许';
    const changed = await save(w.wb, join(dir, 'changed.xlsx'));
    const file = variant(changed, join(dir, 'big.xlsx'), '--pad', String(OLD_STREAMING_THRESHOLD + 50_000));
    const read = await readFilledWorkbook(file, registry(), { onRow: () => {} });
    expect(places(read.problems)).toEqual([['checklist.changed', '_zongzhi!B3']]);
  }, 120_000);

  it('refuses a _zongzhi sheet whose sha256 is blank instead of skipping the check', async () => {
    const dir = tempDir();
    const w = await wideWorkbook(dir);
    w.wb.getWorksheet('_zongzhi')!.getCell('B4').value = null;
    const file = await save(w.wb, join(dir, 'blank-sha.xlsx'));
    const read = await readFilledWorkbook(file, registry(), { onRow: () => {} });
    expect(read.responses).toEqual([]);
    expect(places(read.problems)).toEqual([['sheet.meta-blank-sha256', '_zongzhi!B4']]);
  });

  withOpenpyxl('reads a sheet merged from P10 to XFD1048576 as one range, in bounded memory', async () => {
    const dir = tempDir();
    const f = await formWorkbook(dir);
    const original = await save(f.wb, join(dir, 'form.xlsx'));
    const file = variant(original, join(dir, 'merged.xlsx'), '--merge', `${partOf(original, '评分表')}:P10:XFD1048576`);
    const before = process.memoryUsage().rss;
    const sheets = await readAllSheets(file);
    expect(sheets.find((s) => s.name === '评分表')!.merges).toContain('P10:XFD1048576');
    const read = await readFilledWorkbook(file, registry(), { onRow: () => {} });
    expect(read.problems).toEqual([]);
    expect(read.responses).toHaveLength(1);
    // Expanded cell by cell this range is 17 billion cells; as a range it costs nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  withOpenpyxl('reads a ledger re-saved by openpyxl, small and padded past 256 KB, as the original', async () => {
    const dir = tempDir();
    const ledgerFile = join(dir, 'ledger.xlsx');
    const built = addAudits([], [{ result: auditResult('999901', '2026-11-20', { 'INS-01': fail, 'MEC-01': missing('台账缺失', '记录不全') }), source: 'a' }]);
    await writeLedger(ledgerFile, { rows: built.rows, log: [] });
    const expected = (await loadLedger(ledgerFile)).rows;
    for (const pad of [0, OLD_STREAMING_THRESHOLD + 50_000]) {
      const file = variant(ledgerFile, join(dir, `openpyxl-${pad}.xlsx`), '--openpyxl', '--pad', String(pad));
      expect((await loadLedger(file)).rows).toEqual(expected);
    }
  }, 120_000);

  withOpenpyxl('reads a unit’s ledger copy with a whole merged column in bounded memory', async () => {
    const dir = tempDir();
    const ledgerFile = join(dir, 'ledger.xlsx');
    const built = addAudits([], [{ result: auditResult('999901', '2026-11-20', { 'INS-01': fail, 'MEC-03': missing('台账缺失') }), source: 'a' }]);
    await writeLedger(ledgerFile, { rows: built.rows, log: [] });
    const copy = variant(ledgerFile, join(dir, 'copy.xlsx'), '--merge', `${partOf(ledgerFile, '整改台账')}:R2:R1048576`);
    const before = process.memoryUsage().rss;
    const read = await readLedgerCopy(copy);
    expect(read!.rows).toHaveLength(built.rows.length);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  withOpenpyxl('refuses whitespace bombs with a located message, not "Invalid string length"', async () => {
    const dir = tempDir();
    const w = await wideWorkbook(dir);
    const original = await save(w.wb, join(dir, 'w.xlsx'));
    const part = partOf(original, '评分表');
    // 5 MB of spaces in one run: within the inflated-size limit, over the text-run bound.
    const run = variant(original, join(dir, 'run.xlsx'), '--whitespace', `${part}:${5 << 20}`);
    const runError = await readAllSheets(run).catch((e) => e);
    expect(runError).toBeInstanceOf(WorkbookUnreadable);
    expect(runError.problem).toMatchObject({ code: 'xlsx.xml-limit', file: run });
    // 450 MB (the trial used 1 GB) in a file of under 1 MB: refused from the zip directory before inflating anything.
    const bomb = variant(original, join(dir, 'bomb.xlsx'), '--whitespace', `${part}:${450 << 20}`);
    const bombError = await readAllSheets(bomb).catch((e) => e);
    expect(bombError).toBeInstanceOf(WorkbookUnreadable);
    expect(bombError.problem).toMatchObject({ code: 'xlsx.too-large-inflated', file: bomb });
  }, 120_000);

  withOpenpyxl('says a formula without a computed result needs saving in Excel, at its cell', async () => {
    const dir = tempDir();
    const w = await wideWorkbook(dir);
    const original = await save(w.wb, join(dir, 'w.xlsx'));
    const cell = w.address(0, items[0].id);
    const file = variant(original, join(dir, 'formula.xlsx'), '--formula', `${partOf(original, '评分表')}:${cell}`);
    const read = await readFilledWorkbook(file, registry(), { onRow: () => {} });
    expect(places(read.problems)).toEqual([['sheet.formula-no-result', `评分表!${cell}`]]);
  });

  it('cleans the text of cells, with a warning at the cell, and reads a file that holds control characters raw', async () => {
    const dir = tempDir();
    const w = await wideWorkbook(dir);
    const noteCol = `${items[0].id} 说明`;
    // exceljs writes U+FFFE raw, which makes the XML ill-formed; U+0085 and U+FDD0 are legal XML but no text.
    w.at(0, noteCol).value = '第一行\u2028第二行\ufffe\u0085\ufdd0';
    const file = await save(w.wb, join(dir, 'controls.xlsx'));
    const sheets = await readAllSheets(file);
    const row = sheets.find((s) => s.name === '评分表')!.rows.find((r) => r.number === w.header + 1)!;
    expect(row.cells[w.col(noteCol) - 1]).toBe('第一行\n第二行');
    expect(notices.map((n) => [n.code, n.sheet, n.cell, n.message])).toEqual([['text.cleaned', '评分表', w.address(0, noteCol), expect.stringContaining('2')]]);
  });

  it('refuses a cell over 32,767 characters at its cell', async () => {
    const dir = tempDir();
    const w = await wideWorkbook(dir);
    w.at(1, `${items[0].id} 说明`).value = '长'.repeat(40_011);
    const file = await save(w.wb, join(dir, 'long.xlsx'));
    const read = await readFilledWorkbook(file, registry(), { onRow: () => {} });
    expect(places(read.problems)).toEqual([['text.too-long', `评分表!${w.address(1, `${items[0].id} 说明`)}`]]);
  });
});
