import type { Briefing, RankingGroup } from '../briefing/model.js';
import { levelName } from '../briefing/tables.js';
import type { Trend } from '../briefing/trend.js';
import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';

/**
 * The 通报's charts as ECharts options: plain data (no functions), so the same option is
 * rendered to PNG for the .docx and embedded as JSON in the .html. Pure: no I/O.
 */

/** The 公文 section a chart is printed under. */
export type ChartSection = 'overview' | 'ranking' | 'progress' | 'tasks';

export interface ChartSpec {
  id: string;
  section: ChartSection;
  /** The caption's text, without its number (the document numbers figures in its own order). */
  title: string;
  option: Record<string, unknown>;
}

/**
 * The drawing size in CSS pixels, 16:9. Printed across the A4 text width (156 mm), ECharts'
 * 12 px axis labels come out at 9.5 pt: no smaller than the tables' type.
 */
export const CHART_SIZE = { width: 560, height: 315 };

export function briefingCharts(b: Briefing, trend?: Trend): ChartSpec[] {
  const charts: ChartSpec[] = [gradeChart(b)];
  if (trend) charts.push(trendAverageChart(trend));
  // One chart per checklist level: county and township centers are scored on different checklists.
  for (const group of b.ranking) charts.push(countyAverageChart(group));
  if (b.progress && trend?.closureRates) charts.push(closureChart(trend.months, trend.closureRates));
  return charts;
}

const BASE = {
  animation: false,
  // A generic family: the renderer maps it to the CJK font it was given, the browser to the system's.
  textStyle: { fontFamily: 'sans-serif' },
  tooltip: { trigger: 'axis' },
  grid: { left: 10, right: 20, top: 45, bottom: 10, containLabel: true },
};

function gradeChart(b: Briefing): ChartSpec {
  return {
    id: 'grades',
    section: 'overview',
    title: t('chart.grades'),
    option: {
      ...BASE,
      legend: { top: 0 },
      xAxis: { type: 'category', data: b.grades },
      yAxis: { type: 'value', name: t('chart.axis.centers'), minInterval: 1 },
      series: b.ranking.map((group) => ({
        name: levelName(group.level, true),
        type: 'bar',
        label: { show: true, position: 'top' },
        data: b.grades.map((grade) => group.rows.filter((r) => r.grade === grade).length),
      })),
    },
  };
}

function trendAverageChart(trend: Trend): ChartSpec {
  return {
    id: 'trend-average',
    section: 'overview',
    title: t('chart.trend-average'),
    option: {
      ...BASE,
      legend: { top: 0 },
      xAxis: { type: 'category', data: trend.months },
      yAxis: { type: 'value', name: t('chart.axis.average'), scale: true },
      series: trend.lines.map((line) => ({
        name: t('chart.line', { level: levelName(line.checklist.level, true), version: line.checklist.version }),
        type: 'line',
        // A month without audits is a gap in the line, not a fall to zero.
        connectNulls: false,
        label: { show: true },
        data: line.averages.map((a) => shown(a, line.precision)),
      })),
    },
  };
}

/** Each county's mean of its centers' reported totals on one checklist level, best first. */
function countyAverageChart(group: RankingGroup): ChartSpec {
  const byCounty = new Map<string, { name: string; totals: Exact[] }>();
  for (const row of group.rows) {
    const county = byCounty.get(row.county.code) ?? { name: row.county.name, totals: [] };
    byCounty.set(row.county.code, county);
    county.totals.push(row.total);
  }
  const precision = group.rows.reduce((p, r) => Math.max(p, r.precision), 0);
  const bars = [...byCounty]
    .map(([code, c]) => ({ code, name: c.name, average: Exact.sum(c.totals).div(Exact.of(BigInt(c.totals.length))) }))
    .sort((a, b) => b.average.cmp(a.average) || (a.code < b.code ? -1 : 1));
  return {
    id: `county-average-${group.level}`,
    section: 'ranking',
    title: t('chart.county-average', { level: levelName(group.level) }),
    option: {
      ...BASE,
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0, rotate: bars.length > 8 ? 45 : 0 } },
      // Bars start at zero: a cut axis would make a 2-point gap look like a doubling.
      yAxis: { type: 'value', name: t('chart.axis.average') },
      series: [{ name: t('chart.axis.average'), type: 'bar', label: { show: bars.length <= 16, position: 'top' }, data: bars.map((b) => shown(b.average, precision)) }],
    },
  };
}

function closureChart(months: string[], rates: (Exact | undefined)[]): ChartSpec {
  return {
    id: 'trend-closure',
    section: 'progress',
    title: t('chart.trend-closure'),
    option: {
      ...BASE,
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: t('chart.axis.closure-rate'), min: 0, max: 100 },
      series: [{ name: t('chart.series.closure-rate'), type: 'line', connectNulls: false, label: { show: true }, data: rates.map((r) => shown(r?.mul(Exact.of(100n)), 1)) }],
    },
  };
}

/**
 * A data point as the tables show it: rounded half-up once, its label the table's text
 * (88.0, not 88); null leaves a gap.
 */
function shown(value: Exact | undefined, places: number): { value: number; label: { formatter: string } } | null {
  if (value === undefined) return null;
  const text = value.toFixed(places);
  return { value: Number(text), label: { formatter: text } };
}
