// The folder says which runtime a file lives in; this keeps it true. The core and shared code run in plain
// Node (and shared in the browser too), so they must never import Electron, React or the DOM world.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

const importsOf = (file: string) =>
  [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gms)].map(
    (m) => m[1] ?? '',
  );

const rules: Array<{ dir: string; forbidden: RegExp; why: string }> = [
  {
    dir: 'shared',
    forbidden: /^(electron|react|node:|antd|conf|electron-store)|\/(electron|renderer)\//,
    why: 'shared is pure TypeScript',
  },
  {
    dir: 'electron/core',
    forbidden: /^(electron|electron-store|react|antd)$|\/(main|renderer|preload)\//,
    why: 'the core never imports electron',
  },
  {
    dir: 'electron/host',
    forbidden: /^(electron|electron-store)$|\/(main|renderer)\//,
    why: 'the host runs without Electron',
  },
  {
    dir: 'renderer/src',
    forbidden: /^(electron|node:|conf|electron-store)|\/electron\//,
    why: 'the renderer reaches the core only through the bridge',
  },
  {
    dir: 'electron/preload',
    forbidden: /^(node:|conf|electron-store|react)|\/(core|main|renderer)\//,
    why: 'the preload only bridges',
  },
];

describe('layering', () => {
  for (const rule of rules) {
    it(`${rule.dir}: ${rule.why}`, () => {
      const offending = sources(rule.dir).flatMap((f) =>
        importsOf(f)
          .filter((i) => rule.forbidden.test(i))
          .map((i) => `${f} imports ${i}`),
      );
      expect(offending).toEqual([]);
      expect(sources(rule.dir).length).toBeGreaterThan(0);
    });
  }
});
