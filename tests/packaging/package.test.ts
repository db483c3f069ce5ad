// electron-builder run for real against a stand-in Electron folder: the config, the file list, the
// app.asar contents and the fuses it flips are checked here, where the real binary cannot be fetched.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-pack-'));
const standIn = path.join(work, 'electron-dist');
const output = path.join(work, 'out');
const unpacked = path.join(output, 'linux-unpacked');

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'out/main/index.js'))) throw new Error('Build first: npm run build');
  fs.mkdirSync(path.join(standIn, 'resources'), { recursive: true });
  // A stand-in binary carrying a real fuse wire (version 1, 8 fuses, all enabled) so fuse flipping runs.
  fs.writeFileSync(
    path.join(standIn, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from('11111111'),
    ]),
    { mode: 0o755 },
  );
  fs.writeFileSync(path.join(standIn, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(standIn, 'version'), '45.3.4');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: root, stdio: 'pipe', env: { ...process.env, CI: 'true' } },
  );
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('packaging with electron-builder', () => {
  it('names the executable and puts the app in resources/app.asar', () => {
    expect(fs.existsSync(path.join(unpacked, 'shopwarden'))).toBe(true);
    expect(fs.existsSync(path.join(unpacked, 'resources', 'app.asar'))).toBe(true);
  });

  it('app.asar holds the built main, preload and renderer and the runtime dependencies, not sources or tests', () => {
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) =>
      f.replaceAll('\\', '/'),
    );
    for (const f of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(f);
    }
    for (const dep of ['electron-store', 'conf', 'zod'])
      expect(files).toContain(`/node_modules/${dep}/package.json`);
    expect(
      files.filter((f) => f.startsWith('/tests') || f.startsWith('/electron/') || f.startsWith('/renderer/')),
    ).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(
      files.filter((f) => f.includes('/node_modules/react') || f.includes('/node_modules/electron/')),
    ).toEqual([]);
    const pkg = JSON.parse(
      extractFile(path.join(unpacked, 'resources', 'app.asar'), 'package.json').toString(),
    );
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('flips the hardened fuses in the binary', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked, 'shopwarden'));
    const on = 49;
    const off = 48;
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
  });

  it('declares Windows NSIS, macOS dmg with hardened runtime, and Linux AppImage targets', () => {
    const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/win:\s*\n\s*target:\s*\n\s*- target: nsis/);
    expect(yml).toMatch(/mac:[\s\S]*hardenedRuntime: true[\s\S]*- target: dmg/);
    expect(yml).toMatch(/linux:[\s\S]*- target: AppImage/);
  });
});
