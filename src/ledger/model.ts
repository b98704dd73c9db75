import { createHash } from 'node:crypto';
import { countyOf } from '../model/audit.js';
import { FINDING_STATUSES, type Finding } from '../model/result.js';
import { normalizeText } from '../model/text.js';

/**
 * The rectification ledger (整改台账): one row per problem found, kept until someone
 * verifies it closed (销号). The row's 问题编号 is its identity across every copy a unit
 * edits and every merge; everything else is content.
 */

/** 反弹: a 已销号 problem found failing again at 回头看; the work continues on a new row that refers to it. */
export const LEDGER_STATUSES = [...FINDING_STATUSES, '反弹'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export interface LedgerRow {
  /** 问题编号: `<center code>-<YYYYMMDD>-<item id>[-n]` for findings from audits. */
  id: string;
  centerCode: string;
  centerName: string;
  /** 所属县(市、区) as shown: the county code, with its name when a registry gave one. */
  county: string;
  /** 规范化类别: the dimension's name. */
  dimension: string;
  /** 评分项: item id and title. */
  item: string;
  problem: string;
  deducted: number;
  measure: string;
  owner: string;
  person: string;
  /** 整改时限, YYYY-MM-DD or '' when none was set. */
  deadline: string;
  status: LedgerStatus;
  progress: string;
  /** 销号日期, YYYY-MM-DD or ''. */
  closedOn: string;
  verifier: string;
  note: string;
  /** 复查: each later audit that found this problem again, with its date and result (回头看). */
  review: string;
}

export type LedgerField = keyof LedgerRow;

export type FieldKind = 'text' | 'number' | 'date' | 'status';

export interface LedgerColumn {
  field: LedgerField;
  header: string;
  kind: FieldKind;
  /** Set by the audit, not by the responsible unit: a unit's change is reported, never taken. */
  protected: boolean;
  /**
   * Column width in the workbook, in characters. Printed, the columns up to 扣分 and those
   * from 整改措施 on each fill one A4 landscape page at 9 pt (src/xlsx/layout.ts).
   */
  width: number;
  /** Ledgers written before the column existed lack it: read as empty. */
  optional?: boolean;
}

const column = (field: LedgerField, header: string, kind: FieldKind, isProtected: boolean, width: number, optional = false): LedgerColumn => ({
  field,
  header,
  kind,
  protected: isProtected,
  width,
  ...(optional ? { optional } : {}),
});

/** The data columns after 序号, in the order DESIGN.md fixes. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  column('id', '问题编号', 'text', true, 17),
  column('centerCode', '中心编码', 'text', true, 13),
  column('centerName', '中心名称', 'text', true, 12),
  column('county', '所属县(市、区)', 'text', true, 12),
  column('dimension', '规范化类别', 'text', true, 10),
  column('item', '评分项', 'text', true, 20),
  column('problem', '问题描述', 'text', true, 30),
  column('deducted', '扣分', 'number', true, 6),
  column('measure', '整改措施', 'text', false, 24),
  column('owner', '责任单位', 'text', false, 11),
  column('person', '责任人', 'text', false, 7),
  column('deadline', '整改时限', 'date', false, 12),
  column('status', '整改状态', 'status', false, 8),
  column('progress', '整改进展', 'text', false, 20),
  column('closedOn', '销号日期', 'date', false, 12),
  column('verifier', '核验人', 'text', false, 7),
  column('note', '备注', 'text', false, 12),
  // Last, so fingerprints written before it existed still line up (see parseFingerprint).
  column('review', '复查', 'text', true, 28, true),
];

export const SEQ_HEADER = '序号';

export function columnOf(field: LedgerField): LedgerColumn {
  return LEDGER_COLUMNS.find((c) => c.field === field)!;
}

export function isLedgerStatus(s: string): s is LedgerStatus {
  return (LEDGER_STATUSES as readonly string[]).includes(s);
}

/** How a field compares: the same text typed with a full-width digit or a stray space is the same value. */
export function canonical(row: Partial<LedgerRow>, field: LedgerField): string {
  const v = row[field];
  if (v === undefined || v === null) return '';
  return typeof v === 'number' ? String(v) : normalizeText(v);
}

/**
 * A row's content as short per-field hashes, stored on the hidden sheet beside its 问题编号.
 * A copy sent to a unit carries the fingerprints of the rows it was sent with, so merge
 * can tell which fields the unit changed from fields the committee changed since.
 */
export function fingerprint(row: LedgerRow): string {
  return `${FINGERPRINT_VERSION}:${LEDGER_COLUMNS.map((c) => fieldHash(canonical(row, c.field))).join('.')}`;
}

const FINGERPRINT_VERSION = 'v1';

export function fieldHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** The per-field hashes of a fingerprint, or undefined when it is not one this version wrote. */
export function parseFingerprint(s: string): Map<LedgerField, string> | undefined {
  const [version, body] = s.split(':');
  const hashes = body?.split('.') ?? [];
  // Written before the optional columns existed: those were empty then.
  const required = LEDGER_COLUMNS.filter((c) => !c.optional).length;
  if (hashes.length === required) hashes.push(...LEDGER_COLUMNS.slice(required).map(() => fieldHash('')));
  if (version !== FINGERPRINT_VERSION || hashes.length !== LEDGER_COLUMNS.length || !hashes.every((h) => /^[0-9a-f]{8}$/.test(h))) return undefined;
  return new Map(LEDGER_COLUMNS.map((c, i) => [c.field, hashes[i]]));
}

export interface FindingKey {
  center: string;
  /** YYYY-MM-DD of the audit that found it. */
  date: string;
  item: string;
}

const FINDING_ID = /^(\d{6}|\d{9}|\d{12})-(\d{4})(\d{2})(\d{2})-([A-Z][A-Z0-9]*-\d+)(?:-\d+)?$/;

/** What a 问题编号 says about its finding; undefined for an id not made by an audit (回头看 skips those rows). */
export function findingKey(id: string): FindingKey | undefined {
  const m = FINDING_ID.exec(id);
  return m ? { center: m[1], date: `${m[2]}-${m[3]}-${m[4]}`, item: m[5] } : undefined;
}

/** 所属县 as shown: the county's name (甲区) when known, else its code; never a center's name. */
export function countyLabel(centerCode: string, countyNames?: ReadonlyMap<string, string>): string {
  const code = countyOf(centerCode);
  return countyNames?.get(code) ?? code;
}

export function rowOfFinding(f: Finding, countyNames?: ReadonlyMap<string, string>): LedgerRow {
  return {
    id: f.id,
    centerCode: f.center.code,
    centerName: f.center.name,
    county: countyLabel(f.center.code, countyNames),
    dimension: f.dimensionName,
    item: `${f.item} ${f.itemTitle}`,
    problem: f.problem,
    deducted: f.deducted,
    measure: f.measure,
    owner: f.owner,
    person: f.person,
    deadline: f.deadline,
    status: f.status,
    progress: '',
    closedOn: '',
    verifier: '',
    note: f.note ?? '',
    review: '',
  };
}

/** Appends a sentence to a free-text cell without losing what was there. */
export function appendNote(existing: string, sentence: string): string {
  return existing.trim() ? `${existing.trim()};${sentence}` : sentence;
}
