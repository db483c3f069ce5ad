import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/contract/**/*.test.ts',
      'tests/packaging/**/*.test.ts',
      'tests/faults/**/*.test.ts',
      'tests/sync/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // electron-store imports 'electron'; inlining it lets vi.mock('electron') reach that import.
    server: { deps: { inline: ['electron-store'] } },
    reporters: ['default', ['json', { outputFile: '.tmp/results/unit.json' }]],
  },
});
