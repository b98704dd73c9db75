import { cellText } from './cell.js';
import type { SheetIn } from './read.js';
import type { WorkbookOut } from './write.js';

/**
 * The 合并记录 sheet a merged workbook carries (the ledger's, the 周调度表's): one line per
 * change, every merge appending to what earlier ones wrote. Read back by header text, so a
 * record whose columns someone moved still reads.
 */
export interface RecordColumn<K extends string> {
  key: K;
  header: string;
  width: number;
}

export function writeMergeRecord<K extends string>(book: WorkbookOut, name: string, columns: readonly RecordColumn<K>[], entries: readonly Record<K, string>[]): void {
  const sheet = book.addSheet({ name, title: name, columns: columns.map((c) => ({ header: c.header, width: c.width, wrap: true })) });
  for (const entry of entries) sheet.addRow(columns.map((c) => entry[c.key]));
}

export async function readMergeRecord<K extends string>(sheet: SheetIn, columns: readonly RecordColumn<K>[]): Promise<Record<K, string>[]> {
  const entries: Record<K, string>[] = [];
  let found: Map<K, number> | undefined;
  for await (const row of sheet.rows()) {
    const texts = row.cells.map(cellText);
    if (!found) {
      const at = new Map(columns.map((c) => [c.key, texts.indexOf(c.header)] as [K, number]));
      if ([...at.values()].every((i) => i >= 0)) found = at;
      continue;
    }
    entries.push(Object.fromEntries(columns.map((c) => [c.key, texts[found!.get(c.key)!] ?? ''])) as Record<K, string>);
  }
  return entries;
}
