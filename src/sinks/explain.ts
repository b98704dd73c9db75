import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { vetoRuleOf, type Checklist, type VetoRule } from '../model/checklist.js';
import type { ItemResult, Result } from '../model/result.js';
import { colors, renderTable } from './terminal.js';

/**
 * The whole derivation of one center's score, in the order a person would check it
 * by hand: items, what N/A took out, the base formula, the bonus cap, rounding, veto.
 */
export function explain(r: Result, checklist: Checklist): string {
  const c = colors();
  const d = r.derivation;
  const out: string[] = [];
  out.push(c.bold(`${r.center.name}(${r.center.code})  ${r.date}  ${t('explain.checklist')} ${r.checklist.id} ${r.checklist.version}`));
  if (r.mode) out.push(t('explain.mode', { mode: r.mode }));
  const dims = new Map(checklist.dimensions.map((x) => [x.id, x.name]));
  const rows = r.items.map((i) => [
    i.id,
    i.dimension ? (dims.get(i.dimension) ?? i.dimension) : i.penalty ? checklist.penalties!.name : t('explain.bonus'),
    i.title,
    i.blank ? t('explain.blank') : i.answer,
    String(i.points),
    i.earned === null ? t('explain.na-excluded') : String(i.earned),
  ]);
  out.push(
    renderTable(
      [
        { header: t('table.item') },
        { header: t('table.dimension'), width: 8 },
        { header: t('table.title'), width: 24 },
        { header: t('table.answer'), width: 18 },
        { header: t('table.points'), align: 'right' },
        { header: t('table.earned'), align: 'right' },
      ],
      rows,
    ),
  );
  for (const dim of r.dimensions) {
    const rate = dim.rate === null ? '—' : `${(dim.rate * 100).toFixed(2)}%`;
    out.push(t('explain.dimension', { name: dim.name, earned: dim.earned, applicable: dim.applicable, points: dim.points, rate }));
  }
  const na = r.items.filter((i) => i.na && i.dimension);
  const uninspected = r.items.filter((i) => i.uninspected);
  // Both leave the denominator; each line names its own items and points.
  const pointsOf = (rows: typeof na) => Exact.sum(rows.map((i) => Exact.from(i.points))).toString();
  if (na.length) out.push(t('explain.na', { items: na.map((i) => `${i.id}(${i.points})`).join('、'), points: pointsOf(na) }));
  if (uninspected.length) out.push(c.red(t('explain.uninspected', { count: uninspected.length, items: uninspected.map((i) => `${i.id}(${i.points})`).join('、'), points: pointsOf(uninspected) })));
  if (!na.length && !uninspected.length) out.push(t('explain.no-na'));
  out.push(t('explain.base', { earned: d.earned, applicable: d.applicable, total: d.total, base: d.base }));
  if (r.items.some((i) => !i.dimension && !i.penalty)) {
    out.push(t('explain.bonus-line', { earned: d.bonusEarned, cap: d.bonusCap, applied: d.bonusApplied }));
  }
  if (r.penalty && checklist.penalties) {
    const { name } = checklist.penalties;
    const { deducted, cap, applied } = r.penalty;
    out.push(cap === null ? t('explain.penalty', { name, applied }) : t('explain.penalty-capped', { name, deducted, cap, applied }));
  }
  const rounding = { base: d.base, bonus: d.bonusApplied, unrounded: d.unrounded, precision: d.precision, total: r.total.toFixed(d.precision) };
  if (d.vetoDeducted === undefined) out.push(t('explain.final', rounding));
  else out.push(t('explain.final-deductions', { ...rounding, penalty: d.penaltyApplied ?? '0', veto: d.vetoDeducted }));
  const vetoes = r.veto.map((id) => vetoLine(r, checklist, id));
  if (!vetoes.length) {
    const grade = checklist.grades.find((g) => g.name === r.grade);
    out.push(t('explain.grade', { grade: r.grade, min: grade?.min ?? 0, total: r.total.toFixed(d.precision) }));
  } else if (vetoes.every((v) => v.rule.kind === 'lowest-grade' && !v.row.penalty)) {
    // Format 1's only veto rule: the line it always printed.
    out.push(c.red(t('explain.veto', { items: vetoes.map((v) => v.item).join('、'), grade: r.grade })));
  } else {
    for (const v of vetoes) out.push(c.red(t('explain.veto-rule', { item: v.item, cause: v.cause, effect: effectText(v.rule) })));
    out.push(t('explain.grade-vetoed', { grade: r.grade, total: r.total.toFixed(d.precision) }));
  }
  out.push(t('explain.findings', { count: r.findings.length }));
  return out.join('\n');
}

/** A veto that applied: the item or event, why it triggered, and its rule in the checklist. */
function vetoLine(r: Result, checklist: Checklist, id: string): { item: string; cause: string; rule: VetoRule; row: ItemResult } {
  const row = r.items.find((i) => i.id === id)!;
  const source = row.penalty ? checklist.penalties?.items.find((p) => p.id === id) : checklist.dimensions.flatMap((dim) => dim.items).find((i) => i.id === id);
  const rule = vetoRuleOf(checklist, source?.veto) ?? { kind: 'lowest-grade' };
  const cause = row.penalty ? t('explain.veto-cause.event', { count: Number(row.value) }) : t('explain.veto-cause.item');
  return { item: `${id} ${row.title}`, cause, rule, row };
}

function effectText(rule: VetoRule): string {
  if (rule.kind === 'cap-grade') return t('explain.veto-effect.cap-grade', { grade: rule.grade });
  if (rule.kind === 'deduct') return t('explain.veto-effect.deduct', { points: rule.points });
  return t('explain.veto-effect.lowest-grade');
}
