/**
 * Writes the demo data in fixtures/demo/: a fictional city, 示例市 (province code 99),
 * with four counties and 18 township centers, its registry (centers.csv), three
 * months of audits (2026-09 … 2026-11) made with the shipped checklists, and the
 * rectification ledger: two units' edited copies (updates/) and the committee's ledger
 * with them merged in (ledger.xlsx); 甲区's 周调度表 as sent (progress/) and two copies its
 * units returned (progress/交回/), for `progress merge`.
 *
 *   npx tsx scripts/make-demo.ts
 *
 * The ledger is made the way a user makes it: `ledger build` from the audits, units edit
 * their rows in a copy, `ledger merge` takes the copies back (the same functions, in process).
 * Deterministic: the same checklists give the same files, byte for byte, with no path of the
 * machine that made them. Each center
 * has a quality that rises month by month; each item's answer is the one whose share of
 * the item's points is nearest that quality plus a fixed per-item offset, so scores
 * spread from the fifties to the high nineties and improve over the months. Every audit
 * is scored here before it is written, so a file that would not score is never shipped.
 * Rerun after changing a shipped checklist: the audits record its sha256.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadChecklistFile } from '../src/checklist/load.js';
import { ChecklistRegistry } from '../src/checklist/registry.js';
import { readLedgerCopy, writeLedger } from '../src/formats/ledger-workbook.js';
import { addAudits } from '../src/ledger/audits.js';
import { mergeLedger, type LedgerCopy } from '../src/ledger/merge.js';
import { countyNames, readCenters } from '../src/sources/centers.js';
import { readScoredResults } from '../src/sources/results.js';
import { auditFileText } from '../src/formats/audit-file.js';
import { readAnswer } from '../src/model/answers.js';
import type { Answer, Audit } from '../src/model/audit.js';
import { refOf, type Checklist, type Item } from '../src/model/checklist.js';
import { Exact } from '../src/model/exact.js';
import { score } from '../src/scoring/score.js';
import { excel } from '../src/xlsx/load.js';
import { readTasksFile } from '../src/formats/tasks-file.js';
import { progressRowOf, writeProgressWorkbook } from '../src/formats/progress-workbook.js';
import { taskStatuses } from '../src/progress/status.js';
import { t } from '../src/i18n/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'fixtures', 'demo');
const MONTHS = ['2026-09', '2026-10', '2026-11'];

interface DemoCenter {
  code: string;
  name: string;
  /** Quality in September, 0..1. */
  q: number;
  /** Change of quality per month. */
  delta: number;
}

const COUNTIES: { code: string; name: string; q: number; delta: number; towns: [string, string, number, number][] }[] = [
  {
    code: '999901',
    name: '甲区',
    q: 0.76,
    delta: 0.03,
    towns: [
      ['001', '东关街道', 0.76, 0.04],
      ['002', '西关街道', 0.7, 0.04],
      ['101', '青石镇', 0.68, 0.05],
      ['102', '白水镇', 0.62, 0.06],
      ['201', '柳林乡', 0.56, 0.05],
    ],
  },
  {
    code: '999902',
    name: '乙区',
    q: 0.74,
    delta: 0.04,
    towns: [
      ['001', '新华街道', 0.78, 0.02],
      ['101', '红星镇', 0.7, 0.03],
      ['102', '石桥镇', 0.64, -0.02],
      ['103', '枫林镇', 0.58, 0.05],
    ],
  },
  {
    code: '999903',
    name: '丙县',
    q: 0.7,
    delta: 0.05,
    towns: [
      ['101', '城关镇', 0.68, 0.05],
      ['102', '龙泉镇', 0.62, 0.04],
      ['103', '金沙镇', 0.54, 0.07],
      ['201', '桃源乡', 0.52, 0.04],
      ['202', '松山乡', 0.46, 0.08],
    ],
  },
  {
    code: '999904',
    name: '丁县',
    q: 0.66,
    delta: 0.05,
    towns: [
      ['101', '丁城镇', 0.68, 0.04],
      ['102', '南河镇', 0.58, 0.05],
      ['201', '北坡乡', 0.5, 0.06],
      ['202', '云岭乡', 0.6, 0.03],
    ],
  },
];

