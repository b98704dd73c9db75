import { join } from 'node:path';
import { resolveChecklist } from '../checklist/load.js';
import { inputError, usageError } from '../errors.js';
import { writeFormTemplate, writeWideTemplate, type TemplateCenter } from '../formats/fill-in-workbook.js';
import { t } from '../i18n/index.js';
import { readCenters, type CenterEntry } from '../sources/centers.js';
import { extensionOf, OutputSet } from '../util/fs.js';
import { safeFileName } from '../util/file-name.js';
import { progress } from '../xlsx/progress.js';

interface Options {
  checklist: string;
  layout: 'form' | 'wide';
  centers?: string;
  output: string;
  force?: boolean;
}

/** `zongzhi template`: fill-in workbooks, one per center (form) or one for all (wide). */
export default async function run(opts: Options): Promise<void> {
  const checklist = resolveChecklist(opts.checklist);
  const centers = opts.centers ? forLevel(await readCenters(opts.centers), checklist.level, checklist.id) : [];
  const out = opts.output;

  if (opts.layout === 'wide' || !opts.centers) {
    if (extensionOf(out) !== '.xlsx') throw usageError('template.needs-xlsx', { path: out });
    const bar = progress(out, centers.length);
    if (opts.layout === 'wide') await writeWideTemplate(out, checklist, centers, { force: opts.force, onRow: () => bar.tick() });
    else await writeFormTemplate(out, checklist, undefined, { force: opts.force });
    bar.done();
    process.stderr.write(`${t('template.wrote', { path: out })}\n`);
    return;
  }

  // form with --centers: a folder of workbooks, one per center.
  if (extensionOf(out) === '.xlsx') throw usageError('template.form-needs-folder', { path: out });
  const files = new Map<string, TemplateCenter>();
  for (const c of centers) {
    const file = join(out, fileNameOf(c));
    const other = files.get(file);
    if (other) throw inputError('template.duplicate-file', { a: other.code, b: c.code, file });
    files.set(file, c);
  }
  // Refuse before writing anything, not halfway through; then every workbook or none.
  const set = new OutputSet(opts.force);
  set.check([...files.keys()]);
  const bar = progress(out, files.size);
  await set.writeAll([...files.keys()], async (temp, file) => {
    await writeFormTemplate(temp, checklist, files.get(file), { force: true });
    bar.tick();
  });
  bar.done();
  process.stderr.write(`${t('template.wrote-many', { dir: out, count: files.size })}\n`);
}

/** Registry entries of the checklist's level; a registry of another level only is a mistake worth saying. */
function forLevel(centers: CenterEntry[], level: string, id: string): TemplateCenter[] {
  const matching = centers.filter((c) => c.level === level);
  if (matching.length === 0 && centers.length) {
    const c = centers[0];
    throw inputError('template.level-mismatch', { code: c.code, level: t(`template.level.${c.level}`), id, checklistLevel: t(`template.level.${level}`) });
  }
  const skipped = centers.length - matching.length;
  if (skipped) process.stderr.write(`${t('template.skipped-level', { count: skipped, level: t(`template.level.${level}`) })}\n`);
  return matching.map(({ code, name }) => ({ code, name }));
}

/** `<code>-<name>.xlsx`, with the characters Windows forbids in file names replaced. */
export function fileNameOf(c: TemplateCenter): string {
  const name = safeFileName(c.name);
  return `${c.code}${name ? `-${name}` : ''}.xlsx`;
}
