import { existsSync } from 'node:fs';
import { problem, type Place, type Problem } from '../errors.js';
import type { Checklist, ChecklistRef } from '../model/checklist.js';
import { checklistFiles, loadChecklistFile, resolveChecklist } from './load.js';

export type Lookup = { ok: true; checklist: Checklist } | { ok: false; problem: Problem };

/**
 * Finds the checklist a response was made with, by the id and version it records,
 * among the shipped ones, ./checklists/ and those named with --checklist.
 */
export class ChecklistRegistry {
  private loaded?: Checklist[];

  constructor(
    private readonly extra: string[] = [],
    private readonly allowChange = false,
  ) {}

  private namedLoaded?: Checklist[];

  /**
   * The checklists named with --checklist, in the order given: what a response that
   * records no checklist (a workbook without its _zongzhi sheet) may have been made with.
   */
  named(): Checklist[] {
    this.namedLoaded ??= this.extra.map((ref) => resolveChecklist(ref));
    return this.namedLoaded;
  }

  private all(): Checklist[] {
    if (!this.loaded) {
      // Named checklists first: they win over shipped ones with the same id and version.
      const named = this.named();
      const found = checklistFiles().flatMap(({ file }) => loadChecklistFile(file).checklist ?? []);
      this.loaded = [...named, ...found];
    }
    return this.loaded;
  }

  private recorded = new Map<string, Checklist | undefined>();

  /** A checklist file an audit recorded, loaded once; undefined when it is gone or broken (the search goes on). */
  private recordedAt(file: string): Checklist | undefined {
    if (!this.recorded.has(file)) this.recorded.set(file, existsSync(file) ? loadChecklistFile(file).checklist : undefined);
    return this.recorded.get(file);
  }

  /** `recordedFile`: the checklist file the response names, tried first unless --checklist names one with its id. */
  find(ref: ChecklistRef, place: Place, recordedFile?: string): Lookup {
    const overridden = this.named().some((c) => c.id === ref.id);
    const recorded = recordedFile && !overridden ? this.recordedAt(recordedFile) : undefined;
    const sameId = [...(recorded ? [recorded] : []), ...this.all()].filter((c) => c.id === ref.id);
    if (sameId.length === 0) {
      const ids = [...new Set(this.all().map((c) => c.id))].join(', ');
      return { ok: false, problem: problem('checklist.unknown-id', { id: ref.id, ids }, place) };
    }
    const sameVersion = sameId.filter((c) => c.version === ref.version);
    if (sameVersion.length === 0) {
      const versions = sameId.map((c) => `${c.version} (${c.file})`).join(', ');
      return { ok: false, problem: problem('checklist.version-mismatch', { id: ref.id, recorded: ref.version, available: versions }, place) };
    }
    const exact = ref.sha256 ? sameVersion.find((c) => c.sha256 === ref.sha256 || c.byteSha256 === ref.sha256) : sameVersion[0];
    if (exact) return { ok: true, checklist: exact };
    if (this.allowChange) return { ok: true, checklist: sameVersion[0] };
    const current = sameVersion[0];
    return {
      ok: false,
      problem: problem(
        'checklist.changed',
        { id: ref.id, version: ref.version, recorded: short(ref.sha256!), current: short(current.sha256), file: current.file },
        place,
      ),
    };
  }
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
