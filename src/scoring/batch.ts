import { problem, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import type { ResponseRead } from '../formats/results-json.js';
import type { Result } from '../model/result.js';
import { score, type ScoreOptions } from './score.js';

/** Scores every response; a response that cannot be scored becomes a problem naming its source and center. */
export function scoreResponses(responses: ResponseRead[], opts: ScoreOptions = {}): { results: Result[]; problems: Problem[] } {
  const results: Result[] = [];
  const problems: Problem[] = [];
  for (const { audit, checklist } of responses) {
    const outcome = score(checklist, audit, opts);
    if (outcome.ok) results.push(outcome.result);
    // One workbook holds many centers: the message names which one could not be scored.
    else problems.push({ ...problem(outcome.code, outcome.params, { file: audit.source }), message: t('score.of-center', { center: audit.center.code, name: audit.center.name, problem: t(outcome.code, outcome.params) }) });
  }
  return { results, problems };
}
