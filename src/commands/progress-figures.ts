import { usageError } from '../errors.js';
import { writeFiguresTemplate } from '../formats/figures-table.js';
import { isMonth } from '../briefing/month.js';
import { t } from '../i18n/index.js';
import { readCenters } from '../sources/centers.js';
import { extensionOf } from '../util/fs.js';

interface Options {
  month: string;
  centers: string;
  output: string;
  force?: boolean;
}

/** `zongzhi progress figures --month YYYY-MM --centers <registry> -o <运行数据.xlsx>`: the month's figures table, a row per center. */
export default async function run(opts: Options): Promise<void> {
  if (!isMonth(opts.month)) throw usageError('briefing.bad-month', { value: opts.month });
  if (extensionOf(opts.output) !== '.xlsx') throw usageError('template.needs-xlsx', { path: opts.output });
  const centers = await readCenters(opts.centers);
  await writeFiguresTemplate(opts.output, opts.month, centers, { force: opts.force });
  process.stderr.write(`${t('progress.wrote', { path: opts.output })}\n`);
}
