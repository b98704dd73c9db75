import { existsSync } from 'node:fs';
import { checklistFiles, loadChecklistFile, resolveChecklist } from '../checklist/load.js';
import { ChecklistRegistry } from '../checklist/registry.js';
import { inputError, usageError, UserError } from '../errors.js';
import { readAuditFile } from '../formats/audit-file.js';
import { t } from '../i18n/index.js';
import { AUDIT_MODES, isCenterCode, type Audit, type AuditMode } from '../model/audit.js';
import { refOf, type Checklist } from '../model/checklist.js';
import { levelLabel, levelOfCode, levelProblem, type LevelLookup } from '../model/level.js';
import { parseDate, today } from '../model/dates.js';
import { normalizeText, splitNames } from '../model/text.js';
import { centersByCode, readCenters } from '../sources/centers.js';
import type { Prompter } from '../prompts/prompter.js';
import { draftPath, isFinalAudit, recordedChecklistFile, newSession, resumeCommand, saveDraft, unansweredIndexes, type Session } from './session.js';

/** The `zongzhi audit` options, as commander gives them. */
export interface AuditOptions {
  checklist: string;
  /** The user named the checklist (it is not the default). */
  checklistGiven?: boolean;
  center?: string;
  centers?: string;
  date?: string;
  resume?: string;
  /** Resume a draft whose checklist file changed since it was started. */
  allowChecklistChange?: boolean;
  out: string;
  force?: boolean;
  /** How the audit is made (--mode); asked at the start when not given. */
  mode?: string;
}

export function startSession(opts: AuditOptions, p: Prompter): Promise<Session> {
  return opts.resume ? resume(opts.resume, opts, p) : begin(opts, p);
}

/** Loads a draft; a damaged one is refused with the place of each problem, and nothing is overwritten. */
async function resume(file: string, opts: AuditOptions, p: Prompter): Promise<Session> {
  // The draft records its center and date; a second source for them would contradict it.
  if (opts.center !== undefined || opts.date !== undefined) throw usageError('walk.resume-conflict');
  const mode = opts.mode === undefined ? undefined : checkedMode(opts.mode);
  const registry = new ChecklistRegistry(opts.checklistGiven ? [opts.checklist] : [], opts.allowChecklistChange);
  const read = readAuditFile(file, registry);
  if (!read.audit || !read.checklist) throw new UserError(read.problems);
  // The inspector accepted the changed checklist: from now on the draft records that one.
  read.audit.checklist.sha256 = read.checklist.sha256;
  const named = opts.checklistGiven ? recordedChecklistFile(opts.checklist, file) : undefined;
  if (named) read.audit.checklist.file = named;
  // A draft keeps the mode it was started with; --mode only fills in a draft that has none.
  if (mode && read.audit.mode && mode !== read.audit.mode) throw usageError('walk.resume-mode-conflict', { mode, recorded: read.audit.mode, file });
  const s = newSession(read.checklist, read.audit, file);
  if (mode && !read.audit.mode) {
    s.audit.mode = mode;
    saveDraft(s);
  }
  const scored = s.items.filter((i) => i.dimension);
  const answered = scored.filter((i) => s.audit.answers[i.item.id]).length;
  p.say(t('walk.resumed', { name: s.audit.center.name, code: s.audit.center.code, date: s.audit.date, answered, total: scored.length, open: unansweredIndexes(s).length }));
  if (s.audit.status === 'final') p.say(p.paint('yellow', t('walk.resumed-final')));
  return s;
}

