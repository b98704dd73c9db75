import path from 'node:path';

// Box-drawing characters have ambiguous width: the legacy Windows console with a CJK code page (cmd.exe or
// PowerShell outside Windows Terminal, which sets WT_SESSION) draws them two columns wide and every table
// falls apart. There, and with --ascii, tables and rules are drawn with - | + instead.
let ascii = false;

export function detectAscii(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (argv.includes('--ascii') || env.ZONGZHI_ASCII === '1') return true;
  return platform === 'win32' && !env.WT_SESSION && !env.TERM_PROGRAM;
}

export function setAscii(on: boolean): void {
  ascii = on;
}

export function asciiOnly(): boolean {
  return ascii;
}

/** A horizontal rule character that every console draws one column wide. */
export function ruleChar(): string {
  return ascii ? '-' : '─';
}

/** A file as the user would type it from here: relative below the working folder, absolute elsewhere. */
export function displayPath(file: string, cwd: string = process.cwd(), api: path.PlatformPath = path): string {
  const rel = api.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || api.isAbsolute(rel) ? file : rel;
}
