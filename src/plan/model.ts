import type { Level } from '../model/level.js';

/**
 * An inspection plan (督查计划) for one quarter: which centers are inspected, by which
 * team, on which day, openly (明察) or unannounced (暗访), and why each was chosen.
 * Everything here is derived from the inputs and the published seed: nothing is random.
 */

/** Only county and township centers are planned (select.ts); village centers are left to their township. */
export type CenterLevel = Level;
export type Mode = '明察' | '暗访';
/** Why a center is in the plan: every county center, a 回头看 target (--must), or drawn by lot. */
export type Reason = 'county' | 'must' | 'drawn';

export interface Inspector {
  name: string;
  unit: string;
  /** Home county: a 6-digit code; a code ending in 00 is a city-level inspector (no county of their own). */
  county: string;
  /** 组长 or 组员 (free text; 组长 leads a team). */
  role: string;
  /** Center or county codes this inspector must not inspect (回避), beyond their own county. */
  conflicts: string[];
}

export interface Team {
  /** 1, 2, …: the team's number (第1组). */
  id: number;
  inspectors: Inspector[];
}

/** One risk factor: `per` weight for each unit of it, at most `max`. */
export interface RiskFactor {
  id: 'unvisited' | 'low-score' | 'failed' | 'overdue' | 'rebound';
  per: number;
  max: number;
}

/** What the history and ledger say about one center on the as-of date. */
export interface RiskFacts {
  /** Full quarters since its last audit (never audited counts as the cap). */
  unvisited: number;
  /** Points below the good-standing line in its last audit (0 when none). */
  lowScore: number;
  /** 1 when its last audit was in the lowest grade or vetoed. */
  failed: number;
  /** Ledger rows past their deadline. */
  overdue: number;
  /** Ledger rows marked 反弹. */
  rebound: number;
}

/** Why and how a center was drawn: what selection decides, before a team and a date. */
export interface Draw {
  /** The county (6 digits) the center belongs to. */
  county: string;
  reason: Reason;
  /** 1 + Σ factor contributions; 1 when no history or ledger was given. */
  weight: number;
  risk: RiskFacts;
  /** The lot u in (0, 1] from HMAC-SHA256(seed, quarter|code), and the sort key u^(1/weight). */
  lot: number;
  key: number;
  mode: Mode;
}

export interface Visit extends Draw {
  center: { code: string; name: string; level: CenterLevel };
  date: string;
  /** Day the center is told of a 明察 visit; absent for 暗访. */
  notice?: string;
  team: number;
  inspectors: { name: string; unit: string; county: string }[];
}

/** A county's township stratum: how many townships it has and how many the plan takes. */
export interface Stratum {
  county: string;
  name: string;
  townships: number;
  quota: number;
}

export interface Plan {
  quarter: string;
  seed: string;
  /** The first and last day of the quarter, and the as-of date of the risk facts. */
  start: string;
  end: string;
  asOf: string;
  /** 内部 when any visit is 暗访: the document must not reach the centers. */
  internal: boolean;
  options: PlanSettings;
  factors: readonly RiskFactor[];
  strata: Stratum[];
  teams: Team[];
  visits: Visit[];
}

/** The options that shape a plan, as recorded in it so `plan verify` can be run again. */
export interface PlanSettings {
  /** `20%` (share of each county's townships) or a count per county. */
  sample: string;
  /** `all`: every county center each quarter; `none`: county centers only through --must. */
  counties: 'all' | 'none';
  must: string[];
  teamSize: number;
  perDay: number;
  /** Share of visits that are 暗访, 0..1. */
  covert: number;
  noticeDays: number;
  /** Dates no visit is planned on (holidays), YYYY-MM-DD, sorted. */
  exclude: string[];
}

/** Something wrong with the inputs, found while planning; the command adds the place. */
export interface PlanProblem {
  code: string;
  params: Record<string, string | number>;
  /** Set when it is about the roster, so the command can name that file. */
  input?: 'inspectors';
}
