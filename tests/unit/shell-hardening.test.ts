// Every hardening point of the Electron shell, checked against fake Electron objects.

import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, openExternalSafely } from '../../electron/core/external-links.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/static-files.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import {
  electronClipboard,
  WINDOWS_EXCLUDE_FORMAT,
} from '../../electron/main/adapters/electron-clipboard.ts';
import { safeStorageProtector } from '../../electron/main/adapters/safe-storage-protector.ts';
import { APP_ENTRY_URL } from '../../electron/main/app-origin.ts';
import { appProtocolHandler } from '../../electron/main/app-protocol.ts';
import { bootstrap, type ElectronApi } from '../../electron/main/bootstrap.ts';
import { isTrustedSender, registerIpc } from '../../electron/main/ipc.ts';
import { guardNavigation } from '../../electron/main/navigation-guard.ts';
import { denyAllPermissions } from '../../electron/main/permissions.ts';
import { devToolsAllowed, hardenedWebPreferences } from '../../electron/main/web-preferences.ts';
import { channelFor, methodNames } from '../../shared/contract/index.ts';
import { taobaoShop } from '../support/payloads.ts';

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  mainFrame: { url: string; processId: number; routingId: number } = {
    url: APP_ENTRY_URL,
    processId: 7,
    routingId: 1,
  };
  sent: unknown[][] = [];
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  pdfOptions: unknown[] = [];
  async printToPDF(o: unknown) {
    this.pdfOptions.push(o);
    return Buffer.from('%PDF-1.7 cards');
  }
}

const navEvent = () => {
  let prevented = false;
  return {
    preventDefault: () => (prevented = true),
    get prevented() {
      return prevented;
    },
  };
};

describe('BrowserWindow webPreferences', () => {
  it('isolate and sandbox the renderer with no Node and no webview', () => {
    const p = hardenedWebPreferences('/app/out/preload/index.cjs', { devTools: false });
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/out/preload/index.cjs',
    });
  });
});

