import { existsSync } from 'node:fs';
import { resultsJsonText } from '../formats/results-json.js';
import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { shownScore, type ItemResult, type Result } from '../model/result.js';
import type { Prompter } from '../prompts/prompter.js';
import { SEPARATOR } from '../prompts/prompter.js';
import { score } from '../scoring/score.js';
import { writeFileAtomic } from '../util/fs.js';
import { chooseItem, type Move } from './navigate.js';
import { saveDraft, scoreCommand, unansweredIndexes, type Session } from './session.js';

/** What the outputs need from the command line: overwrite them, and the registry for ranking within a county. */
export interface OutputOptions {
  force?: boolean;
  centers?: string;
}

/** How an audit ended: finished (with or without every report written) or left as a draft. */
export type Ending = { outcome: 'final'; file: string; failed: boolean } | { outcome: 'saved'; file: string };

/**
 * The end of the checklist, or "finish" from the menu. Unanswered items are named and
 * offered first; otherwise the score is shown and, once confirmed, the audit is marked
 * final and its results and report are written beside it.
 */
export async function finishStep(s: Session, p: Prompter, outputs: OutputOptions): Promise<Ending | Move> {
  const open = unansweredIndexes(s);
  if (open.length) {
    p.say(p.paint('yellow', t('walk.finish.open', { count: open.length, items: open.map((i) => `${s.items[i].item.id} ${s.items[i].item.title}`).join('\n  ') })));
    const choice = await p.select({
      message: t('walk.finish.ask-open'),
      choices: [
        { value: 'open', name: t('walk.finish.go-open', { id: s.items[open[0]].item.id }) },
        { value: 'jump', name: t('walk.menu.jump') },
        SEPARATOR,
        { value: 'leave', name: t('walk.menu.leave') },
      ],
    });
    if (choice === 'open') return { to: 'item', index: open[0], open: true };
    return choice === 'jump' ? jumpOr(s, p, open[0]) : { outcome: 'saved', file: s.file };
  }
  const scored = score(s.checklist, { ...s.audit, status: 'final' });
  if (!scored.ok) {
    p.say(p.paint('red', t(scored.code, scored.params)));
    return jumpOr(s, p, 0);
  }
  p.say(await summary(scored.result, p));
  const choice = await p.select({
    message: t('walk.finish.ask'),
    choices: [
      { value: 'final', name: t('walk.finish.confirm') },
      { value: 'jump', name: t('walk.finish.revise') },
      SEPARATOR,
      { value: 'leave', name: t('walk.menu.leave') },
    ],
  });
  if (choice === 'jump') return jumpOr(s, p, s.items.length - 1);
  if (choice === 'leave') return { outcome: 'saved', file: s.file };
  return finalize(s, p, scored.result, outputs);
}

/** From the end, a jump is to change an item and come back: answering it returns here. */
async function jumpOr(s: Session, p: Prompter, fallback: number): Promise<Move> {
  return { to: 'item', index: (await chooseItem(s, p)) ?? fallback, open: true };
}

/** The draft becomes final first (it is the record); the results and the report follow from it. */
async function finalize(s: Session, p: Prompter, result: Result, outputs: OutputOptions): Promise<Ending> {
  s.audit.status = 'final';
  saveDraft(s);
  const base = s.file.replace(/(\.audit)?\.ya?ml$/i, '');
  const json = `${base}.json`;
  const xlsx = `${base}.xlsx`;
  const overwrite = outputs.force || (await allowOverwrite(p, [json, xlsx].filter((f) => existsSync(f))));
  let failed = false;
  const report = async (path: string, write: () => Promise<void> | void) => {
    if (existsSync(path) && !overwrite) return p.say(t('walk.finish.kept', { path, command: scoreCommand(s, path, true) }));
    try {
      await write();
      p.say(t('walk.finish.wrote', { path }));
    } catch (e) {
      failed = true;
      const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
      p.say(p.paint('red', t('walk.finish.write-failed', { path, reason, command: scoreCommand(s, path) })));
    }
  };
  p.say(p.paint('green', t('walk.finish.final', { file: s.file })));
  await report(json, () => writeFileAtomic(json, resultsJsonText([result]), { force: true }));
  await report(xlsx, async () => {
    // exceljs costs a quarter second and much memory: loaded only now, at the very end.
    const { writeReport } = await import('../sinks/report-xlsx.js');
    await writeReport(xlsx, [result], { force: true, centers: outputs.centers });
  });
  return { outcome: 'final', file: s.file, failed };
}

