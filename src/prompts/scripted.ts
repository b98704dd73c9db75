import { SEPARATOR, type CheckboxQuestion, type Choice, type Entry, type InputQuestion, type Prompter, type SelectQuestion } from './prompter.js';

/**
 * One scripted answer. A choice is named by its label (exact, else the first label
 * starting with the text, else containing it); `on` asserts the question being asked.
 * `rejected` types an answer that validation must refuse with a message containing
 * the text; the next step then answers the same question again.
 */
export type Step = { on?: string } & (
  | { select: string }
  | { checkbox: string[] }
  | { input: string; rejected?: string }
  | { exit: true }
);

/** What inquirer throws on Ctrl-C or the end of stdin. */
export class ScriptExit extends Error {
  override name = 'ExitPromptError';
}

/**
 * A prompt layer that replays a script: the audit flow runs exactly as in a terminal,
 * and the transcript records what was shown and answered.
 */
export class ScriptedPrompter implements Prompter {
  readonly transcript: string[] = [];
  readonly width = 80;
  private next = 0;

  constructor(private readonly steps: Step[]) {}

  get remaining(): number {
    return this.steps.length - this.next;
  }

  /** Everything shown so far, as one text. */
  get text(): string {
    return this.transcript.join('\n');
  }

  private step(message: string): Step {
    const step = this.steps[this.next];
    if (!step) this.fail(`the script ended; the flow asked "${message}"`);
    this.next++;
    if (step.on !== undefined && !message.includes(step.on)) this.fail(`step ${this.next} expected a question containing "${step.on}", got "${message}"`);
    if ('exit' in step) {
      this.transcript.push(`? ${message} ^C`);
      throw new ScriptExit('User force closed the prompt');
    }
    return step;
  }

  private fail(why: string): never {
    throw new Error(`${why}\n--- transcript ---\n${this.text}`);
  }

  private pick<T>(message: string, choices: Entry<T>[], label: string): Choice<T> {
    const real = choices.filter((c): c is Choice<T> => c !== SEPARATOR);
    const found = real.find((c) => c.name === label) ?? real.find((c) => c.name.startsWith(label)) ?? real.find((c) => c.name.includes(label));
    if (!found) this.fail(`"${message}" has no choice "${label}"; choices: ${real.map((c) => c.name).join(' | ')}`);
    if (found.disabled) this.fail(`"${message}": choice "${found.name}" is disabled (${found.disabled})`);
    return found;
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    this.transcript.push(`? ${q.message}`, ...q.choices.map((c) => (c === SEPARATOR ? '  ──' : `  ${c.name}${c.disabled ? ` ${c.disabled}` : ''}`)));
    const step = this.step(q.message);
    if (!('select' in step)) this.fail(`step ${this.next} answers a ${Object.keys(step).join('/')}, but the flow asked to select: "${q.message}"`);
    const choice = this.pick(q.message, q.choices, step.select);
    this.transcript.push(`› ${choice.name}`);
    return choice.value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    this.transcript.push(`? ${q.message}`, ...q.choices.map((c) => (c === SEPARATOR ? '  ──' : `  [${c.checked ? 'x' : ' '}] ${c.name}`)));
    const step = this.step(q.message);
    if (!('checkbox' in step)) this.fail(`step ${this.next} answers a ${Object.keys(step).join('/')}, but the flow asked to check boxes: "${q.message}"`);
    const chosen = step.checkbox.map((label) => this.pick(q.message, q.choices, label));
    const values = chosen.map((c) => c.value);
    const valid = q.validate?.(values) ?? true;
    if (valid !== true) this.fail(`"${q.message}" refused ${step.checkbox.join('、')}: ${valid}`);
    this.transcript.push(`› ${chosen.map((c) => c.name).join('、')}`);
    return values;
  }

  async input(q: InputQuestion): Promise<string> {
    q.meanwhile?.();
    for (;;) {
      this.transcript.push(`? ${q.message}${q.default ? ` (${q.default})` : ''}`);
      const step = this.step(q.message);
      if (!('input' in step)) this.fail(`step ${this.next} answers a ${Object.keys(step).join('/')}, but the flow asked for input: "${q.message}"`);
      // As in inquirer: an empty line takes the default.
      const answer = step.input === '' ? (q.default ?? '') : step.input;
      const valid = q.validate?.(answer) ?? true;
      this.transcript.push(`› ${answer}${valid === true ? '' : `  ✗ ${valid}`}`);
      if (step.rejected !== undefined) {
        if (valid === true) this.fail(`"${q.message}" accepted "${answer}", which the script expected to be rejected`);
        if (!valid.includes(step.rejected)) this.fail(`"${q.message}" rejected "${answer}" with "${valid}", not "${step.rejected}"`);
        continue;
      }
      if (valid !== true) this.fail(`"${q.message}" rejected "${answer}": ${valid}`);
      return answer;
    }
  }

  say(text: string): void {
    this.transcript.push(text);
  }

  paint(_style: string, text: string): string {
    return text;
  }
}
