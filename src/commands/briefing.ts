import { buildBriefing } from '../briefing/compute.js';
import { readBriefingInputs, type BriefingRead } from '../briefing/inputs.js';
import type { Briefing } from '../briefing/model.js';
import { isMonth } from '../briefing/month.js';
import { parseCountyWeights } from '../briefing/weights.js';
import { addToTrend, newTrend, trendSeries, type Trend } from '../briefing/trend.js';
import type { ResponseRead } from '../formats/results-json.js';
import { scoreResponses } from '../scoring/batch.js';
import { briefingTitle } from '../briefing/tables.js';
import { ChecklistRegistry } from '../checklist/registry.js';
import { EXIT, formatProblem, inputError, problem, UserError, usageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { AUDIT_MODES, type Audit } from '../model/audit.js';
import { parseDate, today } from '../model/dates.js';
import { briefingJsonChunks } from '../sinks/briefing-json.js';
import { briefingMarkdown } from '../sinks/briefing-md.js';
import { briefingTerminal } from '../sinks/briefing-terminal.js';
import { levelsOf, readCenters } from '../sources/centers.js';
import type { CenterEntry } from '../sources/centers.js';
import type { MonthFigures, MonthlyProgress } from '../progress/model.js';
import { buildMonthlyProgress, type MonthlyProgressInput } from '../progress/monthly.js';
import { monthlyJson, monthlyMarkdown, monthlyTables, monthlyText } from '../sinks/monthly-progress.js';
import { readPlanFile } from '../formats/plan-json.js';
import { planCoverage, type Coverage } from '../plan/coverage.js';
import { coverageMarkdown, coverageText } from '../sinks/plan-coverage.js';
import { assertInputFile, collectInputs, extensionOf, OutputSet, writeChunksAtomic, writeFileAtomic } from '../util/fs.js';

interface Options {
  month: string;
  ledger?: string;
  centers?: string;
  title?: string;
  asOf?: string;
  checklist?: string[];
  output?: string[];
  /** A quarter's plan.json: its coverage up to the month's end becomes a section. */
  plan?: string;
  /** Deployed tasks, returned 周调度表 and 运行数据: the 进展情况, figures and 约谈/提醒 sections. */
  tasks?: string;
  progress?: string[];
  figures?: string[];
  /** 文号/期数 line of the .docx. */
  issueNo?: string;
  mode?: string[];
  force?: boolean;
  /** The whole of every ranking on screen and in a .docx/.html (by default a long one shows its head and tail). */
  all?: boolean;
  skipInvalid?: boolean;
  countyWeights?: string;
}

const OUTPUTS = ['.xlsx', '.docx', '.html', '.md', '.json'];
/** Outputs with charts: only they need the 12-month trend. */
const CHARTED = ['.docx', '.html'];

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const { month } = opts;
  if (!isMonth(month)) throw usageError('briefing.bad-month', { value: month });
  const asOf = opts.asOf === undefined ? undefined : parseDate(opts.asOf);
  if (opts.asOf !== undefined && !asOf) throw usageError('briefing.bad-as-of', { value: opts.asOf });
  if (opts.asOf !== undefined && !opts.ledger && !opts.tasks) throw usageError('briefing.as-of-needs-ledger');
  if (opts.tasks && !opts.centers) throw usageError('briefing.tasks-need-centers');
  const countyWeights = opts.countyWeights === undefined ? undefined : parseCountyWeights(opts.countyWeights);
  if (opts.countyWeights !== undefined && !countyWeights) throw usageError('briefing.bad-county-weights', { value: opts.countyWeights });
  const outputs = opts.output ?? [];
  const unsupported = outputs.filter((o) => !OUTPUTS.includes(extensionOf(o)));
  if (unsupported.length) throw new UserError(unsupported.map((path) => problem('briefing.bad-output', { path })), EXIT.usage);
  // Refuse before the work, not after it.
  const set = new OutputSet(opts.force);
  set.check(outputs);
  if (opts.ledger) assertInputFile(opts.ledger);
  // A font named in ZONGZHI_CHART_FONT that cannot be read stops the command here, before the work.
  const chartFont = outputs.some((o) => extensionOf(o) === '.docx') ? (await import('../charts/font.js')).findChartFont() : undefined;

  const plan = opts.plan ? readPlanFile(opts.plan).plan : undefined;
  const modes = opts.mode ?? [];
  const unknownMode = modes.find((m) => !(AUDIT_MODES as readonly string[]).includes(m));
  if (unknownMode !== undefined) throw usageError('briefing.bad-mode', { value: unknownMode, modes: AUDIT_MODES.join('、') });

  const registry = new ChecklistRegistry(opts.checklist ?? []);
  const centers = opts.centers ? await readCenters(opts.centers) : undefined;
  // Plan coverage counts every audit up to the month's end, and the charts' trend takes each
  // center's latest of each of 12 months: either turns the skipping off, but keeps memory flat.
  const audits: Audit[] = [];
  const trendAcc = outputs.some((o) => CHARTED.includes(extensionOf(o))) ? newTrend(month) : undefined;
  const everyAudit = (response: ResponseRead) => {
    if (plan) audits.push(response.audit);
    // Scored only when its month is charted; an audit that does not score is left out of the trend (the month's own are reported).
    if (trendAcc?.latest.has(response.audit.date.slice(0, 7))) for (const result of scoreResponses([response]).results) addToTrend(trendAcc, result);
  };
  const read = await readBriefingInputs(inputs, registry, { month, modes, levels: centers && levelsOf(centers), everyAudit: plan || trendAcc ? everyAudit : undefined });
  const results = [...read.current, ...read.before];
  const problems = read.problems;
  if (problems.length && !opts.skipInvalid) throw new UserError(problems);
  if (read.current.length === 0) throw noAudits(month, read.finals);

  const ledgerRows = opts.ledger ? await readLedgerRows(opts.ledger) : undefined;
  const briefing = buildBriefing({
    month,
    results,
    grades: read.grades,
    registry: centers,
    ledger: ledgerRows ? { rows: ledgerRows, asOf: asOf ?? today() } : undefined,
    countyWeights,
    draftsLeftOut: read.drafts,
  });
  const monthly =
    opts.tasks || opts.figures
      ? await monthlySection(opts, month, asOf ?? today(), centers ?? [], {
          overdueFindings: briefing.progress?.overdue.map((f) => ({ id: f.id, unit: f.center, daysOverdue: f.daysOverdue })) ?? [],
          failedAudits: results.filter((r) => r.veto.length > 0 || r.grade === read.grades[read.grades.length - 1]).map((r) => ({ unit: { code: r.center.code, name: r.center.name }, date: r.date })),
          modes,
        })
      : undefined;
  const title = briefingTitle(briefing, opts.title);
  // Audits after the month are not known to its briefing.
  const coverage = plan ? planCoverage(plan, audits, centers, `${month}-31`) : undefined;

  const trend = trendAcc ? trendSeries(trendAcc, ledgerRows) : undefined;

  // All outputs or none: each is written to a temp file, then they are renamed together.
  await set.writeAll(outputs, (temp, path) => write(temp, path, briefing, title, opts, { coverage, monthly, trend, chartFont }));
  process.stdout.write(`${briefingTerminal(briefing, title, { all: opts.all })}\n`);
  if (coverage) process.stdout.write(`\n${coverageText(coverage, centers !== undefined)}`);
  if (monthly) process.stdout.write(monthlyText(monthly));
  if (problems.length) {
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`${t('briefing.skipped', { count: problems.length })}\n`);
  }
  for (const path of outputs) process.stderr.write(`${t('briefing.wrote', { path })}\n`);
}

