import type { Problem } from '../errors.js';
import type { Result } from '../model/result.js';

export interface ReportOptions {
  force?: boolean;
  /** Centers skipped with --skip-invalid, listed on an 错误 sheet. */
  skipped?: Problem[];
  /** Registry (centers.csv/.xlsx) giving parents, for ranking within each county. */
  centers?: string;
}

// Placeholder until the scored report workbook lands.
export async function writeReport(path: string, _results: Result[], _opts: ReportOptions = {}): Promise<void> {
  throw new Error(`the scored report workbook is not built yet (${path})`);
}
