import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileSha256 } from '../formats/audit-file.js';
import { t } from '../i18n/index.js';
import { evidenceLabel, type Evidence } from '../model/audit.js';
import type { PlacedItem } from '../model/checklist.js';
import type { Prompter } from '../prompts/prompter.js';
import { relativeToDraft, saveDraft, type Session } from './session.js';

/**
 * Files backing an answered item (a photo, a scanned 台账), one path per question until
 * an empty line. Each is checked to exist, hashed, and saved at once: a file attached
 * again replaces its entry with the new hash.
 */
export async function attachEvidence(s: Session, p: Prompter, { item }: PlacedItem): Promise<void> {
  for (;;) {
    const typed = unquoted(await p.input({ message: t('walk.evidence.ask'), validate: (v) => evidenceProblem(unquoted(v)) ?? true }));
    if (typed === '') return;
    const entry: Evidence = { path: relativeToDraft(s.file, typed), sha256: fileSha256(resolve(typed)) };
    const answer = s.audit.answers[item.id];
    const kept = (answer.evidence ?? []).filter((e) => e.path !== entry.path);
    s.audit.answers[item.id] = { ...answer, evidence: [...kept, entry] };
    s.audit.status = 'draft';
    saveDraft(s);
    p.say(t('walk.evidence.attached', { file: evidenceLabel(entry), path: entry.path }));
  }
}

/** Why a typed path cannot be attached, saying where it was looked for; undefined when it can (or ends the list). */
function evidenceProblem(path: string): string | undefined {
  if (path === '') return undefined;
  const file = resolve(path);
  if (!existsSync(file)) return t('walk.evidence.missing', { file, cwd: process.cwd() });
  if (!statSync(file).isFile()) return t('walk.evidence.not-a-file', { file });
  return undefined;
}

/** A path dragged into a terminal arrives quoted: the quotes are not part of it. */
function unquoted(text: string): string {
  const trimmed = text.trim();
  return /^(['"]).*\1$/s.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}
