#!/usr/bin/env node
// `npm test`: typecheck, lint, build, then every suite (unit + contract + packaging in Vitest, UI end to
// end in Chromium, Electron end to end where a binary exists), ending with one line summing them all:
// "N passed, N failed, N skipped". Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwrightCounts, vitestCounts } from './result-counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, '.tmp', 'results');
const bin = (name) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Node ${process.versions.node} is too old: Shopwarden needs Node >= 22.12.`);
  process.exit(1);
}

fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${path.basename(cmd)} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
    shell: process.platform === 'win32',
  });
  return { ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/**
 * A step that is not a test suite (typecheck, lint, build). It adds nothing to the counts when it passes,
 * so the closing line equals the runners' own counts; when it fails it counts as one failure.
 */
function check(label, cmd, args) {
  const r = run(label, cmd, args);
  if (!r.ok) totals.failed++;
  lines.push(`${label}: ${r.ok ? 'ok' : 'FAILED'} (${r.seconds}s)`);
  return r.ok;
}

function suite(label, cmd, args, file, count) {
  const r = run(label, cmd, args);
  let c;
  try {
    c = count(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    c = { passed: 0, failed: 1, skipped: 0, reasons: ['no report was written'] };
  }
  if (!r.ok && c.failed === 0) c.failed = 1; // the runner failed without a failing test: still a failure
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  lines.push(`${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${r.seconds}s)`);
  for (const reason of c.reasons ?? []) lines.push(`  ${reason}`);
}

const typed = check('typecheck', bin('tsc'), ['-b']);
check('lint', bin('biome'), ['check', '.']);
const built =
  typed &&
  check('build', process.execPath, [
    path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    'build',
    '-c',
    'electron/electron.vite.config.ts',
  ]);
if (built) {
  suite(
    'unit, contract and packaging (Vitest)',
    bin('vitest'),
    ['run', '-c', 'tests/vitest.config.ts'],
    path.join(results, 'unit.json'),
    vitestCounts,
  );
  suite(
    'UI end to end (Playwright, Chromium)',
    bin('playwright'),
    ['test', '-c', 'tests/playwright.config.ts'],
    path.join(results, 'ui.json'),
    playwrightCounts,
  );
  suite(
    'Electron end to end (Playwright _electron)',
    bin('playwright'),
    ['test', '-c', 'tests/electron/playwright.config.ts'],
    path.join(results, 'electron.json'),
    playwrightCounts,
  );
} else {
  lines.push('suites: not run, the build failed');
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
