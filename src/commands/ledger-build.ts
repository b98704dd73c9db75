import { ChecklistRegistry } from '../checklist/registry.js';
import { UserError } from '../errors.js';
import { writeLedger } from '../formats/ledger-workbook.js';
import { t } from '../i18n/index.js';
import { addAudits } from '../ledger/audits.js';
import { countyNames, levelsOf, readCenters } from '../sources/centers.js';
import { readScoredResults } from '../sources/results.js';
import { assertWritable, prepareOutputDir } from '../util/fs.js';
import { acquireLock } from '../util/lock.js';
import { countyNamesOf } from '../model/audit.js';

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
  const centers = opts.centers ? await readCenters(opts.centers) : undefined;
  const read = await readScoredResults(inputs, new ChecklistRegistry(opts.checklist ?? []), centers && levelsOf(centers));
  if (read.problems.length) throw new UserError(read.problems);
  // The registry is the committee's own list: its names win over those the audits carry.
  const names = new Map([...countyNamesOf(read.audits.map((a) => a.result.center)), ...(centers ? countyNames(centers) : [])]);
  const built = addAudits([], read.audits, { countyNames: names });
  if (built.problems.length) throw new UserError(built.problems);
  // A build over a ledger (--force) while a unit's update is merged into it would silently undo one of the two.
  // The lock lives beside the ledger: its folder is made (or refused, located) first.
  prepareOutputDir(opts.output);
  const lock = acquireLock(opts.output, 'ledger.build.locked');
  try {
    await writeLedger(opts.output, { rows: built.rows, log: [] }, { force: opts.force });
  } finally {
    lock.release();
  }
  if (built.rows.length === 0) process.stderr.write(`${t('ledger.build.no-findings')}\n`);
  const audited = new Set(built.rows.map((r) => r.centerCode)).size;
  process.stderr.write(`${t('ledger.build.wrote', { path: opts.output, centers: audited, rows: built.rows.length })}\n`);
}
