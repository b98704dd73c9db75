import { styleText } from 'node:util';
import { hasMessage, t } from '../i18n/index.js';
import { wrapText } from '../util/line-break.js';
import { SEPARATOR, type CheckboxQuestion, type InputQuestion, type Prompter, type SelectQuestion, type Style } from './prompter.js';

// Each prompt package costs ~40 ms to load: only the ones a question needs, once.
const load = {
  select: once(() => import('@inquirer/select')),
  checkbox: once(() => import('@inquirer/checkbox')),
  input: once(() => import('@inquirer/input')),
};

function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
}

/** inquirer's key help is English (`space select`); say it, key names too, in the user's language. */
function keysHelpTip(keys: [string, string][]): string {
  return keys.map(([key, action]) => `${hasMessage(`prompt.keyname.${key}`) ? t(`prompt.keyname.${key}`) : key} ${t(`prompt.key.${action}`)}`).join(' · ');
}

/** The ticked options echoed after the question, listed as the language lists them (法院、公安). */
function renderSelectedChoices(chosen: { short: string }[]): string {
  return chosen.map((c) => c.short).join(t('prompt.list-separator'));
}

/** Where prompts read and write; the process's stdin and stdout unless a test gives its own. */
export interface Streams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** The terminal prompt layer: @inquirer single-prompt packages. */
export class InquirerPrompter implements Prompter {
  private readonly out: NodeJS.WritableStream & { columns?: number; isTTY?: boolean };
  private readonly plain: boolean;

  constructor(private readonly streams: Streams = {}) {
    this.out = streams.output ?? process.stdout;
    this.plain = (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') || !this.out.isTTY;
  }

  get width(): number {
    return this.out.columns || 80;
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    const { default: select, Separator } = await load.select();
    return select<T>({
      message: this.fit(q.message),
      choices: q.choices.map((c) => (c === SEPARATOR ? new Separator() : c)),
      default: q.default,
      pageSize: 12,
      theme: { indexMode: 'number', style: { keysHelpTip } },
    }, this.streams);
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    const { default: checkbox, Separator } = await load.checkbox();
    const validate = q.validate;
    return checkbox<T>({
      message: this.fit(q.message),
      choices: q.choices.map((c) => (c === SEPARATOR ? new Separator() : c)),
      pageSize: 12,
      validate: validate ? (chosen) => validate(chosen.map((c) => c.value)) : undefined,
      // Letters are for typing, not for ticking everything by accident.
      shortcuts: { all: null, invert: null },
      theme: { style: { keysHelpTip, renderSelectedChoices } },
    }, this.streams);
  }

  async input(q: InputQuestion): Promise<string> {
    const { default: input } = await load.input();
    const withdraw = new AbortController();
    const asked = input({ message: this.fit(q.message), default: q.default, prefill: q.editable ? 'editable' : 'tab', validate: q.validate }, { ...this.streams, signal: withdraw.signal });
    let failure: { error: unknown } | undefined;
    const meanwhile = q.meanwhile;
    // inquirer draws the question on the next turn of the event loop; this runs just after.
    if (meanwhile) {
      setImmediate(() => {
        try {
          meanwhile();
        } catch (error) {
          failure = { error };
          withdraw.abort();
        }
      });
    }
    try {
      return await asked;
    } catch (e) {
      throw failure ? failure.error : e;
    }
  }

  /**
   * inquirer breaks a long question wherever the screen ends (inside `0.5分`); broken
   * here first by our rules, it fits and inquirer leaves it alone. The `? ` takes two columns.
   */
  private fit(message: string): string {
    return wrapText(message, this.width - 2);
  }

  say(text: string): void {
    this.out.write(`${text}\n`);
  }

  paint(style: Style, text: string): string {
    return this.plain ? text : styleText(style, text);
  }
}
