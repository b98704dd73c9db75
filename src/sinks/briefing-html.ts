import { readFileSync } from 'node:fs';
import { documentSections } from '../briefing/document.js';
import type { Briefing } from '../briefing/model.js';
import { cellText, monthLabel, overviewText, toneOf, type BriefingTable } from '../briefing/tables.js';
import { ASSETS, assetPath } from '../charts/assets.js';
import type { ChartSection, ChartSpec } from '../charts/specs.js';
import { lang, t } from '../i18n/index.js';
import { writeFileAtomic } from '../util/fs.js';
import { numeral } from './briefing-md.js';

/**
 * The 通报 as one self-contained web page: the .docx's sections and tables, with the charts
 * drawn by ECharts in the browser (hover shows the figures). Nothing is fetched: the chart
 * library and the data are inlined, so the file opens from a USB stick on an offline
 * machine. Printed, it lays out on A4 like the .docx, wide tables on landscape pages.
 */

export interface HtmlOptions {
  issueNo?: string;
  force?: boolean;
  charts?: ChartSpec[];
  /** The 任务进展 section's tables (deployed tasks, 运行数据, 约谈/提醒), when those inputs were given. */
  monthly?: BriefingTable[];
  /** Every ranking in full, however long. */
  all?: boolean;
}

/** More columns than this print on a landscape page in smaller type, as in the .docx. */
const WIDE_COLUMNS = 10;

export function writeBriefingHtml(path: string, b: Briefing, title: string, opts: HtmlOptions = {}): void {
  writeFileAtomic(path, briefingHtml(b, title, opts, readFileSync(assetPath(ASSETS.echartsBrowser), 'utf8')), { force: opts.force });
}

/** The page's text; `library` is the browser build of ECharts, inlined. */
export function briefingHtml(b: Briefing, title: string, opts: HtmlOptions, library: string): string {
  const charts = opts.charts ?? [];
  let figure = 0;
  const figures = (section: ChartSection) =>
    charts
      .map((spec, i) => ({ spec, i }))
      .filter(({ spec }) => spec.section === section)
      .map(({ spec, i }) => `<figure><div class="chart" data-chart="${i}" role="img" aria-label="${escape(spec.title)}"></div><figcaption>${escape(t('chart.caption', { n: ++figure, title: spec.title }))}</figcaption></figure>`)
      .join('\n');
  const body = [
    `<p class="issue-no">${escape(opts.issueNo ?? t('briefing.docx.issue-no'))}</p>`,
    `<h1>${escape(title)}</h1>`,
    `<p>${escape(t('briefing.docx.to'))}</p>`,
    heading(1, t('briefing.overview.heading')),
    `<p class="indent">${escape(overviewText(b))}</p>`,
    figures('overview'),
  ];
  let n = 2;
  for (const section of documentSections(b, opts.monthly, { all: opts.all })) body.push(heading(n++, t(section.heading)), figures(section.charts), ...section.tables.map(tableHtml));
  body.push(heading(n, t('briefing.docx.next-steps')), `<p class="indent">${escape(t('briefing.docx.next-steps-placeholder'))}</p>`);
  body.push(`<p class="cc">${escape(t('briefing.docx.cc'))}</p>`, `<p>${escape(t('briefing.docx.printed', { month: monthLabel(b.month) }))}</p>`);
  return `<!DOCTYPE html>
<html lang="${lang() === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.filter(Boolean).join('\n')}
</main>
<script>${scriptText(library)}</script>
<script>
const CHARTS = ${jsonInScript(charts.map((c) => c.option))};
${DRAW}
</script>
</body>
</html>
`;
}

function heading(n: number, title: string): string {
  return `<h2>${escape(t('briefing.md.section', { cn: numeral(n), n, title }))}</h2>`;
}

function tableHtml(table: BriefingTable): string {
  const head = `<tr>${table.columns.map((c) => `<th>${escape(c.header)}</th>`).join('')}</tr>`;
  const rows = table.rows.map((r) => `<tr${r.total ? ' class="total"' : ''}>${r.cells.map((c, i) => `<td class="${[table.columns[i].align, toneOf(c)].filter(Boolean).join(' ')}">${escape(cellText(c))}</td>`).join('')}</tr>`);
  const grid = table.rows.length ? `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>` : '';
  const notes = table.notes.map((note) => `<p class="note">${escape(note)}</p>`).join('');
  return `<section class="table${table.columns.length > WIDE_COLUMNS ? ' wide' : ''}" id="${escape(table.id)}"><h3>${escape(table.title)}</h3>${grid}${notes}</section>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Code inside <script>: a "</script" in it would end the element (the library has none; this keeps it so). */
function scriptText(text: string): string {
  return text.replace(/<\/script/gi, '<\\/script');
}

/** Data inside <script>, as JSON with every "<" escaped: no name from the inputs can end the script or open a comment. */
function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Draws each chart as SVG (crisp when printed) and redraws at the printed size. */
const DRAW = `const drawn = [...document.querySelectorAll('.chart')].map((el) => {
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption(CHARTS[Number(el.dataset.chart)]);
  return chart;
});
const resize = () => drawn.forEach((c) => c.resize());
window.addEventListener('resize', resize);
window.addEventListener('beforeprint', resize);
window.addEventListener('afterprint', resize);`;

/** Screen: a page-wide column; print: A4 with GB/T 9704-like margins, 仿宋 三号 body, 黑体 headings. */
const STYLE = `
:root { --body: "FangSong", "仿宋", "STFangsong", "FangSong_GB2312", "Noto Serif CJK SC", serif; --heading: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; --title: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; }
body { margin: 0; background: #f3f3f3; font-family: var(--body); font-size: 16pt; line-height: 1.6; color: #000; }
main { max-width: 210mm; margin: 0 auto; padding: 20mm 26mm 20mm 28mm; background: #fff; box-sizing: border-box; }
.issue-no { text-align: center; white-space: pre; }
h1 { font-family: var(--title); font-size: 22pt; text-align: center; margin: 1em 0; }
h2 { font-family: var(--heading); font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0.5em 0; }
h3 { font-family: var(--heading); font-size: 12pt; font-weight: normal; text-align: center; margin: 1em 0 0.4em; }
p { margin: 0; }
.indent { text-indent: 2em; }
.cc { margin-top: 2em; }
figure { margin: 1em 0; break-inside: avoid; }
.chart { width: 100%; aspect-ratio: 16 / 9; }
figcaption { font-family: var(--heading); font-size: 12pt; text-align: center; }
section.table { margin-bottom: 1em; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.3; }
.wide table { font-size: 9pt; }
th, td { border: 1px solid #000; padding: 2px 4px; text-align: center; }
td.left { text-align: left; }
td.right { text-align: right; }
td.good { color: #006100; }
td.bad { color: #9c0006; }
tr.total td { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.note { font-size: 10.5pt; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page landscape { size: A4 landscape; margin: 28mm 37mm 26mm 35mm; }
@media print {
  body { background: none; }
  main { max-width: none; padding: 0; }
  .wide { page: landscape; }
  .chart { width: 156mm; height: 87.75mm; aspect-ratio: auto; }
}
`;