describe('DevTools (defect 7)', () => {
  it('open only in development and only when asked for; never in a packaged build', () => {
    expect(devToolsAllowed(true, { SHOPWARDEN_DEVTOOLS: '1' })).toBe(false);
    expect(devToolsAllowed(false, { SHOPWARDEN_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(hardenedWebPreferences('/p', { devTools: false }).devTools).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('blocks will-navigate and will-redirect to other origins and to our own', () => {
    const c = new FakeContents();
    guardNavigation(c as never);
    for (const evt of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', APP_ENTRY_URL]) {
        const e = navEvent();
        c.emit(evt, e, url);
        expect(e.prevented, `${evt} ${url}`).toBe(true);
      }
    }
    const w = navEvent();
    c.emit('will-attach-webview', w);
    expect(w.prevented).toBe(true);
  });

  it('denies every window.open', () => {
    const c = new FakeContents();
    guardNavigation(c as never);
    expect(c.openHandler?.({ url: 'https://myseller.taobao.com/' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    let device: ((...a: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h: never) => (request = h),
      setPermissionCheckHandler: (h: never) => (check = h),
      setDevicePermissionHandler: (h: never) => (device = h),
    } as never);
    for (const perm of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let answer: boolean | undefined;
      request?.({}, perm, (ok) => (answer = ok));
      expect(answer).toBe(false);
      expect(check?.({}, perm, 'app://shopwarden', {})).toBe(false);
    }
    expect(device?.({})).toBe(false);
  });
});

describe('opening links in the browser', () => {
  it('allows only https seller-center hosts on the allow-list', async () => {
    const opened: string[] = [];
    const shell = { openExternal: async (u: string) => void opened.push(u) };
    expect(await openExternalSafely(shell, 'https://myseller.taobao.com/home.htm')).toBe(true);
    for (const bad of [
      'http://myseller.taobao.com/',
      'https://myseller.taobao.com.evil.example/',
      'https://user:pw@myseller.taobao.com/',
      'https://myseller.taobao.com:8443/',
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'not a url',
    ]) {
      expect(await openExternalSafely(shell, bad), bad).toBe(false);
    }
    expect(opened).toEqual(['https://myseller.taobao.com/home.htm']);
    expect(isAllowedExternalUrl('https://fxg.jinritemai.com/')).toBe(true);
  });
});

describe('app:// protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-proto-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><p>app</p>');
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(root), 'secret.txt'), 'outside');
  const handler = appProtocolHandler(root);

  it('serves files inside the renderer folder with the CSP header', async () => {
    const r = await handler(new Request('app://shopwarden/index.html'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await (await handler(new Request('app://shopwarden/assets/a.js'))).text()).toBe('console.log(1)');
  });

  it('refuses path traversal in every spelling and other hosts', async () => {
    for (const p of [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%5c..%5csecret.txt',
      '/C:%2fWindows',
      '/%00index.html',
    ]) {
      const r = await handler(new Request(`app://shopwarden${p}`));
      expect(r.status, p).not.toBe(200);
      expect(await r.text()).not.toContain('outside');
    }
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('the CSP forbids inline and eval script', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('IPC', () => {
  const contents = new FakeContents();
  const frame = contents.mainFrame;

  it('registers exactly one handler per contract method', () => {
    const channels: string[] = [];
    registerIpc(
      { handle: (ch: string) => void channels.push(ch) } as never,
      async () => ({ ok: true, value: null }),
      () => contents as never,
    );
    expect(channels.sort()).toEqual(methodNames.map(channelFor).sort());
  });

  it('accepts only our window, its main frame, on the app origin', () => {
    const trusted = () => contents as never;
    expect(isTrustedSender({ sender: contents, senderFrame: frame } as never, trusted)).toBe(true);
    expect(isTrustedSender({ sender: new FakeContents(), senderFrame: frame } as never, trusted)).toBe(false);
    // The same main frame through another wrapper object (Electron may make a new one per event): trusted.
    expect(isTrustedSender({ sender: contents, senderFrame: { ...frame } } as never, trusted)).toBe(true);
    // A child frame (another routing id), or a frame of another renderer process: refused.
    expect(
      isTrustedSender({ sender: contents, senderFrame: { ...frame, routingId: 2 } } as never, trusted),
    ).toBe(false);
    expect(
      isTrustedSender({ sender: contents, senderFrame: { ...frame, processId: 8 } } as never, trusted),
    ).toBe(false);
    const foreign = new FakeContents();
    foreign.mainFrame = { url: 'https://evil.example/', processId: 9, routingId: 1 };
    expect(
      isTrustedSender({ sender: foreign, senderFrame: foreign.mainFrame } as never, () => foreign as never),
    ).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: null } as never, trusted)).toBe(false);
  });

  it('refuses an untrusted sender before the payload reaches the core', async () => {
    const handlers = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    let dispatched = 0;
    registerIpc(
      { handle: (ch: string, h: never) => void handlers.set(ch, h) } as never,
      async () => {
        dispatched++;
        return { ok: true, value: null };
      },
      () => contents as never,
    );
    const h = handlers.get(channelFor('vault.getStatus'))!;
    expect(await h({ sender: new FakeContents(), senderFrame: frame }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(dispatched).toBe(0);
    expect(await h({ sender: contents, senderFrame: frame }, {})).toEqual({ ok: true, value: null });
    expect(dispatched).toBe(1);
  });
});

describe('safeStorage remember-on-device', () => {
  const fake = (available: boolean, backend: string) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend as never,
    encryptString: (s: string) => Buffer.from(`enc:${s}`),
    decryptString: (b: Buffer) => b.toString().slice(4),
  });

  it('is refused when unavailable, or on Linux with the basic_text backend', () => {
    expect(safeStorageProtector(fake(false, 'gnome_libsecret'), 'linux').unavailableReason()).toMatch(
      /not available/,
    );
    expect(safeStorageProtector(fake(true, 'basic_text'), 'linux').unavailableReason()).toMatch(/basic_text/);
    expect(
      safeStorageProtector(fake(true, 'basic_text'), 'linux').protect.bind(null, Buffer.alloc(32)),
    ).toThrow();
  });

  it('round-trips the key where the OS store is real', () => {
    for (const [platform, backend] of [
      ['linux', 'gnome_libsecret'],
      ['darwin', 'unknown'],
      ['win32', 'unknown'],
    ] as const) {
      const p = safeStorageProtector(fake(true, backend), platform);
      expect(p.unavailableReason()).toBeNull();
      const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
      expect(p.unprotect(p.protect(key)).equals(key)).toBe(true);
    }
  });
});

describe('clipboard history on Windows', () => {
  class Item {
    constructor(readonly items: Record<string, string>) {}
  }
  it('writes the secret together with the exclusion marker and reports it excluded', async () => {
    const writes: unknown[] = [];
    const cb = electronClipboard(
      {
        write: async (x: never) => void writes.push(x),
        has: async (f: string) => f === WINDOWS_EXCLUDE_FORMAT,
      } as never,
      Item as never,
      'win32',
    );
    expect(cb.history()).toBe('not-excludable');
    await cb.writeSecret('pw');
    expect((writes[0] as Item[])[0]?.items).toEqual({ 'text/plain': 'pw', [WINDOWS_EXCLUDE_FORMAT]: '' });
    expect(cb.history()).toBe('excluded');
  });

  it('copies a letter as HTML and plain text together, without the secret marker', async () => {
    const writes: unknown[] = [];
    const cb = electronClipboard(
      { write: async (x: never) => void writes.push(x) } as never,
      Item as never,
      'win32',
    );
    await cb.writeDocument('客户姓名：王经理', '<table><tr><th>客户姓名</th><td>王经理</td></tr></table>');
    expect((writes[0] as Item[])[0]?.items).toEqual({
      'text/plain': '客户姓名：王经理',
      'text/html': '<table><tr><th>客户姓名</th><td>王经理</td></tr></table>',
    });
  });

  it('says plainly when the marker cannot be set, and still copies', async () => {
    let text = '';
    const cb = electronClipboard(
      {
        write: async () => {
          throw new Error('unsupported format');
        },
        writeText: async (t: string) => {
          text = t;
        },
        has: async () => false,
      } as never,
      Item as never,
      'win32',
    );
    await cb.writeSecret('pw');
    expect(text).toBe('pw');
    expect(cb.history()).toBe('not-excludable');
  });
});

const shownNotifications: Array<{ title: string; body: string }> = [];
class FakeNotification {
  static isSupported = () => true;
  constructor(private readonly o: { title: string; body: string }) {}
  show() {
    shownNotifications.push({ title: this.o.title, body: this.o.body });
  }
}

describe('app bootstrap', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-boot-'));

  function fakeElectron(gotLock: boolean) {
    const calls: string[] = [];
    const app = new EventEmitter() as EventEmitter & Record<string, unknown>;
    let resolveReady: () => void = () => {};
    let quitCalled: () => void = () => {};
    const quit = new Promise<void>((r) => (quitCalled = r));
    const readyPromise = new Promise<void>((r) => (resolveReady = r));
    Object.assign(app, {
      requestSingleInstanceLock: () => {
        calls.push('lock');
        return gotLock;
      },
      quit: () => {
        calls.push('quit');
        quitCalled();
      },
      whenReady: () => readyPromise,
      getPath: () => dataDir,
      getVersion: () => '1.2.3',
      isPackaged: true,
    });
    const windows: Array<{ opts: Record<string, unknown>; url?: string; contents: FakeContents }> = [];
    class BrowserWindow extends EventEmitter {
      webContents = new FakeContents();
      constructor(opts: Record<string, unknown>) {
        super();
        windows.push({ opts, contents: this.webContents });
      }
      loadURL(u: string) {
        windows.at(-1)!.url = u;
        return Promise.resolve();
      }
      isDestroyed() {
        return false;
      }
      show() {}
    }
    const handled: string[] = [];
    const perms: string[] = [];
    const electron = {
      app,
      BrowserWindow,
      ipcMain: { handle: (ch: string) => void handled.push(ch) },
      protocol: {
        registerSchemesAsPrivileged: (s: unknown) => calls.push(`schemes:${JSON.stringify(s)}`),
        handle: (scheme: string) => calls.push(`handle:${scheme}`),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: () => perms.push('request'),
          setPermissionCheckHandler: () => perms.push('check'),
          setDevicePermissionHandler: () => perms.push('device'),
        },
      },
      safeStorage: {
        isEncryptionAvailable: () => false,
        encryptString: () => Buffer.alloc(0),
        decryptString: () => '',
      },
      clipboard: { writeText: async () => {}, readText: async () => '', clear: () => {} },
      ClipboardItem: class {},
      powerMonitor: new EventEmitter(),
      Notification: FakeNotification,
    };
    return {
      electron: electron as unknown as ElectronApi,
      calls,
      windows,
      handled,
      perms,
      app,
      resolveReady,
      quit,
    };
  }

  it('quits at once when another instance holds the lock', async () => {
    const f = fakeElectron(false);
    const { ready } = bootstrap(f.electron, {
      outDir: '/nowhere',
      backendFactory: confBackendFactory,
      dataDir,
    });
    expect(await ready).toBeNull();
    expect(f.calls).toEqual(['lock', 'quit']);
  });

  it('a packaged build never opens DevTools, even with SHOPWARDEN_DEVTOOLS=1; Settings learns the folder was chosen by the environment', async () => {
    const f = fakeElectron(true);
    const before = process.env.SHOPWARDEN_DEVTOOLS;
    process.env.SHOPWARDEN_DEVTOOLS = '1';
    try {
      const { ready } = bootstrap(f.electron, {
        outDir: '/app/out',
        backendFactory: confBackendFactory,
        dataDir,
      });
      f.resolveReady();
      const core = await ready;
      expect(f.windows[0]!.opts.webPreferences).toMatchObject({ devTools: false });
      const info = await core!.dispatch('app.getInfo', {});
      expect(info.ok && info.value).toMatchObject({ dataDir, dataDirSource: 'env' });
      await core!.shutdown();
    } finally {
      if (before === undefined) delete process.env.SHOPWARDEN_DEVTOOLS;
      else process.env.SHOPWARDEN_DEVTOOLS = before;
    }
  });

  it('wires the hardened window, protocol, permissions, IPC and guards on every webContents', async () => {
    const f = fakeElectron(true);
    const { ready } = bootstrap(f.electron, {
      outDir: '/app/out',
      backendFactory: confBackendFactory,
      dataDir,
    });
    expect(f.calls[1]).toContain('"scheme":"app"');
    expect(f.calls[1]).toContain('"secure":true');
    // A webContents created later (any window, any popup a bug might make) gets the guards too.
    const stray = new FakeContents();
    f.app.emit('web-contents-created', {}, stray);
    expect(stray.openHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' });
    f.resolveReady();
    const core = await ready;
    expect(core).not.toBeNull();
    expect(f.calls).toContain('handle:app');
    expect(f.perms).toEqual(['request', 'check', 'device']);
    expect(f.handled.sort()).toEqual(methodNames.map(channelFor).sort());
    expect(f.windows).toHaveLength(1);
    expect(f.windows[0]!.url).toBe(APP_ENTRY_URL);
    expect(f.windows[0]!.opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    // System suspend locks through powerMonitor.
    await core!.dispatch('vault.setup', {
      password: 'Power-Monitor-Pass-1',
      confirm: 'Power-Monitor-Pass-1',
      rememberOnDevice: false,
    });
    // Cards save as an A4 PDF of the window's print view; reminders reach the OS as notifications.
    const pdf = await core!.dispatch('print.savePdf', {});
    expect(
      pdf.ok && Buffer.from((pdf.value as { contentBase64: string }).contentBase64, 'base64').toString(),
    ).toBe('%PDF-1.7 cards');
    expect(f.windows[0]!.contents.pdfOptions).toEqual([
      { pageSize: 'A4', printBackground: true, preferCSSPageSize: true },
    ]);
    const shop = await core!.dispatch('shops.create', taobaoShop());
    const shopId = shop.ok ? (shop.value as { id: string }).id : '';
    await core!.dispatch('agents.createBatch', {
      shopId,
      count: 2,
      pattern: '客服{1}',
      templateId: null,
      window: { start: '2020-01-01', end: '2020-01-31' },
      confirmHighRisk: false,
    });
    await core!.dispatch('vault.lock', {});
    await core!.dispatch('vault.unlock', { password: 'Power-Monitor-Pass-1' });
    // Reminders are announced once the background check after unlock is done.
    await core!.whenAuthenticated();
    expect(shownNotifications.map((n) => n.title)).toEqual([
      '临时客服有效期已结束，请停用或删除',
      '临时客服有效期已结束，请停用或删除',
    ]);
    (f.electron.powerMonitor as unknown as EventEmitter).emit('lock-screen');
    expect(core!.session.status().state).toBe('locked');
    // Quit: the first before-quit is held until shutdown finished, then quits for real.
    let prevented = false;
    f.app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await f.quit;
    expect(f.calls.at(-1)).toBe('quit');
    expect(core!.session.vault.isUnlocked).toBe(false);
  });
});
