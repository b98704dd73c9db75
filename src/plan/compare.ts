import type { Place } from '../errors.js';
import type { Plan, Visit } from './model.js';

/** The fields of a visit that `plan verify` compares, as text. */
export type VisitField = 'date' | 'team' | 'mode' | 'reason' | 'weight' | 'inspectors';

/** A plan as read back from a file: what it records, each value able to say where it is. */
export interface RecordedPlan {
  file: string;
  quarter?: string;
  seed?: string;
  visits: RecordedVisit[];
}

export interface RecordedVisit {
  code: string;
  /** Only the fields the file carries (a workbook has no reason codes, a JSON has all). */
  fields: Partial<Record<VisitField, string>>;
  place: (field?: VisitField) => Place;
}

export type Difference =
  | { kind: 'seed' | 'quarter'; recorded: string; given: string; place: Place }
  | { kind: 'missing'; visit: Visit; place: Place }
  | { kind: 'extra'; code: string; place: Place }
  | { kind: 'field'; code: string; field: VisitField; recorded: string; derived: string; place: Place };

function visitFields(v: Visit): Record<VisitField, string> {
  return { date: v.date, team: String(v.team), mode: v.mode, reason: v.reason, weight: v.weight.toFixed(2), inspectors: v.inspectors.map((i) => i.name).join('、') };
}

/** Where the recorded plan differs from the re-derived one: every difference, in the file's order. */
export function comparePlans(recorded: RecordedPlan, derived: Plan): Difference[] {
  const diffs: Difference[] = [];
  const top = { file: recorded.file };
  if (recorded.seed !== undefined && recorded.seed !== derived.seed) diffs.push({ kind: 'seed', recorded: recorded.seed, given: derived.seed, place: top });
  if (recorded.quarter !== undefined && recorded.quarter !== derived.quarter) diffs.push({ kind: 'quarter', recorded: recorded.quarter, given: derived.quarter, place: top });
  const wanted = new Map(derived.visits.map((v) => [v.center.code, v]));
  const seen = new Set<string>();
  for (const r of recorded.visits) {
    const visit = wanted.get(r.code);
    seen.add(r.code);
    if (!visit) {
      diffs.push({ kind: 'extra', code: r.code, place: r.place() });
      continue;
    }
    const expected = visitFields(visit);
    for (const [field, value] of Object.entries(r.fields) as [VisitField, string][]) {
      if (value !== expected[field]) diffs.push({ kind: 'field', code: r.code, field, recorded: value, derived: expected[field], place: r.place(field) });
    }
  }
  for (const v of derived.visits) if (!seen.has(v.center.code)) diffs.push({ kind: 'missing', visit: v, place: top });
  return diffs;
}