/** Centers left unaudited in a month: they show in that month's 未评估 list. */
const SKIPPED: Record<string, string[]> = {
  '2026-09': ['999901201'],
  '2026-10': ['999903103'],
  '2026-11': ['999902103', '999904201'],
};

/** A first audit early in the month and a re-audit (回头看) near its end: the later one counts. */
const REAUDIT = { code: '999903101', month: '2026-11', firstDay: 6, quality: -0.12 };

/** Vetoes: the item is answered 否 with the inspectors' note. */
const VETOES: { code: string; month: string; item: string; note: string }[] = [
  { code: '999903202', month: '2026-09', item: 'INS-01', note: '中心已挂牌,但场所被乡政府其他部门占用,未实体化运行' },
  { code: '999904202', month: '2026-11', item: 'MEC-10', note: '抽查发现10月矛盾纠纷排查台账系检查前补记,与系统记录不符' },
];

/** 不适用 answers, with the reason an inspector would write. */
const NOT_APPLICABLE: { codes: string[]; item: string; note: string }[] = [
  { codes: ['999901001', '999901002', '999902001'], item: 'LAY-05', note: '街道辖区劳动争议由区劳动人事争议仲裁院统一受理,街道不设仲裁窗口' },
  { codes: ['999903201', '999903202', '999904201', '999904202'], item: 'FUN-02', note: '本乡本年度未安排政府购买服务项目' },
  { codes: ['999904'], item: 'LAY-05', note: '县劳动人事争议仲裁院与中心相邻,在院内统一受理' },
];

/** What an inspector writes for deficiencies of a few deduct items (others are counted only). */
const DEFICIENCIES: Record<string, string[]> = {
  'MEC-03': ['7月排查台账缺失', '8月排查台账缺失', '重点时段专项排查无记录', '排查台账未经负责人签字', '排查发现问题未登记销号'],
  'INS-05': ['联席会议制度未制定', '值班值守制度未公示', '入驻力量职责清单缺失', '分流交办制度未落实'],
};

const INSPECTORS = [
  ['张伟', '王芳'],
  ['李强', '刘洋'],
  ['陈静', '杨帆'],
  ['赵磊', '黄敏'],
];

/** mulberry32: a small seeded generator, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const nearestBy = <T>(options: T[], value: (o: T) => number, target: number) =>
  options.reduce((best, o) => (Math.abs(value(o) - target) < Math.abs(value(best) - target) ? o : best));

/** The raw answer (as an audit file writes it) whose share of the item's points is nearest `f`. */
function answerFor(item: Item, f: number, rnd: () => number): { value: unknown; deficiencies?: string[]; note?: string } {
  const points = item.points;
  switch (item.method) {
    case 'check':
      return { value: f >= 0.5 ? '是' : '否' };
    case 'levels': {
      const level = nearestBy(item.levels, (l) => l.points / points, f);
      return { value: level.label };
    }
    case 'multi': {
      // Options are dropped from the end of the list: the first ones are the core stationed units.
      const prefixes = item.options.map((_, k) => item.options.slice(0, k + 1));
      const chosen = nearestBy([[], ...prefixes], (p) => p.reduce((s, o) => s + o.points, 0) / points, f);
      const missing = item.options.filter((o) => !chosen.includes(o)).map((o) => o.label);
      return { value: chosen.length ? chosen.map((o) => o.label) : '无', ...(missing.length && missing.length <= 2 ? { note: `${missing.join('、')}未入驻` } : {}) };
    }
    case 'deduct': {
      const most = Math.ceil(points / item.per);
      const count = Math.max(0, Math.min(most, Math.round(((1 - f) * points) / item.per)));
      const pool = DEFICIENCIES[item.id];
      return pool && count > 0 && count <= pool.length ? { value: count, deficiencies: pool.slice(0, count) } : { value: count };
    }
    case 'scale': {
      const bands = item.bands;
      const k = bands.indexOf(nearestBy(bands, (b) => b.points / points, f));
      const lo = bands[k].min;
      // The top band has no ceiling but the item's range: stay near its threshold, as real figures do.
      const hi = k === 0 ? Math.min(item.range?.[1] ?? Infinity, lo + Math.max(2, Math.ceil(lo * 0.3))) : bands[k - 1].min;
      // A value inside the band, on the grid a person would report (whole numbers, or tenths for a %).
      const step = item.unit === '%' ? 0.1 : 1;
      const span = Math.max(0, Math.floor((hi - lo) / step) - 1);
      const value = lo + Math.min(span, Math.floor(rnd() * (span + 1))) * step;
      return { value: Number(value.toFixed(1)) };
    }
    case 'points': {
      const step = item.step ?? 0.5;
      return { value: Math.round((f * points) / step) * step };
    }
  }
}

