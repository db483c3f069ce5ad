// `npm start` without the Electron binary says so plainly, in both languages, and points to the preview.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('npm start', () => {
  it('where the Electron binary is missing: a plain message pointing to npm run preview, exit 1, nothing built', () => {
    // An empty folder as Electron's dist: missing on every machine, whether or not a binary was downloaded.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-no-electron-'));
    try {
      const r = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        timeout: 30_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('没有找到 Electron 程序');
      expect(r.stderr).toContain('The Electron binary is missing');
      expect(r.stderr).toContain('npm run preview');
      expect(r.stdout).not.toContain('vite');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
