import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import type { Briefing, CountyProgress, CountySummary, LevelOverview, RankingRow } from './model.js';
import { yearAndMonth } from './month.js';

/**
 * The briefing laid out as tables with typed cells. Every sink (terminal, Markdown,
 * workbook) renders these, so a number is worded and rounded in one place and the
 * three outputs cannot disagree.
 */

/** good/bad colour a cell: a rise or a fall, 不合格, overdue. */
export type Tone = 'good' | 'bad';

export type Cell =
  | { kind: 'text'; text: string; tone?: Tone }
  | { kind: 'int'; value: number; tone?: Tone }
  /** A score or points, shown with `places` decimals. */
  | { kind: 'score'; value: Exact; places: number }
  /** A fraction shown as a percentage with `places` decimals. */
  | { kind: 'percent'; value: Exact; places: number }
  /** A signed difference (环比). */
  | { kind: 'change'; value: Exact; places: number }
  /** No value: not audited last month, nothing applicable. */
  | { kind: 'none' };

export interface Column {
  header: string;
  align: 'left' | 'right';
  /** Display columns to wrap at in the terminal; long Chinese text otherwise widens the table past the screen. */
  wrap?: number;
  /** Workbook column width in characters; a table's widths together fit one A4 landscape page at 9 pt (about 136). */
  width: number;
  /** Scores here get the workbook's colour scale. */
  scale?: boolean;
  /** A code stays text in a workbook (leading zeros, 12 digits); a date becomes a date cell. */
  kind?: 'code' | 'date';
}

export interface Row {
  cells: Cell[];
  /** A 合计/全市 row, set apart from the ranked rows. */
  total?: boolean;
}

export interface BriefingTable {
  /** Stable id: JSON keys and tests use it. */
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
  /** How the table pooled and counted, printed under it. */
  notes: string[];
}

const PERCENT_PLACES = 1;
const HUNDRED = Exact.of(100n);

export function monthLabel(month: string): string {
  return t('briefing.month', yearAndMonth(month));
}

export function briefingTitle(b: Briefing, custom?: string): string {
  return custom ?? t('briefing.title', { month: monthLabel(b.month) });
}

/** 县级综治中心 (a table's title) or, short, 县级 (a cell); an unknown level shows as written. */
export function levelName(level: string, short = false): string {
  const key = `briefing.level${short ? '-short' : ''}.${level}`;
  const name = t(key);
  return name === key ? level : name;
}

const text = (s: string, tone?: Tone): Cell => ({ kind: 'text', text: s, ...(tone ? { tone } : {}) });
const int = (n: number, tone?: Tone): Cell => ({ kind: 'int', value: n, ...(tone ? { tone } : {}) });
const none: Cell = { kind: 'none' };
const score = (v: Exact | undefined, places: number): Cell => (v ? { kind: 'score', value: v, places } : none);
const percent = (v: Exact | undefined): Cell => (v ? { kind: 'percent', value: v, places: PERCENT_PLACES } : none);

const left = (header: string, width: number, wrap?: number): Column => ({ header, align: 'left', width, ...(wrap ? { wrap } : {}) });
const right = (header: string, width: number, wrap?: number): Column => ({ header, align: 'right', width, ...(wrap ? { wrap } : {}) });
const code = (header: string, width = 13): Column => ({ header, align: 'left', width, kind: 'code' });
const date = (header: string): Column => ({ header, align: 'left', width: 12, kind: 'date' });

/** The lowest grade is the failing one, whatever a city calls it. */
function gradeCell(grade: string, b: Briefing): Cell {
  return text(grade, grade === b.grades[b.grades.length - 1] ? 'bad' : undefined);
}

function movementCell(rank: number, previous: number | undefined): Cell {
  if (previous === undefined) return none;
  const up = previous - rank;
  if (up === 0) return text(t('briefing.movement.same'));
  return up > 0 ? text(`↑${up}`, 'good') : text(`↓${-up}`, 'bad');
}

export interface TableOptions {
  /** Show only the most overdue findings (a city's list runs to hundreds; a screen or a 简报 wants the worst). */
  overdueLimit?: number;
  /**
   * A screen shows a long ranking's head and tail: the first and the last `rankingEnds` rows
   * when a ranking has more than four times as many (a city's 40,000 centers are no screen's).
   */
  rankingEnds?: number;
  /** Catalog key of the note under a cut ranking, saying where the whole of it is. */
  rankingCutNote?: string;
  /** A 检查日期 column in the rankings: a pasted table says which audit each score comes from. */
  auditDates?: boolean;
  /** The rankings without their rows, for a sink that writes only titles and notes (the JSON's figures are its own). */
  rankingRows?: false;
}

