import { ChecklistRegistry } from '../checklist/registry.js';
import { EXIT, formatProblem, UserError, type Problem } from '../errors.js';
import { loadLedger, readLedgerCopy, writeLedger } from '../formats/ledger-workbook.js';
import { t } from '../i18n/index.js';
import type { Ledger, LedgerChange } from '../ledger/ledger.js';
import { mergeLedger, type LedgerCopy } from '../ledger/merge.js';
import { columnOf } from '../ledger/model.js';
import { countyNames, levelsOf, readCenters } from '../sources/centers.js';
import { RESPONSE_EXTENSIONS } from '../sources/responses.js';
import { readScoredResults } from '../sources/results.js';
import { assertInputFile, collectInputs, extensionOf } from '../util/fs.js';
import { mergeUnderLock } from '../util/lock.js';
import { localDateTime } from '../model/dates.js';
import { countyNamesOf } from '../model/audit.js';

interface Options {
  output: string;
  checklist?: string[];
  centers?: string;
  force?: boolean;
}

/**
 * `zongzhi ledger merge <ledger.xlsx> <updates…> -o merged.xlsx`: units' edited copies
 * and new results into the ledger. Any problem anywhere and nothing is written.
 */
export default async function run(ledgerFile: string, updates: string[], opts: Options): Promise<void> {
  assertInputFile(ledgerFile);
  let changes: LedgerChange[] = [];
  const written = await mergeUnderLock({ master: ledgerFile, output: opts.output, force: opts.force }, { locked: 'ledger.locked', changed: 'ledger.changed-since-read' }, async () => {
    const merged = await mergeInto(ledgerFile, updates, opts);
    if (!merged) return undefined;
    changes = merged.changes;
    return (temp) => writeLedger(temp, merged.ledger, { force: true });
  });
  if (!written) return;
  for (const change of changes) process.stdout.write(`${describe(change)}\n`);
  process.stderr.write(`${summary(changes, opts.output)}\n`);
}

/** The merged ledger, or undefined when anything is wrong (every problem reported, exit code set). */
async function mergeInto(ledgerFile: string, updates: string[], opts: Options): Promise<{ ledger: Ledger; changes: LedgerChange[] } | undefined> {
  const ledger = await loadLedger(ledgerFile);
  const copies: LedgerCopy[] = [];
  const responses: string[] = [];
  const unreadable: Problem[] = [];
  for (const file of collectInputs(updates, RESPONSE_EXTENSIONS)) {
    try {
      // A workbook is a ledger copy when it has a ledger sheet; otherwise it may be a filled-in audit template.
      const copy = extensionOf(file) === '.xlsx' ? await readLedgerCopy(file) : undefined;
      if (copy) copies.push(copy);
      else responses.push(file);
    } catch (e) {
      // One unreadable copy is one problem among the others, all listed together.
      if (!(e instanceof UserError)) throw e;
      unreadable.push(...e.problems);
    }
  }
  const centers = opts.centers ? await readCenters(opts.centers) : undefined;
  const audits = responses.length ? await readScoredResults(responses, new ChecklistRegistry(opts.checklist ?? []), centers && levelsOf(centers)) : { audits: [], problems: [] };
  const names = new Map([...countyNamesOf(ledger.rows.map((r) => ({ code: r.centerCode, name: r.centerName }))), ...countyNamesOf(audits.audits.map((a) => a.result.center)), ...(centers ? countyNames(centers) : [])]);
  const outcome = mergeLedger({ ledger, ledgerFile, copies, audits: audits.audits, time: localDateTime(new Date()), countyNames: names });
  for (const notice of outcome.notices) process.stderr.write(`${formatProblem(notice)}\n`);
  const problems = [...unreadable, ...audits.problems, ...(outcome.ok ? [] : outcome.problems)];
  if (problems.length || !outcome.ok) {
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`${t('ledger.merge.not-written', { count: problems.length })}\n`);
    process.exitCode = EXIT.invalid;
    return undefined;
  }
  return outcome;
}

function describe(c: LedgerChange): string {
  const source = c.reason === 'review' ? `${c.source} [${t('ledger.merge.review')}]` : c.source;
  if (!c.field) return t('ledger.merge.added', { source, id: c.id, problem: c.to });
  return t('ledger.merge.changed', { source, id: c.id, field: columnOf(c.field).header, from: c.from, to: c.to });
}

function summary(changes: LedgerChange[], path: string): string {
  if (changes.length === 0) return t('ledger.merge.nothing', { path });
  const fields = changes.filter((c) => c.field);
  return t('ledger.merge.summary', { rows: new Set(fields.map((c) => c.id)).size, fields: fields.length, added: changes.length - fields.length, path });
}