async function allowOverwrite(p: Prompter, existing: string[]): Promise<boolean> {
  if (existing.length === 0) return true;
  return p.select({
    message: t('walk.finish.ask-overwrite', { files: existing.join('、') }),
    choices: [
      { value: true, name: t('walk.finish.overwrite') },
      { value: false, name: t('walk.finish.keep') },
    ],
  });
}

/** The score as the inspector reads it out before signing off: total, grade, dimensions, findings. */
async function summary(r: Result, p: Prompter): Promise<string> {
  const { renderTable } = await import('../sinks/terminal.js');
  const precision = r.derivation.precision;
  const lines = [
    '',
    p.paint('bold', t('walk.summary.title', { name: r.center.name, code: r.center.code, date: r.date, checklist: `${r.checklist.id} ${r.checklist.version}` })),
    p.paint('bold', t('walk.summary.total', { total: r.total.toFixed(precision), grade: r.grade })),
  ];
  if (r.mode) lines.push(t('explain.mode', { mode: r.mode }));
  if (r.veto.length) {
    const items = r.veto.map((id) => `${id} ${r.items.find((i) => i.id === id)?.title ?? ''}`).join('、');
    lines.push(p.paint('red', t('explain.veto', { items, grade: r.grade })));
  }
  lines.push(
    renderTable(
      [
        { header: t('table.dimension'), width: 16 },
        { header: t('table.earned'), align: 'right' },
        { header: t('walk.summary.applicable'), align: 'right' },
        { header: t('table.points'), align: 'right' },
        { header: t('walk.summary.rate'), align: 'right' },
      ],
      r.dimensions.map((d) => [d.name, shownScore(d.earned, precision), d.applicable, d.points, d.rate === null ? '—' : `${(d.rate * 100).toFixed(1)}%`]),
    ),
  );
  // 未查 leaves the denominator too, but is named apart: the audit is a partial inspection.
  const pointsOf = (rows: ItemResult[]) => Exact.sum(rows.map((i) => Exact.from(i.points))).toString();
  const listOf = (rows: ItemResult[]) => rows.map((i) => `${i.id}(${i.points})`).join('、');
  const na = r.items.filter((i) => i.na && i.dimension);
  const uninspected = r.items.filter((i) => i.uninspected);
  if (na.length) lines.push(t('explain.na', { items: listOf(na), points: pointsOf(na) }));
  if (uninspected.length) lines.push(p.paint('yellow', t('explain.uninspected', { count: uninspected.length, items: listOf(uninspected), points: pointsOf(uninspected) })));
  if (r.items.some((i) => !i.dimension && !i.penalty)) lines.push(t('explain.bonus-line', { earned: r.derivation.bonusEarned, cap: r.derivation.bonusCap, applied: r.derivation.bonusApplied }));
  lines.push(t('explain.findings', { count: r.findings.length }));
  if (r.findings.length) {
    lines.push(
      renderTable(
        [
          { header: t('walk.summary.finding-id'), width: 26 },
          { header: t('walk.finding.problem'), width: 30 },
          { header: t('walk.summary.deducted'), align: 'right' },
          { header: t('walk.finding.owner'), width: 12 },
          { header: t('walk.finding.deadline') },
        ],
        r.findings.map((f) => [f.id, f.problem, f.deducted, f.owner, f.deadline]),
      ),
    );
  }
  return lines.join('\n');
}
