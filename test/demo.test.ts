import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../src/formats/ledger-workbook.js';

describe('fixtures/demo', () => {
  it('records the merged copies by their path inside the demo folder, never the machine’s', async () => {
    const ledger = await loadLedger('fixtures/demo/ledger.xlsx');
    expect(ledger.log.length).toBeGreaterThan(0);
    expect(new Set(ledger.log.map((entry) => entry.file))).toEqual(new Set(['updates/甲区-整改进展.xlsx', 'updates/丙县-整改进展.xlsx']));
    expect(ledger.log.every((entry) => !isAbsolute(entry.file) && entry.time === '2026-12-01 09:00:00')).toBe(true);
  });
});
