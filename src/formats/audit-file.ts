import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Document, isMap, isSeq, YAMLMap } from 'yaml';
import type { ChecklistRegistry } from '../checklist/registry.js';
import { problem, type Problem } from '../errors.js';
import { readAnswer, storedAnswer } from '../model/answers.js';
import type { Answer, Audit, Evidence, FindingOverride } from '../model/audit.js';
import { AUDIT_MODES, isCenterCode, isEvidence, type AuditMode } from '../model/audit.js';
import { placedItems, type Checklist } from '../model/checklist.js';
import { parseDate } from '../model/dates.js';
import { nearest, normalizeText, splitNames } from '../model/text.js';
import { readTextFile } from '../sources/text-file.js';
import { capped, isMapping, PROBLEMS_PER_FILE, parseYaml, type YamlPath, type YamlSource } from '../sources/yaml-doc.js';

/**
 * The audit file (*.audit.yaml): written by `zongzhi audit` after every answer and
 * writable by hand. This module owns the format both ways.
 */

const TOP_KEYS = ['format', 'checklist', 'center', 'date', 'inspectors', 'status', 'mode', 'answers', 'findings'];
const ANSWER_KEYS = ['value', 'note', 'deficiencies', 'evidence'];
const FINDING_KEYS = ['problem', 'measure', 'owner', 'person', 'deadline'];

/** `warnings` do not stop scoring: evidence files missing or changed since they were attached. */
export type AuditRead = { audit?: Audit; checklist?: Checklist; problems: Problem[]; warnings?: Problem[] };

export function readAuditFile(file: string, registry: ChecklistRegistry): AuditRead {
  const { text, problems } = readTextFile(file);
  if (text === undefined) return { problems };
  return readAuditText(text, file, registry);
}

export function readAuditText(text: string, file: string, registry: ChecklistRegistry): AuditRead {
  const { source, problems } = parseYaml(text, file);
  if (!source) return { problems };
  const read = new AuditReader(source, registry).read();
  return { ...read, problems: capped(read.problems, file) };
}

class AuditReader {
  private problems: Problem[] = [];
  private warnings: Problem[] = [];
  constructor(
    private readonly src: YamlSource,
    private readonly registry: ChecklistRegistry,
  ) {}

  private fail(code: string, params: Record<string, string | number>, path: YamlPath, key = false) {
    this.problems.push(problem(code, params, key ? this.src.keyAt(path) : this.src.at(path)));
  }

  read(): AuditRead {
    const v = this.src.value as Record<string, unknown>;
    if (!isMapping(v)) {
      this.fail('audit.not-a-mapping', {}, []);
      return { problems: this.problems };
    }
    this.unknownKeys(v, [], TOP_KEYS);
    if (v.format !== 1) this.fail('audit.format', { value: String(v.format) }, v.format === undefined ? [] : ['format']);
    const ref = this.checklistRef(v.checklist);
    const center = this.center(v.center);
    const date = this.date(v.date);
    const inspectors = this.inspectors(v.inspectors);
    const status = v.status === undefined ? 'draft' : v.status;
    if (status !== 'draft' && status !== 'final') this.fail('audit.status', { value: String(status) }, ['status']);
    const mode = v.mode === undefined || v.mode === null ? undefined : normalizeText(String(v.mode));
    if (mode !== undefined && !(AUDIT_MODES as readonly string[]).includes(mode)) this.fail('audit.mode', { value: mode, modes: AUDIT_MODES.join('、') }, ['mode']);
    if (!ref) return { problems: this.problems };
    const found = this.registry.find(ref, this.src.at(['checklist']), ref.file && resolve(dirname(this.src.file), ref.file));
    if (!found.ok) {
      this.problems.push(found.problem);
      return { problems: this.problems };
    }
    const checklist = found.checklist;
    const answers = this.answers(v.answers, checklist);
    const findings = this.findings(v.findings, checklist);
    if (this.problems.length || !center || !date) return { problems: this.problems, checklist };
    const audit: Audit = {
      source: this.src.file,
      centerAt: () => this.src.at(['center', 'code']),
      checklist: { id: checklist.id, version: checklist.version, sha256: ref.sha256 ?? checklist.sha256, ...(ref.file ? { file: ref.file } : {}) },
      center,
      date,
      inspectors,
      status: status as Audit['status'],
      ...(mode ? { mode: mode as AuditMode } : {}),
      answers,
      findings,
    };
    return { audit, checklist, problems: [], warnings: this.warnings };
  }

