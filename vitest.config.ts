import { defineConfig } from 'vitest/config';

/**
 * Suites that turn dates into cells, cells into dates or dates into day counts. They run under UTC (CI's zone)
 * and again under Asia/Shanghai (users' zone: catches a date written at local midnight) and America/New_York
 * (behind UTC: catches a UTC-midnight date cell read with local getters). The filled-workbook suite (sheet.test.ts)
 * reads its dates through the same cell and date functions and takes minutes: it runs once.
 */
const DATE_SUITES = [
  'test/dates.test.ts',
  'test/ledger-cells.test.ts',
  'test/ledger-merge.test.ts',
  'test/ledger-progress.test.ts',
  'test/ledger-workbook.test.ts',
  'test/report.test.ts',
  'test/xlsx-adapter.test.ts',
  'test/briefing-compute.test.ts',
];

const zone = (tz: string) => ({ extends: true as const, test: { name: tz, include: DATE_SUITES, env: { TZ: tz } } });

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [{ extends: true as const, test: { name: 'UTC', include: ['test/**/*.test.ts'], env: { TZ: 'UTC' } } }, zone('Asia/Shanghai'), zone('America/New_York')],
  },
});
