import { posix } from 'node:path';
import { zipEntries, zipText, type ZipEntry } from './zip.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A worksheet as xl/workbook.xml lists it, with the zip part that holds its cells. */
export interface SheetPart {
  name: string;
  state: SheetState;
  /** 1-based position in the workbook. */
  index: number;
  /** e.g. "xl/worksheets/sheet1.xml" */
  part: string;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** What all parts claim to inflate to, in bytes. */
  inflatedSize: number;
}

/** workbook.xml and its rels are a few KB; a larger one is not a spreadsheet's. */
const SMALL_PART_LIMIT = 8 * 1024 * 1024;

/**
 * Sheet names, states and parts from the central directory, xl/workbook.xml and its
 * rels, read before any worksheet: whatever order the parts are stored in, a sheet has
 * its own name (never "Sheet3") and its position. Throws when the parts are missing.
 */
export function workbookParts(file: string): WorkbookParts {
  const entries = zipEntries(file);
  if (!entries) throw new Error('the zip central directory cannot be read');
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (name: string): string => {
    const entry = byName.get(name);
    if (!entry) throw new Error(`${name} is missing`);
    return zipText(file, entry, SMALL_PART_LIMIT);
  };
  const targets = new Map<string, string>();
  for (const attrs of elements(text('xl/_rels/workbook.xml.rels'), 'Relationship')) {
    if (attrs.Id && attrs.Target) targets.set(attrs.Id, partPath(attrs.Target));
  }
  const sheets = elements(text('xl/workbook.xml'), 'sheet').map((attrs, i): SheetPart => {
    const rid = Object.entries(attrs).find(([key]) => /^\w+:id$/.test(key))?.[1] ?? '';
    return { name: attrs.name ?? '', state: stateOf(attrs.state), index: i + 1, part: targets.get(rid) ?? '' };
  });
  return { sheets, inflatedSize: entries.reduce((sum: number, e: ZipEntry) => sum + e.size, 0) };
}

/** Shared strings can be large (one per distinct text of a big sheet); still bounded. */
const SHARED_STRINGS_LIMIT = 256 * 1024 * 1024;

/**
 * The shared-string table, read from the zip directly when it is stored after a worksheet
 * (Excel and exceljs's in-memory writer store it so): exceljs's streaming reader parses such
 * a sheet before it has seen the strings and hands back `{sharedString: n}` for every text.
 * Undefined when the table comes first (exceljs resolves the strings itself) or is absent.
 */
export function lateSharedStrings(file: string): string[] | undefined {
  const entries = zipEntries(file) ?? [];
  const table = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  const firstSheet = Math.min(...entries.filter((e) => e.name.startsWith('xl/worksheets/')).map((e) => e.offset));
  if (!table || table.offset < firstSheet) return undefined;
  const xml = zipText(file, table, SHARED_STRINGS_LIMIT);
  // A string item is its text runs joined; phonetic guides (<rPh>) are not part of the text.
  return [...xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map(([, item]) =>
    [...item.replace(/<(?:\w+:)?rPh[\s>][\s\S]*?<\/(?:\w+:)?rPh>/g, '').matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)]
      .map(([, text]) => decodeEntities(text))
      .join(''),
  );
}

/** A relationship target as a zip path: relative to xl/, or absolute from the package root (openpyxl). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

export function stateOf(s: unknown): SheetState {
  return s === 'hidden' || s === 'veryHidden' ? s : 'visible';
}

/** The attributes of every `<name …>` (with any namespace prefix) in an XML text, entities decoded. */
function elements(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const tag = new RegExp(`<(?:\\w+:)?${name}\\s([^>]*)>`, 'g');
  for (const m of xml.matchAll(tag)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
    found.push(attrs);
  }
  return found;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}
