import { ChecklistRegistry } from '../checklist/registry.js';
import { UserError } from '../errors.js';
import { readPlanFile } from '../formats/plan-json.js';
import { planCoverage } from '../plan/coverage.js';
import { coverageText } from '../sinks/plan-coverage.js';
import { readCenters } from '../sources/centers.js';
import { readResponses } from '../sources/responses.js';

interface Options {
  centers?: string;
  checklist?: string[];
  json?: boolean;
}

/** `zongzhi plan status plan.json <results…>`: planned vs audited, not yet done, and centers left uninspected for a year. */
export default async function run(planFile: string, inputs: string[], opts: Options): Promise<void> {
  const { plan } = readPlanFile(planFile);
  const read = await readResponses(inputs, new ChecklistRegistry(opts.checklist ?? []));
  if (read.problems.length) throw new UserError(read.problems);
  const result = planCoverage(plan, read.responses.map((r) => r.audit), opts.centers ? await readCenters(opts.centers) : undefined);
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : coverageText(result, opts.centers !== undefined));
}
