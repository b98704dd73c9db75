import { ChecklistRegistry } from '../checklist/registry.js';
import { UserError, type Problem } from '../errors.js';
import { writeLedger } from '../formats/ledger-workbook.js';
import { t } from '../i18n/index.js';
import { addAudits, type SourcedResult } from '../ledger/audits.js';
import { scoreResponses } from '../scoring/batch.js';
import { readCenters } from '../sources/centers.js';
import { readResponses } from '../sources/responses.js';
import { assertWritable } from '../util/fs.js';

interface Options {
  output: string;
  checklist?: string[];
  centers?: string;
  force?: boolean;
}

/** `zongzhi ledger build <inputs…> -o ledger.xlsx`: one row per finding of every result. */
export default async function run(inputs: string[], opts: Options): Promise<void> {
  // Refuse before the work, not after it.
  assertWritable(opts.output, opts.force);
  const read = await readAudits(inputs, new ChecklistRegistry(opts.checklist ?? []));
  if (read.problems.length) throw new UserError(read.problems);
  const countyNames = opts.centers ? await countyNamesFrom(opts.centers) : undefined;
  const built = addAudits([], read.audits, { countyNames });
  if (built.problems.length) throw new UserError(built.problems);
  await writeLedger(opts.output, { rows: built.rows, log: [] }, { force: opts.force });
  if (built.rows.length === 0) process.stderr.write(`${t('ledger.build.no-findings')}\n`);
  const centers = new Set(built.rows.map((r) => r.centerCode)).size;
  process.stderr.write(`${t('ledger.build.wrote', { path: opts.output, centers, rows: built.rows.length })}\n`);
}

/**
 * Every response among `paths` scored, each with the file it came from (for the merge
 * record); responses that cannot be read or scored are problems, all of them listed.
 */
export async function readAudits(paths: string[], registry: ChecklistRegistry): Promise<{ audits: SourcedResult[]; problems: Problem[] }> {
  const read = await readResponses(paths, registry);
  const problems: Problem[] = [...read.problems];
  const audits: SourcedResult[] = [];
  for (const response of read.responses) {
    const scored = scoreResponses([response]);
    problems.push(...scored.problems);
    for (const result of scored.results) audits.push({ result, source: response.audit.source });
  }
  return { audits, problems };
}

/** County names by code from a centers registry: its county-level entries, without the 综治中心 suffix. */
export async function countyNamesFrom(file: string): Promise<Map<string, string>> {
  const centers = await readCenters(file);
  return new Map(centers.filter((c) => c.level === 'county').map((c) => [c.code, c.name.replace(/综治中心$/, '') || c.name]));
}

