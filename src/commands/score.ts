import { ChecklistRegistry } from '../checklist/registry.js';
import { formatProblem, UserError } from '../errors.js';
import { resultsJsonChunks } from '../formats/results-json.js';
import { t } from '../i18n/index.js';
import { ScoredBatch, type StandingGroup } from '../scoring/batch.js';
import { explain } from '../sinks/explain.js';
import { scoreMarkdown } from '../sinks/score-md.js';
import { scoreSummary } from '../sinks/score-summary.js';
import { scoreTable } from '../sinks/score-table.js';
import { streamResponses } from '../sources/responses.js';
import { levelsOf, readCenters } from '../sources/centers.js';
import { extensionOf, OutputSet, writeChunksAtomic, writeFileAtomic } from '../util/fs.js';
import { gradeNames } from '../model/checklist.js';
import type { ChecklistRanking } from '../model/rank.js';
import type { Result } from '../model/result.js';

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
  all?: boolean;
  compact?: boolean;
}

const OUTPUTS = ['.xlsx', '.json', '.jsonl', '.md'];
/** Above this many centers the terminal shows a summary, not the ranking (unless --all). */
export const SUMMARY_ABOVE = 50;

export default async function run(inputs: string[], opts: Options): Promise<void> {
  const outputs = opts.output ?? [];
  const unsupported = outputs.filter((o) => !OUTPUTS.includes(extensionOf(o)));
  if (unsupported.length) throw new UserError(unsupported.map((path) => ({ code: 'score.bad-output', message: t('score.bad-output', { path }) })), 2);
  // Refuse before the work, not after it.
  const set = new OutputSet(opts.force);
  set.check(outputs);
  // A registry given is checked whatever the outputs: a wrong path must not pass unnoticed.
  const centers = opts.centers ? await readCenters(opts.centers) : undefined;

  const registry = new ChecklistRegistry(opts.checklist ?? [], opts.allowChecklistChange);
  // Streaming: each response is scored as it is read and waits in the batch's temp file.
  const batch = new ScoredBatch({ blankAsZero: opts.blank === 'zero', levels: centers && levelsOf(centers) });
  try {
    const read = await streamResponses(inputs, registry, { response: (r) => batch.add(r), withdraw: (source) => batch.withdraw(source), settled: () => batch.settled() });
    for (const w of read.warnings) process.stderr.write(`${t('score.warning', { problem: formatProblem(w) })}\n`);
    const problems = [...read.problems, ...batch.conflicts, ...batch.levelProblems, ...batch.scoreProblems];
    if (problems.length && !opts.skipInvalid) throw new UserError(problems);
    const grades = gradeNames(batch.checklists.values());
    const groups = batch.ranked(grades);
    // Every output in ranking order, checklist by checklist (results.jsonl in reading order: it is a stream).
    const order = groups.flatMap((g) => g.rows.map((row) => row.item));
    const inOrder = () => batch.results(order);
    const loaded = () => loadGroups(batch, groups);

    // All outputs or none: each is written to a temp file, then they are renamed together.
    await set.writeAll(outputs, async (temp, path) => {
      const ext = extensionOf(path);
      if (ext === '.jsonl') batch.writeJsonl(temp, { compact: opts.compact });
      if (ext === '.json') writeChunksAtomic(temp, resultsJsonChunks(opts.compact ? batch.compactResults(order) : inOrder()), { force: true });
      if (ext === '.md') writeFileAtomic(temp, scoreMarkdown(loaded()), { force: true });
      if (ext === '.xlsx') {
        const { writeReport } = await import('../sinks/report-xlsx.js');
        await writeReport(temp, [...inOrder()], { force: true, skipped: problems, centers: opts.centers, grades });
      }
    });

    if (opts.json) {
      for (const chunk of resultsJsonChunks(inOrder())) process.stdout.write(chunk);
    } else if (opts.explain) {
      let first = true;
      for (const r of inOrder()) {
        process.stdout.write(`${first ? '' : '\n\n'}${explain(r, batch.checklists.get(`${r.checklist.id}@${r.checklist.version}`)!)}`);
        first = false;
      }
      process.stdout.write('\n');
    } else if (groups.length) {
      const count = groups.reduce((n, g) => n + g.rows.length, 0);
      // A table nobody reads costs time in proportion to the batch: a summary when it is long or goes to a file.
      const summary = !opts.all && (count > SUMMARY_ABOVE || (!process.stdout.isTTY && outputs.length > 0));
      process.stdout.write(`${summary ? scoreSummary(groups, (standings) => batch.results(standings)) : scoreTable(loaded())}\n`);
    }
    if (problems.length) {
      for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
      process.stderr.write(`${t('score.skipped', { count: problems.length })}\n`);
    }
    for (const path of outputs) process.stderr.write(`${t('score.wrote', { path })}\n`);
  } finally {
    batch.close();
  }
}

/** The whole results of every group, for the sinks that lay out a full ranking (.md, the terminal table). */
function loadGroups(batch: ScoredBatch, groups: StandingGroup[]): ChecklistRanking[] {
  return groups.map((g) => {
    const results: Result[] = [...batch.results(g.rows.map((row) => row.item))];
    return { checklist: results[0].checklist, rows: g.rows.map((row, i) => ({ item: results[i], rank: row.rank })) };
  });
}