function noAudits(month: string, finals: BriefingRead['finals']): UserError {
  return inputError('briefing.no-audits', { month, count: finals.count, first: finals.first ?? '—', last: finals.last ?? '—' });
}

/** The ledger reader needs exceljs: loaded only when a ledger is given. */
async function readLedgerRows(file: string) {
  const { readLedger } = await import('../formats/ledger-workbook.js');
  return readLedger(file);
}

/** Tasks with their returned 周调度表 and the figures, read and checked, as the briefing's extra sections. */
async function monthlySection(
  opts: Options,
  month: string,
  asOf: string,
  centers: CenterEntry[],
  found: Pick<MonthlyProgressInput, 'overdueFindings' | 'failedAudits' | 'modes'>,
): Promise<MonthlyProgress> {
  const { readTasksFile } = await import('../formats/tasks-file.js');
  const { readTaskReports } = await import('../sources/task-reports.js');
  const { readFigures } = await import('../formats/figures-table.js');
  let tasks: MonthlyProgressInput['tasks'];
  if (opts.tasks) {
    const file = await readTasksFile(opts.tasks);
    tasks = { tasks: file.tasks, reports: opts.progress ? await readTaskReports(collectInputs(opts.progress, ['.xlsx']), file.tasks, centers) : [] };
  }
  let figures: MonthFigures[] | undefined;
  if (opts.figures) {
    figures = [];
    const problems = [];
    for (const file of collectInputs(opts.figures, ['.csv', '.xlsx'])) {
      try {
        figures.push(...(await readFigures(file)));
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        problems.push(...e.problems);
      }
    }
    if (problems.length) throw new UserError(problems);
  }
  return buildMonthlyProgress({ month, asOf, centers, tasks, figures, ...found });
}

