// App lifecycle, taking the Electron API as a parameter so every hardening step is unit-tested with fake
// objects. index.ts passes the real module.
import path from 'node:path';
import type * as Electron from 'electron';
import { EVENT_CHANNEL } from '../../shared/contract/index.ts';
import { type Core, createCore } from '../core/create-core.ts';
import { openExternalSafely } from '../core/external-links.ts';
import type { StoreBackendFactory } from '../core/ports.ts';
import { electronClipboard } from './adapters/electron-clipboard.ts';
import { electronNotifier } from './adapters/electron-notifier.ts';
import { windowFolderPicker } from './adapters/folder-picker.ts';
import { windowPdfPrinter } from './adapters/pdf-printer.ts';
import { powerMonitorEvents } from './adapters/power-events.ts';
import { safeStorageProtector } from './adapters/safe-storage-protector.ts';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './app-origin.ts';
import { appProtocolHandler } from './app-protocol.ts';
import { registerIpc } from './ipc.ts';
import { guardNavigation } from './navigation-guard.ts';
import { denyAllPermissions } from './permissions.ts';
import { devToolsAllowed, hardenedWebPreferences } from './web-preferences.ts';

export type ElectronApi = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'ipcMain'
  | 'protocol'
  | 'session'
  | 'safeStorage'
  | 'clipboard'
  | 'ClipboardItem'
  | 'powerMonitor'
  | 'shell'
  | 'Notification'
  | 'dialog'
>;

export interface BootstrapOptions {
  /** Folder holding index.js, preload/ and renderer/ of the build. */
  outDir: string;
  backendFactory: StoreBackendFactory;
  /** Overrides the data folder (tests and the _electron suite use a temp one). */
  dataDir?: string;
}

export function registerPrivilegedScheme(protocol: ElectronApi['protocol']): void {
  // Must run before 'ready'. standard+secure gives the scheme an origin and a secure context, like https.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function bootstrap(electron: ElectronApi, opts: BootstrapOptions): { ready: Promise<Core | null> } {
  const { app } = electron;
  // One instance only: two processes writing the same vault files would race each other.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(null) };
  }
  registerPrivilegedScheme(electron.protocol);

  let win: Electron.BrowserWindow | null = null;

  // Every webContents ever created (including any a bug might spawn) gets the same guards.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));

  const ready = app.whenReady().then(() => {
    const dataDir = opts.dataDir ?? path.join(app.getPath('userData'), 'data');
    const core = createCore({
      dataDir,
      backendFactory: opts.backendFactory,
      protector: safeStorageProtector(electron.safeStorage),
      clipboard: electronClipboard(electron.clipboard, electron.ClipboardItem),
      power: powerMonitorEvents(electron.powerMonitor),
      opener: { open: (url) => openExternalSafely(electron.shell, url) },
      notifier: electronNotifier(electron.Notification),
      pdf: windowPdfPrinter(() => (win && !win.isDestroyed() ? win.webContents : null)),
      folderPicker: windowFolderPicker(electron.dialog, () => (win && !win.isDestroyed() ? win : null)),
      info: {
        version: app.getVersion(),
        platform: process.platform,
        transport: 'electron',
        dataDirSource: opts.dataDir ? 'env' : 'default',
      },
      logError: (where, err) => console.error(`[shopwarden:${where}]`, err),
    });

    denyAllPermissions(electron.session.defaultSession);
    electron.protocol.handle(APP_SCHEME, appProtocolHandler(path.join(opts.outDir, 'renderer')));
    registerIpc(electron.ipcMain, core.dispatch, () => win?.webContents ?? null);
    core.bus.subscribe((name, payload) => {
      if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
    });

    const createWindow = () => {
      win = new electron.BrowserWindow({
        width: 1280,
        height: 820,
        minWidth: 960,
        minHeight: 640,
        title: '店务管家 Shopwarden',
        show: false,
        webPreferences: hardenedWebPreferences(path.join(opts.outDir, 'preload', 'index.cjs'), {
          devTools: devToolsAllowed(app.isPackaged),
        }),
      });
      win.once('ready-to-show', () => win?.show());
      win.on('closed', () => {
        win = null;
      });
      void win.loadURL(APP_ENTRY_URL);
    };
    createWindow();

    app.on('second-instance', () => {
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    app.on('activate', () => {
      if (!win) createWindow();
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    // Quit takes any copied secret back off the clipboard and drops the key; the clipboard read is async,
    // so the first quit waits for it and then quits for real.
    let shutDown = false;
    app.on('before-quit', (event) => {
      if (shutDown) return;
      event.preventDefault();
      shutDown = true;
      void core.shutdown().finally(() => app.quit());
    });
    return core;
  });
  return { ready };
}

export { APP_HOST };
