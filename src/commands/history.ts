import { ChecklistRegistry } from '../checklist/registry.js';
import { inputError, UserError, usageError } from '../errors.js';
import { centerHistory } from '../history/model.js';
import { t } from '../i18n/index.js';
import { isCenterCode } from '../model/audit.js';
import { normalizeText } from '../model/text.js';
import { scoreResponses } from '../scoring/batch.js';
import { historyJsonText } from '../sinks/history-json.js';
import { historyMarkdown, historyTerminal } from '../sinks/history-text.js';
import { readResponses } from '../sources/responses.js';
import { assertWritable, extensionOf, writeFileAtomic } from '../util/fs.js';

interface Options {
  ledger?: string;
  checklist?: string[];
  output?: string[];
  force?: boolean;
}

const OUTPUTS = ['.xlsx', '.md', '.json'];

/** `zongzhi history <code> <inputs…> [--ledger F] [-o …]`: one center over time. */
export default async function run(rawCode: string, inputs: string[], opts: Options): Promise<void> {
  const code = normalizeText(rawCode);
  if (!isCenterCode(code)) throw usageError('history.bad-code', { code: rawCode });
  const outputs = opts.output ?? [];
  const unsupported = outputs.filter((o) => !OUTPUTS.includes(extensionOf(o)));
  if (unsupported.length) throw new UserError(unsupported.map((path) => ({ code: 'history.bad-output', message: t('history.bad-output', { path }) })), 2);
  for (const path of outputs) assertWritable(path, opts.force);

  const read = await readResponses(inputs, new ChecklistRegistry(opts.checklist ?? []));
  // Inputs are read as `score` reads them: any problem in them is listed and stops the command.
  const scored = scoreResponses(read.responses.filter((r) => r.audit.center.code === code));
  const problems = [...read.problems, ...scored.problems];
  if (problems.length) throw new UserError(problems);
  const ledger = opts.ledger ? await (await import('../formats/ledger-workbook.js')).readLedger(opts.ledger) : [];
  const history = centerHistory(code, scored.results, ledger);
  if (!history) throw inputError('history.none', { code, count: read.responses.length });

  for (const path of outputs) {
    const ext = extensionOf(path);
    if (ext === '.json') writeFileAtomic(path, historyJsonText(history), { force: opts.force });
    if (ext === '.md') writeFileAtomic(path, historyMarkdown(history), { force: opts.force });
    if (ext === '.xlsx') await (await import('../sinks/history-xlsx.js')).writeHistoryXlsx(path, history, { force: opts.force });
  }
  if (outputs.length === 0) process.stdout.write(`${historyTerminal(history)}\n`);
  for (const path of outputs) process.stderr.write(`${t('history.wrote', { path })}\n`);
}
