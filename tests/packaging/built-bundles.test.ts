// The built Electron bundles, evaluated the closest way this machine allows (no Electron binary here,
// defect 13): out/main/index.js runs in Node ESM with 'electron' resolved to a recording fake, and must
// boot to a hardened window with every contract channel registered; out/preload/index.cjs runs the way a
// sandboxed preload does, with a require that knows only what Electron's sandbox offers, and must expose
// exactly the contract. Any other import or require fails here as it would only in a real Electron.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelFor, EVENT_CHANNEL, eventNames, methodNames } from '../../shared/contract/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainBundle = path.join(root, 'out/main/index.js');
const preloadBundle = path.join(root, 'out/preload/index.cjs');

beforeAll(() => {
  // `npm test` builds first; a plain `vitest run` without a build says so instead of testing stale files.
  if (!fs.existsSync(mainBundle) || !fs.existsSync(preloadBundle))
    throw new Error('out/ is missing: run `npm run build` first');
});

describe('built main bundle (out/main/index.js)', () => {
  it('resolves every import, boots to app.whenReady, creates the hardened window and registers every channel', () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bundle-'));
    try {
      const r = spawnSync(
        process.execPath,
        [path.join(root, 'tests/support/fake-electron/boot-main.mjs'), mainBundle],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, FAKE_ELECTRON_USERDATA: userData, SHOPWARDEN_DATA_DIR: '' },
        },
      );
      expect(r.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find|SyntaxError/);
      expect(r.status, r.stderr).toBe(0);
      const rec = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
      expect(rec.singleInstance).toBe(1);
      expect(rec.whenReadyCalled).toBeGreaterThan(0);
      expect(rec.schemes).toEqual([
        expect.objectContaining({
          scheme: 'app',
          privileges: expect.objectContaining({ standard: true, secure: true }),
        }),
      ]);
      expect(rec.protocolHandled).toEqual(['app']);
      expect(rec.permissionHandlers.sort()).toEqual(['check', 'device', 'request']);
      expect([...rec.channels].sort()).toEqual(methodNames.map(channelFor).sort());
      expect(rec.windows).toHaveLength(1);
      const win = rec.windows[0];
      expect(win.url).toBe('app://shopwarden/index.html');
      expect(win.opts.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        devTools: false,
        preload: path.join(root, 'out/preload/index.cjs'),
      });
      // The data folder was created under userData (the fake's app.getPath), with the vault not yet set up.
      expect(fs.existsSync(path.join(userData, 'userData', 'data'))).toBe(true);
    } finally {
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });
});

describe('built preload bundle (out/preload/index.cjs)', () => {
  // What a sandboxed preload's require offers (Electron docs, "Process Sandboxing"): electron's renderer
  // modules and a few Node polyfills. Anything else would throw in a real Electron.
  const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

  function evaluate() {
    const exposed: Record<string, unknown> = {};
    const invoked: Array<[string, unknown]> = [];
    const subscriptions: string[] = [];
    const required: string[] = [];
    const fakeElectron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          exposed[key] = api;
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, payload: unknown) => {
          invoked.push([channel, payload]);
          return { ok: true, value: null };
        },
        on: (channel: string) => subscriptions.push(channel),
      },
    };
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (!SANDBOX_MODULES.has(name)) throw new Error(`a sandboxed preload cannot require '${name}'`);
      if (name === 'electron') return fakeElectron;
      throw new Error(`unexpected sandbox module '${name}' in this test`);
    };
    const module = { exports: {} };
    const code = fs.readFileSync(preloadBundle, 'utf8');
    const wrapper = vm.runInNewContext(
      `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
      {
        console,
        Promise,
        Object,
      },
    );
    wrapper(module.exports, sandboxRequire, module, preloadBundle, path.dirname(preloadBundle));
    return { exposed, invoked, subscriptions, required };
  }

  it('requires only electron and exposes one frozen object built from the contract', async () => {
    const { exposed, invoked, subscriptions, required } = evaluate();
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['shopwarden']);
    const api = exposed.shopwarden as {
      methods: Record<string, (p: unknown) => Promise<unknown>>;
      on: (n: string, l: () => void) => () => void;
    };
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.methods)).toBe(true);
    expect(Object.keys(api.methods).sort()).toEqual([...methodNames].sort());
    expect(subscriptions).toEqual([EVENT_CHANNEL]);
    await api.methods['vault.getStatus']!({});
    expect(invoked).toEqual([[channelFor('vault.getStatus'), {}]]);
    // Known events subscribe; anything else gets a no-op unsubscribe and no listener.
    expect(typeof api.on(eventNames[0]!, () => {})).toBe('function');
    expect(api.on('not.an.event', () => {})()).toBeUndefined();
  });
});
