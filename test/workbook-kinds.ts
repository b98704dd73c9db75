// Every kind of workbook zongzhi writes, made with the built CLI the way a user makes them, from
// one county of the demo city (甲区: its county center and five townships, October and November).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from './helpers.js';

const DEMO = join(ROOT, 'fixtures', 'demo');
const COUNTY = '999901';

export type Kind = 'report' | 'form' | 'form-registry' | 'wide' | 'wide-registry' | 'ledger' | 'ledger-merged' | 'briefing' | 'progress-merged' | 'briefing-sections';

/** The workbooks written into `dir`, by kind. Needs `npm run build` first. */
export async function writeEveryKind(dir: string): Promise<Record<Kind, string>> {
  const audits = (month: string) => {
    const to = join(dir, 'audits', month);
    mkdirSync(to, { recursive: true });
    for (const f of readdirSync(join(DEMO, 'audits', month)).filter((f) => f.includes(`-${COUNTY}`))) copyFileSync(join(DEMO, 'audits', month, f), join(to, f));
    return to;
  };
  const october = audits('2026-10');
  const november = audits('2026-11');
  // The county and four of its townships: a wide template for 4 centers, forms for each.
  const centers = join(dir, 'centers.csv');
  writeFileSync(centers, readFileSync(join(DEMO, 'centers.csv'), 'utf8').split('\n').slice(0, 6).join('\n') + '\n');
  const out = (name: string) => join(dir, name);
  const run = async (args: string[]) => {
    const r = await runCli(args);
    if (r.code !== 0) throw new Error(`zongzhi ${args.join(' ')} → ${r.code}\n${r.stderr}`);
  };
  await run(['score', november, '--centers', centers, '-o', out('report.xlsx')]);
  await run(['template', '--checklist', 'county', '--layout', 'form', '-o', out('form.xlsx')]);
  await run(['template', '--checklist', 'township', '--layout', 'form', '--centers', centers, '-o', out('forms')]);
  copyFileSync(join(out('forms'), readdirSync(out('forms')).sort()[0]), out('form-registry.xlsx'));
  await run(['template', '--checklist', 'county', '--layout', 'wide', '-o', out('wide.xlsx')]);
  await run(['template', '--checklist', 'township', '--layout', 'wide', '--centers', centers, '-o', out('wide-registry.xlsx')]);
  await run(['ledger', 'build', october, '--centers', centers, '-o', out('ledger.xlsx')]);
  // A later audit of the same centers: 回头看 changes rows, and the merge writes 合并记录.
  await run(['ledger', 'merge', out('ledger.xlsx'), november, '--centers', centers, '-o', out('ledger-merged.xlsx')]);
  await run(['briefing', '--month', '2026-11', october, november, '--centers', centers, '--ledger', out('ledger-merged.xlsx'), '--as-of', '2026-12-05', '-o', out('briefing.xlsx')]);
  // 甲区's 周调度表 with its units' returned copies merged (合并记录), and the briefing's 进展情况, 运行数据 and
  // 约谈/提醒 sheets; with the whole demo registry, as tasks fall on every township of 甲区.
  await run(['progress', 'merge', join(DEMO, 'progress', '999901-甲区-周调度表.xlsx'), join(DEMO, 'progress', '交回'), '-o', out('progress-merged.xlsx')]);
  await run(['briefing', '--month', '2026-11', october, november, '--centers', join(DEMO, 'centers.csv'), '--ledger', out('ledger-merged.xlsx'), '--as-of', '2026-12-05', '--tasks', join(DEMO, 'tasks.yaml'), '--progress', out('progress-merged.xlsx'), '--figures', join(DEMO, 'figures'), '-o', out('briefing-sections.xlsx')]);
  return {
    report: out('report.xlsx'),
    form: out('form.xlsx'),
    'form-registry': out('form-registry.xlsx'),
    wide: out('wide.xlsx'),
    'wide-registry': out('wide-registry.xlsx'),
    ledger: out('ledger.xlsx'),
    'ledger-merged': out('ledger-merged.xlsx'),
    briefing: out('briefing.xlsx'),
    'progress-merged': out('progress-merged.xlsx'),
    'briefing-sections': out('briefing-sections.xlsx'),
  };
}
