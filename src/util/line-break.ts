import { displayWidth } from './width.js';

/**
 * Line breaking by Chinese typesetting rules (GB/T 15834 and the usual 行首/行尾禁则),
 * for every place our text wraps: prompts and item cards, terminal tables, help, and
 * the row heights of workbook cells.
 *
 * - never inside a number with its decimal point, sign or unit (`0.5分`, `300㎡`, `≥90%`),
 *   nor inside a run of Latin letters and digits (`INS-01`, `county`);
 * - never before closing punctuation (`，。、：）》”` …) nor after opening punctuation
 *   (`（《“` …), and never inside `……` or `——`;
 * - preferably after punctuation or at a space, when that still fills most of the line.
 *
 * A unit that is wider than the line on its own (a long path) is cut where it must be.
 */
export function breakLines(text: string, width: number): string[] {
  return text.split('\n').flatMap((paragraph) => breakParagraph(paragraph, Math.max(1, width)));
}

/** breakLines joined with newlines: what a cell or a help column shows. */
export function wrapText(text: string, width: number): string {
  return breakLines(text, width).join('\n');
}

const CLOSING = new Set([...'，。、；：！？）」』》〉】〕］｝”’,.;:!?)]}%％…‥·・〃々ー'].concat(['\u3009']));
const OPENING = new Set([...'（「『《〈【〔［｛“‘([{']);
const PAIRED = new Set([...'…—']);
const SIGNS = new Set([...'≥≤<>＞＜±+-−~～#№$¥￥']);
// Units of more than one character that follow a number (`5万元`, `3个月`): kept with it whole.
const UNITS = ['平方米', '万元', '个月', '小时', '分钟', '人次', '公里', '千米', '万人', '周岁'];
/** How far a preferred break (after punctuation, at a space) may leave the line short: a quarter of it. */
const PREFERRED_FILL = 0.75;

const isDigit = (ch: string) => /[0-9０-９]/.test(ch);
const isLatin = (ch: string) => /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_]/.test(ch);
const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u3000';
const isUnit = (ch: string) => ch !== '' && !isLatin(ch) && !isSpace(ch) && !OPENING.has(ch);

// eslint-disable-next-line no-control-regex
const TOKEN = /\x1b\[[0-9;]*m|[\s\S]/gu;

/** A paragraph split into characters, with what each one does to the breaks around it. */
interface Text {
  chars: string[];
  /** No break before this character (the rest of a multi-character unit). */
  glued: boolean[];
  opening: boolean[];
  closing: boolean[];
}

/** Straight quotes `"` open and close in turn; the rest is read from the sets above. */
function analyse(chars: string[]): Text {
  let quotes = 0;
  const quote = chars.map((ch) => (ch === '"' ? (quotes++ % 2 === 0 ? 'open' : 'close') : undefined));
  return {
    chars,
    glued: gluedUnits(chars),
    opening: chars.map((ch, i) => OPENING.has(ch) || quote[i] === 'open'),
    closing: chars.map((ch, i) => CLOSING.has(ch) || quote[i] === 'close'),
  };
}

/** 0: no break before chars[i]; 1: allowed; 2: preferred (after punctuation, at a space). */
function breakQuality({ chars, glued, opening, closing }: Text, i: number): 0 | 1 | 2 {
  const prev = chars[i - 1];
  const next = chars[i];
  if (glued[i]) return 0;
  // `500 ㎡`, `38 个评分项`: a number and its unit stay together across a space too.
  if (isSpace(prev) && isDigit(chars[i - 2] ?? '') && isUnit(next)) return 0;
  if (isSpace(next) && isDigit(prev) && isUnit(chars[i + 1] ?? '')) return 0;
  if (isSpace(prev) || isSpace(next)) return 2;
  if (closing[i] || opening[i - 1]) return 0;
  if (PAIRED.has(prev) && prev === next) return 0;
  // A number keeps its decimal part, its sign and the unit right after it: `0.5分`, `≥90%`, `1,000`.
  if (isDigit(prev) || (isDigit(next) && (SIGNS.has(prev) || (/[.,．，]/.test(prev) && isDigit(chars[i - 2] ?? ''))))) return 0;
  // Inside Latin words, ids, paths and file names: `INS-01`, `2026-11-20`, `a/b`, `.json` (a `,` or `;` ends a run).
  if (/[!-~]/.test(prev) && /[!-~]/.test(next) && !opening[i] && !/[,;:!?)\]}"]/.test(prev)) return 0;
  return closing[i - 1] ? 2 : 1;
}

/** Marks the characters of a multi-character unit after a number as glued to what precedes them. */
function gluedUnits(chars: string[]): boolean[] {
  const glued = chars.map(() => false);
  for (let i = 1; i < chars.length; i++) {
    if (!isDigit(chars[i - 1])) continue;
    const rest = chars.slice(i, i + 3).join('');
    const unit = UNITS.find((u) => rest.startsWith(u));
    if (unit) for (let k = 1; k < [...unit].length; k++) glued[i + k] = true;
  }
  return glued;
}

function breakParagraph(paragraph: string, width: number): string[] {
  const chars = paragraph.match(TOKEN) ?? [];
  if (displayWidth(paragraph) <= width) return [paragraph];
  const widths = chars.map(displayWidth);
  const text = analyse(chars);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let used = 0;
    let end = start;
    const candidates: { at: number; quality: 1 | 2; used: number }[] = [];
    for (; end < chars.length; end++) {
      if (end > start) {
        const quality = breakQuality(text, end);
        if (quality) candidates.push({ at: end, quality, used });
      }
      if (end > start && used + widths[end] > width) break;
      used += widths[end];
    }
    if (end >= chars.length) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    const at = chooseBreak(candidates, width) ?? hang(text, end);
    lines.push(chars.slice(start, at).join('').trimEnd());
    start = at;
    while (start < chars.length && isSpace(chars[start])) start++;
  }
  return lines;
}

/**
 * No break is allowed within the line: cut it, but let closing punctuation hang past
 * the end rather than start the next line.
 */
function hang({ chars, closing }: Text, end: number): number {
  let at = end;
  while (at < chars.length && closing[at]) at++;
  return at;
}

/** The latest preferred break that fills most of the line, else the latest allowed one. */
function chooseBreak(candidates: { at: number; quality: 1 | 2; used: number }[], width: number): number | undefined {
  const preferred = candidates.filter((c) => c.quality === 2 && c.used >= width * PREFERRED_FILL).pop();
  return (preferred ?? candidates[candidates.length - 1])?.at;
}
