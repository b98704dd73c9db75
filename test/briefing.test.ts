import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliResult } from './helpers.js';

/**
 * A small city computed by hand (fixtures/briefing/): two checklists of seven items,
 * mostly direct scores, so every figure below can be checked on paper.
 *
 * Registry: 甲区 (999901 + 东街 001, 青石 101, 白水 102), 乙区 (999902 + 石桥 101, 红星 102), 丙县 (999903).
 * November (latest audit per center; 青石's 11-05 audit is replaced by its 11-25 re-audit,
 * 东街's 12-01 audit is outside the month; 红星 and 丙县 were not audited):
 *   county    甲区 93.0   乙区 83.5
 *   township  东街 87.0  白水 87.0  石桥 85.6 (77 of 90 applicable: 85.555…, veto)  青石 82.0
 * October:   甲区 90  乙区 85 | 青石 84  东街 80  白水 80  石桥 75  红星 70
 *
 * Ledger: `ledger build` over all 16 audits gives 36 real problems (a problem still open
 * at a later audit is recorded on its row, not added again), each due 30 days after the
 * audit that first found it; 回头看 marked 白水's October INS-02 已整改 (full points in
 * November). Here a unit then closed it (已销号) and started on 甲区's October LAY-01 (整改中).
 * As of 2026-12-10 the problems first found in September and October are overdue, less the
 * closed one: 34.
 */
const FIX = 'fixtures/briefing';
const CHECKLISTS = ['--checklist', `${FIX}/checklists/mini-county.yaml`, '--checklist', `${FIX}/checklists/mini-township.yaml`];
const ARGS = ['briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS, '--centers', `${FIX}/centers.csv`];
const TITLE = '示例市综治中心规范化建设情况通报(2026年11月)';

let dir: string;
let ledger: string;
let run: CliResult;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let json: any;
let md: string;
let book: ExcelJS.Workbook;

/** A unit's work on the built ledger, typed into cells as a person would. */
async function editLedger(from: string, to: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet('整改台账')!;
  let header = 0;
  const col = new Map<string, number>();
  ws.eachRow((row, n) => {
    const values = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    if (!header && values.includes('问题编号')) {
      header = n;
      values.forEach((v, i) => v && col.set(v, i));
    }
  });
  const edits: Record<string, Record<string, unknown>> = {
    '999901102-20261018-INS-02': { 整改状态: '已销号', 销号日期: new Date(Date.UTC(2026, 11, 1)), 核验人: '赵六' },
    '999901-20261010-LAY-01': { 整改状态: '整改中', 整改进展: '方案已制定' },
  };
  let found = 0;
  ws.eachRow((row, n) => {
    const edit = n > header ? edits[String(row.getCell(col.get('问题编号')!).value)] : undefined;
    if (!edit) return;
    found++;
    for (const [field, value] of Object.entries(edit)) row.getCell(col.get(field)!).value = value as ExcelJS.CellValue;
  });
  expect(found).toBe(2);
  await wb.xlsx.writeFile(to);
}

beforeAll(async () => {
  dir = tempDir();
  const built = join(dir, 'built.xlsx');
  const b = await runCli(['ledger', 'build', `${FIX}/audits`, ...CHECKLISTS, '-o', built]);
  expect(b.stderr).not.toMatch(/内部错误/);
  expect(b.code).toBe(0);
  ledger = join(dir, 'ledger.xlsx');
  await editLedger(built, ledger);
  const out = (ext: string) => join(dir, `briefing.${ext}`);
  run = await runCli([...ARGS, '--ledger', ledger, '--as-of', '2026-12-10', '--title', TITLE, '-o', out('json'), '-o', out('md'), '-o', out('xlsx')]);
  expect(run.stderr).not.toMatch(/内部错误/);
  expect(run.code).toBe(0);
  json = JSON.parse(readFileSync(out('json'), 'utf8'));
  md = readFileSync(out('md'), 'utf8');
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out('xlsx'));
});

