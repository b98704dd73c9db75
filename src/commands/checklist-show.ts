import { resolveChecklist } from '../checklist/load.js';
import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import { placedItems, vetoRuleOf, type Item, type ItemVeto, type PenaltyItem } from '../model/checklist.js';
import { colors, renderTable } from '../sinks/terminal.js';

export default async function run(ref: string, opts: { json?: boolean }): Promise<void> {
  const checklist = resolveChecklist(ref);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(checklist, null, 2)}\n`);
    return;
  }
  const c = colors();
  const h = (k: string) => t(`checklist.show.header.${k}`);
  // The 依据 column appears only for checklists that cite one (format 1.1).
  const withBasis = placedItems(checklist).some((p) => (p.penalty ?? p.item).basis !== undefined);
  const basis = (x: { basis?: string }) => (withBasis ? [x.basis ?? ''] : []);
  const blank = (n: number) => Array<string>(n + (withBasis ? 1 : 0)).fill('');
  const veto = (x: { veto?: ItemVeto }) => {
    const rule = vetoRuleOf(checklist, x.veto);
    if (!rule) return '';
    if (rule.kind === 'cap-grade') return c.red(t('checklist.show.veto-cap', { grade: rule.grade }));
    if (rule.kind === 'deduct') return c.red(t('checklist.show.veto-deduct', { points: rule.points }));
    return c.red(t('checklist.show.veto'));
  };
  const row = (item: Item) => [
    item.id,
    item.title,
    String(item.points),
    t(`method.${item.method}`),
    [veto(item), item.na ? t('checklist.show.na') : ''].filter(Boolean).join(' '),
    ...basis(item),
  ];
  const penaltyRow = (p: PenaltyItem) => [
    p.id,
    p.title,
    p.per === undefined ? '' : t('checklist.show.per-event', { per: p.per }),
    t('checklist.show.penalty'),
    [veto(p), p.cap === undefined ? '' : t('checklist.show.cap', { cap: p.cap })].filter(Boolean).join(' '),
    ...basis(p),
  ];
  const rows: string[][] = [];
  for (const dim of checklist.dimensions) {
    rows.push([c.bold(dim.id), c.bold(dim.name), c.bold(String(dim.points)), ...blank(2)]);
    rows.push(...dim.items.map(row));
    const sum = Exact.sum(dim.items.map((i) => Exact.from(i.points)));
    rows.push(['', t('checklist.show.subtotal'), sum.toString(), ...blank(2)]);
  }
  rows.push(['', c.bold(t('checklist.show.total')), c.bold(checklist.total.toString()), ...blank(2)]);
  if (checklist.bonus) {
    rows.push(['', c.bold(t('checklist.show.bonus', { cap: checklist.bonus.cap })), ...blank(3)]);
    rows.push(...checklist.bonus.items.map(row));
  }
  if (checklist.penalties) {
    const { name, cap } = checklist.penalties;
    rows.push(['', c.bold(cap === undefined ? name : `${name}(${t('checklist.show.cap', { cap })})`), ...blank(3)]);
    rows.push(...checklist.penalties.items.map(penaltyRow));
  }
  process.stdout.write(`${c.bold(checklist.name)}  ${checklist.id} ${checklist.version}\n`);
  if (checklist.basis) process.stdout.write(`${t('checklist.show.basis-line', { basis: checklist.basis })}\n`);
  const columns = [{ header: h('id') }, { header: h('title'), width: 40 }, { header: h('points'), align: 'right' as const }, { header: h('method') }, { header: h('marks') }];
  if (withBasis) columns.push({ header: h('basis'), width: 30 });
  process.stdout.write(renderTable(columns, rows) + '\n');
}
