import { t } from '../i18n/index.js';
import type { Checklist } from '../model/checklist.js';
import type { Result } from '../model/result.js';
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
  const dims = new Map(checklist.dimensions.map((x) => [x.id, x.name]));
  const rows = r.items.map((i) => [
    i.id,
    i.dimension ? (dims.get(i.dimension) ?? i.dimension) : t('explain.bonus'),
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
  if (na.length) {
    out.push(t('explain.na', { items: na.map((i) => `${i.id}(${i.points})`).join('、'), points: d.notApplicable }));
  } else {
    out.push(t('explain.no-na'));
  }
  out.push(t('explain.base', { earned: d.earned, applicable: d.applicable, total: d.total, base: d.base }));
  if (r.items.some((i) => !i.dimension)) {
    out.push(t('explain.bonus-line', { earned: d.bonusEarned, cap: d.bonusCap, applied: d.bonusApplied }));
  }
  out.push(t('explain.final', { base: d.base, bonus: d.bonusApplied, unrounded: d.unrounded, precision: d.precision, total: r.total.toFixed(d.precision) }));
  if (r.veto.length) {
    const titles = r.veto.map((id) => `${id} ${r.items.find((i) => i.id === id)?.title ?? ''}`).join('、');
    out.push(c.red(t('explain.veto', { items: titles, grade: r.grade })));
  } else {
    const grade = checklist.grades.find((g) => g.name === r.grade);
    out.push(t('explain.grade', { grade: r.grade, min: grade?.min ?? 0, total: r.total.toFixed(d.precision) }));
  }
  out.push(t('explain.findings', { count: r.findings.length }));
  return out.join('\n');
}