export function briefingTables(b: Briefing, opts: TableOptions = {}): BriefingTable[] {
  return [
    ...b.ranking.map((group) => rankingTable(b, group, opts)),
    countyTable(b),
    commonTable(b),
    ...(b.progress ? [progressTable(b), overdueTable(b, opts.overdueLimit)] : []),
    notAuditedTable(b),
  ];
}

/**
 * A ranking's table; a long one cut to its head and tail (`ends` rows each), with a row of ⋯
 * between them and a note saying where the rest is. Only the rows shown are built.
 */
function rankingTable(b: Briefing, group: Briefing['ranking'][number], opts: TableOptions): BriefingTable {
  const { rankingEnds: ends, auditDates = false } = opts;
  const places = group.rows.reduce((p, r) => Math.max(p, r.precision), 0);
  const cut = ends !== undefined && group.rows.length > ends * 4;
  const columns = rankingColumns(b, auditDates);
  const row = (r: RankingRow) => rankingRow(b, r, auditDates);
  const note = t('briefing.note.ranking', { month: monthLabel(b.month), previous: monthLabel(b.previousMonth), places });
  return {
    id: `ranking-${group.level}`,
    title: t('briefing.table.ranking', { level: levelName(group.level) }),
    columns,
    rows: opts.rankingRows === false ? [] : cut ? [...group.rows.slice(0, ends).map(row), { cells: columns.map(() => text('⋯')) }, ...group.rows.slice(-ends!).map(row)] : group.rows.map(row),
    notes: cut ? [note, t(opts.rankingCutNote ?? 'briefing.note.ranking-cut', { count: group.rows.length, ends })] : [note],
  };
}

function rankingColumns(b: Briefing, auditDates: boolean): Column[] {
  return [
    right(t('briefing.col.rank'), 6),
    right(t('briefing.col.previous-rank'), 6, 4),
    right(t('briefing.col.movement'), 6),
    code(t('briefing.col.code')),
    left(t('briefing.col.name'), 16, 16),
    left(t('briefing.col.county'), 10, 8),
    ...(auditDates ? [date(t('briefing.col.audit-date'))] : []),
    { ...right(t('briefing.col.total'), 8), scale: true },
    right(t('briefing.col.change'), 7),
    left(t('briefing.col.grade'), 8),
    ...b.dimensions.map((d) => ({ ...right(d.name, 8, 8), scale: true })),
    left(t('briefing.col.veto'), 14, 14),
  ];
}

function rankingRow(b: Briefing, r: RankingRow, auditDates: boolean): Row {
  return {
    cells: [
      int(r.rank),
      r.previousRank === undefined ? none : int(r.previousRank),
      movementCell(r.rank, r.previousRank),
      text(r.code),
      text(r.name),
      text(r.county.name),
      ...(auditDates ? [text(r.date)] : []),
      score(r.total, r.precision),
      r.change ? { kind: 'change', value: r.change, places: r.precision } : r.checklistChanged ? text(t('briefing.checklist-changed')) : none,
      gradeCell(r.grade, b),
      ...b.dimensions.map((d) => score(r.dimensions[d.id], r.precision)),
      r.veto.length ? text(r.veto.map((v) => `${v.id} ${v.title}`).join(t('briefing.list-separator')), 'bad') : none,
    ],
  };
}

function countyRow(b: Briefing, s: CountySummary, name: string, total = false): Row {
  return {
    ...(total ? { total } : {}),
    cells: [
      s.rank === undefined ? none : int(s.rank),
      text(name),
      int(s.centers),
      int(s.audited),
      score(s.countyScore, s.precision),
      score(s.townshipMean, s.precision),
      ...(b.countyWeights ? [score(s.composite, s.precision)] : []),
      ...b.grades.map((g, i) => int(s.grades[g] ?? 0, i === b.grades.length - 1 && (s.grades[g] ?? 0) > 0 ? 'bad' : undefined)),
      ...b.dimensions.map((d) => percent(s.rates[d.id])),
    ],
  };
}

