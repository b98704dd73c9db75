import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputError } from '../errors.js';
import { loadLedger, writeLedger } from '../formats/ledger-workbook.js';
import { t } from '../i18n/index.js';
import { splitLedger, type LedgerPart, type SplitBy } from '../ledger/split.js';
import { assertWritable } from '../util/fs.js';
import { safeFileName } from '../util/file-name.js';

interface Options {
  by: SplitBy;
  output: string;
  force?: boolean;
}

/**
 * `zongzhi ledger split <ledger.xlsx> --by county|owner -o <dir>`: one copy per county or per
 * 责任单位 holding only its rows, with the same fingerprints, so `ledger merge` takes them back.
 */
export default async function run(ledgerFile: string, opts: Options): Promise<void> {
  const ledger = await loadLedger(ledgerFile);
  const parts = splitLedger(ledger.rows, opts.by);
  if (parts.length === 0) throw inputError('ledger.split.empty', { path: ledgerFile }, { file: ledgerFile });
  const files = new Map(parts.map((part) => [join(opts.output, fileNameOf(part, opts.by)), part]));
  // Refuse before writing anything, not halfway through.
  for (const file of files.keys()) assertWritable(file, opts.force);
  mkdirSync(opts.output, { recursive: true });
  for (const [file, part] of files) {
    await writeLedger(file, { rows: part.rows, log: [] }, { force: opts.force });
    process.stderr.write(`${t('ledger.split.wrote', { path: file, label: part.label, rows: part.rows.length })}\n`);
  }
}

/** 999901-甲区.xlsx for a county, 县委政法委.xlsx for a unit. */
function fileNameOf(part: LedgerPart, by: SplitBy): string {
  if (by === 'owner') return `${safeFileName(part.label)}.xlsx`;
  return part.label === part.key ? `${part.key}.xlsx` : `${part.key}-${safeFileName(part.label)}.xlsx`;
}