async function begin(opts: AuditOptions, p: Prompter): Promise<Session> {
  const presetDate = opts.date === undefined ? undefined : (parseDate(opts.date) ?? fail(usageError('walk.bad-date-option', { value: opts.date })));
  const presetCode = opts.center === undefined ? undefined : checkedCode(opts.center);
  const presetMode = opts.mode === undefined ? undefined : checkedMode(opts.mode);
  // A broken registry is reported before anything is typed.
  const registry = opts.centers ? centersByCode(await readCenters(opts.centers)) : undefined;
  // A cold YAML parse of the checklist takes longer than start-up itself: the first
  // question goes on screen first, and the checklist loads while it is read.
  const checklist = once(() => resolveChecklist(opts.checklist));
  const meanwhile = () => void checklist();
  const levels = registry && ((c: string) => registry.get(c)?.level);
  // A center of another level is refused before anything is typed, with the checklists that fit it.
  if (presetCode) {
    const wrong = levelMismatch(presetCode, checklist(), levels);
    if (wrong !== true) throw inputError('walk.level-refused', { reason: wrong });
  }

  const validCenter = (v: string) => {
    const valid = validCode(v);
    return valid === true ? levelMismatch(normalizeText(v), checklist(), levels) : valid;
  };
  const code = presetCode ?? normalizeText(await p.input({ message: t('walk.ask-code'), validate: validCenter, meanwhile }));
  const date = presetDate ?? parseDate(await p.input({ message: t('walk.ask-date'), default: today(), validate: validDate, meanwhile }))!;
  const { id, name: title, version, dimensions } = checklist();
  const file = draftPath(opts.out, date, code, id);
  // With --center and --date this comes before any question: an existing audit is named first.
  await refuseExisting(p, file, opts.force);
  p.say(p.paint('bold', t('walk.starting', { name: title, id, version, count: dimensions.reduce((n, d) => n + d.items.length, 0) })));

  const known = registry?.get(code)?.name;
  if (registry && !known) p.say(t('walk.not-in-registry', { code, file: opts.centers! }));
  const name = normalizeText(await p.input({ message: t('walk.ask-name'), default: known, validate: (v) => normalizeText(v) !== '' || t('walk.name-required') }));
  const inspectors = splitNames(await p.input({ message: t('walk.ask-inspectors'), validate: (v) => splitNames(v).length > 0 || t('walk.inspectors-required') }));
  const mode = presetMode ?? (await askMode(p));

  const audit: Audit = {
    source: file,
    checklist: { ...refOf(checklist()), file: recordedChecklistFile(opts.checklist, file) },
    center: { code, name },
    date,
    inspectors,
    status: 'draft',
    mode,
    answers: {},
    findings: {},
  };
  const s = newSession(checklist(), audit, file);
  // The draft exists from the start, so a resume command always has something to continue.
  saveDraft(s);
  p.say(t('walk.draft-at', { file, command: resumeCommand(s) }));
  return s;
}

/** Runs `load` on the first call; later calls give its result, or throw its error again. */
function once<T>(load: () => T): () => T {
  let outcome: { value: T } | { error: unknown } | undefined;
  return () => {
    if (!outcome) {
      try {
        outcome = { value: load() };
      } catch (error) {
        outcome = { error };
      }
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
}

function fail(e: UserError): never {
  throw e;
}

function checkedCode(raw: string): string {
  const code = normalizeText(raw);
  if (!isCenterCode(code)) throw usageError('walk.bad-code-option', { value: raw });
  return code;
}

function checkedMode(raw: string): AuditMode {
  const mode = normalizeText(raw);
  if (!(AUDIT_MODES as readonly string[]).includes(mode)) throw usageError('walk.bad-mode-option', { value: raw, modes: AUDIT_MODES.join('、') });
  return mode as AuditMode;
}

/** What each mode means, shown under the highlighted choice. */
const MODE_HELP: Record<AuditMode, string> = { 自查: 'self', 督查: 'inspection', 明察: 'announced', 暗访: 'unannounced', 交叉检查: 'cross', 回头看: 'follow-up' };

/** 督查 first highlighted: the tool is mostly run by an inspection team. */
function askMode(p: Prompter): Promise<AuditMode> {
  return p.select({
    message: t('walk.ask-mode'),
    choices: AUDIT_MODES.map((m) => ({ value: m, name: m, description: t(`walk.mode.${MODE_HELP[m]}`) })),
    default: '督查',
  });
}

function validCode(v: string): true | string {
  return isCenterCode(normalizeText(v)) || t('walk.code-invalid', { value: v });
}

/** true when the center is of the checklist's level; else why not, and which checklists fit it. */
function levelMismatch(code: string, checklist: Checklist, levels?: LevelLookup): true | string {
  const wrong = levelProblem(code, checklist, {}, levels);
  if (!wrong) return true;
  const level = levels?.(code) ?? levelOfCode(code);
  const fitting = level ? checklistFiles().flatMap(({ file }) => loadChecklistFile(file).checklist ?? []).filter((c) => c.level === level).map((c) => c.id) : [];
  const ids = [...new Set(fitting)];
  return ids.length ? t('level.with-offer', { reason: wrong.message, offer: t('level.offer', { level: levelLabel(level!), ids: ids.join('、'), first: ids[0] }) }) : wrong.message;
}

function validDate(v: string): true | string {
  return parseDate(v) !== undefined || t('walk.date-invalid', { value: v });
}

/**
 * An audit already started here is continued with --resume, or discarded with --force.
 * A final one is the record of a finished audit: --force replaces it only once the
 * inspector confirms, and the wording never calls it a draft.
 */
async function refuseExisting(p: Prompter, file: string, force?: boolean): Promise<void> {
  if (!existsSync(file)) return;
  const final = isFinalAudit(file);
  if (!force) throw inputError(final ? 'walk.final-exists' : 'walk.draft-exists', { file });
  if (!final) return;
  const replace = await p.select({
    message: t('walk.final-replace.ask', { file }),
    choices: [
      { value: false, name: t('walk.final-replace.keep') },
      { value: true, name: t('walk.final-replace.confirm') },
    ],
  });
  if (!replace) throw inputError('walk.final-kept', { file });
}
