/**
 * The prompt layer the audit flow talks to. The terminal one wraps @inquirer/*; tests
 * replay a script through the same interface, so the whole flow runs without a TTY.
 */

export interface Choice<T> {
  value: T;
  name: string;
  /** Echoed after the question once chosen (the name without what it earns); the name otherwise. */
  short?: string;
  /** Shown under the list while this choice is highlighted. */
  description?: string;
  checked?: boolean;
  /** Shown instead of choosing: why this choice is not available now. */
  disabled?: string;
}

/** A line between groups of choices (answers above, actions below). */
export const SEPARATOR = 'separator' as const;
export type Entry<T> = Choice<T> | typeof SEPARATOR;

/** Returns true, or a message saying what is wrong and what is valid. */
export type Validate<T> = (value: T) => true | string;

export interface SelectQuestion<T> {
  message: string;
  choices: Entry<T>[];
  /** The choice highlighted at first (by value); the first enabled choice otherwise. */
  default?: T;
}

export interface CheckboxQuestion<T> {
  message: string;
  choices: Entry<T>[];
  validate?: Validate<T[]>;
}

export interface InputQuestion {
  message: string;
  /** Accepted with Enter; with `editable` it is put on the line to be changed instead. */
  default?: string;
  editable?: boolean;
  validate?: Validate<string>;
  /**
   * Work to do while the question is on screen (loading a checklist costs a cold YAML
   * parse): the question shows first. If it throws, the question is withdrawn and
   * `input` rejects with its error.
   */
  meanwhile?: () => void;
}

/** How text is emphasised: the terminal colours it (unless NO_COLOR), a script keeps it plain. */
export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

export interface Prompter {
  select<T>(q: SelectQuestion<T>): Promise<T>;
  checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]>;
  input(q: InputQuestion): Promise<string>;
  /** Prints text between questions (item cards, summaries, notices). */
  say(text: string): void;
  paint(style: Style, text: string): string;
  /** Display columns available for text. */
  readonly width: number;
}

/**
 * Ctrl-C and the end of stdin make inquirer throw ExitPromptError. Matched by name so
 * that recognising it does not load @inquirer/core.
 */
export function isPromptExit(e: unknown): boolean {
  return e instanceof Error && e.name === 'ExitPromptError';
}
