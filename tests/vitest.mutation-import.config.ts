// The suites the second part of `npm run mutation` (stryker.import-session.config.mjs) runs against each
// mutant of what reads an import, the arrival rules and the session's timers: only these, so a mutant of a
// module-level table (the header aliases, the platform names) costs seconds, not the sync suites.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    include: [
      'tests/unit/transfer-classify.test.ts',
      'tests/unit/table-mapping.test.ts',
      'tests/unit/import-readers.test.ts',
      'tests/unit/transfer-grouping.test.ts',
      'tests/unit/csv.test.ts',
      'tests/contract/import-rules.test.ts',
      'tests/contract/transfer-import-read.test.ts',
      'tests/contract/export-round-trip.test.ts',
      'tests/unit/sub-arrival-rules.test.ts',
      'tests/contract/team-arrival-rules.test.ts',
      'tests/unit/auto-lock.test.ts',
      'tests/unit/clipboard.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ['electron-store'] } },
  },
});