describe('briefing JSON: the hand-computed city, value by value', () => {
  it('ranks each level apart, ties sharing a rank, with last month and 环比', () => {
    expect(json).toMatchObject({ title: TITLE, month: '2026-11', previousMonth: '2026-10', asOf: '2026-12-10' });
    expect(json.ranking.map((g: { level: string }) => g.level)).toEqual(['county', 'township']);
    const pick = (rows: Record<string, unknown>[]) => rows.map((r) => [r.rank, r.previousRank, r.movement, r.code, r.total, r.previousTotal, r.change, r.grade]);
    expect(pick(json.ranking[0].rows)).toEqual([
      [1, 1, 0, '999901', 93, 90, 3, '优秀'],
      [2, 2, 0, '999902', 83.5, 85, -1.5, '良好'],
    ]);
    expect(pick(json.ranking[1].rows)).toEqual([
      [1, 2, 1, '999901001', 87, 80, 7, '良好'],
      [1, 2, 1, '999901102', 87, 80, 7, '良好'],
      // Grade band before total: the vetoed 石桥镇 (85.6, 不合格) ranks below 青石镇 (82, 良好).
      [3, 1, -2, '999901101', 82, 84, -2, '良好'],
      [4, 4, 0, '999902101', 85.6, 75, 10.6, '不合格'],
    ]);
    const shiqiao = json.ranking[1].rows[3];
    expect(shiqiao.county).toEqual({ code: '999902', name: '乙区' });
    expect(shiqiao.veto).toEqual([{ id: 'INS-01', title: '挂牌并实体化运行' }]);
    expect(shiqiao.dimensions).toEqual({ institution: 14, layout: 18, mechanism: 18, staffing: 18, funding: 9 });
    // The re-audit later in the month counts, not the first visit.
    expect(json.ranking[1].rows[2].date).toBe('2026-11-25');
  });

  it('shows each county center’s score and its townships’ mean side by side, never averaged together', () => {
    const row = (code: string) => json.counties.find((c: { county?: { code: string } }) => c.county?.code === code);
    // 甲区: county 93.0; townships (87 + 82 + 87) / 3 = 85.333… → 85.3. No weights: no composite, ranked on the county centers.
    expect(row('999901')).toMatchObject({ rank: 1, centers: 4, audited: 4, countyScore: 93, townshipMean: 85.3, composite: null, grades: { 优秀: 1, 良好: 3, 合格: 0, 不合格: 0 } });
    // 乙区: county 83.5; 石桥 alone, as reported: 85.6 (the unrounded 85.555… is never used).
    expect(row('999902')).toMatchObject({ rank: 2, centers: 3, audited: 2, countyScore: 83.5, townshipMean: 85.6, composite: null, grades: { 优秀: 0, 良好: 1, 合格: 0, 不合格: 1 } });
    expect(row('999903')).toMatchObject({ rank: null, centers: 1, audited: 0, countyScore: null, townshipMean: null, grades: { 优秀: 0, 良好: 0, 合格: 0, 不合格: 0 } });
    // Dimension rates: mean of earned ÷ applicable; 乙区 institution (17.5/20 + 14/20) / 2 = 0.7875 → 78.8%.
    expect(row('999901').ratesPercent).toEqual({ institution: 92.5, layout: 87.5, mechanism: 82.5, staffing: 85, funding: 88.8 });
    expect(row('999902').ratesPercent).toEqual({ institution: 78.8, layout: 87.5, mechanism: 85, staffing: 85, funding: 87.5 });
    expect(row('999903').ratesPercent).toEqual({ institution: null, layout: null, mechanism: null, staffing: null, funding: null });
    // City: the county centers (93 + 83.5) / 2 = 88.25 → 88.3; the townships (87 + 82 + 87 + 85.6) / 4 = 85.4.
    expect(json.city).toMatchObject({ rank: null, centers: 8, audited: 6, countyScore: 88.3, townshipMean: 85.4 });
    expect(json.countyWeights).toBeNull();
    expect(json.city.ratesPercent).toEqual({ institution: 87.9, layout: 87.5, mechanism: 83.3, staffing: 85, funding: 88.3 });
    // Averages per level, never over both: counties 88.25 → 88.3 (October 87.5), townships 85.4 (October 389 / 5 = 77.8).
    expect(json.overview).toMatchObject({ centers: 8, audited: 6, previousAudited: 7, vetoed: 1 });
    expect(json.overview.levels).toEqual([
      { level: 'county', audited: 2, average: 88.3, previousAudited: 2, previousAverage: 87.5 },
      { level: 'township', audited: 4, average: 85.4, previousAudited: 5, previousAverage: 77.8 },
    ]);
    expect(json.overview).not.toHaveProperty('average');
    expect(json.notes.counties[0]).toContain('分数不混合平均');
    expect(json.notes.counties[1]).toContain('未给出权重,不计算综合得分');
  });

  it('lists the items most often losing points, with counts and shares of the centers assessed', () => {
    const pick = json.common.map((c: Record<string, unknown>) => [c.rank, c.item, c.centers, c.applicable, c.sharePercent, c.lost, c.counties]);
    expect(pick).toEqual([
      [1, 'MEC-01', 6, 6, 100, 20, 2],
      [1, 'STA-01', 6, 6, 100, 18, 2],
      [1, 'LAY-01', 6, 6, 100, 15, 2],
      [1, 'FUN-02', 6, 6, 100, 13, 2],
      [5, 'INS-02', 5, 6, 83.3, 9.5, 2],
      [6, 'INS-01', 1, 6, 16.7, 5, 1],
    ]);
  });

  it('counts the ledger per county as of the date, and lists what is overdue', () => {
    const progress = json.progress;
    expect(progress.counties).toEqual([
      { county: { code: '999901', name: '甲区' }, findings: 20, open: 18, inProgress: 1, fixed: 0, closed: 1, rebound: 0, overdue: 19, closureRatePercent: 5 },
      { county: { code: '999902', name: '乙区' }, findings: 16, open: 16, inProgress: 0, fixed: 0, closed: 0, rebound: 0, overdue: 15, closureRatePercent: 0 },
    ]);
    // 1 / 36 = 2.777…% → 2.8% (half-up).
    expect(progress.city).toEqual({ findings: 36, open: 34, inProgress: 1, fixed: 0, closed: 1, rebound: 0, overdue: 34, closureRatePercent: 2.8 });
    expect(progress.overdue).toHaveLength(34);
    expect(progress.overdue[0]).toEqual({
      id: '999902102-20260915-FUN-02',
      center: { code: '999902102', name: '红星镇综治中心' },
      county: { code: '999902', name: '乙区' },
      problem: '经费保障',
      owner: '',
      deadline: '2026-10-15',
      status: '未整改',
      daysOverdue: 56,
    });
    // 青石's 11-05 audit found only problems already open: recorded on their October rows, none overdue twice.
    expect(progress.overdue.some((o: { id: string }) => o.id.startsWith('999901101-20261105'))).toBe(false);
    expect(progress.overdue.some((o: { id: string }) => o.id.startsWith('999901-20261110'))).toBe(false);
    expect(progress.overdue.some((o: { id: string }) => o.id === '999901102-20261018-INS-02')).toBe(false);
  });

  it('lists the registry centers not audited in the month, with their last audit', () => {
    expect(json.notAudited).toEqual([
      { code: '999902102', name: '红星镇综治中心', level: 'township', county: { code: '999902', name: '乙区' }, lastDate: '2026-10-22', lastTotal: 70 },
      { code: '999903', name: '丙县综治中心', level: 'county', county: { code: '999903', name: '丙县' }, lastDate: null, lastTotal: null },
    ]);
  });
});

