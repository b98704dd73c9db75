import { EXIT, problem, usageError, UserError } from '../errors.js';
import { t } from '../i18n/index.js';
import { quarterRange } from '../plan/calendar.js';
import type { Plan } from '../plan/model.js';
import { buildPlan } from '../plan/plan.js';
import { planTitle } from '../plan/tables.js';
import { planJsonText } from '../formats/plan-json.js';
import { planMarkdown } from '../sinks/plan-md.js';
import { levelChecklists, planForms, planStubs } from '../sinks/plan-stubs.js';
import { assertWritable, extensionOf, writeFileAtomic } from '../util/fs.js';
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
  // Every path is checked before anything is written: a refusal leaves nothing behind.
  for (const file of [...stubs, ...forms]) assertWritable(file.path, opts.force);
  for (const path of outputs) await write(path, plan, opts.force);
  for (const stub of stubs) writeFileAtomic(stub.path, stub.text, { force: opts.force });
  if (forms.length) {
    const { writeFormTemplate } = await import('../formats/fill-in-workbook.js');
    for (const form of forms) await writeFormTemplate(form.path, form.checklist, form.center, { force: opts.force });
  }
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

async function write(path: string, plan: Plan, force?: boolean): Promise<void> {
  const ext = extensionOf(path);
  if (ext === '.json') writeFileAtomic(path, planJsonText(plan), { force });
  if (ext === '.md') writeFileAtomic(path, planMarkdown(plan), { force });
  if (ext === '.xlsx') {
    // exceljs costs a quarter second to load: only when a workbook is asked for.
    const { writePlanXlsx } = await import('../formats/plan-workbook.js');
    await writePlanXlsx(path, plan, { force });
  }
}
