import { catalog } from './catalog/index.js';

export type Lang = 'zh' | 'en';
export type Params = Record<string, string | number>;

let current: Lang = 'zh';

/** Reads `--lang` from argv, then ZONGZHI_LANG; help text is built before commander parses, so this runs first. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined) return value === 'en' ? 'en' : 'zh';
  }
  return env.ZONGZHI_LANG === 'en' ? 'en' : 'zh';
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function lang(): Lang {
  return current;
}

/** Looks up a message and fills `{name}` placeholders; an unknown key shows itself so a gap is visible, not silent. */
export function t(key: string, params: Params = {}): string {
  const entry = catalog[key];
  const template = entry ? entry[current] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function hasMessage(key: string): boolean {
  return key in catalog;
}
