import { t } from '../i18n/index.js';
import type { Result } from '../model/result.js';
import { ranked } from '../model/rank.js';
import { colors, renderTable, type Column } from './terminal.js';

/** The dimensions of the results, in checklist order, by id (results may mix checklists). */
export function dimensionColumns(results: Result[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of results) for (const d of r.dimensions) if (!seen.has(d.id)) seen.set(d.id, d.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The ranking table `zongzhi score` prints: one row per center, best first. */
export function scoreTable(results: Result[]): string {
  const c = colors();
  const dims = dimensionColumns(results);
  const columns: Column[] = [
    { header: t('table.rank'), align: 'right' },
    { header: t('table.code') },
    { header: t('table.name'), width: 20 },
    { header: t('table.date') },
    { header: t('table.total'), align: 'right' },
    { header: t('table.grade') },
    ...dims.map((d) => ({ header: d.name, align: 'right' as const, width: 8 })),
    { header: t('table.findings'), align: 'right' },
  ];
  const rows = ranked(results, (r) => r.total).map(({ item: r, rank }) => {
    const grade = r.veto.length ? c.red(`${r.grade}(${t('table.veto')})`) : gradeColor(r, c)(r.grade);
    return [
      rank,
      r.center.code,
      r.center.name,
      r.date,
      r.total.toFixed(r.derivation.precision),
      grade,
      ...dims.map((d) => {
        const dim = r.dimensions.find((x) => x.id === d.id);
        return dim ? dim.earned.toFixed(r.derivation.precision) : '—';
      }),
      r.findings.length,
    ];
  });
  return renderTable(columns, rows);
}

function gradeColor(r: Result, c: ReturnType<typeof colors>) {
  const last = r.grade === '不合格' || r.grade === 'fail';
  return last ? c.red : (s: string) => s;
}
