import { join } from 'node:path';
import { draftPath } from '../audit/session.js';
import { checklistFiles, loadChecklistFile, resolveChecklist } from '../checklist/load.js';
import { inputError } from '../errors.js';
import { auditFileText } from '../formats/audit-file.js';
import type { Audit } from '../model/audit.js';
import { refOf, type Checklist } from '../model/checklist.js';
import type { Plan, Visit } from '../plan/model.js';
import { teamName } from '../plan/tables.js';
import { fileNameOf } from '../commands/template.js';

/**
 * What the teams take to the centers, prepared from the plan: pre-filled audit files
 * (drafts) and fill-in workbooks, each with the checklist of the center's level. Paths
 * and contents are made here; the command checks every path before writing any.
 */

/** The checklists named with --checklist, else the shipped ones; one of each level is used. */
export function levelChecklists(refs: readonly string[]): Checklist[] {
  return refs.length ? refs.map((ref) => resolveChecklist(ref)) : checklistFiles().flatMap(({ file }) => loadChecklistFile(file).checklist ?? []);
}

function checklistFor(visit: Visit, checklists: readonly Checklist[]): Checklist {
  const checklist = checklists.find((c) => c.level === visit.center.level);
  if (!checklist) throw inputError('plan.stubs-no-checklist', { level: visit.center.level });
  return checklist;
}

/**
 * Drafts: center, date, inspectors, the checklist of the center's level, nothing
 * answered. `zongzhi audit --resume <file>` continues one; `zongzhi score` reads them
 * like any draft. The mode is the audit file's `mode`; the team goes in a comment line.
 */
export function planStubs(dir: string, plan: Plan, checklists: readonly Checklist[]): { path: string; text: string }[] {
  return plan.visits.map((visit) => {
    const checklist = checklistFor(visit, checklists);
    return { path: draftPath(dir, visit.date, visit.center.code, checklist.id), text: stubText(visit, checklist, plan) };
  });
}

/** Form workbooks (the spreadsheet workflow), one per visit, named as `zongzhi template` names them. */
export function planForms(dir: string, plan: Plan, checklists: readonly Checklist[]): { path: string; checklist: Checklist; center: { code: string; name: string } }[] {
  return plan.visits.map((visit) => {
    const center = { code: visit.center.code, name: visit.center.name };
    return { path: join(dir, fileNameOf(center)), checklist: checklistFor(visit, checklists), center };
  });
}

function stubText(visit: Visit, checklist: Checklist, plan: Plan): string {
  const audit: Audit = {
    source: '',
    checklist: refOf(checklist),
    center: { code: visit.center.code, name: visit.center.name },
    date: visit.date,
    inspectors: visit.inspectors.map((i) => i.name),
    status: 'draft',
    mode: visit.mode,
    answers: {},
    findings: {},
  };
  return `# ${plan.quarter} ${teamName(visit.team)} ${visit.mode}\n${auditFileText(audit, checklist)}`;
}
