import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { problem, type Problem } from '../errors.js';

/**
 * What a file named .xlsx really is, judged from its bytes before any parser sees it, so
 * a renamed .xls or CSV gets a sentence the user can act on instead of a zip stack trace.
 *
 * - `xlsx`: a zip whose directory lists xl/workbook.xml
 * - `zip`: another zip (a .docx, a folder zipped, an .ods…)
 * - `corrupt-zip`: starts like a zip but its directory is missing (truncated download)
 * - `ole`: an OLE2 container: a legacy .xls, or an .xlsx with an open password
 * - `html` / `xml`: a "web page" or "XML spreadsheet 2003" saved with an .xls(x) name
 * - `text`: plain text, typically a CSV renamed
 * - `empty`: zero bytes
 * - `unknown`: anything else
 */
export type FileKind = 'xlsx' | 'zip' | 'corrupt-zip' | 'ole' | 'html' | 'xml' | 'text' | 'empty' | 'unknown' | 'missing';

const HEAD = 4096;
const TAIL = 65_536 + 22;

export function sniffFile(file: string): FileKind {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return 'empty';
    const head = Buffer.alloc(Math.min(HEAD, size));
    readSync(fd, head, 0, head.length, 0);
    if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) {
      // The central directory (with every entry's name) and its end record sit at the end of a zip.
      const tailLength = Math.min(TAIL, size);
      const tail = Buffer.alloc(tailLength);
      readSync(fd, tail, 0, tailLength, size - tailLength);
      if (tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) < 0) return 'corrupt-zip';
      return tail.includes('xl/workbook.xml') || head.includes('xl/workbook.xml') ? 'xlsx' : 'zip';
    }
    if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0506) return 'zip';
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'ole';
    if (head.includes(0)) return 'unknown';
    const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart().slice(0, 200).toLowerCase();
    if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.includes('<table')) return 'html';
    if (text.startsWith('<?xml')) return text.includes('<html') ? 'html' : 'xml';
    return 'text';
  } finally {
    closeSync(fd);
  }
}

/**
 * A located problem when `file` is not a readable .xlsx, naming what it is and what to
 * do; undefined when it looks like one.
 */
export function xlsxProblem(file: string): Problem | undefined {
  const kind = sniffFile(file);
  if (kind === 'xlsx') return undefined;
  // Named otherwise, the file was not renamed: say what it is (`ledger status x.audit.yaml`).
  const ext = extname(file).toLowerCase();
  if (kind !== 'missing' && ['.yaml', '.yml', '.json'].includes(ext)) return problem('xlsx.kind-data-file', { path: file }, { file });
  if (kind !== 'missing' && kind !== 'empty' && ext !== '.xlsx') return problem('xlsx.kind-other-file', { path: file, ext: ext || '-' }, { file });
  return problem(`xlsx.kind-${kind}`, { path: file }, { file });
}
