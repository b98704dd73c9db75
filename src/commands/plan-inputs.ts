import { ChecklistRegistry } from '../checklist/registry.js';
import { EXIT, problem, usageError, UserError, type Problem } from '../errors.js';
import { placeName } from '../model/audit.js';
import { parseDate } from '../model/dates.js';
import { excludedDates } from '../plan/calendar.js';
import type { PlanProblem, PlanSettings } from '../plan/model.js';
import type { PlanInput } from '../plan/plan.js';
import type { LastAudit } from '../plan/risk.js';
import { parseSample } from '../plan/select.js';
import { scoreResponses } from '../scoring/batch.js';
import { readCenters, type CenterEntry } from '../sources/centers.js';
import { readInspectors } from '../sources/inspectors.js';
import { readResponses } from '../sources/responses.js';

/** The options `plan` and `plan verify` share: the same options give the same plan. */
export interface PlanOptions {
  quarter: string;
  centers: string;
  inspectors: string;
  seed: string;
  history?: string[];
  ledger?: string;
  sample: string;
  counties: 'all' | 'none';
  must?: string[];
  teamSize: string;
  perDay: string;
  mode: string;
  noticeDays: string;
  exclude?: string[];
  asOf?: string;
  checklist?: string[];
}

/** Every option checked (usage errors, all listed) before any file is read. */
export function planSettings(opts: PlanOptions): PlanSettings {
  const problems: Problem[] = [];
  if (!parseSample(opts.sample)) problems.push(problem('plan.bad-sample', { value: opts.sample }));
  const whole = (option: string, value: string, min: number) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min) problems.push(problem('plan.bad-number', { option, value }));
    return n;
  };
  const teamSize = whole('--team-size', opts.teamSize, 1);
  const perDay = whole('--per-day', opts.perDay, 1);
  const noticeDays = whole('--notice-days', opts.noticeDays, 0);
  const covert = covertShare(opts.mode);
  if (covert === undefined) problems.push(problem('plan.bad-mode', { value: opts.mode }));
  const exclude = excludedDates(opts.exclude ?? []);
  if ('bad' in exclude) problems.push(problem('plan.bad-exclude', { value: exclude.bad }));
  if (opts.asOf !== undefined && !parseDate(opts.asOf)) problems.push(problem('plan.bad-as-of', { value: opts.asOf }));
  if (problems.length) throw new UserError(problems, EXIT.usage);
  const must = [...new Set((opts.must ?? []).flatMap((m) => m.split(/[,，、\s]+/)).filter(Boolean))].sort();
  return { sample: opts.sample.trim(), counties: opts.counties, must, teamSize, perDay, covert: covert!, noticeDays, exclude: 'dates' in exclude ? exclude.dates : [] };
}

/** 明察 → 0, 暗访 → 1, 暗访:30% → 0.3 (English open/covert too); undefined otherwise. */
function covertShare(mode: string): number | undefined {
  const s = mode.trim().replace(/％/g, '%').replace(/：/g, ':');
  if (s === '明察' || s === 'open') return 0;
  if (s === '暗访' || s === 'covert') return 1;
  const m = /^(?:暗访|covert)[:=](\d+(?:\.\d+)?)%$/.exec(s);
  if (!m || Number(m[1]) > 100) return undefined;
  return Number(m[1]) / 100;
}

/** Reads the registry, roster, history and ledger the options name. */
export async function readPlanInput(opts: PlanOptions, settings: PlanSettings): Promise<PlanInput> {
  if (!opts.seed.trim()) throw usageError('plan.empty-seed');
  const registry = await readCenters(opts.centers);
  const counties = new Map(registry.filter((c) => c.level === 'county').map((c) => [placeName(c.name), c.code]));
  const inspectors = await readInspectors(opts.inspectors, counties);
  return {
    quarter: opts.quarter,
    seed: opts.seed,
    registry,
    inspectors,
    settings,
    asOf: opts.asOf === undefined ? undefined : parseDate(opts.asOf),
    history: opts.history?.length ? await readHistory(opts.history, opts.checklist ?? [], registry) : undefined,
    ledger: opts.ledger ? await readLedgerRows(opts.ledger) : undefined,
  };
}

/** Each final audit among the history as what the risk weights need; drafts are not results yet. */
async function readHistory(paths: string[], checklists: string[], registry: readonly CenterEntry[]): Promise<LastAudit[]> {
  const read = await readResponses(paths, new ChecklistRegistry(checklists));
  if (read.problems.length) throw new UserError(read.problems);
  const known = new Set(registry.map((c) => c.code));
  const finals = read.responses.filter((r) => r.audit.status === 'final' && known.has(r.audit.center.code));
  const audits: LastAudit[] = [];
  for (const response of finals) {
    const scored = scoreResponses([response]);
    if (scored.problems.length) throw new UserError(scored.problems);
    const result = scored.results[0];
    const { checklist } = response;
    audits.push({
      code: result.center.code,
      date: result.date,
      percent: (result.total / checklist.total.toNumber()) * 100,
      failed: result.veto.length > 0 || result.grade === checklist.grades[checklist.grades.length - 1].name,
    });
  }
  return audits;
}

/** The ledger reader needs exceljs: loaded only when a ledger is given. */
async function readLedgerRows(file: string) {
  const { readLedger } = await import('../formats/ledger-workbook.js');
  return readLedger(file);
}

/** A planning problem as the user sees it: about the roster → the roster file is its place. */
export function planProblems(problems: PlanProblem[], opts: PlanOptions): UserError {
  return new UserError(problems.map((p) => problem(p.code, p.params, p.input === 'inspectors' ? { file: opts.inspectors } : {})));
}
