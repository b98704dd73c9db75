import type { Params } from '../i18n/index.js';
import { UNINSPECTED } from '../model/answers.js';
import { methodOf } from '../methods/index.js';
import type { Audit, FindingOverride } from '../model/audit.js';
import { penaltyAsItem, vetoRuleOf, type Checklist, type Dimension, type Item, type PenaltyItem, type VetoRule } from '../model/checklist.js';
import { addDays } from '../model/dates.js';
import { Exact } from '../model/exact.js';
import type { DeficiencyCount, FindingPart } from '../methods/method.js';
import type { DimensionResult, Finding, ItemResult, Result } from '../model/result.js';

export interface ScoreOptions {
  /** Count unanswered items as 0 instead of refusing (--blank zero). */
  blankAsZero?: boolean;
}

export type ScoreOutcome = { ok: true; result: Result } | { ok: false; code: string; params: Params };

/** Days to rectify a finding when the item gives none. */
export const DEFAULT_DAYS = 30;

interface Scored {
  item: Item;
  dimension?: Dimension;
  earned?: Exact;
  row: ItemResult;
}

/** Checklist + responses → result. Pure: no I/O, no clock, exact arithmetic throughout. */
export function score(checklist: Checklist, audit: Audit, opts: ScoreOptions = {}): ScoreOutcome {
  const unanswered = checklist.dimensions.flatMap((d) => d.items).filter((i) => !audit.answers[i.id]).map((i) => i.id);
  if (unanswered.length && !opts.blankAsZero) {
    return { ok: false, code: 'score.incomplete', params: { count: unanswered.length, items: unanswered.join(', ') } };
  }
  const scored = [
    ...checklist.dimensions.flatMap((dimension) => dimension.items.map((item) => scoreItem(item, audit, dimension))),
    ...(checklist.bonus?.items ?? []).map((item) => scoreItem(item, audit)),
  ];
  const main = scored.filter((s) => s.dimension);
  const applicable = main.filter((s) => s.earned);
  const earned = Exact.sum(applicable.map((s) => s.earned!));
  const applicablePoints = Exact.sum(applicable.map((s) => Exact.from(s.item.points)));
  if (applicablePoints.isZero()) return { ok: false, code: 'score.nothing-applicable', params: {} };

  const base = earned.div(applicablePoints).mul(checklist.total);
  const bonusEarned = Exact.sum(scored.filter((s) => !s.dimension && s.earned).map((s) => s.earned!));
  const cap = Exact.from(checklist.bonus?.cap ?? 0);
  const bonusApplied = bonusEarned.min(cap);
  const penalties = (checklist.penalties?.items ?? []).map((p) => scorePenalty(checklist, p, audit));
  const penaltyDeducted = Exact.sum(penalties.map((x) => x.deducted));
  const penaltyApplied = checklist.penalties?.cap === undefined ? penaltyDeducted : penaltyDeducted.min(Exact.from(checklist.penalties.cap));
  const vetoes = [
    ...main.filter((s) => s.item.veto && s.earned?.isZero() && !s.row.blank).map((s) => ({ id: s.item.id, rule: vetoRuleOf(checklist, s.item.veto)! })),
    ...penalties.filter((x) => x.veto).map((x) => ({ id: x.row.id, rule: x.veto! })),
  ];
  const vetoDeducted = Exact.sum(vetoes.map(({ rule }) => (rule.kind === 'deduct' ? Exact.from(rule.points) : Exact.ZERO)));
  // Deductions beyond the items stop at 0: a total is never negative.
  const unrounded = base.add(bonusApplied).sub(penaltyApplied).sub(vetoDeducted).max(Exact.ZERO);
  const p = checklist.precision;
  const total = unrounded.round(p);
  const uninspected = main.filter((s) => s.row.uninspected).map((s) => s.item.id);
  const grade = gradeAfterVetoes(checklist, gradeOf(checklist, total), vetoes.map((v) => v.rule));
  const deductions = checklist.penalties || !vetoDeducted.isZero();

  const result: Result = {
    format: 1,
    center: audit.center,
    checklist: { id: checklist.id, version: checklist.version, sha256: checklist.sha256, name: checklist.name, level: checklist.level },
    date: audit.date,
    inspectors: audit.inspectors,
    status: audit.status,
    ...(audit.mode ? { mode: audit.mode } : {}),
    total: total.toNumber(),
    base: base.round(p).toNumber(),
    grade,
    veto: vetoes.map((v) => v.id),
    ...(uninspected.length ? { uninspected } : {}),
    dimensions: checklist.dimensions.map((d) => dimensionResult(d, scored)),
    bonus: { earned: bonusEarned.toNumber(), cap: cap.toNumber(), applied: bonusApplied.toNumber() },
    ...(checklist.penalties
      ? { penalty: { deducted: penaltyDeducted.toNumber(), cap: checklist.penalties.cap ?? null, applied: penaltyApplied.toNumber() } }
      : {}),
    items: [...scored.map((s) => s.row), ...penalties.map((x) => x.row)],
    findings: [...main.flatMap((s) => findingsOf(s, audit)), ...penalties.flatMap((x) => x.findings)],
    derivation: {
      earned: earned.toString(),
      applicable: applicablePoints.toString(),
      notApplicable: checklist.total.sub(applicablePoints).toString(),
      total: checklist.total.toString(),
      base: base.toFixed(6),
      bonusEarned: bonusEarned.toString(),
      bonusCap: cap.toString(),
      bonusApplied: bonusApplied.toString(),
      // Only checklists that deduct beyond their items carry these, so format 1 results stay as they were.
      ...(deductions
        ? { penaltyDeducted: penaltyDeducted.toString(), penaltyApplied: penaltyApplied.toString(), vetoDeducted: vetoDeducted.toString() }
        : {}),
      unrounded: unrounded.toFixed(6),
      precision: p,
    },
  };
  return { ok: true, result };
}