  private unknownKeys(obj: Record<string, unknown>, path: YamlPath, allowed: string[]) {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const near = nearest(key, allowed);
      this.fail(near ? 'audit.unknown-key-near' : 'audit.unknown-key', { key, near: near ?? '', allowed: allowed.join(', ') }, [...path, key], true);
    }
  }

  private checklistRef(raw: unknown) {
    if (!isMapping(raw)) {
      this.fail('audit.checklist-ref', {}, raw === undefined ? [] : ['checklist']);
      return undefined;
    }
    const c = raw as Record<string, unknown>;
    this.unknownKeys(c, ['checklist'], ['id', 'version', 'sha256', 'file']);
    if (typeof c.id !== 'string' || c.version === undefined) {
      this.fail('audit.checklist-ref', {}, ['checklist']);
      return undefined;
    }
    return { id: c.id, version: String(c.version), sha256: this.refText(c, 'sha256'), file: this.refText(c, 'file') };
  }

  /** An optional text of the checklist reference: left out is fine; anything but text is an error at it, never ignored. */
  private refText(ref: Record<string, unknown>, key: 'sha256' | 'file'): string | undefined {
    const v = ref[key];
    if (v === undefined || typeof v === 'string') return v;
    this.fail(`audit.checklist-${key}`, { value: JSON.stringify(v) }, ['checklist', key]);
    return undefined;
  }

  private center(raw: unknown) {
    if (!isMapping(raw)) {
      this.fail('audit.center', {}, raw === undefined ? [] : ['center']);
      return undefined;
    }
    const c = raw as Record<string, unknown>;
    this.unknownKeys(c, ['center'], ['code', 'name']);
    const code = normalizeText(String(c.code ?? ''));
    if (!isCenterCode(code)) {
      this.fail('audit.center-code', { value: code }, ['center', 'code']);
      return undefined;
    }
    return { code, name: normalizeText(String(c.name ?? '')) };
  }

  private date(raw: unknown) {
    const date = parseDate(raw);
    if (!date) this.fail('audit.date', { value: String(raw ?? '') }, raw === undefined ? [] : ['date']);
    return date;
  }

  private inspectors(raw: unknown): string[] {
    if (raw === undefined || raw === null) return [];
    if (typeof raw === 'string') return splitNames(raw);
    if (Array.isArray(raw)) return raw.map((r) => normalizeText(String(r))).filter(Boolean);
    this.fail('audit.inspectors', {}, ['inspectors']);
    return [];
  }

  private itemIdIn(checklist: Checklist, id: string, path: YamlPath) {
    const items = placedItems(checklist).map((p) => p.item);
    const item = items.find((i) => i.id === id);
    // Past the problems a file lists, only the count is shown: placing and suggesting there
    // would be computed for nothing (200,000 unknown ids took minutes).
    if (!item && this.problems.length >= PROBLEMS_PER_FILE) this.problems.push(problem('audit.unknown-item', { id, near: '', checklist: '' }));
    else if (!item) {
      const near = nearest(id, items.map((i) => i.id));
      this.fail(near ? 'audit.unknown-item-near' : 'audit.unknown-item', { id, near: near ?? '', checklist: `${checklist.id} ${checklist.version}` }, path, true);
    }
    return item;
  }

  private answers(raw: unknown, checklist: Checklist): Record<string, Answer> {
    const answers: Record<string, Answer> = {};
    if (raw === undefined || raw === null) return answers;
    if (!isMapping(raw)) {
      this.fail('audit.answers', {}, ['answers']);
      return answers;
    }
    for (const [id, entry] of Object.entries(raw as Record<string, unknown>)) {
      const path: YamlPath = ['answers', id];
      const item = this.itemIdIn(checklist, id, path);
      if (!item) continue;
      // `INS-01: 是` is accepted as shorthand for `INS-01: { value: 是 }`.
      const rawAnswer = isMapping(entry) ? (entry as Record<string, unknown>) : { value: entry };
      if (isMapping(entry)) this.unknownKeys(rawAnswer, path, ANSWER_KEYS);
      const outcome = readAnswer(item, { value: rawAnswer.value, note: rawAnswer.note, deficiencies: rawAnswer.deficiencies });
      const valuePath = isMapping(entry) ? [...path, 'value'] : path;
      if (outcome.kind === 'error') this.fail(outcome.code, outcome.params, outcome.code === 'answer.na-needs-note' ? path : valuePath);
      if (outcome.kind === 'answer') {
        const evidence = isMapping(entry) ? this.evidence(rawAnswer.evidence, [...path, 'evidence']) : undefined;
        answers[id] = evidence ? { ...outcome.answer, evidence } : outcome.answer;
      }
    }
    return answers;
  }

  /**
   * `evidence: [{ path, sha256 }]`. A file missing or changed since it was attached is a
   * warning, not an error: the score stands, but whoever relies on the deduction is told.
   */
  private evidence(raw: unknown, path: YamlPath): Evidence[] | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (!Array.isArray(raw) || !raw.every(isEvidence)) {
      this.fail('audit.evidence', {}, path);
      return undefined;
    }
    raw.forEach((e, i) => {
      const file = evidenceFile(this.src.file, e.path);
      const actual = existsSync(file) && statSync(file).isFile() ? fileSha256(file) : undefined;
      const at = this.src.at([...path, i, 'path']);
      if (!actual) this.warnings.push(problem('audit.evidence-missing', { path: e.path }, at));
      else if (actual !== e.sha256.toLowerCase()) this.warnings.push(problem('audit.evidence-changed', { path: e.path }, at));
    });
    return raw.map((e) => ({ path: e.path, sha256: e.sha256.toLowerCase() }));
  }

  private findings(raw: unknown, checklist: Checklist): Record<string, FindingOverride> {
    const findings: Record<string, FindingOverride> = {};
    if (raw === undefined || raw === null) return findings;
    if (!isMapping(raw)) {
      this.fail('audit.findings', {}, ['findings']);
      return findings;
    }
    for (const [id, entry] of Object.entries(raw as Record<string, unknown>)) {
      const path: YamlPath = ['findings', id];
      if (!this.itemIdIn(checklist, id, path)) continue;
      if (!isMapping(entry)) {
        this.fail('audit.findings', {}, path);
        continue;
      }
      const f = entry as Record<string, unknown>;
      this.unknownKeys(f, path, FINDING_KEYS);
      const override: FindingOverride = {};
      for (const key of ['problem', 'measure', 'owner', 'person'] as const) {
        if (f[key] !== undefined) override[key] = normalizeText(String(f[key]));
      }
      if (f.deadline !== undefined) {
        const deadline = parseDate(f.deadline);
        if (deadline) override.deadline = deadline;
        else this.fail('audit.date', { value: String(f.deadline) }, [...path, 'deadline']);
      }
      findings[id] = override;
    }
    return findings;
  }
}


