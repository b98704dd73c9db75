import type { ChecklistRegistry } from '../checklist/registry.js';
import type { Problem } from '../errors.js';
import type { SourcedResult } from '../ledger/audits.js';
import { scoreResponses } from '../scoring/batch.js';
import { readResponses } from './responses.js';

/**
 * Every response among `paths` scored, each with the file it came from (the ledger's
 * merge record names it); responses that cannot be read or scored are problems, all listed.
 */
export async function readScoredResults(paths: string[], registry: ChecklistRegistry): Promise<{ audits: SourcedResult[]; problems: Problem[] }> {
  const read = await readResponses(paths, registry);
  const problems: Problem[] = [...read.problems];
  const audits: SourcedResult[] = [];
  for (const response of read.responses) {
    const scored = scoreResponses([response]);
    problems.push(...scored.problems);
    for (const result of scored.results) audits.push({ result, source: response.audit.source });
  }
  return { audits, problems };
}