interface Extras {
  coverage?: Coverage;
  monthly?: MonthlyProgress;
  /** Present when a .docx or .html is asked for. */
  trend?: Trend;
  /** The CJK font file the .docx's charts are drawn with; none installed means no charts. */
  chartFont?: string;
}

/** Writes the content of output `path` to `temp`, a staged file of the command's output set. */
async function write(temp: string, path: string, b: Briefing, title: string, opts: Options, { coverage, monthly, trend, chartFont }: Extras): Promise<void> {
  const ext = extensionOf(path);
  if (ext === '.json') writeChunksAtomic(temp, briefingJsonChunks(b, title, monthly ? { monthly: monthlyJson(monthly) } : {}), { force: true });
  const extra = (coverage ? `\n${coverageMarkdown(coverage)}` : '') + (monthly ? `\n${monthlyMarkdown(monthly)}` : '');
  if (ext === '.md') writeFileAtomic(temp, `${briefingMarkdown(b, title)}${extra}`, { force: true });
  if (ext === '.xlsx') {
    // exceljs costs a quarter second to load: only when a workbook is asked for.
    const { writeBriefingXlsx } = await import('../sinks/briefing-xlsx.js');
    await writeBriefingXlsx(temp, b, title, { force: true, extra: monthly ? monthlyTables(monthly) : [] });
  }
  if (ext === '.docx') {
    // docx, echarts and the renderer are as heavy as exceljs: only when a document is asked for.
    const { writeBriefingDocx } = await import('../sinks/briefing-docx.js');
    await writeBriefingDocx(temp, b, title, { force: true, issueNo: opts.issueNo, charts: await chartImages(path, b, trend, chartFont), monthly: monthly ? monthlyTables(monthly) : [], all: opts.all });
  }
  if (ext === '.html') {
    const { writeBriefingHtml } = await import('../sinks/briefing-html.js');
    const { briefingCharts } = await import('../charts/specs.js');
    writeBriefingHtml(temp, b, title, { force: true, issueNo: opts.issueNo, charts: briefingCharts(b, trend), monthly: monthly ? monthlyTables(monthly) : [], all: opts.all });
  }
}

/** The charts as PNG for the document at `path`; none, with a warning, where no CJK font is installed. */
async function chartImages(path: string, b: Briefing, trend?: Trend, font?: string) {
  const { briefingCharts } = await import('../charts/specs.js');
  if (!font) {
    process.stderr.write(`${formatProblem(problem('chart.no-font', { path }))}\n`);
    return [];
  }
  const { chartPngs } = await import('../charts/render.js');
  const specs = briefingCharts(b, trend);
  const pngs = await chartPngs(specs, font);
  return specs.map((spec, i) => ({ spec, png: pngs[i] }));
}
