// The suites `npm run mutation` runs against each mutant of the modules that guard what arrives: the
// authorisation table, scopes and merge rules, the arrival checks, and the app-call guard; and of those
// that keep backups, restores, imports and unlock attempts honest. Sync suites run on
// the shared-folder target only (SW_SYNC_TARGETS), the same checks without starting servers per mutant.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.SW_SYNC_TARGETS = 'folder';

export default defineConfig({
  root,
  test: {
    include: [
      'tests/unit/authorisation.test.ts',
      'tests/unit/call-guard.test.ts',
      'tests/unit/records-merge.test.ts',
      'tests/unit/arrival.test.ts',
      'tests/sync/compaction.test.ts',
      'tests/sync/merge-properties.test.ts',
      'tests/sync/hostile-member.test.ts',
      'tests/sync/team-sync.test.ts',
      'tests/contract/team.test.ts',
      'tests/unit/backup-format.test.ts',
      'tests/unit/vault.test.ts',
      'tests/contract/backup-promises.test.ts',
      'tests/faults/restore-interrupted.test.ts',
      'tests/unit/domain-platforms.test.ts',
      'tests/unit/backup-format-edges.test.ts',
      'tests/unit/backup-fixture.test.ts',
      'tests/unit/restore-intent.test.ts',
      'tests/unit/subaccount-rules.test.ts',
      'tests/unit/throttle.test.ts',
      'tests/contract/import-rules.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ['electron-store'] } },
  },
});
