import { t } from '../i18n/index.js';
import type { ChecklistRanking } from '../model/rank.js';
import { shownScore, type Result } from '../model/result.js';
import { colors, renderTable, type Column } from './terminal.js';

/** The dimensions of the results, in checklist order, by id (results may mix checklists). */
export function dimensionColumns(results: Result[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of results) for (const d of r.dimensions) if (!seen.has(d.id)) seen.set(d.id, d.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The heading over one checklist's ranking: scores of different checklists are not comparable. */
export function groupHeading(g: ChecklistRanking): string {
  return t('score.group-heading', { name: g.checklist.name, id: g.checklist.id, version: g.checklist.version, count: g.rows.length });
}

/** 否决事项: each veto item's id and title, so a reader sees why a high total ranks last. */
export function vetoItems(r: Result): string {
  return r.veto.map((id) => `${id} ${r.items.find((i) => i.id === id)?.title ?? ''}`.trim()).join(t('table.veto-separator'));
}

/** The ranking tables `zongzhi score` prints: one per checklist under its heading, one row per center, best first. */
export function scoreTable(groups: ChecklistRanking[]): string {
  return groups.map((g) => `${groupHeading(g)}\n${groupTable(g)}`).join('\n\n');
}

/** 名次, 编码, 名称, 检查日期, 总分, 等次: how every terminal ranking starts (the full table and the summary's ends). */
export function standingColumns(): Column[] {
  return [
    { header: t('table.rank'), align: 'right' },
    { header: t('table.code') },
    { header: t('table.name'), width: 20 },
    { header: t('table.date') },
    { header: t('table.total'), align: 'right' },
    { header: t('table.grade') },
  ];
}

function groupTable(g: ChecklistRanking): string {
  const c = colors();
  const results = g.rows.map((row) => row.item);
  const dims = dimensionColumns(results);
  const vetoed = results.some((r) => r.veto.length);
  const columns: Column[] = [
    ...standingColumns(),
    ...dims.map((d) => ({ header: d.name, align: 'right' as const, width: 8 })),
    { header: t('table.findings'), align: 'right' },
    ...(vetoed ? [{ header: t('table.veto-items'), width: 20 }] : []),
  ];
  const rows = g.rows.map(({ item: r, rank }) => {
    const p = r.derivation.precision;
    return [
      rank,
      r.center.code,
      r.center.name,
      // The mode and a partial inspection travel with the date: neither is a score.
      [r.date, r.mode, r.uninspected ? t('table.partial', { count: r.uninspected.length }) : undefined].filter(Boolean).join(' '),
      shownScore(r.total, p),
      r.veto.length ? c.red(r.grade) : gradeColor(r, c)(r.grade),
      ...dims.map((d) => {
        const dim = r.dimensions.find((x) => x.id === d.id);
        return dim ? shownScore(dim.earned, p) : '—';
      }),
      r.findings.length,
      ...(vetoed ? [r.veto.length ? c.red(vetoItems(r)) : '—'] : []),
    ];
  });
  return renderTable(columns, rows);
}

function gradeColor(r: Result, c: ReturnType<typeof colors>) {
  const last = r.grade === '不合格' || r.grade === 'fail';
  return last ? c.red : (s: string) => s;
}
