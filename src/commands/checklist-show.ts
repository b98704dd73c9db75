import { resolveChecklist } from '../checklist/load.js';
import { t } from '../i18n/index.js';
import { Exact } from '../model/exact.js';
import type { Item } from '../model/checklist.js';
import { colors, renderTable } from '../sinks/terminal.js';

export default async function run(ref: string, opts: { json?: boolean }): Promise<void> {
  const checklist = resolveChecklist(ref);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(checklist, null, 2)}\n`);
    return;
  }
  const c = colors();
  const h = (k: string) => t(`checklist.show.header.${k}`);
  const row = (item: Item) => [
    item.id,
    item.title,
    String(item.points),
    t(`method.${item.method}`),
    [item.veto ? c.red(t('checklist.show.veto')) : '', item.na ? t('checklist.show.na') : ''].filter(Boolean).join(' '),
  ];
  const rows: string[][] = [];
  for (const dim of checklist.dimensions) {
    rows.push([c.bold(dim.id), c.bold(dim.name), c.bold(String(dim.points)), '', '']);
    rows.push(...dim.items.map(row));
    const sum = Exact.sum(dim.items.map((i) => Exact.from(i.points)));
    rows.push(['', t('checklist.show.subtotal'), sum.toString(), '', '']);
  }
  rows.push(['', c.bold(t('checklist.show.total')), c.bold(checklist.total.toString()), '', '']);
  if (checklist.bonus) {
    rows.push(['', c.bold(t('checklist.show.bonus', { cap: checklist.bonus.cap })), '', '', '']);
    rows.push(...checklist.bonus.items.map(row));
  }
  process.stdout.write(`${c.bold(checklist.name)}  ${checklist.id} ${checklist.version}\n`);
  process.stdout.write(
    renderTable([{ header: h('id') }, { header: h('title'), width: 40 }, { header: h('points'), align: 'right' }, { header: h('method') }, { header: h('marks') }], rows) + '\n',
  );
}