describe('briefing workbook: the same city, cell by cell', () => {
  const sheet = (name: string) => {
    const ws = book.getWorksheet(name);
    expect(ws, name).toBeDefined();
    return ws!;
  };
  const row = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  // exceljs reads conditional formats back but leaves them out of its types.
  const formatsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[] }).conditionalFormattings;

  it('has one titled, printable sheet per table with the header frozen', () => {
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '县级综治中心排名',
      '乡镇(街道)综治中心排名',
      '各县(市、区)汇总',
      '共性问题',
      '整改进度',
      '逾期未销号问题',
      '本月未评估中心',
    ]);
    for (const ws of book.worksheets) {
      expect(ws.getCell('A1').value).toBe(TITLE);
      expect(ws.getCell('A2').value).toBe(ws.name);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: false });
      expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(90);
    }
  });

  it('writes the township ranking as numbers formatted like the other outputs', () => {
    const ws = sheet('乡镇(街道)综治中心排名');
    expect(row(ws, 3)).toEqual(['名次', '上月名次', '升降', '编码', '名称', '所属县(市、区)', '总分', '环比', '等次', '机构设置规范化', '功能布局规范化', '运行机制规范化', '队伍建设规范化', '保障措施规范化', '否决情形']);
    expect(row(ws, 4)).toEqual([1, 2, '↑1', '999901001', '东街街道综治中心', '甲区', 87, 7, '良好', 18, 18, 16, 17, 18, '—']);
    expect(row(ws, 5)).toEqual([1, 2, '↑1', '999901102', '白水镇综治中心', '甲区', 87, 7, '良好', 20, 17, 15, 18, 17, '—']);
    expect(row(ws, 6)).toEqual([3, 1, '↓2', '999901101', '青石镇综治中心', '甲区', 82, -2, '良好', 17, 16, 17, 15, 17, '—']);
    expect(row(ws, 7)).toEqual([4, 4, '持平', '999902101', '石桥镇综治中心', '乙区', 85.6, 10.6, '不合格', 14, 18, 18, 18, 9, 'INS-01 挂牌并实体化运行']);
    expect(ws.getCell('G4').numFmt).toBe('0.0');
    expect(ws.getCell('H4').numFmt).toBe('+0.0;-0.0;0.0');
    expect(ws.getCell('J4').numFmt).toBe('0.0');
    expect(ws.getCell('D4').numFmt).toBe('@');
    expect(String(ws.getCell('A9').value)).toContain('分别排名');
  });

  it('colours scores on a scale, the failing grade and vetoes red, 环比 and 升降 green or red', () => {
    const ws = sheet('乡镇(街道)综治中心排名');
    const rules = formatsOf(ws).flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, type: r.type, operator: (r as { operator?: string }).operator, formulae: (r as { formulae?: unknown[] }).formulae })));
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ref: 'G4:G7', type: 'colorScale' }),
        expect.objectContaining({ ref: 'H4:H7', type: 'cellIs', operator: 'greaterThan', formulae: ['0'] }),
        expect.objectContaining({ ref: 'H4:H7', type: 'cellIs', operator: 'lessThan', formulae: ['0'] }),
        expect.objectContaining({ ref: 'I4:I7', type: 'cellIs', operator: 'equal', formulae: ['"不合格"'] }),
        expect.objectContaining({ ref: 'C4:C7', type: 'expression', formulae: ['LEFT(C4,1)="↑"'] }),
        expect.objectContaining({ ref: 'O4:O7', type: 'expression' }),
      ]),
    );
    const overdue = formatsOf(sheet('整改进度')).map((cf) => cf.ref);
    expect(overdue).toContain('H4:H5');
  });

  it('writes the county summary with its 全市 row set apart', () => {
    const ws = sheet('各县(市、区)汇总');
    expect(row(ws, 3)).toEqual(['名次', '县(市、区)', '中心数', '已评估', '县级中心得分', '乡镇平均分', '优秀', '良好', '合格', '不合格', '机构设置规范化', '功能布局规范化', '运行机制规范化', '队伍建设规范化', '保障措施规范化']);
    expect(row(ws, 4)).toEqual([1, '甲区', 4, 4, 93, 85.3, 1, 3, 0, 0, 0.925, 0.875, 0.825, 0.85, 0.888]);
    expect(row(ws, 5)).toEqual([2, '乙区', 3, 2, 83.5, 85.6, 0, 1, 0, 1, 0.788, 0.875, 0.85, 0.85, 0.875]);
    expect(row(ws, 6)).toEqual(['—', '丙县', 1, 0, '—', '—', 0, 0, 0, 0, '—', '—', '—', '—', '—']);
    expect(row(ws, 7)).toEqual(['—', '全市', 8, 6, 88.3, 85.4, 1, 4, 0, 1, 0.879, 0.875, 0.833, 0.85, 0.883]);
    expect(ws.getCell('E4').numFmt).toBe('0.0');
    expect(ws.getCell('K4').numFmt).toBe('0.0%');
    expect(ws.getCell('B7').font?.bold).toBe(true);
    expect(String(ws.getCell('A9').value)).toContain('2026年11月共评估综治中心 6 个(应评 8 个)');
    expect(String(ws.getCell('A10').value)).toContain('分数不混合平均');
  });

  it('writes 共性问题, progress, the whole overdue list and the centers not audited', () => {
    expect(row(sheet('共性问题'), 4)).toEqual([1, '运行机制规范化', 'MEC-01 受理和化解', 6, 6, 1, 20, 2]);
    expect(row(sheet('共性问题'), 8)).toEqual([5, '机构设置规范化', 'INS-02 机构和人员', 5, 6, 0.833, 9.5, 2]);
    const progress = sheet('整改进度');
    expect(row(progress, 4)).toEqual(['甲区', 20, 18, 1, 0, 1, 0, 19, 0.05]);
    expect(row(progress, 5)).toEqual(['乙区', 16, 16, 0, 0, 0, 0, 15, 0]);
    expect(row(progress, 6)).toEqual(['全市', 36, 34, 1, 0, 1, 0, 34, 0.028]);
    const overdue = sheet('逾期未销号问题');
    expect(row(overdue, 4)).toEqual(['999902102-20260915-FUN-02', '红星镇综治中心', '乙区', '经费保障', undefined, new Date(Date.UTC(2026, 9, 15)), '未整改', 56]);
    // All 34 overdue findings, not the screen's first 20.
    expect(overdue.getCell('A37').value).toBe('999902101-20261020-STA-01');
    expect(overdue.getCell('H37').value).toBe(21);
    expect(overdue.getCell('A38').value).toBeNull();
    const missing = sheet('本月未评估中心');
    expect(row(missing, 4)).toEqual(['999902102', '红星镇综治中心', '乡镇(街道)', '乙区', new Date(Date.UTC(2026, 9, 22)), 70]);
    expect(row(missing, 5)).toEqual(['999903', '丙县综治中心', '县级', '丙县', '—', '—']);
  });
});

