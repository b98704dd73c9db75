import { checklistFiles, loadChecklistFile } from '../checklist/load.js';
import { t } from '../i18n/index.js';
import { renderTable } from '../sinks/terminal.js';
import { displayPath } from '../util/console.js';

export default async function run(): Promise<void> {
  const rows = checklistFiles().map(({ file, source }) => {
    const { checklist } = loadChecklistFile(file);
    const where = `${t(`checklist.source.${source}`)} ${displayPath(file)}`;
    if (!checklist) return ['', '', '', t('checklist.list.invalid'), '', '', where];
    const items = checklist.dimensions.reduce((n, d) => n + d.items.length, 0);
    return [checklist.id, checklist.version, t(`checklist.level.${checklist.level}`), checklist.name, checklist.total.toString(), items, where];
  });
  const h = (k: string) => t(`checklist.list.header.${k}`);
  process.stdout.write(
    renderTable(
      [{ header: h('id') }, { header: h('version') }, { header: h('level') }, { header: h('name'), width: 36 }, { header: h('total'), align: 'right' }, { header: h('items'), align: 'right' }, { header: h('source') }],
      rows,
    ) + '\n',
  );
}