function scoreItem(item: Item, audit: Audit, dimension?: Dimension): Scored {
  const answer = audit.answers[item.id];
  const method = methodOf(item);
  const row: ItemResult = { id: item.id, dimension: dimension?.id, title: item.title, answer: '', na: false, points: item.points, earned: 0 };
  if (!answer) {
    // Unanswered: a bonus not claimed, or a blank counted as 0 (score() refused otherwise).
    if (dimension) row.blank = true;
    return { item, dimension, earned: Exact.ZERO, row };
  }
  if (answer.note) row.note = answer.note;
  if (answer.evidence) row.evidence = answer.evidence;
  if (answer.uninspected) {
    // Out of the denominator like N/A, but not N/A: the row says it was not inspected.
    Object.assign(row, { uninspected: true, earned: null, answer: UNINSPECTED, value: UNINSPECTED });
    return { item, dimension, row };
  }
  if (answer.na) {
    Object.assign(row, { na: true, earned: null, answer: '不适用', value: '不适用' });
    return { item, dimension, row };
  }
  const earned = method.earned(item, answer.value!);
  Object.assign(row, { answer: method.format(answer.value!, item), ...method.serialize(answer.value!), earned: earned.toNumber() });
  return { item, dimension, earned, row };
}

function dimensionResult(d: Dimension, scored: Scored[]): DimensionResult {
  const mine = scored.filter((s) => s.dimension === d && s.earned);
  const earned = Exact.sum(mine.map((s) => s.earned!));
  const applicable = Exact.sum(mine.map((s) => Exact.from(s.item.points)));
  return {
    id: d.id,
    name: d.name,
    // Exact: the results JSON is an archive; sinks round for display (DESIGN, Decisions: Numbers).
    earned: earned.toNumber(),
    applicable: applicable.toNumber(),
    points: d.points,
    rate: applicable.isZero() ? null : earned.div(applicable).round(4).toNumber(),
  };
}

function gradeOf(checklist: Checklist, total: Exact): string {
  const grade = checklist.grades.find((g) => !total.lt(Exact.from(g.min)));
  return (grade ?? checklist.grades[checklist.grades.length - 1]).name;
}