function centersOf(): DemoCenter[] {
  return COUNTIES.flatMap((c) => [
    { code: c.code, name: `${c.name}综治中心`, q: c.q, delta: c.delta },
    ...c.towns.map(([suffix, name, q, delta]) => ({ code: `${c.code}${suffix}`, name: `${name}综治中心`, q, delta })),
  ]);
}

function auditOf(center: DemoCenter, checklist: Checklist, month: string, m: number, day: number, quality: number): Audit {
  const rnd = random(seedOf(`${center.code}/${month}/${day}`));
  const offsets = random(seedOf(center.code));
  const answers: Record<string, Answer> = {};
  for (const d of checklist.dimensions) {
    for (const item of d.items) {
      // Fixed draws per center and item: the same weak spots month after month, fixed one by one
      // as quality rises. An item is either done (full points) or falls well short, as inspectors find.
      const [u, v] = [offsets(), offsets()];
      const f = u < quality ? 1 : clamp(quality - 0.4 + (v - 0.5) * 0.5);
      const veto = VETOES.find((v) => v.code === center.code && v.month === month && v.item === item.id);
      const na = NOT_APPLICABLE.find((n) => n.codes.includes(center.code) && n.item === item.id);
      // A veto item fails only where the demo says so: elsewhere a center that runs at all passes it.
      const raw = veto ? { value: '否', note: veto.note } : na ? { value: '不适用', note: na.note } : answerFor(item, item.veto ? 1 : f, rnd);
      answers[item.id] = read(item, raw);
    }
  }
  if (quality >= 0.8) {
    const bonus = checklist.bonus?.items ?? [];
    const claimed = quality >= 0.88 ? bonus.slice(0, 3) : bonus.slice(2, 4);
    for (const item of claimed) answers[item.id] = read(item, answerFor(item, quality >= 0.88 ? 0.7 : 0.5, rnd));
  }
  const pair = INSPECTORS[(Number(center.code.slice(4, 6)) + m) % INSPECTORS.length];
  return {
    source: '',
    checklist: refOf(checklist),
    center: { code: center.code, name: center.name },
    date: `${month}-${String(day).padStart(2, '0')}`,
    inspectors: pair,
    status: 'final',
    answers,
    findings: {},
  };
}

function read(item: Item, raw: { value: unknown; deficiencies?: string[]; note?: string }): Answer {
  const outcome = readAnswer(item, raw);
  if (outcome.kind !== 'answer') throw new Error(`demo answer for ${item.id} does not parse: ${JSON.stringify(raw)} (${outcome.kind === 'error' ? outcome.code : 'blank'})`);
  return outcome.answer;
}

function load(file: string): Checklist {
  const outcome = loadChecklistFile(join(ROOT, 'checklists', file));
  if (!outcome.checklist) throw new Error(`cannot load ${file}: ${outcome.problems.map((p) => p.message).join('; ')}`);
  return outcome.checklist;
}

/** What a county's 政法委 writes back in its copy of the ledger, for its own centers' rows. */
const UNITS: { file: string; county: string; verifier: string; closedOn: string }[] = [
  { file: '甲区-整改进展.xlsx', county: '999901', verifier: '王建国', closedOn: '2026-11-28' },
  { file: '丙县-整改进展.xlsx', county: '999903', verifier: '周敏', closedOn: '2026-12-01' },
];

/**
 * The demo is made as of one fixed moment, so its workbooks are the same bytes on every run:
 * exceljs stamps the document properties and JSZip each zip entry with the current time.
 */
const MADE_AT = Date.UTC(2026, 11, 1, 9, 0, 0);
const MERGED_AT = '2026-12-01 09:00:00';

