import type { Command } from 'commander';
import { EXIT, usageError } from '../errors.js';
import { runAudit } from '../audit/walk.js';
import type { AuditOptions } from '../audit/start.js';

export default async function run(opts: Omit<AuditOptions, 'checklistGiven'>, cmd: Command): Promise<void> {
  // Without a terminal, prompts swallow piped input or hang: say what to use instead.
  if (!process.stdin.isTTY) throw usageError('walk.no-tty');
  const { InquirerPrompter } = await import('../prompts/inquirer.js');
  const end = await runAudit({ ...opts, checklistGiven: cmd.getOptionValueSource('checklist') !== 'default' }, new InquirerPrompter());
  if (end.outcome === 'interrupted') process.exitCode = EXIT.interrupted;
  else if (end.outcome === 'final' && end.failed) process.exitCode = EXIT.invalid;
}
