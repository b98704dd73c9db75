import type { Briefing, CountySummary, RankingRow } from '../briefing/model.js';
import { briefingTables } from '../briefing/tables.js';
import { progressJson } from './progress-json.js';
import { Exact } from '../model/exact.js';

/**
 * The briefing as JSON for other tools: the figures exactly as the tables show them
 * (rounded half-up once), percentages in percent with one decimal, null where a table
 * shows "—", and each table's notes saying how it pooled. `extra` fields follow the
 * briefing's. Written in pieces, a ranking row at a time: a ranking of 40,000 centers is
 * never one object tree and one string in memory.
 */
export function* briefingJsonChunks(b: Briefing, title: string, extra: Record<string, unknown> = {}): Generator<string> {
  // Each ranking's rows stand in as one marker string; no text of a briefing holds a NUL.
  const marker = (i: number) => `\u0000rows-${i}`;
  const outline = { ...briefingJson(b, title, (rows, i) => (rows.length ? [marker(i)] : [])), ...extra };
  let rest = `${JSON.stringify(outline, null, 2)}\n`;
  for (const [i, group] of b.ranking.entries()) {
    if (!group.rows.length) continue;
    const at = rest.indexOf(JSON.stringify(marker(i)));
    const indent = '\n' + ' '.repeat(at - rest.lastIndexOf('\n', at) - 1);
    yield rest.slice(0, at);
    for (const [k, row] of group.rows.entries()) yield `${k ? `,${indent}` : ''}${JSON.stringify(rankingRowJson(row, b), null, 2).replaceAll('\n', indent)}`;
    rest = rest.slice(at + JSON.stringify(marker(i)).length);
  }
  yield rest;
}

const PERCENT_PLACES = 1;
const HUNDRED = Exact.of(100n);

function num(v: Exact | undefined, places: number): number | null {
  return v ? Number(v.toFixed(places)) : null;
}

function pct(v: Exact | undefined): number | null {
  return v ? Number(v.mul(HUNDRED).toFixed(PERCENT_PLACES)) : null;
}

function county(s: CountySummary, b: Briefing) {
  return {
    rank: s.rank ?? null,
    ...(s.county.code ? { county: s.county } : {}),
    centers: s.centers,
    audited: s.audited,
    countyScore: num(s.countyScore, s.precision),
    townshipMean: num(s.townshipMean, s.precision),
    composite: num(s.composite, s.precision),
    grades: Object.fromEntries(b.grades.map((g) => [g, s.grades[g] ?? 0])),
    ratesPercent: Object.fromEntries(b.dimensions.map((d) => [d.id, pct(s.rates[d.id])])),
  };
}


/** One row of a ranking as the JSON has it. */
function rankingRowJson(r: RankingRow, b: Briefing) {
  return {
    rank: r.rank,
    previousRank: r.previousRank ?? null,
    // Places moved up (negative: down), as the 升降 column shows it.
    movement: r.previousRank === undefined ? null : r.previousRank - r.rank,
    code: r.code,
    name: r.name,
    county: r.county,
    date: r.date,
    total: num(r.total, r.precision),
    previousTotal: num(r.previousTotal, r.precision),
    change: num(r.change, r.precision),
    ...(r.checklistChanged ? { checklistChanged: true } : {}),
    grade: r.grade,
    dimensions: Object.fromEntries(b.dimensions.map((d) => [d.id, num(r.dimensions[d.id], r.precision)])),
    veto: r.veto,
  };
}

/** The briefing as JSON data; `rows` stands in for the ranking rows (briefingJsonChunks writes them itself). */
function briefingJson(b: Briefing, title: string, rows: (rows: RankingRow[], group: number) => unknown[] = (list) => list.map((r) => rankingRowJson(r, b))) {
  const o = b.overview;
  return {
    format: 1,
    title,
    month: b.month,
    previousMonth: b.previousMonth,
    asOf: b.asOf ?? null,
    grades: b.grades,
    dimensions: b.dimensions,
    overview: {
      centers: o.centers,
      audited: o.audited,
      previousAudited: o.previousAudited,
      levels: o.levels.map((l) => ({
        level: l.level,
        audited: l.audited,
        average: num(l.average, o.precision),
        previousAudited: l.previousAudited,
        previousAverage: num(l.previousAverage, o.precision),
      })),
      grades: o.grades,
      vetoed: o.vetoed,
    },
    draftsLeftOut: b.draftsLeftOut,
    countyWeights: b.countyWeights ? { county: b.countyWeights.county.toNumber(), township: b.countyWeights.township.toNumber() } : null,
    ranking: b.ranking.map((g, i) => ({ level: g.level, rows: rows(g.rows, i) })),
    counties: b.counties.map((s) => county(s, b)),
    city: county(b.city, b),
    common: b.common.map((c) => ({
      rank: c.rank,
      item: c.item,
      title: c.title,
      dimension: c.dimension,
      centers: c.centers,
      applicable: c.applicable,
      sharePercent: pct(c.share),
      lost: c.lost.toNumber(),
      counties: c.counties,
    })),
    progress: b.progress
      ? {
          counties: b.progress.counties.map((p) => progressJson(p, p.county)),
          city: progressJson(b.progress.city),
          overdue: b.progress.overdue,
        }
      : null,
    notAudited: b.notAudited
      ? b.notAudited.map((n) => ({
          code: n.code,
          name: n.name,
          level: n.level,
          county: n.county,
          lastDate: n.lastDate ?? null,
          lastTotal: num(n.lastTotal, n.lastPrecision ?? 1),
        }))
      : null,
    notes: Object.fromEntries(briefingTables(b, { rankingRows: false }).map((table) => [table.id, table.notes])),
  };
}