function countyTable(b: Briefing): BriefingTable {
  const order = [...b.counties].sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || (x.county.code < y.county.code ? -1 : 1));
  const places = b.city.precision;
  return {
    id: 'counties',
    title: t('briefing.table.counties'),
    columns: [
      right(t('briefing.col.rank'), 6),
      left(t('briefing.col.county-name'), 12, 10),
      right(t('briefing.col.centers'), 8, 4),
      right(t('briefing.col.audited'), 8, 4),
      { ...right(t('briefing.col.county-score'), 8), scale: true },
      { ...right(t('briefing.col.township-mean'), 10, 8), scale: true },
      ...(b.countyWeights ? [{ ...right(t('briefing.col.composite'), 8), scale: true }] : []),
      ...b.grades.map((g) => right(g, 7)),
      ...b.dimensions.map((d) => ({ ...right(d.name, 10, 8), scale: true })),
    ],
    rows: [...order.map((s) => countyRow(b, s, s.county.name)), countyRow(b, { ...b.city, rank: undefined }, t('briefing.city'), true)],
    notes: [
      t('briefing.note.counties', { places }),
      b.countyWeights
        ? t('briefing.note.composite', { county: b.countyWeights.county.toString(), township: b.countyWeights.township.toString(), places })
        : t('briefing.note.no-composite'),
      t('briefing.note.rates'),
    ],
  };
}

function commonTable(b: Briefing): BriefingTable {
  const lostPlaces = Math.max(0, ...b.common.map((c) => placesOf(c.lost)));
  return {
    id: 'common',
    title: t('briefing.table.common'),
    columns: [
      right(t('briefing.col.rank'), 6),
      left(t('briefing.col.dimension'), 16, 8),
      left(t('briefing.col.item'), 36, 24),
      right(t('briefing.col.lost-centers'), 10, 6),
      right(t('briefing.col.applicable-centers'), 10, 6),
      right(t('briefing.col.share'), 8),
      right(t('briefing.col.lost-points'), 10, 6),
      right(t('briefing.col.counties-involved'), 10, 6),
    ],
    rows: b.common.map((c) => ({
      cells: [
        int(c.rank),
        text(c.dimension),
        text(`${c.item} ${c.title}`),
        int(c.centers),
        int(c.applicable),
        percent(c.share),
        { kind: 'score', value: c.lost, places: lostPlaces },
        int(c.counties),
      ],
    })),
    notes: [t('briefing.note.common', { limit: b.commonLimit })],
  };
}

