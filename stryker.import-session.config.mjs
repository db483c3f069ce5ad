// `npm run mutation`, second part: StrykerJS over what reads an import (header mapping, classification, the
// round-trip register, CSV and Bitwarden parsing), the platform rules a sub-account arriving by team sync is
// held to, and the session's auto-lock and clipboard take-back, each run against its own suites only. (The
// session service's lock and unlock are exercised through the 255-test contract suite, too slow per mutant.)
// Not part of `npm test` (minutes on two cores); its score and run time are in the README.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/vitest.mutation-import.config.ts' },
  mutate: [
    'shared/domain/transfer/table-mapping.ts',
    'shared/domain/transfer/classify.ts',
    'shared/domain/transfer/shopwarden-data.ts',
    'electron/core/transfer/import/credential-csv.ts',
    'electron/core/transfer/import/bitwarden-json.ts',
    'electron/core/team/sub-arrival-rules.ts',
    'electron/core/session/auto-lock.ts',
    'electron/core/session/clipboard-guard.ts',
  ],
  coverageAnalysis: 'perTest',
  // Stryker rewrites a tsconfig for its sandbox through TypeScript's JS API, which TypeScript 7 (the native
  // compiler) no longer has; the tests run from source through Vite and need no rewrite, so none is named.
  tsconfigFile: 'none.json',
  concurrency: 2,
  timeoutMS: 60_000,
  tempDirName: '.tmp/stryker-import',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.tmp/mutation/mutation-import.json' },
  cleanTempDir: 'always',
};
