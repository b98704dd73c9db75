import { t } from '../i18n/index.js';
import { evidenceLabel } from '../model/audit.js';
import type { ChecklistRanking } from '../model/rank.js';
import { shownScore, type Result } from '../model/result.js';
import { escapeMarkdown, markdownTable } from './md-table.js';
import { dimensionColumns, groupHeading, vetoItems } from './score-table.js';

/**
 * A Markdown ranking, ready to paste into a 工作简报: a title saying what it is, which
 * dates and which checklists, then one table per checklist under its heading, with each
 * center's 检查日期.
 */
export function scoreMarkdown(groups: ChecklistRanking[]): string {
  const results = groups.flatMap((g) => g.rows.map((row) => row.item));
  const tables = groups.map((g) => `### ${escapeMarkdown(groupHeading(g))}\n\n${groupMarkdown(g)}`).join('\n');
  return `# ${scoreTitle(results)}\n\n${tables}${uninspectedMarkdown(results)}${evidenceMarkdown(results)}`;
}

/** Which items each partial inspection left out and why: a ranking cell has no room for it. */
function uninspectedMarkdown(results: Result[]): string {
  const lines = results.flatMap((r) =>
    r.items.filter((i) => i.uninspected).map((i) => `- ${r.center.code} ${r.center.name} ${i.id} ${i.title}:${i.note ?? ''}`),
  );
  return lines.length ? `\n### ${t('md.uninspected-heading')}\n\n${escapeMarkdown(lines.join('\n'))}\n` : '';
}

/** The files behind answers, by file name and short hash, so a reader can ask for the right one. */
function evidenceMarkdown(results: Result[]): string {
  const lines = results.flatMap((r) =>
    r.items.filter((i) => i.evidence).map((i) => `- ${r.center.code} ${r.center.name} ${i.id}:${i.evidence!.map(evidenceLabel).join('、')}`),
  );
  return lines.length ? `\n### ${t('md.evidence-heading')}\n\n${escapeMarkdown(lines.join('\n'))}\n` : '';
}

function groupMarkdown(g: ChecklistRanking): string {
  const results = g.rows.map((row) => row.item);
  const dims = dimensionColumns(results);
  // Columns only where some audit has them: a ranking of full inspections reads as before.
  const withMode = results.some((r) => r.mode);
  const partial = results.some((r) => r.uninspected);
  const right = (header: string) => ({ header, align: 'right' as const });
  const columns = [
    right(t('table.rank')),
    { header: t('table.code') },
    { header: t('table.name') },
    { header: t('table.date') },
    ...(withMode ? [{ header: t('table.mode') }] : []),
    ...(partial ? [{ header: t('table.partial-column') }] : []),
    right(t('table.total')),
    { header: t('table.grade') },
    ...dims.map((d) => right(d.name)),
    right(t('table.findings')),
    { header: t('table.veto-items') },
  ];
  const rows = g.rows.map(({ item: r, rank }) => [
    String(rank),
    r.center.code,
    r.center.name,
    r.date,
    ...(withMode ? [r.mode ?? '—'] : []),
    ...(partial ? [r.uninspected ? t('table.uninspected-count', { count: r.uninspected.length }) : '—'] : []),
    shownScore(r.total, r.derivation.precision),
    r.grade,
    ...dims.map((d) => {
      const dim = r.dimensions.find((x) => x.id === d.id);
      return dim ? shownScore(dim.earned, r.derivation.precision) : '—';
    }),
    String(r.findings.length),
    r.veto.length ? vetoItems(r) : '—',
  ]);
  return `${markdownTable(columns, rows)}\n`;
}

/** 评分结果(2026-11-01 至 2026-11-20;县级综治中心规范化建设评估细则 county 2025.1) */
function scoreTitle(results: Result[]): string {
  const dates = results.map((r) => r.date).sort();
  const when = dates.length === 0 ? '' : dates[0] === dates[dates.length - 1] ? dates[0] : t('md.date-range', { from: dates[0], to: dates[dates.length - 1] });
  const checklists = [...new Set(results.map((r) => `${r.checklist.name} ${r.checklist.id} ${r.checklist.version}`))].join(t('md.list-separator'));
  return t('md.score-title', { when, checklists: escapeMarkdown(checklists) });
}
