// A recording stand-in for the 'electron' module, for evaluating the built main bundle in plain Node (no
// Electron binary here). It offers only what the Electron docs describe, records every call the bundle
// makes, and lets the test see what boot did. Never used by the product.
import { EventEmitter } from 'node:events';

export const record = {
  singleInstance: 0,
  schemes: [],
  protocolHandled: [],
  channels: [],
  ipcOn: [],
  permissionHandlers: [],
  windows: [],
  whenReadyCalled: 0,
};

let windowReady;
export const windowLoaded = new Promise((r) => (windowReady = r));

class FakeApp extends EventEmitter {
  isPackaged = true;
  requestSingleInstanceLock() {
    record.singleInstance++;
    return true;
  }
  whenReady() {
    record.whenReadyCalled++;
    return Promise.resolve();
  }
  getPath(name) {
    return `${process.env.FAKE_ELECTRON_USERDATA}/${name}`;
  }
  getVersion() {
    return '0.0.0-fake';
  }
  quit() {}
  exit() {}
}
export const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  mainFrame = { url: '', processId: 1, routingId: 1, origin: '' };
  setWindowOpenHandler(h) {
    this.openHandler = h;
  }
  send() {}
  isDestroyed() {
    return false;
  }
  async printToPDF() {
    return Buffer.from('%PDF-1.7');
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(opts) {
    super();
    this.webContents = new FakeWebContents();
    this.entry = { opts, url: null };
    record.windows.push(this.entry);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.entry.url = url;
    this.webContents.mainFrame.url = url;
    windowReady();
  }
  isDestroyed() {
    return false;
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
}

export const ipcMain = {
  handle: (channel) => record.channels.push(channel),
  on: (channel) => record.ipcOn.push(channel),
  removeHandler() {},
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record.schemes.push(...schemes),
  handle: (scheme) => record.protocolHandled.push(scheme),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => record.permissionHandlers.push('request'),
    setPermissionCheckHandler: () => record.permissionHandlers.push('check'),
    setDevicePermissionHandler: () => record.permissionHandlers.push('device'),
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
};

export const clipboard = {
  writeText() {},
  readText: () => '',
  write() {},
  clear() {},
};

export class ClipboardItem {}

export const powerMonitor = new EventEmitter();

export const shell = { openExternal: async () => {}, openPath: async () => '' };

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  show() {}
}

export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) };

export const contextBridge = {
  exposeInMainWorld() {
    throw new Error('contextBridge belongs to the preload, not main');
  },
};

export default {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  safeStorage,
  clipboard,
  ClipboardItem,
  powerMonitor,
  shell,
  Notification,
  dialog,
};
