import type { Command } from 'commander';
import { EXIT, inputError, problem, usageError, UserError, type Problem } from '../errors.js';
import { readPlanFile } from '../formats/plan-json.js';
import { t } from '../i18n/index.js';
import { comparePlans, type Difference, type RecordedPlan } from '../plan/compare.js';
import { extensionOf } from '../util/fs.js';
import type { PlanOptions } from './plan-inputs.js';
import { derivePlan } from './plan.js';

/**
 * `zongzhi plan verify <plan> <options>`: derives the plan again from the same options
 * and seed, and compares. Exit 0 when they match; 1 with every difference, located.
 */
export default async function run(file: string, _own: unknown, cmd: Command): Promise<void> {
  const opts = cmd.parent!.opts() as PlanOptions & { output?: string[]; stubs?: string; forms?: string };
  // Verify writes nothing: an output option here is a mistake worth saying, not ignoring.
  if (opts.output || opts.stubs || opts.forms) throw usageError('verify.no-output');
  const recorded = await readRecorded(file);
  const derived = await derivePlan(opts);
  const diffs = comparePlans(recorded, derived);
  if (diffs.length) {
    const problems = diffs.map(describe);
    throw new UserError([...problems, problem('verify.summary', { file, count: diffs.length })], EXIT.invalid);
  }
  process.stdout.write(`${t('verify.ok', { file, count: derived.visits.length })}\n`);
}

async function readRecorded(file: string): Promise<RecordedPlan> {
  if (extensionOf(file) !== '.xlsx') return readPlanFile(file).recorded;
  const { readPlanWorkbook } = await import('../formats/plan-workbook.js');
  const recorded = await readPlanWorkbook(file);
  if (!recorded) throw inputError('verify.not-plan', { file }, { file });
  return recorded;
}

function describe(d: Difference): Problem {
  switch (d.kind) {
    case 'seed':
    case 'quarter':
      return problem(`verify.${d.kind}`, { recorded: d.recorded, given: d.given }, d.place);
    case 'missing':
      return problem('verify.missing', { code: d.visit.center.code, name: d.visit.center.name, reason: t(`plan.reason.${d.visit.reason}`) }, d.place);
    case 'extra':
      return problem('verify.extra', { code: d.code }, d.place);
    case 'field':
      return problem('verify.field', { code: d.code, field: t(`plan.col.${d.field}`), recorded: d.recorded, derived: d.derived }, d.place);
  }
}
