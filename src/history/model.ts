import type { LedgerRow } from '../ledger/model.js';
import { Exact } from '../model/exact.js';
import type { Result } from '../model/result.js';

/**
 * A center's history (`zongzhi history`): every audit of it over time, what changed
 * from one to the next, and every problem found with where its rectification stands.
 * What a county secretary asks for before a visit. Pure: results and ledger rows in.
 */
export interface History {
  code: string;
  /** The name the latest audit gives. */
  name: string;
  audits: HistoryAudit[];
  /** From each audit to the next, in date order. */
  changes: HistoryChange[];
  findings: HistoryFinding[];
}

export interface HistoryAudit {
  date: string;
  status: 'draft' | 'final';
  checklist: { id: string; version: string; name: string };
  precision: number;
  total: number;
  grade: string;
  veto: string[];
  dimensions: { id: string; name: string; earned: number }[];
  findings: number;
}

export interface HistoryChange {
  from: string;
  to: string;
  /** Scores under different checklists are not comparable: no change is given then. */
  comparable: boolean;
  total?: Exact;
  grade: { from: string; to: string };
  dimensions: { id: string; name: string; change: Exact }[];
  /** Items losing points now that did not before, and items losing points before that do not now. */
  newlyLost: string[];
  recovered: string[];
}

export interface HistoryFinding {
  id: string;
  date: string;
  /** Item id and title. */
  item: string;
  problem: string;
  deducted: number;
  deadline: string;
  /** From the ledger when one is given; else as the audit recorded it. */
  status: string;
  closedOn: string;
  /** The ledger's 备注: 回头看 results (已整改 at a later audit, 反弹 and the row that continues it). */
  note: string;
  /** True when the ledger has this row. */
  inLedger: boolean;
}

/** Audits of `code` by date; of two on one day the final one, else the later read, counts (as the briefing does). */
export function centerHistory(code: string, results: Result[], ledger: LedgerRow[] = []): History | undefined {
  const byDate = new Map<string, Result>();
  for (const r of results.filter((r) => r.center.code === code)) {
    const known = byDate.get(r.date);
    if (!known || r.status === 'final' || known.status !== 'final') byDate.set(r.date, r);
  }
  const chosen = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  if (chosen.length === 0) return undefined;
  const rows = new Map(ledger.filter((row) => row.centerCode === code).map((row) => [row.id, row]));
  return {
    code,
    name: chosen[chosen.length - 1].center.name,
    audits: chosen.map(auditOf),
    changes: chosen.slice(1).map((r, i) => changeOf(chosen[i], r)),
    findings: findingsOf(chosen, rows),
  };
}

function auditOf(r: Result): HistoryAudit {
  return {
    date: r.date,
    status: r.status,
    checklist: { id: r.checklist.id, version: r.checklist.version, name: r.checklist.name },
    precision: r.derivation.precision,
    total: r.total,
    grade: r.grade,
    veto: r.veto,
    dimensions: r.dimensions.map((d) => ({ id: d.id, name: d.name, earned: d.earned })),
    findings: r.findings.length,
  };
}

function changeOf(before: Result, after: Result): HistoryChange {
  const comparable = before.checklist.id === after.checklist.id;
  const diff = (a: number, b: number) => Exact.from(b).sub(Exact.from(a));
  const lost = (r: Result) => new Set(r.items.filter((i) => i.dimension && !i.na && !i.blank && i.earned !== null && i.earned < i.points).map((i) => i.id));
  const was = lost(before);
  const now = lost(after);
  return {
    from: before.date,
    to: after.date,
    comparable,
    total: comparable ? diff(before.total, after.total) : undefined,
    grade: { from: before.grade, to: after.grade },
    dimensions: comparable
      ? after.dimensions.flatMap((d) => {
          const old = before.dimensions.find((x) => x.id === d.id);
          return old ? [{ id: d.id, name: d.name, change: diff(old.earned, d.earned) }] : [];
        })
      : [],
    newlyLost: [...now].filter((id) => !was.has(id)),
    recovered: comparable ? [...was].filter((id) => !now.has(id) && after.items.some((i) => i.id === id)) : [],
  };
}

/** Every finding of the audits, with its ledger row's state; rows the ledger has for this center beyond them follow. */
function findingsOf(audits: Result[], rows: Map<string, LedgerRow>): HistoryFinding[] {
  const out: HistoryFinding[] = audits.flatMap((r) =>
    r.findings.map((f) => {
      const row = rows.get(f.id);
      return {
        id: f.id,
        date: f.date,
        item: `${f.item} ${f.itemTitle}`,
        problem: f.problem,
        deducted: f.deducted,
        deadline: row?.deadline ?? f.deadline,
        status: row?.status ?? f.status,
        closedOn: row?.closedOn ?? '',
        note: row?.note ?? '',
        inLedger: row !== undefined,
      };
    }),
  );
  const listed = new Set(out.map((f) => f.id));
  for (const row of rows.values()) {
    if (listed.has(row.id)) continue;
    out.push({ id: row.id, date: dateOfId(row.id), item: row.item, problem: row.problem, deducted: row.deducted, deadline: row.deadline, status: row.status, closedOn: row.closedOn, note: row.note, inLedger: true });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** `999901-20261120-INS-01` → 2026-11-20. */
function dateOfId(id: string): string {
  const m = /-(\d{4})(\d{2})(\d{2})-/.exec(id);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}
