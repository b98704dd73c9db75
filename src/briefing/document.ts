import type { ChartSection } from '../charts/specs.js';
import type { Briefing } from './model.js';
import { briefingTables, type BriefingTable } from './tables.js';

/**
 * The 通报 as a document (.docx and .html): after 一、总体情况, the numbered sections with
 * the tables and charts printed under each. 整改进展 only when a ledger was given; 任务进展
 * (deployed tasks, 运行数据, 约谈/提醒) only when tasks, progress or figures were given.
 */
export interface DocumentSection {
  /** Catalog key of the heading. */
  heading: string;
  /** Which charts go under the heading. */
  charts: ChartSection;
  tables: BriefingTable[];
}

/** The overdue list is cut to this many rows in a document; the .xlsx has them all. */
const OVERDUE_SHOWN = 20;
/**
 * A ranking over four times this long prints its first and last this many rows, unless `all`:
 * 40,000 centers would be a thousand pages (and gigabytes to lay out); the .xlsx has them all.
 */
const RANKING_ENDS = 50;

export function documentSections(b: Briefing, monthly: BriefingTable[] = [], opts: { all?: boolean } = {}): DocumentSection[] {
  const cut = opts.all ? {} : { rankingEnds: RANKING_ENDS, rankingCutNote: 'briefing.note.ranking-cut-document' };
  const tables = briefingTables(b, { overdueLimit: OVERDUE_SHOWN, ...cut });
  const isProgress = (x: BriefingTable) => ['progress', 'overdue'].includes(x.id);
  const sections: DocumentSection[] = [{ heading: 'briefing.docx.ranking', charts: 'ranking', tables: tables.filter((x) => !isProgress(x)) }];
  const progress = tables.filter(isProgress);
  if (progress.length) sections.push({ heading: 'briefing.docx.progress', charts: 'progress', tables: progress });
  if (monthly.length) sections.push({ heading: 'briefing.docx.tasks', charts: 'tasks', tables: monthly });
  return sections;
}
