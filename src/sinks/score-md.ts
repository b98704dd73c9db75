import { t } from '../i18n/index.js';
import type { Result } from '../model/result.js';
import { ranked } from '../model/rank.js';
import { dimensionColumns } from './score-table.js';

/** A Markdown ranking table, ready to paste into a 工作简报. */
export function scoreMarkdown(results: Result[]): string {
  const dims = dimensionColumns(results);
  const head = [t('table.rank'), t('table.code'), t('table.name'), t('table.total'), t('table.grade'), ...dims.map((d) => d.name), t('table.findings')];
  const rows = ranked(results, (r) => r.total).map(({ item: r, rank }) => [
    String(rank),
    r.center.code,
    r.center.name,
    r.total.toFixed(r.derivation.precision),
    r.veto.length ? `${r.grade}(${t('table.veto')})` : r.grade,
    ...dims.map((d) => r.dimensions.find((x) => x.id === d.id)?.earned.toFixed(r.derivation.precision) ?? '—'),
    String(r.findings.length),
  ]);
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const align = head.map((_, i) => (i === 1 || i === 2 || i === 4 ? '---' : '---:'));
  return [line(head), line(align), ...rows.map(line)].join('\n') + '\n';
}
