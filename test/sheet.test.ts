import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { formatProblem, type Problem } from '../src/errors.js';
import { readFilledWorkbook } from '../src/formats/fill-in-workbook.js';
import { scoreResponses } from '../src/scoring/batch.js';
import { tempDir } from './helpers.js';
import { CENTERS, checklist, CHECKLIST_FILE, formWorkbook, items, registry, save, wideWorkbook } from './sheet-helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('zongzhi-sheet-');
});

const read = (file: string, reg: ChecklistRegistry = registry()) => readFilledWorkbook(file, reg);
const placeOf = (p: Problem) => [p.file, p.sheet, p.cell].filter(Boolean).join('!');
const full = 100 + (checklist.bonus?.cap ?? 0);

describe('wide layout: filled the way people fill it', () => {
  it('reads every center with full marks', async () => {
    const w = await wideWorkbook(dir);
    const file = await save(w.wb, join(dir, 'wide-full.xlsx'));
    const { responses, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(responses.map((r) => r.audit.center)).toEqual(CENTERS);
    expect(responses[2].audit.center.code).toBe('009903');
    expect(responses[0].audit).toMatchObject({ date: '2026-11-20', inspectors: ['张三', '李四'], status: 'final', checklist: { id: 'sheet-fixture', version: 'test.1', sha256: checklist.sha256 } });
    expect(responses[0].audit.source).toBe(`${file}!评分表!A4`);
    const scored = scoreResponses(responses);
    expect(scored.problems).toEqual([]);
    expect(scored.results.map((r) => r.total)).toEqual([full, full, full]);
  });

  it('reads full-width digits, stray spaces, √/×, dates as text, serials and Date cells, formulas, rich text, numbers as text', async () => {
    const w = await wideWorkbook(dir);
    const [check, levels, multi, deduct, scale, points] = ['check', 'levels', 'multi', 'deduct', 'scale', 'points'].map((m) => items.find((i) => i.method === m && !i.veto && !i.na)!);
    // Center 1: text dates, full-width and spaced answers.
    w.at(0, 'date').value = '2026年11月20日';
    w.at(0, check.id).value = ' √ ';
    w.at(0, deduct.id).value = '２';
    w.at(0, scale.id).value = '９5%';
    w.at(0, points.id).value = ' 3.5 ';
    w.at(0, multi.id).value = '法院,检察院;公安 ， 司法；信访';
    w.at(0, `${deduct.id} 说明`).value = '10月、11月排查台账缺失';
    // Center 2: an Excel serial date, a formula with its cached result, rich text, × for no.
    w.at(1, 'date').value = 46346; // 2026-11-20
    w.at(1, points.id).value = { formula: '1+2', result: 3 } as ExcelJS.CellFormulaValue;
    w.at(1, levels.id).value = { richText: [{ text: '基本', font: { bold: true } }, { text: '达到' }] };
    w.at(1, check.id).value = '×';
    // Center 3: a Date cell, a number stored as text.
    w.at(2, 'date').value = new Date(Date.UTC(2026, 10, 22));
    w.at(2, deduct.id).value = '1';
    const file = await save(w.wb, join(dir, 'wide-variants.xlsx'));
    const { responses, problems } = await read(file);
    expect(problems).toEqual([]);
    const [a, b, c] = responses.map((r) => r.audit);
    expect([a.date, b.date, c.date]).toEqual(['2026-11-20', '2026-11-20', '2026-11-22']);
    expect(a.answers[check.id].value).toBe(true);
    expect(a.answers[deduct.id]).toMatchObject({ value: { count: 2, descriptions: [] }, note: '10月、11月排查台账缺失' });
    expect(a.answers[scale.id].value?.toString()).toBe('95');
    expect(a.answers[points.id].value?.toString()).toBe('3.5');
    expect(a.answers[multi.id].value).toEqual(['法院', '检察院', '公安', '司法', '信访']);
    expect(b.answers[points.id].value?.toString()).toBe('3');
    expect(b.answers[levels.id].value).toBe('基本达到');
    expect(b.answers[check.id].value).toBe(false);
    expect(c.answers[deduct.id].value).toEqual({ count: 1, descriptions: [] });
  });

  it('accepts 不适用 with a note on an item that allows it', async () => {
    const w = await wideWorkbook(dir);
    const na = items.find((i) => i.na)!;
    w.at(0, na.id).value = '不适用';
    w.at(0, `${na.id} 说明`).value = '本级无此项';
    const file = await save(w.wb, join(dir, 'wide-na.xlsx'));
    const { responses, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(responses[0].audit.answers[na.id]).toEqual({ na: true, note: '本级无此项' });
  });

  it('skips empty rows in the middle and prefilled centers nobody audited', async () => {
    const w = await wideWorkbook(dir);
    w.ws.spliceRows(w.header + 2, 0, [], []);
    const extra = w.header + 6;
    w.ws.getCell(extra, w.col('code')).value = '999905';
    w.ws.getCell(extra, w.col('name')).value = '未检查的中心';
    const file = await save(w.wb, join(dir, 'wide-gaps.xlsx'));
    const { responses, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(responses.map((r) => r.audit.center.code)).toEqual(['999901', '999902', '009903']);
    expect(responses[1].audit.source).toBe(`${file}!评分表!A7`);
  });

  it('reads columns moved by the user by their headers', async () => {
    const w = await wideWorkbook(dir);
    const [x, y] = [items[1].id, items[2].id];
    const cx = w.col(x);
    const cy = w.col(y);
    w.at(0, x).value = '未达到';
    for (let r = 1; r <= w.header + CENTERS.length; r++) {
      const a = w.ws.getCell(r, cx);
      const b = w.ws.getCell(r, cy);
      const v = a.value;
      a.value = b.value;
      b.value = v;
    }
    const file = await save(w.wb, join(dir, 'wide-moved.xlsx'));
    const { responses, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(responses[0].audit.answers[x].value).toBe('未达到');
  });

  it('reads a workbook without _zongzhi when --checklist names the checklist', async () => {
    const w = await wideWorkbook(dir);
    w.wb.removeWorksheet(w.wb.getWorksheet('_zongzhi')!.id);
    const file = await save(w.wb, join(dir, 'wide-no-meta.xlsx'));
    const named = await read(file, new ChecklistRegistry([CHECKLIST_FILE]));
    expect(named.problems).toEqual([]);
    expect(named.responses).toHaveLength(3);
    expect(named.responses[0].audit.checklist).toEqual({ id: 'sheet-fixture', version: 'test.1', sha256: checklist.sha256 });
    const unnamed = await read(file, new ChecklistRegistry([]));
    expect(unnamed.problems.map((p) => [p.code, placeOf(p)])).toEqual([['sheet.no-meta', `${file}!评分表`]]);
    // Two named checklists: the one whose item ids the headers use.
    const both = await read(file, new ChecklistRegistry(['township', CHECKLIST_FILE]));
    expect(both.problems).toEqual([]);
  });
});

describe('form layout', () => {
  it('reads a filled form, center from 基本信息, notes per item', async () => {
    const f = await formWorkbook(dir);
    const lost = items.find((i) => i.method === 'levels')!;
    f.answer(lost.id).value = '未达到';
    f.note(lost.id).value = '未配备专职常务副主任';
    const file = await save(f.wb, join(dir, 'form.xlsx'));
    const { responses, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(responses).toHaveLength(1);
    const audit = responses[0].audit;
    expect(audit).toMatchObject({ source: file, center: CENTERS[0], date: '2026-11-20', inspectors: ['张三', '李四'] });
    expect(audit.answers[lost.id]).toMatchObject({ value: '未达到', note: '未配备专职常务副主任' });
    const [result] = scoreResponses(responses).results;
    expect(result.findings.map((x) => [x.item, x.note])).toEqual([[lost.id, '未配备专职常务副主任']]);
  });

  it('reads a blank form filled in by the center itself, with moved rows', async () => {
    const f = await formWorkbook(dir, undefined);
    f.info.spliceRows(3, 0, ['额外说明', '这是中心自己加的一行']);
    const file = await save(f.wb, join(dir, 'form-self.xlsx'));
    const { responses, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(responses[0].audit.center).toEqual({ code: '999901', name: '示例市甲区综治中心' });
  });
});

/** A malformed workbook: how it is made and the problems (code and place) it must give. */
interface Case {
  name: string;
  make(file: string): Promise<void>;
  expected(file: string): [string, string][];
  registry?: () => ChecklistRegistry;
  /** Centers still read from the same file (the others' rows are valid). */
  valid?: string[];
}

async function wideCase(file: string, edit: (w: Awaited<ReturnType<typeof wideWorkbook>>) => void | Promise<void>): Promise<void> {
  const w = await wideWorkbook(dir);
  await edit(w);
  await save(w.wb, file);
}

async function formCase(file: string, edit: (f: Awaited<ReturnType<typeof formWorkbook>>) => void | Promise<void>): Promise<void> {
  const f = await formWorkbook(dir);
  await edit(f);
  await save(f.wb, file);
}

const byMethod = (m: string) => items.find((i) => i.method === m && !i.na && !i.veto)!;
const levelsItem = byMethod('levels');
const deductItem = byMethod('deduct');
const scaleItem = items.find((i) => i.method === 'scale' && (i as { range?: number[] }).range)!;
const pointsItem = byMethod('points');
const multiItem = byMethod('multi');
const naItem = items.find((i) => i.na)!;

const CASES: Case[] = [
  {
    name: 'wrong checklist version in _zongzhi',
    make: (file) => wideCase(file, (w) => void (w.wb.getWorksheet('_zongzhi')!.getCell('B3').value = '2024.9')),
    expected: (file) => [['checklist.version-mismatch', `${file}!_zongzhi!B3`]],
  },
  {
    name: 'checklist changed since the template (sha256)',
    make: (file) => wideCase(file, (w) => void (w.wb.getWorksheet('_zongzhi')!.getCell('B4').value = 'f'.repeat(64))),
    expected: (file) => [['checklist.changed', `${file}!_zongzhi!B3`]],
  },
  {
    name: 'missing _zongzhi and no --checklist',
    make: (file) => wideCase(file, (w) => w.wb.removeWorksheet(w.wb.getWorksheet('_zongzhi')!.id)),
    registry: () => new ChecklistRegistry([]),
    expected: (file) => [['sheet.no-meta', `${file}!评分表`]],
  },
  {
    name: 'an item column deleted',
    make: (file) => wideCase(file, (w) => w.ws.spliceColumns(w.col(deductItem.id), 1)),
    expected: (file) => [['sheet.missing-item-columns', `${file}!评分表!A3`]],
  },
  {
    name: 'the date column deleted',
    make: (file) => wideCase(file, (w) => w.ws.spliceColumns(w.col('date'), 1)),
    expected: (file) => [['sheet.missing-column', `${file}!评分表!A3`]],
  },
  {
    name: 'an item id header mistyped',
    make: (file) => wideCase(file, (w) => void (w.ws.getCell(w.header, w.col(levelsItem.id)).value = `${levelsItem.id.replace('-', '-9')}`)),
    expected: (file) => [
      ['sheet.unknown-item-near', `${file}!评分表!${w0(levelsItem.id)}3`],
      ['sheet.missing-item-columns', `${file}!评分表!A3`],
    ],
  },
  {
    name: 'text in a number cell',
    make: (file) => wideCase(file, (w) => void (w.at(1, deductItem.id).value = '两个')),
    expected: (file) => [['answer.not-a-count', `${file}!评分表!${w0(deductItem.id)}5`]],
    valid: ['999901', '009903'],
  },
  {
    name: 'an out-of-range value',
    make: (file) => wideCase(file, (w) => void (w.at(0, scaleItem.id).value = 1e7)),
    expected: (file) => [['answer.out-of-range', `${file}!评分表!${w0(scaleItem.id)}4`]],
    valid: ['999902', '009903'],
  },
  {
    name: 'a score over the item points',
    make: (file) => wideCase(file, (w) => void (w.at(0, pointsItem.id).value = pointsItem.points + 1)),
    expected: (file) => [['answer.bad-score', `${file}!评分表!${w0(pointsItem.id)}4`]],
    valid: ['999902', '009903'],
  },
  {
    name: 'an unknown level label',
    make: (file) => wideCase(file, (w) => void (w.at(2, levelsItem.id).value = '部分')),
    expected: (file) => [['answer.unknown-level', `${file}!评分表!${w0(levelsItem.id)}6`]],
    valid: ['999901', '999902'],
  },
  {
    name: 'an unknown option',
    make: (file) => wideCase(file, (w) => void (w.at(0, multiItem.id).value = '法院、财政')),
    expected: (file) => [['answer.unknown-option', `${file}!评分表!${w0(multiItem.id)}4`]],
    valid: ['999902', '009903'],
  },
  {
    name: 'a duplicate center',
    make: (file) => wideCase(file, (w) => void (w.at(2, 'code').value = '999901')),
    expected: (file) => [['sheet.duplicate-center', `${file}!评分表!A6`]],
    valid: ['999902'],
  },
  {
    name: 'a code that lost its leading zeros',
    make: (file) => wideCase(file, (w) => void (w.at(2, 'code').value = 9903)),
    expected: (file) => [['centers.code-number', `${file}!评分表!A6`]],
    valid: ['999901', '999902'],
  },
  {
    name: 'answers without a center code',
    make: (file) => wideCase(file, (w) => void (w.at(1, 'code').value = null)),
    expected: (file) => [['sheet.code-missing', `${file}!评分表!A5`]],
    valid: ['999901', '009903'],
  },
  {
    name: 'an impossible date and a missing one',
    make: (file) =>
      wideCase(file, (w) => {
        w.at(0, 'date').value = '2026-13-01';
        w.at(1, 'date').value = null;
      }),
    expected: (file) => [
      ['sheet.date', `${file}!评分表!C4`],
      ['sheet.date-missing', `${file}!评分表!C5`],
    ],
    valid: ['009903'],
  },
  {
    name: '不适用 without a note, and on an item that does not allow it',
    make: (file) =>
      wideCase(file, (w) => {
        w.at(0, naItem.id).value = '不适用';
        w.at(1, levelsItem.id).value = '不适用';
      }),
    expected: (file) => [
      ['answer.na-needs-note', `${file}!评分表!${w0(naItem.id)}4`],
      ['answer.na-not-allowed', `${file}!评分表!${w0(levelsItem.id)}5`],
    ],
    valid: ['009903'],
  },
  {
    name: 'an error value from a broken formula',
    make: (file) => wideCase(file, (w) => void (w.at(0, pointsItem.id).value = { formula: 'A1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue)),
    expected: (file) => [['sheet.cell-error', `${file}!评分表!${w0(pointsItem.id)}4`]],
    valid: ['999902', '009903'],
  },
  {
    name: 'form: the 答案 column deleted',
    make: (file) => formCase(file, (f) => f.form.spliceColumns(6, 1)),
    expected: (file) => [['sheet.missing-column', `${file}!评分表!A3`]],
  },
  {
    name: 'form: merged answer cells',
    make: (file) =>
      formCase(file, (f) => {
        const r = f.row(items[2].id);
        f.form.getCell(r + 1, 6).value = null;
        f.form.getCell(r + 2, 6).value = null;
        f.form.mergeCells(r, 6, r + 2, 6);
      }),
    expected: (file) => [['sheet.merged', `${file}!评分表!F6`]],
  },
  {
    name: 'form: an unknown item id and a duplicated row',
    make: (file) =>
      formCase(file, (f) => {
        f.form.getCell(f.row(items[0].id), 1).value = 'INS-99';
        f.form.getCell(f.row(items[4].id), 1).value = items[3].id;
      }),
    expected: (file) => [
      ['sheet.unknown-item-near', `${file}!评分表!A4`],
      ['sheet.duplicate-item', `${file}!评分表!A8`],
      ['sheet.missing-item-rows', `${file}!评分表`],
    ],
  },
  {
    name: 'form: the center code and name left blank',
    make: (file) =>
      formCase(file, (f) => {
        f.info_('中心编码').value = null;
        f.info_('中心名称').value = '';
      }),
    expected: (file) => [
      ['sheet.code-missing', `${file}!基本信息!B3`],
      ['sheet.name-missing', `${file}!基本信息!B4`],
    ],
  },
  {
    name: 'form: 基本信息 sheet deleted',
    make: (file) => formCase(file, (f) => f.wb.removeWorksheet(f.info.id)),
    expected: (file) => [['sheet.missing-sheet', file]],
  },
  {
    name: 'a .xls saved as .xlsx',
    make: async (file) => writeFileSync(file, Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(504)])),
    expected: (file) => [['xlsx.kind-ole', file]],
  },
  {
    name: 'a CSV renamed to .xlsx',
    make: async (file) => writeFileSync(file, '\uFEFF编码,名称,INS-01\n999901,甲区,是\n'),
    expected: (file) => [['xlsx.kind-text', file]],
  },
  {
    name: 'a truncated download',
    make: async (file) => {
      const w = await wideWorkbook(dir);
      const whole = await w.wb.xlsx.writeBuffer();
      writeFileSync(file, Buffer.from(whole).subarray(0, 3000));
    },
    expected: (file) => [['xlsx.kind-corrupt-zip', file]],
  },
  {
    name: 'a zip whose contents are garbled',
    make: async (file) => {
      const w = await wideWorkbook(dir);
      const bytes = Buffer.from(await w.wb.xlsx.writeBuffer());
      for (let i = 100; i < bytes.length - 3000; i += 53) bytes[i] ^= 0x5a;
      writeFileSync(file, bytes);
    },
    expected: (file) => [['xlsx.corrupt', file]],
  },
  {
    name: 'an empty file',
    make: async (file) => writeFileSync(file, ''),
    expected: (file) => [['xlsx.kind-empty', file]],
  },
  {
    name: 'a Word document renamed',
    make: async (file) => {
      // A zip without xl/workbook.xml: write an xlsx's bytes with the marker renamed.
      const w = await wideWorkbook(dir);
      const bytes = Buffer.from(await w.wb.xlsx.writeBuffer());
      writeFileSync(file, Buffer.from(bytes.toString('latin1').replaceAll('xl/workbook.xml', 'wd/document.xml'), 'latin1'));
    },
    expected: (file) => [['xlsx.kind-zip', file]],
  },
];

/** The column letter of an item's answer column in the (unedited) wide template. */
function w0(id: string): string {
  const index = items.findIndex((i) => i.id === id);
  return ExcelColumn(5 + index * 2);
}
function ExcelColumn(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe('malformed filled workbooks: each problem named with its code and place', () => {
  it('has at least 20 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(20));
  for (const c of CASES) {
    it(c.name, async () => {
      const file = join(dir, `${c.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}.xlsx`);
      await c.make(file);
      const { responses, problems } = await read(file, c.registry?.() ?? registry());
      expect(problems.map((p) => [p.code, placeOf(p)])).toEqual(c.expected(file));
      for (const p of problems) expect(formatProblem(p).startsWith(placeOf(p))).toBe(true);
      expect(responses.map((r) => r.audit.center.code)).toEqual(c.valid ?? []);
    });
  }

  it('words an unknown level the way DESIGN.md shows it', async () => {
    const file = join(dir, 'design-example.xlsx');
    await wideCase(file, (w) => void (w.at(0, levelsItem.id).value = '部分'));
    const { problems } = await read(file);
    const labels = (levelsItem as { levels: { label: string }[] }).levels.map((l) => l.label).join('/');
    expect(formatProblem(problems[0])).toBe(`${file}!评分表!${w0(levelsItem.id)}4: "部分" 不是该项的等级(可选:${labels})`);
  });

  it('suggests the nearest label', async () => {
    const file = join(dir, 'near.xlsx');
    await wideCase(file, (w) => void (w.at(0, levelsItem.id).value = '基本达'));
    const { problems } = await read(file);
    expect(problems[0].code).toBe('answer.unknown-level-near');
    expect(problems[0].message).toContain('基本达到');
  });

  it('gives a located message for every case, one file after another, in one run', async () => {
    const { readResponses } = await import('../src/sources/responses.js');
    const files = [join(dir, 'an-empty-file.xlsx'), join(dir, 'text-in-a-number-cell.xlsx')];
    const { problems, responses } = await readResponses(files, registry());
    expect(problems.map((p) => p.code)).toEqual(['xlsx.kind-empty', 'answer.not-a-count']);
    expect(responses).toHaveLength(2);
    expect(readFileSync(CHECKLIST_FILE, 'utf8')).toContain('id: sheet-fixture');
  });
});
