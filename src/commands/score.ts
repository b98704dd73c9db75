import { ChecklistRegistry } from '../checklist/registry.js';
import { formatProblem, UserError } from '../errors.js';
import { resultsJsonChunks } from '../formats/results-json.js';
import { t } from '../i18n/index.js';
import { scoreResponses } from '../scoring/batch.js';
import { explain } from '../sinks/explain.js';
import { scoreMarkdown } from '../sinks/score-md.js';
import { scoreTable } from '../sinks/score-table.js';
import { readResponses } from '../sources/responses.js';
import { levelsOf, readCenters } from '../sources/centers.js';
import { checkLevels } from '../model/level.js';
import { extensionOf, OutputSet, writeChunksAtomic, writeFileAtomic } from '../util/fs.js';
import { gradeNames } from '../model/checklist.js';
import { rankPerChecklist } from '../model/rank.js';

interface Options {
  checklist?: string[];
  output?: string[];
  json?: boolean;
  explain?: boolean;
  blank?: 'zero';
  centers?: string;
  skipInvalid?: boolean;
  allowChecklistChange?: boolean;
  force?: boolean;
}

const OUTPUTS = ['.xlsx', '.json', '.md'];

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const outputs = opts.output ?? [];
  const unsupported = outputs.filter((o) => !OUTPUTS.includes(extensionOf(o)));
  if (unsupported.length) throw new UserError(unsupported.map((path) => ({ code: 'score.bad-output', message: t('score.bad-output', { path }) })), 2);
  // Refuse before the work, not after it.
  const set = new OutputSet(opts.force);
  set.check(outputs);
  // A registry given is checked whatever the outputs: a wrong path must not pass unnoticed.
  if (opts.centers) await (await import('../sources/centers.js')).readCenters(opts.centers);

  const registry = new ChecklistRegistry(opts.checklist ?? [], opts.allowChecklistChange);
  const read = await readResponses(inputs, registry);
  for (const w of read.warnings) process.stderr.write(`${t('score.warning', { problem: formatProblem(w) })}\n`);
  const centers = opts.centers ? await readCenters(opts.centers) : undefined;
  const levels = checkLevels(read.responses, centers && levelsOf(centers));
  const scored = scoreResponses(levels.responses, { blankAsZero: opts.blank === 'zero' });
  const problems = [...read.problems, ...levels.problems, ...scored.problems];
  if (problems.length && !opts.skipInvalid) throw new UserError(problems);
  const grades = gradeNames(read.responses.map((r) => r.checklist));
  const groups = rankPerChecklist(scored.results, grades);
  // Every output in ranking order, checklist by checklist.
  const results = groups.flatMap((g) => g.rows.map((row) => row.item));

  // All outputs or none: each is written to a temp file, then they are renamed together.
  await set.writeAll(outputs, async (temp, path) => {
    const ext = extensionOf(path);
    if (ext === '.json') writeChunksAtomic(temp, resultsJsonChunks(results), { force: true });
    if (ext === '.md') writeFileAtomic(temp, scoreMarkdown(groups), { force: true });
    if (ext === '.xlsx') {
      const { writeReport } = await import('../sinks/report-xlsx.js');
      await writeReport(temp, results, { force: true, skipped: problems, centers: opts.centers, grades });
    }
  });

  if (opts.json) {
    for (const chunk of resultsJsonChunks(results)) process.stdout.write(chunk);
  } else if (opts.explain) {
    const checklists = new Map(read.responses.map((r) => [`${r.checklist.id}@${r.checklist.version}`, r.checklist]));
    process.stdout.write(results.map((r) => explain(r, checklists.get(`${r.checklist.id}@${r.checklist.version}`)!)).join('\n\n') + '\n');
  } else if (results.length) {
    process.stdout.write(scoreTable(groups) + '\n');
  }
  if (problems.length) {
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`${t('score.skipped', { count: problems.length })}\n`);
  }
  for (const path of outputs) process.stderr.write(`${t('score.wrote', { path })}\n`);
}
