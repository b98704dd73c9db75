import type { AnswerValue } from '../methods/method.js';
import type { Place } from '../errors.js';
import type { ChecklistRef } from './checklist.js';

export interface Center {
  /** GB/T 2260 code: 6 digits for a county, 9 or 12 for a township; always a string. */
  code: string;
  name: string;
}

/** A response's own word on an item's rectification, over the checklist's `finding` defaults. */
export interface FindingOverride {
  problem?: string;
  measure?: string;
  owner?: string;
  person?: string;
  deadline?: string;
}

/**
 * One item's answer, parsed by its method; an N/A answer has no value and must have a note.
 * 未查 (not inspected this time) is N/A for scoring, so everything that skips N/A skips it,
 * but it is marked `uninspected`: reports flag the audit as a partial inspection.
 */
export interface Answer {
  value?: AnswerValue;
  na: boolean;
  uninspected?: true;
  note?: string;
  /** Files backing the answer (a photo, a scanned 台账), each with the sha256 it had when attached. */
  evidence?: Evidence[];
}

export interface Evidence {
  /** Relative to the audit file's folder, or absolute. */
  path: string;
  sha256: string;
}

/** True for `{ path, sha256 }` with a path and 64 hex digits, and nothing else: how files record evidence. */
export function isEvidence(e: unknown): e is Evidence {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return false;
  const { path, sha256 } = e as Record<string, unknown>;
  return typeof path === 'string' && path !== '' && typeof sha256 === 'string' && /^[0-9a-f]{64}$/i.test(sha256) && Object.keys(e).every((k) => k === 'path' || k === 'sha256');
}

/** An evidence file as reports and the item card name it: file name and the first 8 hex digits of its sha256. */
export function evidenceLabel(e: Evidence): string {
  return `${e.path.split(/[\\/]/).pop()}(${e.sha256.slice(0, 8)})`;
}

/** How an audit was made; shown in reports. */
export const AUDIT_MODES = ['自查', '督查', '明察', '暗访', '交叉检查', '回头看'] as const;
export type AuditMode = (typeof AUDIT_MODES)[number];

/** A center's responses to one checklist, whatever source they came from. */
export interface Audit {
  /** Where it was read from, for messages. */
  source: string;
  /** Where its center code is (file:line:col or file!sheet!cell), for a problem about the center; computed when asked. */
  centerAt?: () => Place;
  checklist: ChecklistRef;
  center: Center;
  date: string;
  inspectors: string[];
  status: 'draft' | 'final';
  mode?: AuditMode;
  /** Answered items only; an item absent here is unanswered. */
  answers: Record<string, Answer>;
  findings: Record<string, FindingOverride>;
}

const CODE = /^(\d{6}|\d{9}|\d{12})$/;

export function isCenterCode(code: string): boolean {
  return CODE.test(code);
}

/** The county a center belongs to: the first six digits of its code. */
export function countyOf(code: string): string {
  return code.slice(0, 6);
}

/** County names by code from the county centers among `centers` (甲区 from 甲区综治中心). */
export function countyNamesOf(centers: Iterable<Center>): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of centers) if (c.code.length === 6 && c.name) names.set(c.code, placeName(c.name));
  return names;
}

/**
 * A county's name as tables show it: its center's name without the trailing 综治中心,
 * so the 所属县 column reads 甲区, not 甲区综治中心.
 */
export function placeName(centerName: string): string {
  return centerName.replace(/(社会治安综合治理中心|综治中心)$/, '') || centerName;
}
