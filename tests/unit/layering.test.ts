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

// Directions inside the core and the renderer (issue 10): the kernel depends on no area, an area does not
// reach up into another's composition, the domain never imports the contract, and a screen reaches main only
// through its area's data module.
const directions: Array<{ dir: string; forbidden: RegExp; why: string }> = [
  {
    dir: 'shared/domain',
    forbidden: /\/contract\//,
    why: 'domain rules never import the contract (the contract is built on the domain, not the other way)',
  },
  {
    dir: 'electron/core/kernel',
    forbidden: /^\.\.\/(?!ports\.ts|crypto\/|vault\/|audit\/audit-log\.ts)/,
    why: 'the kernel (deps, ids, sealer) depends on no area',
  },
  {
    dir: 'renderer/src/screens',
    forbidden: /\/bridge\//,
    why: 'screens never import the bridge; they use renderer/src/<area>/ data modules',
  },
  {
    dir: 'renderer/src/components',
    forbidden: /\/bridge\//,
    why: 'components never import the bridge',
  },
];

// Every area folder of the core: no area imports a composition file (create-core.ts, create-work-areas.ts,
// another area's create-*.ts) or another area's handlers; handlers are collected only by the composition.
const coreAreas = fs
  .readdirSync(path.join(root, 'electron/core'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
for (const area of coreAreas)
  directions.push({
    dir: `electron/core/${area}`,
    forbidden: /^\.\.\/(create-[a-z-]+\.ts|[a-z-]+\/create-[a-z-]+\.ts|[a-z-]+\/handlers\.ts)$/,
    why: "an area imports no composition file and no other area's handlers",
  });

describe('layering', () => {
  for (const rule of [...rules, ...directions]) {
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

  it('no screen, component or hook calls bridge() or takes the bridge from the session store', () => {
    const dirs = ['renderer/src/screens', 'renderer/src/components', 'renderer/src/hooks'];
    const offending = dirs
      .flatMap((d) => sources(d))
      .filter((f) =>
        /\bbridge\s*\(\)|s\.bridge\b|\{[^}]*\bbridge\b[^}]*\}\s*from/.test(
          fs.readFileSync(path.join(root, f), 'utf8'),
        ),
      );
    expect(offending).toEqual([]);
  });

  it('platform ids are written in one place, the catalog, and everything else derives from it', () => {
    const literal = /\[\s*'taobao',\s*'tmall',\s*'jd'/;
    const offending = [...sources('shared'), ...sources('electron'), ...sources('renderer/src')].filter((f) =>
      literal.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(offending).toEqual(['shared/domain/platforms/ids.ts']);
  });

  it('the composition files only wire: every handler is written in its area handlers.ts', () => {
    const composition = ['electron/core/create-core.ts', 'electron/core/create-work-areas.ts'];
    const offending = composition.flatMap((f) =>
      [...fs.readFileSync(path.join(root, f), 'utf8').matchAll(/^\s*'([a-z]+\.[a-zA-Z]+)':/gm)].map(
        (m) => `${f} defines ${m[1]}`,
      ),
    );
    expect(offending).toEqual([]);
  });

  it('deposit and recovery read shops but never get the inventory store itself', () => {
    const offending = [...sources('electron/core/deposit'), ...sources('electron/core/recovery')].filter(
      (f) => /\bInventoryDeps\b|\bInventoryStore\b/.test(fs.readFileSync(path.join(root, f), 'utf8')),
    );
    expect(offending).toEqual([]);
  });

  // Issue 10: four screens had grown into single 260-350-line functions. A screen file is a container, a view
  // or a part; one that grows past this is split the same way (data in the area's module, views beside it).
  it('no screen or component file is longer than 300 lines', () => {
    const long = [...sources('renderer/src/screens'), ...sources('renderer/src/components')].filter(
      (f) => fs.readFileSync(path.join(root, f), 'utf8').split('\n').length > 300,
    );
    expect(long).toEqual([]);
  });

  // Areas whose data lives in a store: a screen goes through the store, so every screen shows the same data and
  // each call has one error path (issue 10 found the rules fetched in three places, some without error handling).
  it('screens reach deposits, rules, recovery, audit, reminders, agents and verification only through stores', () => {
    const offending = sources('renderer/src/screens').filter((f) =>
      /deposit-api\.ts|audit-api\.ts|reminders-api\.ts|\brulesApi\b|recoveryApi\.(get|update|setState|addAttachment|list|create|lockouts|startLockout|cancelLockout)\b|\.getChecklist\(|\b(agentsApi|verificationApi)\.|registrationApi\.(open|close)\b/.test(
        fs.readFileSync(path.join(root, f), 'utf8'),
      ),
    );
    expect(offending).toEqual([]);
  });
});
