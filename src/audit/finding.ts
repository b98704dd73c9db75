import { t } from '../i18n/index.js';
import { methodOf } from '../methods/index.js';
import type { FindingOverride } from '../model/audit.js';
import type { Item, PlacedItem } from '../model/checklist.js';
import { addDays, parseDate } from '../model/dates.js';
import { Exact } from '../model/exact.js';
import { normalizeText } from '../model/text.js';
import type { Prompter } from '../prompts/prompter.js';
import { DEFAULT_DAYS } from '../scoring/score.js';
import { earnedBy, field } from './card.js';
import type { Session } from './session.js';

type Fields = Required<FindingOverride>;
const FIELDS = ['problem', 'measure', 'owner', 'person', 'deadline'] as const;

/** What the ledger will say for an item when the audit says nothing more: the checklist's `finding`. */
function defaultsOf(item: Item, date: string): Fields {
  const f = item.finding ?? {};
  return {
    problem: f.problem ?? item.title,
    measure: f.measure ?? '',
    owner: f.owner ?? '',
    person: '',
    deadline: addDays(date, f.days ?? DEFAULT_DAYS),
  };
}

/**
 * An item lost points: show the finding it makes for the ledger and let the inspector
 * confirm it or edit it on the spot. Only what differs from the checklist's defaults is
 * kept, so the audit file stays short.
 */
export async function reviewFinding(s: Session, p: Prompter, { item }: PlacedItem): Promise<void> {
  const defaults = defaultsOf(item, s.audit.date);
  const current: Fields = { ...defaults, ...s.audit.findings[item.id] };
  p.say(findingCard(s, item, current, p));
  const edit = await p.select({
    message: t('walk.finding.ask'),
    choices: [
      { value: false, name: t('walk.finding.keep') },
      { value: true, name: t('walk.finding.edit') },
    ],
  });
  if (!edit) return;
  const edited = await editFields(p, current, s.audit.date);
  const override: FindingOverride = {};
  for (const key of FIELDS) if (edited[key] !== defaults[key]) override[key] = edited[key];
  if (Object.keys(override).length) s.audit.findings[item.id] = override;
  else delete s.audit.findings[item.id];
}

function findingCard(s: Session, item: Item, f: Fields, p: Prompter): string {
  const answer = s.audit.answers[item.id];
  const lost = Exact.from(item.points).sub(earnedBy(item, answer)!);
  const deficiencies = methodOf(item).findingParts(item, answer.value!, lost).flatMap((part) => part.description ?? []);
  const problem = [f.problem, ...deficiencies.map((d) => `  · ${d}`)].join('\n');
  return [
    p.paint('yellow', t('walk.finding.title', { points: lost.toString() })),
    field(t('walk.finding.problem'), problem, p.width),
    field(t('walk.finding.measure'), f.measure || '—', p.width),
    field(t('walk.finding.owner'), f.owner || '—', p.width),
    ...(f.person ? [field(t('walk.finding.person'), f.person, p.width)] : []),
    field(t('walk.finding.deadline'), f.deadline, p.width),
  ].join('\n');
}

async function editFields(p: Prompter, f: Fields, date: string): Promise<Fields> {
  const ask = async (key: keyof Fields, validate?: (v: string) => true | string) =>
    normalizeText(await p.input({ message: t(`walk.finding.ask-${key}`), default: f[key] || undefined, editable: f[key] !== '', validate }));
  return {
    problem: await ask('problem', (v) => normalizeText(v) !== '' || t('walk.finding.problem-required')),
    measure: await ask('measure'),
    owner: await ask('owner'),
    person: await ask('person'),
    deadline: parseDate(
      await ask('deadline', (v) => {
        const d = parseDate(v);
        return (d !== undefined && d >= date) || t('walk.finding.deadline-invalid', { value: v, date });
      }),
    )!,
  };
}
