import { t } from '../i18n/index.js';
import type { ChecklistRanking } from '../model/rank.js';
import { shownScore } from '../model/result.js';
import { dimensionColumns, groupHeading, vetoItems } from './score-table.js';

/** Markdown ranking tables, one per checklist under its heading, ready to paste into a 工作简报. */
export function scoreMarkdown(groups: ChecklistRanking[]): string {
  return groups.map((g) => `### ${groupHeading(g)}\n\n${groupMarkdown(g)}`).join('\n');
}

function groupMarkdown(g: ChecklistRanking): string {
  const dims = dimensionColumns(g.rows.map((row) => row.item));
  const head = [t('table.rank'), t('table.code'), t('table.name'), t('table.total'), t('table.grade'), ...dims.map((d) => d.name), t('table.findings'), t('table.veto-items')];
  const rows = g.rows.map(({ item: r, rank }) => [
    String(rank),
    r.center.code,
    r.center.name,
    shownScore(r.total, r.derivation.precision),
    r.grade,
    ...dims.map((d) => {
      const dim = r.dimensions.find((x) => x.id === d.id);
      return dim ? shownScore(dim.earned, r.derivation.precision) : '—';
    }),
    String(r.findings.length),
    r.veto.length ? vetoItems(r) : '—',
  ]);
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const text = new Set([1, 2, 4, head.length - 1]);
  const align = head.map((_, i) => (text.has(i) ? '---' : '---:'));
  return [line(head), line(align), ...rows.map(line)].join('\n') + '\n';
}