/** Points lost are sums of item points (0.25 steps): shown exactly, all with the decimals the most precise one needs. */
function placesOf(v: Exact): number {
  const s = v.toString();
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function progressRow(p: CountyProgress, name: string, total = false): Row {
  return {
    ...(total ? { total } : {}),
    cells: [
      text(name),
      int(p.findings),
      int(p.open),
      int(p.inProgress),
      int(p.fixed),
      int(p.closed),
      int(p.rebound),
      int(p.overdue, p.overdue > 0 ? 'bad' : undefined),
      percent(p.closureRate),
    ],
  };
}

/** Every status has a column, so the counts add up to 问题数 on paper. */
function progressTable(b: Briefing): BriefingTable {
  const p = b.progress!;
  return {
    id: 'progress',
    title: t('briefing.table.progress'),
    columns: [
      left(t('briefing.col.county-name'), 12, 10),
      right(t('briefing.col.findings'), 8),
      right(t('briefing.col.open'), 8),
      right(t('briefing.col.in-progress'), 8),
      right(t('briefing.col.fixed'), 8),
      right(t('briefing.col.closed'), 8),
      right(t('briefing.col.rebound'), 8),
      right(t('briefing.col.overdue'), 8),
      right(t('briefing.col.closure-rate'), 8),
    ],
    rows: [...p.counties.map((c) => progressRow(c, c.county.name)), progressRow(p.city, t('briefing.city'), true)],
    notes: [t('briefing.note.progress', { asOf: b.asOf ?? '' })],
  };
}

function overdueTable(b: Briefing, limit?: number): BriefingTable {
  const all = b.progress!.overdue;
  const shown = limit === undefined ? all : all.slice(0, limit);
  return {
    id: 'overdue',
    title: t('briefing.table.overdue'),
    columns: [
      code(t('briefing.col.finding-id'), 17),
      left(t('briefing.col.center-name'), 14, 14),
      left(t('briefing.col.county'), 10, 8),
      left(t('briefing.col.problem'), 34, 24),
      left(t('briefing.col.owner'), 14, 12),
      date(t('briefing.col.deadline')),
      left(t('briefing.col.status'), 8),
      right(t('briefing.col.days-overdue'), 8, 4),
    ],
    rows: shown.map((o) => ({
      cells: [
        text(o.id),
        text(o.center.name || o.center.code),
        text(o.county.name),
        text(o.problem),
        text(o.owner),
        text(o.deadline, 'bad'),
        text(o.status),
        int(o.daysOverdue, 'bad'),
      ],
    })),
    notes: [
      t('briefing.note.overdue', { asOf: b.asOf ?? '' }),
      ...(shown.length < all.length ? [t('briefing.note.overdue-cut', { count: all.length, shown: shown.length })] : []),
    ],
  };
}

function notAuditedTable(b: Briefing): BriefingTable {
  return {
    id: 'not-audited',
    title: t('briefing.table.not-audited'),
    columns: [
      code(t('briefing.col.code')),
      left(t('briefing.col.name'), 22, 16),
      left(t('briefing.col.level'), 12, 10),
      left(t('briefing.col.county'), 10, 8),
      date(t('briefing.col.last-date')),
      right(t('briefing.col.last-total'), 10, 6),
    ],
    rows: (b.notAudited ?? []).map((n) => ({
      cells: [
        text(n.code),
        text(n.name),
        text(levelName(n.level, true)),
        text(n.county.name),
        n.lastDate ? text(n.lastDate) : none,
        score(n.lastTotal, n.lastPrecision ?? 1),
      ],
    })),
    notes: [b.notAudited ? t('briefing.note.not-audited', { month: monthLabel(b.month) }) : t('briefing.note.no-registry')],
  };
}

/** The opening paragraph of the 工作简报's 总体情况, from the overview figures. */
export function overviewText(b: Briefing): string {
  const o = b.overview;
  const parts = [t('briefing.overview.audited', { month: monthLabel(b.month), audited: o.audited, centers: o.centers })];
  // Each level is scored on its own checklist: one average per level, never one over both.
  const named = o.levels.length > 1;
  for (const level of o.levels) {
    const sentences = levelSentences(level, o.precision, named);
    if (sentences.length) parts.push(sentences.join(t('briefing.sentence-separator')));
  }
  const grades = b.grades.map((g) => t('briefing.overview.grade', { grade: g, count: o.grades[g] ?? 0 })).join(t('briefing.list-separator'));
  parts.push(o.vetoed ? t('briefing.overview.grades-veto', { grades, vetoed: o.vetoed }) : t('briefing.overview.grades', { grades }));
  const text = parts.join(t(named ? 'briefing.clause-separator' : 'briefing.sentence-separator')) + t('briefing.sentence-end');
  if (b.draftsLeftOut.length === 0) return text;
  const drafts = b.draftsLeftOut.map((d) => t('briefing.draft-ref', { name: d.name || d.code, date: d.date, source: d.source })).join(t('briefing.list-separator'));
  return `${text}${t('briefing.drafts-left-out', { count: b.draftsLeftOut.length, drafts })}`;
}

function levelSentences(l: LevelOverview, places: number, named: boolean): string[] {
  if (!l.average) return [];
  const average = l.average.toFixed(places);
  const parts = [named ? t('briefing.overview.level-average', { level: levelName(l.level), audited: l.audited, average }) : t('briefing.overview.average', { average })];
  if (l.previousAverage) {
    // The difference of the two averages as printed, so the sentence adds up for a reader.
    const diff = l.average.round(places).sub(l.previousAverage.round(places));
    const key = diff.lt(Exact.ZERO) ? 'briefing.overview.down' : 'briefing.overview.up';
    parts.push(t(key, { previousAudited: l.previousAudited, previous: l.previousAverage.toFixed(places), change: (diff.lt(Exact.ZERO) ? Exact.ZERO.sub(diff) : diff).toFixed(places) }));
  }
  return parts;
}

/** +2.5, -1.0, 0.0: the sign is shown so a pasted table reads without colour. */
export function formatChange(v: Exact, places: number): string {
  const sign = v.round(places).cmp(Exact.ZERO);
  return sign > 0 ? `+${v.toFixed(places)}` : v.toFixed(places);
}

/** A cell as plain text, the way the terminal and Markdown show it. */
export function cellText(c: Cell): string {
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'int':
      return String(c.value);
    case 'score':
      return c.value.toFixed(c.places);
    case 'percent':
      return `${c.value.mul(HUNDRED).toFixed(c.places)}%`;
    case 'change':
      return formatChange(c.value, c.places);
    case 'none':
      return '—';
  }
}

/** The tone of a cell, including the sign of a change. */
export function toneOf(c: Cell): Tone | undefined {
  if (c.kind === 'change') {
    const sign = c.value.round(c.places).cmp(Exact.ZERO);
    return sign > 0 ? 'good' : sign < 0 ? 'bad' : undefined;
  }
  return c.kind === 'text' || c.kind === 'int' ? c.tone : undefined;
}