function freezeClock(): void {
  const Real = Date;
  class FixedDate extends Real {
    constructor(...args: ConstructorParameters<typeof Date>) {
      super(...((args.length ? args : [MADE_AT]) as [number]));
    }
    static override now(): number {
      return MADE_AT;
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
}

/**
 * A unit's copy: rows the last audit found fixed are verified and closed (销号); older
 * open rows move on to 整改中 or 已整改 with a word on progress. Edited as a person edits
 * it in Excel, so the hidden fingerprints stay those of the ledger it was sent.
 */
async function unitCopy(ledger: string, out: string, unit: (typeof UNITS)[number]): Promise<void> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(ledger);
  const ws = wb.getWorksheet('整改台账')!;
  let header = 0;
  const col = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (header) return;
    const texts = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    if (texts.includes('问题编号') && texts.includes('整改状态')) {
      header = n;
      texts.forEach((text, i) => text && col.set(text, i));
    }
  });
  const [id, status, progress, closedOn, verifier] = ['问题编号', '整改状态', '整改进展', '销号日期', '核验人'].map((h) => col.get(h)!);
  for (let n = header + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const code = String(row.getCell(id).value ?? '');
    if (!code.startsWith(unit.county)) continue;
    const roll = random(seedOf(code))();
    const found = /-(\d{4})(\d{2})\d{2}-/.exec(code)?.slice(1).join('-') ?? '';
    const current = String(row.getCell(status).value ?? '');
    if (current === '已整改') {
      row.getCell(status).value = '已销号';
      row.getCell(progress).value = '已整改到位,经县委政法委现场核验';
      row.getCell(closedOn).value = new Date(`${unit.closedOn}T00:00:00Z`);
      row.getCell(verifier).value = unit.verifier;
    } else if (current === '未整改' && found < '2026-11' && roll < (found === '2026-09' ? 0.8 : 0.5)) {
      const done = roll < 0.35;
      row.getCell(status).value = done ? '已整改' : '整改中';
      row.getCell(progress).value = done ? '已完成整改,佐证材料已报送,待核验' : '已制定整改方案,正在推进';
    }
  }
  await wb.xlsx.writeFile(out);
}

/**
 * `ledger build` then `ledger merge` of the units' copies, in process (so the clock is the
 * fixed one), recording the copies by their path inside fixtures/demo, never the machine's.
 */
async function makeLedger(): Promise<void> {
  const updates = join(OUT, 'updates');
  rmSync(updates, { recursive: true, force: true });
  mkdirSync(updates, { recursive: true });
  const names = countyNames(await readCenters(join(OUT, 'centers.csv')));
  const read = await readScoredResults([join(OUT, 'audits')], new ChecklistRegistry([]));
  if (read.problems.length) throw new Error(read.problems.map((p) => p.message).join('\n'));
  const built = addAudits([], read.audits, { countyNames: names });
  const work = mkdtempSync(join(tmpdir(), 'zongzhi-demo-'));
  const builtFile = join(work, 'built.xlsx');
  try {
    await writeLedger(builtFile, { rows: built.rows, log: [] });
    const copies: LedgerCopy[] = [];
    for (const unit of UNITS) {
      await unitCopy(builtFile, join(updates, unit.file), unit);
      const copy = (await readLedgerCopy(join(updates, unit.file)))!;
      const file = relative(OUT, copy.file);
      copies.push({ ...copy, file, rows: copy.rows.map((row) => ({ ...row, file })) });
    }
    const merged = mergeLedger({ ledger: { rows: built.rows, log: [] }, ledgerFile: 'ledger.xlsx', copies, audits: [], time: MERGED_AT, countyNames: names });
    if (!merged.ok) throw new Error(merged.problems.map((p) => p.message).join('\n'));
    await writeLedger(join(OUT, 'ledger.xlsx'), merged.ledger, { force: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What 甲区's units report in their returned copies, by 任务编号 × 单位编码 and header; dates typed as text, as people type them (the frozen clock's Date would not be written as a date). */
const RETURNED: { file: string; rows: Record<string, Record<string, string>> }[] = [
  {
    file: '甲区委政法委.xlsx',
    rows: {
      'RW-01 999901': { 完成情况: '已完成', 完成日期: '2026-10-28', 进展说明: '专项经费已列入2027年区级预算', 佐证: '甲财预〔2026〕12号' },
      'RW-02 999901': { 完成情况: '推进中', 进展说明: '公安、法院、司法已常驻,检察院、信访正在协调' },
    },
  },
  {
    file: '东关街道.xlsx',
    rows: { 'RW-04 999901001': { 完成情况: '已完成', 完成日期: '2026年11月18日', 进展说明: '已统一挂牌', 佐证: '挂牌照片3张' } },
  },
];

/** 甲区's 周调度表 as `progress template` writes it, and its units' returned copies, edited as a person edits them. */
async function makeProgress(): Promise<void> {
  const dir = join(OUT, 'progress');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '交回'), { recursive: true });
  const { tasks } = await readTasksFile(join(OUT, 'tasks.yaml'));
  const rows = taskStatuses(tasks, [], await readCenters(join(OUT, 'centers.csv')), '2026-12-01').filter((s) => s.county.code === '999901');
  const master = join(dir, '999901-甲区-周调度表.xlsx');
  await writeProgressWorkbook(master, { title: t('progress.workbook.title', { county: '甲区' }), rows: rows.map(progressRowOf) });
  const ExcelJS = await excel();
  for (const copy of RETURNED) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    const ws = wb.getWorksheet('周调度表')!;
    const col = new Map<string, number>();
    ws.eachRow((row) => {
      const texts = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
      if (!col.size && texts.includes('任务编号')) texts.forEach((text, i) => text && col.set(text, i));
      const edits = col.size ? copy.rows[`${row.getCell(col.get('任务编号')!).text} ${row.getCell(col.get('单位编码')!).text}`] : undefined;
      for (const [header, value] of Object.entries(edits ?? {})) row.getCell(col.get(header)!).value = value;
    });
    await wb.xlsx.writeFile(join(dir, '交回', copy.file));
  }
}