describe('briefing in the terminal and as Markdown', () => {
  it('prints the tables with their rows', () => {
    expect(run.stdout).toContain(TITLE);
    expect(run.stdout).toMatch(/│\s+1 │\s+2 │\s+↑1 │ 999901001 │ 东街街道综治中心\s+│ 甲区\s+│ 87\.0 │\s+\+7\.0 │ 良好/);
    expect(run.stdout).toMatch(/│\s+3 │\s+1 │\s+↓2 │ 999901101 │ 青石镇综治中心\s+│ 甲区\s+│ 82\.0 │\s+-2\.0 │ 良好/);
    expect(run.stdout).toMatch(/│\s+2 │ 乙区\s+│\s+3 │\s+2 │\s+83\.5 │\s+85\.6 │/);
    expect(run.stdout).toMatch(/│ 全市\s+│\s+36 │\s+34 │\s+1 │\s+0 │\s+1 │\s+0 │\s+34 │\s+2\.8% │/);
    expect(run.stdout).toContain('逾期问题共 34 个,此处列出逾期最久的 20 个');
    expect(run.stdout).toMatch(/│ 999903\s+│ 丙县综治中心\s+│ 县级\s+│ 丙县\s+│ —/);
  });

  it('writes Markdown tables ready to paste into a 工作简报', () => {
    // Columns are padded to line up; the rows below are compared with the padding collapsed.
    const flat = md.replace(/ {2,}/g, ' ');
    expect(md).toContain(`# ${TITLE}`);
    expect(md).toContain('## 一、总体情况');
    expect(md).toContain(
      '2026年11月共评估综治中心 6 个(应评 8 个);县级综治中心 2 个,平均得分 88.3 分,较上月(2 个中心平均 87.5 分)提高 0.8 分;' +
        '乡镇(街道)综治中心 4 个,平均得分 85.4 分,较上月(5 个中心平均 77.8 分)提高 7.6 分;其中优秀 1 个、良好 4 个、合格 0 个、不合格 1 个(一票否决 1 个)。',
    );
    expect(md).toContain('## 二、县级综治中心排名');
    // The ranking names the audit each score comes from (检查日期): 甲区's of 11-10, 石桥镇's of 11-18.
    expect(flat).toContain('| 1 | 1 | 持平 | 999901 | 甲区综治中心 | 甲区 | 2026-11-10 | 93.0 | +3.0 | 优秀 | 19.0 | 19.0 | 18.0 | 18.0 | 19.0 | — |');
    expect(flat).toContain('| 4 | 4 | 持平 | 999902101 | 石桥镇综治中心 | 乙区 | 2026-11-18 | 85.6 | +10.6 | 不合格 | 14.0 | 18.0 | 18.0 | 18.0 | 9.0 | INS-01 挂牌并实体化运行 |');
    expect(flat).toContain('| 2 | 乙区 | 3 | 2 | 83.5 | 85.6 | 0 | 1 | 0 | 1 | 78.8% | 87.5% | 85.0% | 85.0% | 87.5% |');
    expect(flat).toContain('| **—** | **全市** | **8** | **6** | **88.3** | **85.4** |');
    expect(flat).toContain('| 999902102-20260915-FUN-02 | 红星镇综治中心 | 乙区 | 经费保障 | | 2026-10-15 | 未整改 | 56 |');
    expect(md).toContain('## 八、本月未评估中心');
    expect(flat.match(/^\| 9999\d+-\d{8}-/gm)).toHaveLength(20);
  });

  it('speaks English with --lang en', async () => {
    const r = await runCli(['--lang', 'en', ...ARGS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ranking of township centers');
    expect(r.stdout).toContain('Summary per county');
    expect(r.stdout).toContain('Centers not audited this month');
  });

  it('says when no registry was given that it cannot list the centers not audited', async () => {
    const r = await runCli(['briefing', '--month', '2026-11', `${FIX}/audits`, ...CHECKLISTS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('未提供中心名录(--centers)');
    expect(r.stdout).toContain('共评估综治中心 6 个(应评 6 个)');
  });
});

describe('briefing: usage and input errors', () => {
  it('rejects a month not written YYYY-MM with a usage error', async () => {
    for (const month of ['2026-13', '2026-1', '202611', 'November']) {
      const r = await runCli(['briefing', '--month', month, `${FIX}/audits`, ...CHECKLISTS]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('YYYY-MM');
    }
  });

  it('rejects a bad --as-of, and --as-of without a ledger', async () => {
    const bad = await runCli([...ARGS, '--ledger', ledger, '--as-of', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of');
    const alone = await runCli([...ARGS, '--as-of', '2026-12-10']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--ledger');
  });

  it('rejects an unsupported output and an existing one without --force, and writes nothing then', async () => {
    const d = tempDir();
    const bad = await runCli([...ARGS, '-o', join(d, 'b.pdf')]);
    expect(bad.code).toBe(2);
    const out = join(d, 'b.json');
    expect((await runCli([...ARGS, '-o', out])).code).toBe(0);
    const again = await runCli([...ARGS, '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect((await runCli([...ARGS, '-o', out, '--force'])).code).toBe(0);
  });

  it('says which dates it found when the month has no audits', async () => {
    const r = await runCli(['briefing', '--month', '2027-01', `${FIX}/audits`, ...CHECKLISTS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2026-09-15');
    expect(r.stderr).toContain('2026-12-01');
  });
});
