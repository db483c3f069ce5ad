// `npm run mutation`, first part: StrykerJS over the modules that guard what arrives by sync and by the app's
// calls, and over those that keep backups, restores and unlock attempts honest. The second part
// (stryker.import-session.config.mjs) runs apart with its own suites, so that a mutant of a module-level
// table does not run every suite of both.
// Not part of `npm test` (minutes on two cores); its score and run time are in the README.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/vitest.mutation.config.ts' },
  mutate: [
    'shared/domain/sync/authorisation.ts',
    'shared/domain/sync/scopes.ts',
    'shared/domain/sync/records.ts',
    'electron/core/sync/arrival.ts',
    'electron/core/team/handlers.ts',
    'electron/core/backup/backup-format.ts',
    'electron/core/backup/backup-keys.ts',
    'electron/core/backup/restore-intent.ts',
    'shared/domain/subaccount-rules.ts',
    'electron/core/vault/throttle.ts',
  ],
  coverageAnalysis: 'perTest',
  // Stryker rewrites a tsconfig for its sandbox through TypeScript's JS API, which TypeScript 7 (the native
  // compiler) no longer has; the tests run from source through Vite and need no rewrite, so none is named.
  tsconfigFile: 'none.json',
  concurrency: 2,
  timeoutMS: 60_000,
  tempDirName: '.tmp/stryker',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.tmp/mutation/mutation.json' },
  cleanTempDir: 'always',
};
