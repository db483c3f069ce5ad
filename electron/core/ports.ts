// The core's view of the outside world. Electron-backed implementations live in electron/main/adapters;
// Node ones (for the preview host and tests) live beside the core. The core never imports 'electron'.

export type TimerHandle = { readonly id: unknown };

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** OS-level protection of a small secret (Electron safeStorage: DPAPI, Keychain, libsecret...). */
export interface KeyProtector {
  /** Why protection can't be used, or null when it can. */
  unavailableReason(): string | null;
  protect(plain: Buffer): Buffer;
  unprotect(sealed: Buffer): Buffer;
}

export type ClipboardHistory = 'excluded' | 'not-excludable' | 'no-history';

export interface ClipboardPort {
  /** 'excluded' when copies are kept out of OS clipboard history, 'not-excludable' when the OS keeps one we can't opt out of. */
  history(): ClipboardHistory;
  writeSecret(text: string): Promise<void>;
  /** Copies a document (a letter for webmail or WeChat): rich and plain text, kept like any copy. */
  writeDocument(text: string, html: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

/** One JSON document on disk, written atomically and durably by electron-store (or conf, its engine). */
export interface StoreBackend {
  readonly path: string;
  writeText(text: string): void;
}

export type StoreBackendFactory = (opts: { dir: string; name: string }) => StoreBackend;

/** Opens an https URL in the user's browser; implementations refuse anything off the allow-list. */
export interface ExternalOpener {
  open(url: string): Promise<boolean>;
}

/** OS notifications (Electron Notification; a recording fake in tests; the console in the preview host). */
export interface Notifier {
  notify(n: { title: string; body: string }): void;
}

/** Renders the window's current print view to an A4 PDF (Electron webContents.printToPDF). */
export interface PdfPrinter {
  printToPdf(): Promise<Buffer>;
}

/** The system's folder picker (Electron dialog); absent in the preview host, where a path is typed. */
export interface FolderPicker {
  /** The folder chosen, or null when the user cancelled. */
  pickFolder(): Promise<string | null>;
}

/** System events that must lock the vault. */
export interface PowerEvents {
  onLockRequired(listener: (reason: 'suspend' | 'screen-lock') => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // Timers must never keep a quitting process alive.
    t.unref?.();
    return { id: t };
  },
  clearTimeout: (h) => clearTimeout(h.id as ReturnType<typeof setTimeout>),
};
