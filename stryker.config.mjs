// Mutation testing of the core (issue 19). Slow on 2 cores: incremental mode re-tests only the mutants whose code
// or covering tests changed since the committed reports/stryker-incremental.json. `npm run mutation`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/model/**/*.ts',
    'src/scoring/**/*.ts',
    'src/methods/**/*.ts',
    'src/ledger/merge.ts',
    'src/ledger/audits.ts',
    'src/ledger/progress.ts',
    'src/ledger/rows.ts',
    'src/ledger/cells.ts',
    'src/ledger/model.ts',
    'src/briefing/compute.ts',
    'src/formats/audit-file.ts',
    'src/formats/results-json.ts',
  ],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress'],
  concurrency: 2,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 30,
  // Module-level mutants (schema fragments, tables) would each re-run every test: not worth it on 2 cores.
  ignoreStatic: true,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
