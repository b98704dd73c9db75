import { draftPath } from '../audit/session.js';
import { checklistFiles, loadChecklistFile, resolveChecklist } from '../checklist/load.js';
import { inputError } from '../errors.js';
import { auditFileText } from '../formats/audit-file.js';
import type { Audit } from '../model/audit.js';
import { refOf, type Checklist } from '../model/checklist.js';
import type { Plan, Visit } from '../plan/model.js';
import { teamName } from '../plan/tables.js';

/**
 * Pre-filled audit files (drafts) for the plan's visits: center, date, inspectors and
 * the checklist of the center's level, nothing answered. `zongzhi audit --resume <file>`
 * continues one; `zongzhi score` reads them like any draft. The plan's team and mode
 * go in a comment line (the audit file format has no field for them).
 */
export function planStubs(dir: string, plan: Plan, checklistRefs: readonly string[]): { path: string; text: string }[] {
  const checklists = checklistRefs.length ? checklistRefs.map((ref) => resolveChecklist(ref)) : shipped();
  const stubs = plan.visits.map((visit) => {
    const checklist = checklists.find((c) => c.level === visit.center.level);
    if (!checklist) throw inputError('plan.stubs-no-checklist', { level: visit.center.level });
    return { path: draftPath(dir, visit.date, visit.center.code, checklist.id), text: stubText(visit, checklist, plan) };
  });
  return stubs;
}

function shipped(): Checklist[] {
  return checklistFiles().flatMap(({ file }) => loadChecklistFile(file).checklist ?? []);
}

function stubText(visit: Visit, checklist: Checklist, plan: Plan): string {
  const audit: Audit = {
    source: '',
    checklist: refOf(checklist),
    center: { code: visit.center.code, name: visit.center.name },
    date: visit.date,
    inspectors: visit.inspectors.map((i) => i.name),
    status: 'draft',
    answers: {},
    findings: {},
  };
  return `# ${plan.quarter} ${teamName(visit.team)} ${visit.mode}\n${auditFileText(audit, checklist)}`;
}
