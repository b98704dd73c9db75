import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFilledWorkbook, writeFormTemplate, writeWideTemplate } from '../src/formats/fill-in-workbook.js';
import { scoreResponses } from '../src/scoring/batch.js';
import { writeReport } from '../src/sinks/report-xlsx.js';
import { readAllSheets } from '../src/xlsx/index.js';
import { ROOT, tempDir } from './helpers.js';
import { checklist, items, registry } from './sheet-helpers.js';

const FIXTURES = join(ROOT, 'fixtures', 'sheets');
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const lost = items.find((i) => i.method === 'levels' && !i.na)!;
const na = items.find((i) => i.na)!;

describe('workbooks filled in and saved by LibreOffice Calc (fixtures/sheets, made by make-fixtures.mjs)', () => {
  it('wide: typed dates, √, full-width digits, commas, a percentage, an N/A with its note', async () => {
    const file = join(FIXTURES, 'libreoffice-wide.xlsx');
    const sheets = await readAllSheets(file);
    // LibreOffice keeps the sheet hidden, though not veryHidden.
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ['_zongzhi', 'hidden'],
      ['填表说明', 'visible'],
      ['评分表', 'visible'],
    ]);
    const { responses, problems } = await readFilledWorkbook(file, registry());
    expect(problems).toEqual([]);
    expect(responses.map((r) => [r.audit.center.code, r.audit.date, r.audit.inspectors.join('、')])).toEqual([
      ['999901', '2026-11-20', '张三、李四'],
      ['999902', '2026-11-21', '王五、赵六'],
      ['009903', '2026-11-22', '张三、李四'],
    ]);
    const third = responses[2].audit;
    expect(third.answers[lost.id]).toMatchObject({ value: '未达到', note: '常务副主任未到位' });
    expect(third.answers[na.id]).toEqual({ na: true, note: '本级无此项' });
    const scored = scoreResponses(responses);
    expect(scored.problems).toEqual([]);
    const [a, b, c] = scored.results;
    expect([a.total, b.total]).toEqual([105, 105]);
    // N/A (LAY-05, 1 point) leaves both sides; INS-02 at 未达到 loses its 3.5: 95.5 / 99 × 100 = 96.4646…,
    // plus the 5 bonus points is 101.4646…, which rounds half-up to 101.5.
    expect([na.id, na.points, lost.id, lost.points]).toEqual(['LAY-05', 1, 'INS-02', 3.5]);
    expect([c.derivation.earned, c.derivation.applicable, c.derivation.unrounded]).toEqual(['95.5', '99', '101.464646']);
    expect([c.base, c.total]).toEqual([96.5, 101.5]);
    expect(c.findings.map((f) => [f.item, f.note])).toEqual([[lost.id, '常务副主任未到位']]);
  });

  it('form: the code typed into a text cell keeps its leading zeros; a date typed as text reads', async () => {
    const file = join(FIXTURES, 'libreoffice-form.xlsx');
    const { responses, problems } = await readFilledWorkbook(file, registry());
    expect(problems).toEqual([]);
    expect(responses).toHaveLength(1);
    const audit = responses[0].audit;
    expect(audit.center).toEqual({ code: '009903', name: '示例市丙县综治中心' });
    expect(audit.date).toBe('2026-11-20');
    expect(audit.answers[lost.id]).toMatchObject({ note: '领导配备不到位' });
    const [result] = scoreResponses(responses).results;
    expect(result.findings).toHaveLength(1);
  });
});

describe.skipIf(!hasSoffice)('workbooks zongzhi writes open in LibreOffice (soffice --headless)', () => {
  const convert = (file: string, to: string, out: string) =>
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${out}/profile`, '--convert-to', to, '--outdir', out, file], { stdio: 'pipe', timeout: 120_000 });
  // Every sheet to its own CSV, cells as shown (LibreOffice 7.2+).
  const ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

  it('the templates and the report convert to CSV sheet by sheet, and to PDF', async () => {
    const dir = tempDir('zongzhi-lo-');
    const wide = join(dir, 'wide.xlsx');
    const form = join(dir, 'form.xlsx');
    await writeWideTemplate(wide, checklist, [{ code: '009901', name: '示例市甲区综治中心' }]);
    await writeFormTemplate(form, checklist, { code: '009901', name: '示例市甲区综治中心' });
    const { responses } = await readFilledWorkbook(join(FIXTURES, 'libreoffice-wide.xlsx'), registry());
    const report = join(dir, 'report.xlsx');
    await writeReport(report, scoreResponses(responses).results);
    for (const file of [wide, form, report]) convert(file, ALL_SHEETS, dir);
    convert(report, 'pdf', dir);
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['wide-评分表.csv', 'form-基本信息.csv', 'form-评分表.csv', 'report-汇总.csv', 'report-评分明细.csv', 'report-问题清单.csv', 'report.pdf']));
    const csv = (name: string) => readFileSync(join(dir, name), 'utf8');
    expect(csv('wide-评分表.csv')).toContain('009901,示例市甲区综治中心');
    expect(csv('form-评分表.csv').split('\n')[2]).toBe('编号,类别,评分项目,评分标准,分值,答案,问题说明,检查方法');
    const summary = csv('report-汇总.csv').split('\n');
    expect(summary[2]).toMatch(/^名次,编码,名称,检查日期,总分,等次,/);
    expect(summary[3]).toMatch(/^1,999901,示例市甲区综治中心,2026-11-20,105\.0,优秀,/);
    expect(csv('report-问题清单.csv')).toContain(`009903-20261122-${lost.id}`);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 4).toString()).toBe('%PDF');
  });
});
