import type { Progress } from '../ledger/progress.js';
import type { Exact } from '../model/exact.js';

/**
 * The monthly briefing (月通报) as numbers, before any wording or layout. Every
 * average and share is kept exact here; sinks round once, half-up, for display.
 */
export interface Briefing {
  month: string;
  previousMonth: string;
  /** Date overdue is judged against; present when a ledger was given. */
  asOf?: string;
  /** Grade names, best first, as the checklists define them. */
  grades: string[];
  /** Dimensions in checklist order (results may mix checklists that share dimension ids). */
  dimensions: { id: string; name: string }[];
  overview: Overview;
  /** One section per checklist level (county centers and township centers are ranked apart). */
  ranking: RankingGroup[];
  counties: CountySummary[];
  /** The whole city: every audited center once. */
  city: CountySummary;
  common: CommonProblem[];
  /** How many items the 共性问题 table was cut to (ties with the last one are kept). */
  commonLimit: number;
  /** From the ledger; undefined when no ledger was given. */
  progress?: { counties: CountyProgress[]; city: CountyProgress; overdue: OverdueFinding[] };
  /** Undefined when no registry was given: without it nobody knows who should have been audited. */
  notAudited?: NotAudited[];
  /** The weights of the county composite, when the user gave them. */
  countyWeights?: CountyWeights;
  /** Draft audits (not final) of the month or before, left out of every figure. */
  draftsLeftOut: DraftRef[];
}

export interface DraftRef {
  code: string;
  name: string;
  date: string;
  /** The file it was read from. */
  source: string;
}

export interface Overview {
  /** Centers in the registry (or audited, without one). */
  centers: number;
  audited: number;
  previousAudited: number;
  /** One entry per checklist level audited this month or last: county and township scores are never averaged together. */
  levels: LevelOverview[];
  /** Count per grade name. */
  grades: Record<string, number>;
  vetoed: number;
  /** Decimals reported scores carry (the checklists' precision). */
  precision: number;
}

export interface LevelOverview {
  /** The checklist level: county, township, village. */
  level: string;
  audited: number;
  /** Mean of the audited centers' reported final scores, exact. */
  average?: Exact;
  previousAudited: number;
  previousAverage?: Exact;
}

export interface CountyRef {
  code: string;
  name: string;
}

export interface RankingGroup {
  /** The checklist level: county or township. */
  level: string;
  rows: RankingRow[];
}

export interface RankingRow {
  rank: number;
  /** Rank in the same group last month; undefined when not audited then. */
  previousRank?: number;
  code: string;
  name: string;
  county: CountyRef;
  date: string;
  /** Reported (rounded) final score. */
  total: Exact;
  previousTotal?: Exact;
  /** total − previousTotal, both as reported; undefined when last month's audit used another checklist version. */
  change?: Exact;
  /** Last month's audit used another checklist id or version: its score is shown, not compared (清单版本不同). */
  checklistChanged?: boolean;
  grade: string;
  /** Reported (rounded) dimension scores by dimension id. */
  dimensions: Record<string, Exact>;
  veto: { id: string; title: string }[];
  precision: number;
}

export interface CountySummary {
  county: CountyRef;
  /** Centers that should be audited: the registry's, plus any audited center it lacks. */
  centers: number;
  audited: number;
  /**
   * The county center's reported score and the exact mean of its townships' reported scores:
   * two checklists, side by side, never averaged together. Undefined when none was audited.
   */
  countyScore?: Exact;
  townshipMean?: Exact;
  /** county weight × countyScore + township weight × townshipMean, only with --county-weights and both present. */
  composite?: Exact;
  /** Rank by the composite (with weights) or the county center's score, as displayed; equal ones share a rank. */
  rank?: number;
  grades: Record<string, number>;
  /** Exact mean of the audited centers' dimension rates (earned ÷ applicable), by dimension id. */
  rates: Record<string, Exact>;
  precision: number;
}

/** The weights of a county composite (--county-weights county=0.4,township=0.6); they sum to 1. */
export interface CountyWeights {
  county: Exact;
  township: Exact;
}

export interface CommonProblem {
  rank: number;
  item: string;
  title: string;
  dimension: string;
  /** Centers that lost points on the item. */
  centers: number;
  /** Centers for which the item applied (answered, not N/A): the share's denominator. */
  applicable: number;
  share: Exact;
  /** Σ points lost on the item across those centers. */
  lost: Exact;
  counties: number;
}

/**
 * Rectification progress of one county's findings on the as-of date: the ledger's own
 * counts (src/ledger/progress.ts), named like the other tables, with the rate exact.
 */
export interface CountyProgress extends Omit<Progress, 'county' | 'label' | 'closureRatePercent'> {
  county: CountyRef;
  /** closed ÷ findings, exact; undefined when there are none. */
  closureRate?: Exact;
}

export interface OverdueFinding {
  id: string;
  center: { code: string; name: string };
  county: CountyRef;
  problem: string;
  owner: string;
  deadline: string;
  status: string;
  /** Whole days past the deadline on the as-of date. */
  daysOverdue: number;
}

export interface NotAudited {
  code: string;
  name: string;
  level: string;
  county: CountyRef;
  /** The latest audit before the month, if any. */
  lastDate?: string;
  lastTotal?: Exact;
  lastPrecision?: number;
}
