import { ChecklistRegistry } from '../checklist/registry.js';
import { UserError } from '../errors.js';
import { readPlanFile } from '../formats/plan-json.js';
import { t } from '../i18n/index.js';
import { coverage, type AuditSeen, type Coverage } from '../plan/coverage.js';
import { teamName } from '../plan/tables.js';
import { renderTable } from '../sinks/terminal.js';
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
  const audits: AuditSeen[] = read.responses.filter((r) => r.audit.status === 'final').map((r) => ({ code: r.audit.center.code, name: r.audit.center.name, date: r.audit.date }));
  const planned = plan.visits.map((v) => ({ code: v.center.code, name: v.center.name, date: v.date, team: v.team }));
  const universe = opts.centers ? await readCenters(opts.centers) : knownCenters(planned, audits);
  const result = coverage(plan.quarter, planned, audits, universe);
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : statusText(result, opts.centers !== undefined));
}

/** Without a registry, the centers the plan and the audits name. */
function knownCenters(planned: { code: string; name: string }[], audits: AuditSeen[]) {
  const byCode = new Map<string, { code: string; name: string }>();
  for (const c of [...planned, ...audits]) if (!byCode.has(c.code)) byCode.set(c.code, { code: c.code, name: c.name });
  return [...byCode.values()];
}

function statusText(c: Coverage, registry: boolean): string {
  const rate = c.planned ? `${((c.done.length / c.planned) * 100).toFixed(1)}%` : '—';
  const lines = [t('status.title', { quarter: c.quarter }), t('status.summary', { planned: c.planned, done: c.done.length, open: c.open.length, rate }), ''];
  lines.push(t('status.table.open'));
  if (c.open.length) {
    const columns = [{ header: t('plan.col.date') }, { header: t('plan.col.team') }, { header: t('plan.col.code') }, { header: t('plan.col.name') }];
    lines.push(renderTable(columns, c.open.map((v) => [v.date, teamName(v.team), v.code, v.name])));
  } else lines.push(t('status.none-open'));
  lines.push('', t('status.table.stale'));
  if (c.stale.length) {
    const columns = [{ header: t('plan.col.code') }, { header: t('plan.col.name') }, { header: t('status.col.last') }];
    lines.push(renderTable(columns, c.stale.map((s) => [s.code, s.name, s.last ?? t('status.never')])));
  } else lines.push(t('status.none-stale'));
  if (!registry) lines.push(t('status.no-registry'));
  return `${lines.join('\n')}\n`;
}
