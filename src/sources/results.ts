import type { ChecklistRegistry } from '../checklist/registry.js';
import type { Problem } from '../errors.js';
import type { SourcedResult } from '../ledger/audits.js';
import { checkLevels, type LevelLookup } from '../model/level.js';
import { scoreResponses } from '../scoring/batch.js';
import { readResponses } from './responses.js';

/**
 * Every response among `paths` scored, each with the file it came from (the ledger's
 * merge record names it); responses that cannot be read or scored, or whose center is not of
 * their checklist's level, are problems, all listed.
 */
export async function readScoredResults(paths: string[], registry: ChecklistRegistry, levels?: LevelLookup): Promise<{ audits: SourcedResult[]; problems: Problem[] }> {
  const read = await readResponses(paths, registry);
  const checked = checkLevels(read.responses, levels);
  const problems: Problem[] = [...read.problems, ...checked.problems];
  const audits: SourcedResult[] = [];
  for (const response of checked.responses) {
    const scored = scoreResponses([response]);
    problems.push(...scored.problems);
    for (const result of scored.results) audits.push({ result, source: response.audit.source });
  }
  return { audits, problems };
}
