import { readFileSync, statSync } from 'node:fs';
import { problem, type Problem } from '../errors.js';
import { notice } from '../notices.js';

/** YAML and JSON inputs above this size are refused before parsing (an audit file is ~10 KB, a checklist ~50 KB). */
export const TEXT_FILE_LIMIT = 16 * 1024 * 1024;

export type TextRead = { text?: string; bytes?: Buffer; problems: Problem[] };

/**
 * A text input (YAML, JSON, CSV) as a string: only regular files (a FIFO would block
 * forever), at most `limit` bytes, decoded by `decodeText`.
 */
export function readTextFile(path: string, limit = TEXT_FILE_LIMIT): TextRead {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile() && !stat.isDirectory()) return { problems: [problem('input.not-regular', { path }, { file: path })] };
    if (stat.size > limit) return { problems: [tooLarge(path, stat.size, limit)] };
    bytes = readFileSync(path);
  } catch (e) {
    return { problems: [problem('file.unreadable', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { file: path })] };
  }
  const decoded = decodeText(bytes, path);
  return { ...decoded, bytes };
}

export function tooLarge(path: string, size: number, limit: number): Problem {
  const mb = (n: number) => String(Math.ceil(n / 1024 / 1024));
  return problem('input.too-large', { path, size: mb(size), max: mb(limit) }, { file: path });
}

/**
 * Bytes to text, never garbled: UTF-8 (BOM stripped) is the format; UTF-16 (as Windows
 * Notepad saves "Unicode") and GB18030/GBK (older Chinese editors and WPS) are decoded
 * with a warning naming the encoding; anything else is refused. CRLF and CR become LF,
 * so a copy saved on Windows is the same text.
 */
export function decodeText(bytes: Uint8Array, file: string): { text?: string; problems: Problem[] } {
  const encoding = utf16Of(bytes);
  let text: string | undefined;
  if (encoding) text = new TextDecoder(encoding).decode(bytes);
  else text = strictDecode('utf-8', bytes);
  if (text === undefined) {
    text = strictDecode('gb18030', bytes);
    if (text === undefined) return { problems: [problem('encoding.unknown', {}, { file })] };
    notice(problem('encoding.decoded', { encoding: 'GB18030 (GBK)' }, { file }));
  } else if (encoding) {
    notice(problem('encoding.decoded', { encoding: encoding.toUpperCase() }, { file }));
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), problems: [] };
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM keeps a UTF-8 BOM in the text, where the caller strips it.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 by its BOM, or without one by the zero bytes that ASCII characters leave at every other position. */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = Math.min(bytes.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (pairs && oddZeros > pairs / 4 && evenZeros === 0) return 'utf-16le';
  if (pairs && evenZeros > pairs / 4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}
