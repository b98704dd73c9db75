import { EXIT, problem, usageError, UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import { quarterRange } from '../plan/calendar.js';
import type { Plan } from '../plan/model.js';
import { buildPlan } from '../plan/plan.js';
import { planTitle } from '../plan/tables.js';
import { planJsonText } from '../formats/plan-json.js';
import { planMarkdown } from '../sinks/plan-md.js';
import { levelChecklists, planForms, planStubs } from '../sinks/plan-stubs.js';
import { assertWritable, extensionOf, OutputSet, writeFileAtomic } from '../util/fs.js';
import { planProblems, planSettings, readPlanInput, type PlanOptions } from './plan-inputs.js';

interface Options extends PlanOptions {
  output?: string[];
  stubs?: string;
  forms?: string;
  force?: boolean;
}

const OUTPUTS = ['.xlsx', '.md', '.json'];
const REQUIRED = [
  ['quarter', '--quarter <YYYYQn>'],
  ['centers', '--centers <file>'],
  ['inspectors', '--inspectors <file>'],
  ['seed', '--seed <text>'],
] as const;

export default async function run(opts: Options): Promise<void> {
  const plan = await derivePlan(opts);
  const outputs = opts.output ?? [];
  const checklists = opts.stubs || opts.forms ? levelChecklists(opts.checklist ?? []) : [];
  const stubs = opts.stubs ? planStubs(opts.stubs, plan, checklists) : [];
  const forms = opts.forms ? planForms(opts.forms, plan, checklists) : [];
  // The plan, its stubs and its forms: all written, or none (a refusal or failure leaves nothing behind).
  const files = new Map<string, (temp: string) => Promise<void> | void>();
  for (const path of outputs) files.set(path, (temp) => write(temp, extensionOf(path), plan));
  for (const stub of stubs) files.set(stub.path, (temp) => writeFileAtomic(temp, stub.text, { force: true }));
  if (forms.length) {
    const { writeFormTemplate } = await import('../formats/fill-in-workbook.js');
    for (const form of forms) files.set(form.path, (temp) => writeFormTemplate(temp, form.checklist, form.center, { force: true }));
  }
  const set = new OutputSet(opts.force);
  set.check([...files.keys()]);
  await set.writeAll([...files.keys()], (temp, path) => files.get(path)!(temp));
  process.stdout.write(`${planTitle(plan)}\n${summary(plan)}\n`);
  for (const path of outputs) process.stderr.write(`${t('plan.wrote', { path })}\n`);
  if (opts.stubs) process.stderr.write(`${t('plan.stubs-wrote', { dir: opts.stubs, count: stubs.length })}\n`);
  if (opts.forms) process.stderr.write(`${t('template.wrote-many', { dir: opts.forms, count: forms.length })}\n`);
}

/** Checks the options, refuses existing outputs, reads the inputs and builds the plan; nothing is written. */
export async function derivePlan(opts: Options): Promise<Plan> {
  const missing = REQUIRED.filter(([key]) => opts[key] === undefined);
  if (missing.length) throw new UserError(missing.map(([, name]) => problem('plan.missing-option', { name })), EXIT.usage);
  if (!quarterRange(opts.quarter)) throw usageError('plan.bad-quarter', { value: opts.quarter });
  const settings = planSettings(opts);
  const outputs = opts.output ?? [];
  const unsupported = outputs.filter((o) => !OUTPUTS.includes(extensionOf(o)));
  if (unsupported.length) throw new UserError(unsupported.map((path) => problem('plan.bad-output', { path })), EXIT.usage);
  // Refuse before the work, not after it.
  for (const path of outputs) assertWritable(path, opts.force);
  const outcome = buildPlan(await readPlanInput(opts, settings));
  if (!outcome.ok) throw planProblems(outcome.problems, opts);
  return outcome.plan;
}

function summary(plan: Plan): string {
  const count = (f: (v: Plan['visits'][number]) => boolean) => plan.visits.filter(f).length;
  return t('plan.summary', {
    quarter: plan.quarter,
    visits: plan.visits.length,
    counties: count((v) => v.center.level === 'county'),
    townships: count((v) => v.center.level === 'township'),
    must: count((v) => v.reason === 'must'),
    covert: count((v) => v.mode === '暗访'),
    teams: plan.teams.length,
    start: plan.visits[0]?.date ?? plan.start,
    end: plan.visits[plan.visits.length - 1]?.date ?? plan.end,
  });
}

/** Writes the plan in the format `ext` names to `temp`, a staged file of an OutputSet. */
async function write(temp: string, ext: string, plan: Plan): Promise<void> {
  if (ext === '.json') writeFileAtomic(temp, planJsonText(plan), { force: true });
  if (ext === '.md') writeFileAtomic(temp, planMarkdown(plan), { force: true });
  if (ext === '.xlsx') {
    // exceljs costs a quarter second to load: only when a workbook is asked for.
    const { writePlanXlsx } = await import('../formats/plan-workbook.js');
    await writePlanXlsx(temp, plan, { force: true });
  }
}
