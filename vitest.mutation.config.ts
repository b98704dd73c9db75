import { defineConfig } from 'vitest/config';

// The suites Stryker runs against each mutant: those with in-process tests of the core. A test that drives the
// compiled binary (dist/) cannot see a mutant in src/ (it only costs the initial run); the workbook suites take
// minutes per run on shared cores.
// TZ is not UTC so that a UTC/local date mix-up changes a result.
export default defineConfig({
  test: {
    include: [
      'test/audit-file.test.ts',
      'test/audit-mode-uninspected.test.ts',
      'test/briefing-compute.test.ts',
      'test/briefing-versions.test.ts',
      'test/centers.test.ts',
      'test/checklist-rules.test.ts',
      'test/dates.test.ts',
      'test/input-text.test.ts',
      'test/ledger-cells.test.ts',
      'test/ledger-history.test.ts',
      'test/ledger-merge.test.ts',
      'test/ledger-model.test.ts',
      'test/ledger-progress.test.ts',
      'test/ledger-rows.test.ts',
      'test/level.test.ts',
      'test/methods.test.ts',
      'test/model.test.ts',
      'test/rank.test.ts',
      'test/ranking-rules.test.ts',
      'test/results-json.test.ts',
      'test/scoring-effects.test.ts',
      'test/scoring-properties.test.ts',
      'test/scoring-rows.test.ts',
      'test/scored-batch.test.ts',
      'test/scoring.test.ts',
      'test/standings.test.ts',
    ],
    env: { TZ: 'America/New_York', PROPERTY_RUNS: '25' },
    // Stryker switches mutants at run time and skips module-level ones (ignoreStatic), so modules need not be
    // imported afresh for each run: without isolation a run costs the tests, not ~3 s of imports.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
