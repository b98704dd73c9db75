import { defineConfig } from 'vitest/config';

// The suites Stryker runs against mutated sources. Tests that only drive the compiled binary (dist/) cannot see a
// mutant in src/, so they are left out; TZ is not UTC so that a UTC/local date mix-up changes a result.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/audit-cli.test.ts',
      'test/audit-tmux.test.ts',
      'test/briefing-demo.test.ts',
      'test/briefing.test.ts',
      'test/checklist-validate.test.ts',
      'test/cli.test.ts',
      'test/ledger-cli.test.ts',
      'test/schema-generated.test.ts',
      'test/score-cli.test.ts',
      'test/sheet-libreoffice.test.ts',
      'test/xlsx-stream-cjk.test.ts',
    ],
    env: { TZ: 'America/New_York' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
