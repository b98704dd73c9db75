import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * The zip central directory of a workbook, read before any part is parsed: it lists every
 * part whatever order a program stored them in (openpyxl puts the worksheets before
 * xl/workbook.xml), with the size each part claims once inflated.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const END_RECORD = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const TAIL = 65_536 + 22;

/** The entries, or undefined when the file has no readable central directory. */
export function zipEntries(file: string): ZipEntry[] | undefined {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = readAt(fd, Math.max(0, size - TAIL), Math.min(TAIL, size));
    let end = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_RECORD) {
        end = i;
        break;
      }
    }
    if (end < 0) return undefined;
    const count = tail.readUInt16LE(end + 10);
    const length = tail.readUInt32LE(end + 12);
    const start = tail.readUInt32LE(end + 16);
    if (start + length > size) return undefined;
    const dir = readAt(fd, start, length);
    const entries: ZipEntry[] = [];
    for (let p = 0, n = 0; n < count && p + 46 <= dir.length; n++) {
      if (dir.readUInt32LE(p) !== DIRECTORY_ENTRY) return undefined;
      const nameLength = dir.readUInt16LE(p + 28);
      entries.push({
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        offset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      });
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/**
 * One small part's text (workbook.xml, its rels), inflated to at most `limit` bytes:
 * a part that claims to be small but inflates past that is refused by zlib.
 */
export function zipText(file: string, entry: ZipEntry, limit: number): string {
  const fd = openSync(file, 'r');
  try {
    const header = readAt(fd, entry.offset, 30);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`bad local header for ${entry.name}`);
    const dataStart = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = readAt(fd, dataStart, entry.compressedSize);
    const bytes = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: limit });
    return bytes.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}
