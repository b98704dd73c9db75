import { Argument, Command, CommanderError, Option } from 'commander';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, formatProblem, UserError } from './errors.js';
import { wrapText } from './util/line-break.js';
import { displayWidth } from './util/width.js';
import { endQuietlyOnClosedPipe } from './util/pipe.js';
import { detectLang, setLang, t } from './i18n/index.js';
import { VERSION } from './paths.js';
import { detectAscii, setAscii } from './util/console.js';

// Commander passes each command its own argument and option shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Action = (...args: any[]) => Promise<void>;

/** Each command's module loads only when that command runs, keeping start-up light. */
function lazy(load: () => Promise<{ default: Action }>): Action {
  return async (...args) => (await load()).default(...args);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function buildProgram(version: string): Command {
  const program = new Command('zongzhi');
  program
    .description(t('cli.description'))
    .version(version, '-V, --version', t('cli.option.version'))
    .helpOption('-h, --help', t('cli.option.help'))
    .helpCommand('help [command]', t('cli.help.command'))
    .addOption(new Option('--lang <lang>', t('cli.option.lang')).choices(['zh', 'en']))
    .option('--ascii', t('cli.option.ascii'))
    // Read from argv before parsing (main), so that it holds before chalk or a prompt loads.
    .option('--no-color', t('cli.option.no-color'))
    .configureHelp({
      displayWidth,
      // Commander wraps at spaces only; Chinese has none and needs its own rules.
      boxWrap: (text: string, width: number) => wrapText(text, width),
      styleTitle: (title: string) => t(`cli.heading.${title}`),
      optionDescription: (option: Option) => describeWithExtras(option.description, option.argChoices, option.defaultValue),
      argumentDescription: (arg: Argument) => describeWithExtras(arg.description, arg.argChoices, arg.defaultValue),
      sortSubcommands: false,
    })
    // Commander's suggestion ("Did you mean score?") is read back into our own message.
    .showSuggestionAfterError(true)
    .exitOverride()
    // Errors are printed by main in the user's language; help shown for a bare group
    // command (`zongzhi`, `zongzhi ledger`) goes to stdout like any help.
    .configureOutput({ outputError: () => {}, writeErr: (text) => process.stdout.write(text) });

  const checklist = program.command('checklist').description(t('checklist.cmd.description'));
  checklist
    .command('list')
    .description(t('checklist.list.description'))
    .option('--json', t('opt.json'))
    .action(lazy(() => import('./commands/checklist-list.js')));
  checklist
    .command('show')
    .description(t('checklist.show.description'))
    .argument('<checklist>', t('checklist.show.argument'))
    .option('--json', t('checklist.show.json'))
    .action(lazy(() => import('./commands/checklist-show.js')));
  checklist
    .command('validate')
    .description(t('checklist.validate.description'))
    .argument('[paths...]', t('checklist.validate.argument'))
    .addOption(new Option('--format <format>', t('checklist.validate.format')).choices(['text', 'json', 'github']).default('text'))
    .addHelpText('after', examples('checklist validate', ['checklist validate', 'checklist validate checklists/ --format github']))
    .action(lazy(() => import('./commands/checklist-validate.js')));
  checklist
    .command('diff')
    .description(t('checklist.diff.description'))
    .argument('<old>', t('checklist.diff.argument.old'))
    .argument('<new>', t('checklist.diff.argument.new'))
    .addOption(new Option('--format <format>', t('checklist.diff.format')).choices(['text', 'json', 'github']).default('text'))
    .addHelpText('after', examples('checklist diff', ['checklist diff county-2025.1 county', 'checklist diff old.yaml checklists/county.yaml --format github']))
    .action(lazy(() => import('./commands/checklist-diff.js')));

  program
    .command('audit')
    .description(t('cmd.audit.description'))
    .option('--checklist <id|file>', t('opt.checklist-one'), 'county')
    .option('--center <code>', t('opt.center'))
    .option('--centers <file>', t('opt.centers'))
    .option('--date <YYYY-MM-DD>', t('opt.date'))
    .option('--mode <mode>', t('opt.audit.mode'))
    .option('--resume <file>', t('opt.resume'))
    .option('--allow-checklist-change', t('opt.allow-checklist-change'))
    .option('--out <dir>', t('opt.out-dir'), 'audits')
    .option('--force', t('cli.option.force'))
    .addHelpText('after', examples('audit', ['audit', 'audit --checklist township --center 999901101', 'audit --resume audits/2026-11-20-999901-county.audit.yaml']))
    .action(lazy(() => import('./commands/audit.js')));

  program
    .command('template')
    .description(t('cmd.template.description'))
    .requiredOption('--checklist <id|file>', t('opt.checklist-one'))
    .addOption(new Option('--layout <layout>', t('opt.layout')).choices(['form', 'wide']).makeOptionMandatory())
    .option('--centers <file>', t('opt.centers'))
    .requiredOption('-o, --output <path>', t('opt.output-template'))
    .option('--force', t('cli.option.force'))
    .addHelpText('after', examples('template', ['template --checklist county --layout wide --centers centers.csv -o 评分汇总.xlsx', 'template --checklist township --layout form --centers centers.csv -o 填报表/']))
    .action(lazy(() => import('./commands/template.js')));

  program
    .command('score')
    .description(t('cmd.score.description'))
    .argument('<inputs...>', t('arg.inputs'))
    .option('--checklist <id|file>', t('opt.checklist-many'), collect)
    .option('-o, --output <file>', t('opt.output-score'), collect)
    .option('--json', t('opt.json'))
    .option('--explain', t('opt.explain'))
    .addOption(new Option('--blank <how>', t('opt.blank')).choices(['zero']))
    .option('--centers <file>', t('opt.centers'))
    .option('--skip-invalid', t('opt.skip-invalid'))
    .option('--allow-checklist-change', t('opt.allow-checklist-change'))
    .option('--all', t('opt.all'))
    .option('--compact', t('opt.compact'))
    .option('--force', t('cli.option.force'))
    .addHelpText('after', examples('score', ['score audits/', 'score audits/ --explain', 'score 回收表/ -o 评分报告.xlsx -o results.json', 'score audits/ --json']))
    .action(lazy(() => import('./commands/score.js')));

  const ledger = program.command('ledger').description(t('cmd.ledger.description'));
  ledger
    .command('build')
    .description(t('cmd.ledger.build.description'))
    .argument('<inputs...>', t('arg.inputs'))
    .requiredOption('-o, --output <ledger.xlsx>', t('opt.output-ledger'))
    .option('--checklist <id|file>', t('opt.checklist-many'), collect)
    .option('--centers <file>', t('opt.centers'))
    .option('--force', t('cli.option.force'))
    .action(lazy(() => import('./commands/ledger-build.js')));
  ledger
    .command('merge')
    .description(t('cmd.ledger.merge.description'))
    .argument('<ledger>', t('arg.ledger'))
    .argument('<updates...>', t('arg.updates'))
    .requiredOption('-o, --output <out.xlsx>', t('opt.output-ledger'))
    .option('--checklist <id|file>', t('opt.checklist-many'), collect)
    .option('--centers <file>', t('opt.centers'))
    .option('--force', t('cli.option.force'))
    .action(lazy(() => import('./commands/ledger-merge.js')));
  ledger
    .command('status')
    .description(t('cmd.ledger.status.description'))
    .argument('<ledger>', t('arg.ledger'))
    .option('--as-of <YYYY-MM-DD>', t('opt.as-of'))
    .option('--json', t('opt.json'))
    .option('--centers <file>', t('opt.centers'))
    .action(lazy(() => import('./commands/ledger-status.js')));
  ledger
    .command('split')
    .description(t('cmd.ledger.split.description'))
    .argument('<ledger>', t('arg.ledger'))
    .addOption(new Option('--by <what>', t('opt.split-by')).choices(['county', 'owner']).makeOptionMandatory())
    .requiredOption('-o, --output <dir>', t('opt.output-split'))
    .option('--force', t('cli.option.force'))
    .addHelpText('after', examples('ledger split', ['ledger split 整改台账.xlsx --by county -o 下发/', 'ledger split 整改台账.xlsx --by owner -o 下发/']))
    .action(lazy(() => import('./commands/ledger-split.js')));

  const progress = program.command('progress').description(t('cmd.progress.description'));
  progress
    .command('template')
    .description(t('cmd.progress.template.description'))
    .argument('<tasks>', t('arg.tasks'))
    .requiredOption('--centers <file>', t('opt.centers'))
    .requiredOption('-o, --output <dir|file.xlsx>', t('opt.progress.output'))
    .option('--force', t('cli.option.force'))
    .action(lazy(() => import('./commands/progress-template.js')));
  progress
    .command('merge')
    .description(t('cmd.progress.merge.description'))
    .argument('<master>', t('arg.progress-master'))
    .argument('<copies...>', t('arg.progress-copies'))
    .option('-o, --output <file.xlsx>', t('opt.progress.merge-output'))
    .option('--force', t('cli.option.force'))
    .addHelpText('after', examples('progress merge', ['progress merge 甲区-周调度表.xlsx 交回/ -o 甲区-周调度表-汇总.xlsx', 'progress merge 甲区-周调度表.xlsx 交回/ --force']))
    .action(lazy(() => import('./commands/progress-merge.js')));
  progress
    .command('status')
    .description(t('cmd.progress.status.description'))
    .argument('<tasks>', t('arg.tasks'))
    .argument('[progress...]', t('arg.progress'))
    .requiredOption('--centers <file>', t('opt.centers'))
    .option('--as-of <YYYY-MM-DD>', t('opt.as-of'))
    .option('--json', t('opt.json'))
    .action(lazy(() => import('./commands/progress-status.js')));
  progress
    .command('figures')
    .description(t('cmd.progress.figures.description'))
    .requiredOption('--month <YYYY-MM>', t('opt.progress.month'))
    .requiredOption('--centers <file>', t('opt.centers'))
    .requiredOption('-o, --output <file.xlsx>', t('opt.progress.figures-output'))
    .option('--force', t('cli.option.force'))
    .action(lazy(() => import('./commands/progress-figures.js')));

  program
    .command('briefing')
    .description(t('cmd.briefing.description'))
    .requiredOption('--month <YYYY-MM>', t('opt.month'))
    .argument('<inputs...>', t('arg.inputs'))
    .option('--ledger <file>', t('opt.ledger'))
    .option('--tasks <tasks.yaml>', t('opt.briefing.tasks'))
    .option('--progress <file|dir>', t('opt.briefing.progress'), collect)
    .option('--figures <file|dir>', t('opt.briefing.figures'), collect)
    .option('--centers <file>', t('opt.centers'))
    .option('--title <text>', t('opt.title'))
    .option('--as-of <YYYY-MM-DD>', t('opt.as-of'))
    .option('--checklist <id|file>', t('opt.checklist-many'), collect)
    .option('-o, --output <file>', t('opt.output-briefing'), collect)
    .option('--plan <plan.json>', t('opt.briefing-plan'))
    .option('--skip-invalid', t('opt.skip-invalid-briefing'))
    .option('--county-weights <weights>', t('opt.county-weights'))
    .option('--issue-no <text>', t('opt.issue-no'))
    .option('--mode <mode>', t('opt.briefing-mode'), collect)
    .option('--all', t('opt.briefing-all'))
    .option('--force', t('cli.option.force'))
    .addHelpText('after', examples('briefing', ['briefing --month 2026-11 fixtures/demo/audits --ledger fixtures/demo/ledger.xlsx --centers fixtures/demo/centers.csv', 'briefing --month 2026-11 results/ -o 通报.xlsx -o 通报.md']))
    .action(lazy(() => import('./commands/briefing.js')));

  addPlanCommands(program);
  program
    .command('history')
    .description(t('cmd.history.description'))
    .argument('<code>', t('arg.center-code'))
    .argument('<inputs...>', t('arg.inputs'))
    .option('--ledger <file>', t('opt.ledger'))
    .option('--checklist <id|file>', t('opt.checklist-many'), collect)
    .option('-o, --output <file>', t('opt.output-history'), collect)
    .option('--force', t('cli.option.force'))
    .addHelpText('after', examples('history', ['history 999901 fixtures/demo/audits --ledger fixtures/demo/ledger.xlsx', 'history 999901 audits/ -o 甲区评估历史.xlsx -o 甲区评估历史.md']))
    .action(lazy(() => import('./commands/history.js')));

  program
    .command('migrate')
    .description(t('cmd.migrate.description'))
    .argument('<inputs...>', t('arg.inputs'))
    .requiredOption('--to <id|file>', t('opt.migrate-to'))
    .option('--map <mapping.yaml>', t('opt.migrate-map'))
    .requiredOption('-o, --output <dir>', t('opt.migrate-output'))
    .option('--checklist <id|file>', t('opt.checklist-many'), collect)
    .option('--force', t('cli.option.force'))
    .addHelpText('after', examples('migrate', ['migrate audits/2026-10 --to county -o audits/2026-10-迁移', 'migrate audits/ --to county --map 对照表.yaml -o 迁移/']))
    .action(lazy(() => import('./commands/migrate.js')));

  return program;
}

/** `plan`, `plan verify` and `plan status`; plan and verify take the same options, so they re-derive the same plan. */
function addPlanCommands(program: Command): void {
  // Not requiredOption: commander would demand them of `plan status` too (derivePlan checks them).
  const withPlanOptions = (cmd: Command) =>
    cmd
      .option('--quarter <YYYYQn>', t('opt.plan.quarter'))
      .option('--centers <file>', t('opt.plan.centers'))
      .option('--inspectors <file>', t('opt.plan.inspectors'))
      .option('--seed <text>', t('opt.plan.seed'))
      .option('--history <inputs...>', t('opt.plan.history'))
      .option('--ledger <file>', t('opt.plan.ledger'))
      .option('--sample <share|count>', t('opt.plan.sample'), '20%')
      .addOption(new Option('--counties <which>', t('opt.plan.counties')).choices(['all', 'none']).default('all'))
      .option('--must <codes>', t('opt.plan.must'), collect)
      .option('--team-size <n>', t('opt.plan.team-size'), '2')
      .option('--per-day <n>', t('opt.plan.per-day'), '1')
      .option('--mode <mode>', t('opt.plan.mode'), '明察')
      .option('--notice-days <n>', t('opt.plan.notice-days'), '3')
      .option('--exclude <dates>', t('opt.plan.exclude'), collect)
      .option('--as-of <YYYY-MM-DD>', t('opt.plan.as-of'))
      .option('--checklist <id|file>', t('opt.plan.checklist'), collect);
  const demo = '--quarter 2026Q4 --centers fixtures/demo/centers.csv --inspectors fixtures/demo/inspectors.csv --seed "2026年9月28日市委政法委会议摇号 418277"';
  const plan = withPlanOptions(program.command('plan').description(t('cmd.plan.description')))
    .option('-o, --output <file>', t('opt.plan.output'), collect)
    .option('--stubs <dir>', t('opt.plan.stubs'))
    .option('--forms <dir>', t('opt.plan.forms'))
    .option('--force', t('cli.option.force'))
    .addHelpText('after', `\n${t('plan.help.algorithm')}\n${examples('plan', [`plan ${demo} --history fixtures/demo/audits --ledger fixtures/demo/ledger.xlsx --exclude 2026-10-01..2026-10-08 -o 督查安排表.xlsx -o plan.json`, `plan verify plan.json ${demo} --history fixtures/demo/audits --ledger fixtures/demo/ledger.xlsx --exclude 2026-10-01..2026-10-08`, 'plan status plan.json audits/ --centers fixtures/demo/centers.csv'])}`)
    .action(lazy(() => import('./commands/plan.js')));
  // `plan verify <file> <the plan options>`: commander gives options to the command that declares them, so verify reads plan's.
  plan
    .command('verify')
    .description(t('cmd.plan.verify.description'))
    .usage(t('cmd.plan.verify.usage'))
    .argument('<plan>', t('arg.plan.file'))
    .action(lazy(() => import('./commands/plan-verify.js')));
  plan
    .command('status')
    .description(t('cmd.plan.status.description'))
    .argument('<plan>', t('arg.plan.json'))
    .argument('<inputs...>', t('arg.inputs'))
    .option('--centers <file>', t('opt.centers'))
    .option('--checklist <id|file>', t('opt.checklist-many'), collect)
    .option('--json', t('opt.json'))
    .action(lazy(() => import('./commands/plan-status.js')));
}

/** Commander appends "(choices: …)" and "(default: …)" in English; this says it in the user's language. */
function describeWithExtras(description: string, choices?: string[], defaultValue?: unknown): string {
  const extras: string[] = [];
  if (choices) extras.push(t('cli.help.choices', { choices: choices.join(', ') }));
  if (defaultValue !== undefined && defaultValue !== false) extras.push(t('cli.help.default', { value: String(defaultValue) }));
  return extras.length ? `${description} (${extras.join(t('cli.help.extras-separator'))})` : description;
}

function examples(_name: string, lines: string[]): string {
  return `\n${t('cli.help.examples')}\n${lines.map((l) => `  $ zongzhi ${l}`).join('\n')}`;
}

const USAGE_CODES: Record<string, string> = {
  'commander.unknownCommand': 'cli.usage.unknown-command',
  'commander.unknownOption': 'cli.usage.unknown-option',
  'commander.missingArgument': 'cli.usage.missing-argument',
  'commander.optionMissingArgument': 'cli.usage.option-missing-argument',
  'commander.missingMandatoryOptionValue': 'cli.usage.missing-option',
  'commander.excessArguments': 'cli.usage.excess-arguments',
};

/** Commander's own messages are English; say the same thing in the user's language. */
function usageMessage(e: CommanderError): string {
  const choice = /option '([^' ]+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(e.message);
  if (e.code === 'commander.invalidArgument' && choice) {
    return t('cli.usage.bad-choice', { name: choice[1], value: choice[2], choices: choice[3] });
  }
  const key = USAGE_CODES[e.code];
  const name = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const near = /\(Did you mean (.+)\?\)/.exec(e.message)?.[1];
  if (key) return t(near ? `${key}-near` : key, { name, near: near ?? '' });
  return t('cli.usage.other', { detail: e.message.replace(/^error: /, '') });
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<number> {
  setLang(detectLang(argv));
  setAscii(detectAscii(argv));
  // chalk and the prompts read NO_COLOR when they load, which is after this.
  if (argv.includes('--no-color')) process.env.NO_COLOR = '1';
  for (const stream of [process.stdout, process.stderr]) endQuietlyOnClosedPipe(stream, (e) => process.exit(unexpected(e)));
  const program = buildProgram(VERSION);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) {
      // A bare `zongzhi` (or `zongzhi ledger`) has printed the help: nothing went wrong.
      if (e.exitCode === 0 || e.code === 'commander.help') return EXIT.ok;
      process.stderr.write(`${usageMessage(e)}\n`);
      return EXIT.usage;
    }
    if (e instanceof UserError) {
      for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
      if (e.problems.length > 1) process.stderr.write(`${t('cli.summary.problems', { count: e.problems.length })}\n`);
      return e.exitCode;
    }
    return unexpected(e);
  }
}

function unexpected(e: unknown): number {
  const log = join(tmpdir(), `zongzhi-error-${new Date().toISOString().slice(0, 10)}.log`);
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    appendFileSync(log, `[${new Date().toISOString()}] zongzhi ${process.argv.slice(2).join(' ')}\n${detail}\n\n`);
  } catch {
    // The one-line message below is still printed.
  }
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  process.stderr.write(`${t('cli.unexpected', { message, log })}\n`);
  return EXIT.internal;
}
