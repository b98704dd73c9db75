import { usageError } from '../errors.js';
import { loadLedger } from '../formats/ledger-workbook.js';
import { extensionsOf } from '../ledger/extension.js';
import type { MergeLogEntry } from '../ledger/ledger.js';
import { t } from '../i18n/index.js';
import { ledgerProgress, overdueRows, type OverdueRow, type Progress } from '../ledger/progress.js';
import { parseDate, today } from '../model/dates.js';
import { progressJson } from '../sinks/progress-json.js';
import { renderTable } from '../sinks/terminal.js';
import { countyNames, readCenters } from '../sources/centers.js';
import { assertInputFile } from '../util/fs.js';

interface Options {
  asOf?: string;
  json?: boolean;
  centers?: string;
}

/** `zongzhi ledger status <ledger.xlsx> [--as-of D] [--json]`: progress per county, then the overdue list. */
export default async function run(ledgerFile: string, opts: Options): Promise<void> {
  const asOf = opts.asOf === undefined ? today() : parseDate(opts.asOf);
  if (!asOf) throw usageError('ledger.status.bad-as-of', { value: String(opts.asOf) });
  assertInputFile(ledgerFile);
  const { rows, log } = await loadLedger(ledgerFile);
  const names = opts.centers ? countyNames(await readCenters(opts.centers)) : undefined;
  const progress = ledgerProgress(rows, asOf, names);
  const overdue = overdueRows(rows, asOf);
  const extended = extensionsOf(log);
  if (opts.json) {
    const json = { format: 1, asOf, counties: progress.counties.map((p) => progressJson(p, countyJson(p.county, p.label))), total: progressJson(progress.total), overdue: overdue.map(overdueJson), extended: extended.map(extensionJson) };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const lines = [t('ledger.status.title', { asOf }), progressTable([...progress.counties, { ...progress.total, label: t('ledger.status.total') }]), ''];
  if (overdue.length === 0) lines.push(t('ledger.status.no-overdue'));
  else lines.push(t('ledger.status.overdue-title', { count: overdue.length }), overdueTable(overdue.slice(0, OVERDUE_SHOWN)));
  if (overdue.length > OVERDUE_SHOWN) lines.push(t('ledger.status.overdue-more', { count: overdue.length - OVERDUE_SHOWN }));
  if (extended.length) lines.push('', t('ledger.status.extended-title', { count: extended.length }), extendedTable(extended));
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A terminal shows the worst cases; the whole list is in --json (a table of thousands is unreadable, and slow to lay out). */
const OVERDUE_SHOWN = 100;

function progressTable(rows: Progress[]): string {
  const number = (key: string) => ({ header: t(`ledger.status.${key}`), align: 'right' as const });
  return renderTable(
    [{ header: t('ledger.status.county') }, ...['findings', 'open', 'in-progress', 'fixed', 'closed', 'rebound', 'overdue', 'closed-rate'].map(number)],
    rows.map((p) => [p.label, p.findings, p.open, p.inProgress, p.fixed, p.closed, p.rebound, p.overdue, p.closureRatePercent === null ? '—' : `${p.closureRatePercent.toFixed(1)}%`]),
  );
}

function overdueTable(rows: OverdueRow[]): string {
  return renderTable(
    [
      { header: t('ledger.status.id') },
      { header: t('ledger.status.center'), width: 20 },
      { header: t('ledger.status.problem'), width: 30 },
      { header: t('ledger.status.owner'), width: 14 },
      { header: t('ledger.status.deadline') },
      { header: t('ledger.status.state') },
      { header: t('ledger.status.days'), align: 'right' },
    ],
    rows.map(({ row, daysOverdue }) => [row.id, row.centerName, row.problem, row.owner, row.deadline, row.status, daysOverdue]),
  );
}

// The JSON follows the convention of the briefing JSON (README, "JSON 输出的约定"): camelCase,
// a center or county as {code, name}, percentages in percent as `…Percent`, null for "—".

/** 所属县 as the ledger shows it, "999902 乙县" or "999902", as {code, name}. */
function countyJson(code: string, label: string) {
  return { code, name: label.startsWith(code) ? label.slice(code.length).trim() : label };
}


function overdueJson({ row, daysOverdue }: OverdueRow) {
  const county = row.centerCode.slice(0, 6);
  return {
    id: row.id,
    center: { code: row.centerCode, name: row.centerName },
    county: countyJson(county, row.county),
    problem: row.problem,
    owner: row.owner,
    deadline: row.deadline,
    status: row.status,
    daysOverdue,
  };
}

/** 延期: every deadline moved under an approved extension, as 合并记录 holds them. */
function extendedTable(entries: MergeLogEntry[]): string {
  return renderTable(
    [{ header: t('ledger.status.id') }, { header: t('ledger.status.extended-from') }, { header: t('ledger.status.extended-to') }, { header: t('ledger.status.extended-when') }, { header: t('ledger.status.extended-file'), width: 30 }],
    entries.map((e) => [e.id, e.from, e.to, e.time, e.file]),
  );
}

function extensionJson(e: MergeLogEntry) {
  return { id: e.id, from: e.from, to: e.to, time: e.time, file: e.file };
}
