import { buildBriefing } from '../briefing/compute.js';
import type { Briefing } from '../briefing/model.js';
import { isMonth } from '../briefing/month.js';
import { parseCountyWeights } from '../briefing/weights.js';
import { auditsNeeded } from '../briefing/select.js';
import { briefingTitle } from '../briefing/tables.js';
import { ChecklistRegistry } from '../checklist/registry.js';
import { EXIT, formatProblem, inputError, problem, UserError, usageError, type Problem } from '../errors.js';
import type { ResponseRead } from '../formats/results-json.js';
import type { Result } from '../model/result.js';
import { t } from '../i18n/index.js';
import { AUDIT_MODES } from '../model/audit.js';
import { parseDate, today } from '../model/dates.js';
import { gradeNames } from '../model/checklist.js';
import { scoreResponses } from '../scoring/batch.js';
import { briefingJsonText } from '../sinks/briefing-json.js';
import { briefingMarkdown } from '../sinks/briefing-md.js';
import { briefingTerminal } from '../sinks/briefing-terminal.js';
import { levelsOf, readCenters } from '../sources/centers.js';
import { checkLevels } from '../model/level.js';
import { readResponses } from '../sources/responses.js';
import { readPlanFile } from '../formats/plan-json.js';
import { planCoverage, type Coverage } from '../plan/coverage.js';
import { coverageMarkdown, coverageText } from '../sinks/plan-coverage.js';
import { assertInputFile, extensionOf, OutputSet, writeFileAtomic } from '../util/fs.js';

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
  mode?: string[];
  force?: boolean;
  skipInvalid?: boolean;
  countyWeights?: string;
}

const OUTPUTS = ['.xlsx', '.md', '.json'];

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const { month } = opts;
  if (!isMonth(month)) throw usageError('briefing.bad-month', { value: month });
  const asOf = opts.asOf === undefined ? undefined : parseDate(opts.asOf);
  if (opts.asOf !== undefined && !asOf) throw usageError('briefing.bad-as-of', { value: opts.asOf });
  if (opts.asOf !== undefined && !opts.ledger) throw usageError('briefing.as-of-needs-ledger');
  const countyWeights = opts.countyWeights === undefined ? undefined : parseCountyWeights(opts.countyWeights);
  if (opts.countyWeights !== undefined && !countyWeights) throw usageError('briefing.bad-county-weights', { value: opts.countyWeights });
  const outputs = opts.output ?? [];
  const unsupported = outputs.filter((o) => !OUTPUTS.includes(extensionOf(o)));
  if (unsupported.length) throw new UserError(unsupported.map((path) => problem('briefing.bad-output', { path })), EXIT.usage);
  // Refuse before the work, not after it.
  const set = new OutputSet(opts.force);
  set.check(outputs);
  if (opts.ledger) assertInputFile(opts.ledger);

  const plan = opts.plan ? readPlanFile(opts.plan).plan : undefined;
  const modes = opts.mode ?? [];
  const unknownMode = modes.find((m) => !(AUDIT_MODES as readonly string[]).includes(m));
  if (unknownMode !== undefined) throw usageError('briefing.bad-mode', { value: unknownMode, modes: AUDIT_MODES.join('、') });

  const registry = new ChecklistRegistry(opts.checklist ?? []);
  const read = await readResponses(inputs, registry);
  // --mode keeps only audits made that way (e.g. the 暗访 of the month); an audit that records no mode has none.
  if (modes.length) read.responses = read.responses.filter((r) => r.audit.mode !== undefined && modes.includes(r.audit.mode));
  const centers = opts.centers ? await readCenters(opts.centers) : undefined;
  const levels = checkLevels(read.responses, centers && levelsOf(centers));
  // A draft is work in progress: left out of every figure, and named, instead of stopping the briefing.
  const drafts = levels.responses.filter((r) => r.audit.status === 'draft');
  const finals = levels.responses.filter((r) => r.audit.status === 'final');
  const scored = scoreLatest(finals, month);
  const problems = [...read.problems, ...levels.problems, ...scored.problems];
  if (problems.length && !opts.skipInvalid) throw new UserError(problems);
  if (!scored.results.some((r) => r.date.startsWith(month))) throw noAudits(month, finals.map((r) => r.audit.date));

  const briefing = buildBriefing({
    month,
    results: scored.results,
    grades: scored.grades,
    registry: centers,
    ledger: opts.ledger ? { rows: await readLedgerRows(opts.ledger), asOf: asOf ?? today() } : undefined,
    countyWeights,
    draftsLeftOut: drafts
      .filter((r) => r.audit.date.slice(0, 7) <= month)
      .map(({ audit }) => ({ code: audit.center.code, name: audit.center.name, date: audit.date, source: audit.source }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code)),
  });
  const title = briefingTitle(briefing, opts.title);
  // Audits after the month are not known to its briefing.
  const coverage = plan ? planCoverage(plan, read.responses.map((r) => r.audit), centers, `${month}-31`) : undefined;

  // All outputs or none: each is written to a temp file, then they are renamed together.
  await set.writeAll(outputs, (temp, path) => write(temp, extensionOf(path), briefing, title, coverage));
  process.stdout.write(`${briefingTerminal(briefing, title)}\n`);
  if (coverage) process.stdout.write(`\n${coverageText(coverage, centers !== undefined)}`);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`${t('briefing.skipped', { count: problems.length })}\n`);
  }
  for (const path of outputs) process.stderr.write(`${t('briefing.wrote', { path })}\n`);
}

/**
 * Scores each center's latest audit in the month and before it (a year of archives costs one
 * read, not twelve scorings). An audit that cannot be scored is a problem, and the center's
 * next latest one takes its place, so --skip-invalid falls back to the last valid audit.
 */
function scoreLatest(responses: ResponseRead[], month: string): { results: Result[]; grades: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let candidates = responses;
  for (;;) {
    const needed = auditsNeeded(candidates, month, (r) => ({ code: r.audit.center.code, date: r.audit.date, status: r.audit.status }));
    const failed = new Set<ResponseRead>();
    const results: Result[] = [];
    for (const response of needed) {
      const scored = scoreResponses([response]);
      results.push(...scored.results);
      if (scored.problems.length) failed.add(response);
      problems.push(...scored.problems);
    }
    if (failed.size === 0) return { results, grades: gradeNames(needed.map((r) => r.checklist)), problems };
    candidates = candidates.filter((r) => !failed.has(r));
  }
}

function noAudits(month: string, dates: string[]): UserError {
  const sorted = [...dates].sort();
  return inputError('briefing.no-audits', { month, count: dates.length, first: sorted[0] ?? '—', last: sorted[sorted.length - 1] ?? '—' });
}

/** The ledger reader needs exceljs: loaded only when a ledger is given. */
async function readLedgerRows(file: string) {
  const { readLedger } = await import('../formats/ledger-workbook.js');
  return readLedger(file);
}

/** Writes one output's content (of kind `ext`) to `temp`, a staged file of the command's output set. */
async function write(temp: string, ext: string, b: Briefing, title: string, coverage?: Coverage): Promise<void> {
  if (ext === '.json') writeFileAtomic(temp, briefingJsonText(b, title), { force: true });
  if (ext === '.md') writeFileAtomic(temp, coverage ? `${briefingMarkdown(b, title)}\n${coverageMarkdown(coverage)}` : briefingMarkdown(b, title), { force: true });
  if (ext === '.xlsx') {
    // exceljs costs a quarter second to load: only when a workbook is asked for.
    const { writeBriefingXlsx } = await import('../sinks/briefing-xlsx.js');
    await writeBriefingXlsx(temp, b, title, { force: true });
  }
}
