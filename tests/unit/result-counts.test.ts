// The closing summary line must equal what the runners themselves report (defect 10): a real Vitest run
// over fixtures with a failing test inside nested describes, a file that breaks at import and a skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { playwrightCounts, vitestCounts } from '../result-counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('closing-line counts', () => {
  it('equal Vitest’s own summary: one failed test counted once, a broken file once, skips apart', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-counts-')), 'report.json');
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '-c',
        'tests/fixtures/result-counts/vitest.config.ts',
      ],
      { cwd: root, env: { ...process.env, COUNTS_OUT: out, FORCE_COLOR: '0' }, encoding: 'utf8' },
    );
    expect(r.status).not.toBe(0);
    const printed = stripVTControlCharacters(`${r.stdout}${r.stderr}`);
    // Vitest's own words: "Tests  1 failed | 2 passed | 1 skipped (4)", "Test Files  2 failed (2)".
    expect(printed).toMatch(/Tests\s+1 failed \| 2 passed \| 1 skipped/);
    const c = vitestCounts(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(c).toMatchObject({ passed: 2, failed: 2, skipped: 1 });
    expect(c.reasons).toEqual(['1 test file(s) failed before running any test']);
  });

  it('Playwright: a flaky test is a pass named in the summary; errors outside tests are failures', () => {
    const c = playwrightCounts({
      stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 2 },
      errors: [{ message: 'worker crashed' }],
      suites: [{ specs: [{ title: 'shaky', tests: [{ status: 'flaky', annotations: [] }] }] }],
    });
    expect(c).toEqual({
      passed: 6,
      failed: 2,
      skipped: 2,
      reasons: ['FLAKY (passed on retry): shaky'],
    });
  });
});
