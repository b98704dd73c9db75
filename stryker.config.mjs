// Mutation testing of the core (issue 19). Slow on 2 cores: incremental mode re-tests only the mutants whose code
// or covering tests changed since the committed reports/stryker-incremental.json. `npm run mutation [area…]`.

/** The scope, one area per run (`npm run mutation -- model`): a whole run takes over an hour on shared cores. */
export const areas = {
  model: ['src/model/**/*.ts'],
  scoring: ['src/scoring/**/*.ts'],
  methods: ['src/methods/**/*.ts'],
  // The ledger's rules; its workbook layout lives in src/formats/ledger-workbook.ts and is not mutated.
  ledger: [
    'src/ledger/merge.ts',
    'src/ledger/audits.ts',
    'src/ledger/extension.ts',
    'src/ledger/progress.ts',
    'src/ledger/rows.ts',
    'src/ledger/cells.ts',
    'src/ledger/model.ts',
  ],
  briefing: ['src/briefing/compute.ts'],
  // The readers of the text formats; the workbook readers' suites take minutes per mutant.
  formats: ['src/formats/audit-file.ts', 'src/formats/results-json.ts'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: Object.values(areas).flat(),
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress'],
  // The machine is shared: one test process.
  concurrency: 1,
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 30,
  // Module-level mutants (schema fragments, tables) would each re-run every test: not worth it on 2 cores.
  ignoreStatic: true,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
