// Node implementations of the core's ports, for the preview host (a browser instead of Electron).
import { execFileSync } from 'node:child_process';
import Conf from 'conf';
import { isAllowedExternalUrl } from '../core/external-links.ts';
import type {
  ClipboardPort,
  ExternalOpener,
  KeyProtector,
  Notifier,
  StoreBackendFactory,
} from '../core/ports.ts';
import { type ConfLikeClass, confLikeBackendFactory } from '../core/storage/conf-backend.ts';

/** conf is the engine inside electron-store: same atomic, fsync'd, mode-0600 writes, no Electron needed. */
export const confBackendFactory: StoreBackendFactory = confLikeBackendFactory(
  Conf as unknown as ConfLikeClass,
);

/** Without Electron there is no OS key store to ask, so remembering the key is refused, never faked. */
export const noDeviceProtection: KeyProtector = {
  unavailableReason: () => 'the preview host has no OS key store',
  protect: () => {
    throw new Error('no OS key store');
  },
  unprotect: () => {
    throw new Error('no OS key store');
  },
};

/** The OS clipboard through the platform's own tools; unavailable ones surface as CLIPBOARD_UNAVAILABLE. */
export function commandClipboard(): ClipboardPort {
  const run = (cmd: string, args: string[], input?: string) =>
    execFileSync(cmd, args, { input, encoding: 'utf8', timeout: 3000, stdio: ['pipe', 'pipe', 'ignore'] });
  const tools = {
    darwin: { write: ['pbcopy', []], read: ['pbpaste', []] },
    win32: { write: ['clip', []], read: ['powershell', ['-NoProfile', '-Command', 'Get-Clipboard']] },
    linux: {
      write: ['xclip', ['-selection', 'clipboard']],
      read: ['xclip', ['-selection', 'clipboard', '-o']],
    },
  } as const;
  const t = tools[process.platform as keyof typeof tools] ?? tools.linux;
  return {
    history: () => (process.platform === 'win32' ? 'not-excludable' : 'no-history'),
    writeSecret: async (text) => {
      run(t.write[0], [...t.write[1]], text);
    },
    // The command-line tools carry plain text only; the letter's table is kept as tab-separated lines.
    writeDocument: async (text) => {
      run(t.write[0], [...t.write[1]], text);
    },
    readText: async () => run(t.read[0], [...t.read[1]]),
    clear: async () => {
      run(t.write[0], [...t.write[1]], '');
    },
  };
}

/** Opens allow-listed https URLs with the OS's own opener (open, start, xdg-open). */
export const commandOpener: ExternalOpener = {
  async open(url) {
    if (!isAllowedExternalUrl(url)) return false;
    const [cmd, args] =
      process.platform === 'darwin'
        ? ['open', [url]]
        : process.platform === 'win32'
          ? ['cmd', ['/c', 'start', '""', url]]
          : ['xdg-open', [url]];
    try {
      execFileSync(cmd, args, { timeout: 5000, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  },
};

/** The preview host has no OS notification API of its own: reminders are printed where it runs. */
export const consoleNotifier: Notifier = {
  notify: ({ title, body }) => console.log(`[提醒 / reminder] ${title}: ${body}`),
};