/** Where an evidence path recorded in an audit file points: relative paths are from the audit file's folder. */
export function evidenceFile(auditFile: string, recorded: string): string {
  return isAbsolute(recorded) ? recorded : join(dirname(auditFile), recorded);
}

/** The sha256 an evidence entry records, of the file's bytes. */
export function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The audit file text for an audit: answers in checklist order, one flow mapping per line. */
export function auditFileText(audit: Audit, checklist: Checklist): string {
  const answers: Record<string, unknown> = {};
  for (const { item } of placedItems(checklist)) {
    const a = audit.answers[item.id];
    if (!a) continue;
    const stored = storedAnswer(item, a);
    answers[item.id] = { ...stored, ...(a.note ? { note: a.note } : {}), ...(a.evidence ? { evidence: a.evidence } : {}) };
  }
  const doc = new Document({
    format: 1,
    checklist: { id: checklist.id, version: checklist.version, sha256: audit.checklist.sha256 ?? checklist.sha256, ...(audit.checklist.file ? { file: audit.checklist.file } : {}) },
    center: audit.center,
    date: audit.date,
    inspectors: audit.inspectors,
    status: audit.status,
    ...(audit.mode ? { mode: audit.mode } : {}),
    answers,
    ...(Object.keys(audit.findings).length ? { findings: audit.findings } : {}),
  });
  for (const key of ['checklist', 'center', 'inspectors']) {
    const node = doc.get(key, true);
    if (isMap(node) || isSeq(node)) node.flow = true;
  }
  for (const section of ['answers', 'findings']) {
    const map = doc.get(section, true);
    if (map instanceof YAMLMap) for (const pair of map.items) if (isMap(pair.value)) pair.value.flow = true;
  }
  return `# 综治中心规范化建设评估记录(zongzhi audit 生成,可手工编辑)\n${doc.toString({ lineWidth: 0 })}`;
}
