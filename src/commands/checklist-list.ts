import { checklistFiles, loadChecklistFile } from '../checklist/load.js';
import { t } from '../i18n/index.js';
import type { Checklist } from '../model/checklist.js';
import { renderTable } from '../sinks/terminal.js';
import { displayPath } from '../util/console.js';

export default async function run(opts: { json?: boolean } = {}): Promise<void> {
  const found = checklistFiles().map(({ file, source }) => ({ file, source, checklist: loadChecklistFile(file).checklist }));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(found.map(listJson), null, 2)}\n`);
    return;
  }
  const rows = found.map(({ file, source, checklist }) => {
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

/** One checklist as JSON (the convention of README "JSON 输出的约定"); a file that does not load says so. */
function listJson({ file, source, checklist }: { file: string; source: string; checklist?: Checklist }) {
  const where = { file: displayPath(file), source };
  if (!checklist) return { ...where, valid: false };
  const items = checklist.dimensions.reduce((n, d) => n + d.items.length, 0);
  return { ...where, valid: true, id: checklist.id, version: checklist.version, level: checklist.level, name: checklist.name, total: checklist.total.toNumber(), items, bonusItems: checklist.bonus?.items.length ?? 0, sha256: checklist.sha256 };
}