async function main(): Promise<void> {
  const county = load('county-2025.1.yaml');
  const township = load('township-2025.1.yaml');
  const centers = centersOf();
  rmSync(join(OUT, 'audits'), { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });

  const registry = ['编码,名称,层级,上级编码'];
  for (const c of centers) registry.push(c.code.length === 6 ? `${c.code},${c.name},县级,` : `${c.code},${c.name},乡镇,${c.code.slice(0, 6)}`);
  writeFileSync(join(OUT, 'centers.csv'), `\uFEFF${registry.join('\r\n')}\r\n`);

  const summary: string[] = [];
  MONTHS.forEach((month, m) => {
    const dir = join(OUT, 'audits', month);
    mkdirSync(dir, { recursive: true });
    for (const [i, center] of centers.entries()) {
      if (SKIPPED[month]?.includes(center.code)) continue;
      const checklist = center.code.length === 6 ? county : township;
      const day = 8 + ((i * 7 + m * 3) % 18);
      const visits = REAUDIT.code === center.code && REAUDIT.month === month ? [{ day: REAUDIT.firstDay, shift: REAUDIT.quality }, { day: 26, shift: 0 }] : [{ day, shift: 0 }];
      for (const visit of visits) {
        const audit = auditOf(center, checklist, month, m, visit.day, center.q + m * center.delta + visit.shift);
        const outcome = score(checklist, audit);
        if (!outcome.ok) throw new Error(`demo audit ${center.code} ${audit.date} does not score: ${outcome.code}`);
        const file = `${audit.date}-${center.code}-${checklist.id}.audit.yaml`;
        writeFileSync(join(dir, file), auditFileText(audit, checklist));
        summary.push(`${audit.date} ${center.code} ${center.name.padEnd(10, '　')} ${Exact.from(outcome.result.total).toFixed(1).padStart(5)} ${outcome.result.grade}${outcome.result.veto.length ? ' (否决)' : ''} 问题 ${outcome.result.findings.length} 个`);
      }
    }
  });
  process.stdout.write(`${summary.join('\n')}\n${summary.length} audits, ${centers.length} centers → ${OUT}\n`);
  await makeLedger();
  process.stdout.write(`ledger.xlsx and updates/ → ${OUT}\n`);
  await makeProgress();
  process.stdout.write(`progress/ → ${OUT}\n`);
}

freezeClock();
await main();
