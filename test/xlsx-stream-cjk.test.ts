import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbook, readWorkbook } from '../src/xlsx/index.js';
import { tempDir } from './helpers.js';

describe('streaming reader and CJK text', () => {
  it('reads every character whole, wherever it falls in the zip stream', async () => {
    const path = join(tempDir(), 'big.xlsx');
    // Varying lengths put multi-byte characters at every offset of the decompressed chunks.
    const rows = Array.from({ length: 12_000 }, (_, i) => [`示例市第${i}号综治中心${'。'.repeat(i % 13)}`, `矛盾纠纷排查台账缺失${'丙'.repeat(i % 7)}`]);
    const book = await createWorkbook(path);
    const sheet = await book.addSheet({ name: '数据', columns: [{ header: '名称' }, { header: '问题' }] });
    for (const row of rows) sheet.addRow(row);
    await book.commit();

    const back: unknown[][] = [];
    for await (const s of readWorkbook(path)) {
      for await (const row of s.rows()) if (row.number > 1) back.push(row.cells);
    }
    const garbled = back.filter((cells, i) => JSON.stringify(cells) !== JSON.stringify(rows[i]));
    expect(garbled.slice(0, 3)).toEqual([]);
    expect(back).toHaveLength(rows.length);
  }, 120_000);
});