/** The grade the score earned, lowered by every veto that lowers grades: the worst of them wins. */
function gradeAfterVetoes(checklist: Checklist, earned: string, rules: VetoRule[]): string {
  const names = checklist.grades.map((g) => g.name);
  let index = names.indexOf(earned);
  for (const rule of rules) {
    if (rule.kind === 'lowest-grade') index = names.length - 1;
    if (rule.kind === 'cap-grade') index = Math.max(index, names.indexOf(rule.grade));
  }
  return names[index];
}

interface ScoredPenalty {
  row: ItemResult;
  /** What this event takes off the total, after its own cap (the section cap applies to the sum). */
  deducted: Exact;
  /** The veto it triggers, when it is a veto event that occurred. */
  veto?: VetoRule;
  findings: Finding[];
}

/**
 * A 负面清单 event: unanswered means none reported; each occurrence costs `per` up to the
 * event's cap, or triggers its veto. Each described occurrence is a finding.
 */
function scorePenalty(checklist: Checklist, p: PenaltyItem, audit: Audit): ScoredPenalty {
  const item = penaltyAsItem(checklist, p);
  const method = methodOf(item);
  const answer = audit.answers[p.id];
  const count = answer?.value ? (answer.value as DeficiencyCount).count : 0;
  const byCount = p.per === undefined ? Exact.ZERO : Exact.from(p.per).mul(Exact.of(BigInt(count)));
  const deducted = p.cap === undefined ? byCount : byCount.min(Exact.from(p.cap));
  const row: ItemResult = { id: p.id, penalty: true, title: p.title, answer: '', na: false, points: 0, earned: Exact.ZERO.sub(deducted).toNumber() };
  if (answer?.value) Object.assign(row, { answer: method.format(answer.value, item), ...method.serialize(answer.value) });
  if (answer?.note) row.note = answer.note;
  if (count === 0) return { row, deducted, findings: [] };
  const name = checklist.penalties!.name;
  const findings = findingsFrom(item, { id: 'penalties', name }, method.findingParts(item, answer!.value!, deducted), audit);
  return { row, deducted, veto: vetoRuleOf(checklist, p.veto), findings };
}

/** One finding per lost item, or one per described deficiency; what each costs sums to what the item lost. */
function findingsOf(s: Scored, audit: Audit): Finding[] {
  if (!s.earned || !s.earned.lt(Exact.from(s.item.points))) return [];
  const answer = audit.answers[s.item.id];
  const lost = Exact.from(s.item.points).sub(s.earned);
  // Unanswered (counted as 0 with --blank zero): the whole item is one finding.
  const parts = answer?.value !== undefined ? methodOf(s.item).findingParts(s.item, answer.value, lost) : [{ deducted: lost }];
  return findingsFrom(s.item, s.dimension!, parts, audit);
}

/** The ledger rows for the parts of what an item lost, with the checklist defaults under the response's overrides. */
function findingsFrom(item: Item, dimension: { id: string; name: string }, parts: FindingPart[], audit: Audit): Finding[] {
  const answer = audit.answers[item.id];
  const override: FindingOverride = audit.findings[item.id] ?? {};
  const defaults = item.finding ?? {};
  const baseProblem = override.problem ?? defaults.problem ?? item.title;
  const stamp = `${audit.center.code}-${audit.date.replace(/-/g, '')}-${item.id}`;
  return parts.map(({ description, deducted }, i) => ({
      id: parts.length === 1 ? stamp : `${stamp}-${i + 1}`,
      center: audit.center,
      date: audit.date,
      item: item.id,
      itemTitle: item.title,
      dimension: dimension.id,
      dimensionName: dimension.name,
      problem: description ? `${baseProblem}:${description}` : baseProblem,
      measure: override.measure ?? defaults.measure ?? '',
      owner: override.owner ?? defaults.owner ?? '',
      person: override.person ?? '',
      deadline: override.deadline ?? addDays(audit.date, defaults.days ?? DEFAULT_DAYS),
      deducted: deducted.toNumber(),
      status: '未整改',
      ...(answer?.note ? { note: answer.note } : {}),
  }));
}
