import type { Clipboard, ClipboardItem } from 'electron';
import type { ClipboardHistory, ClipboardPort } from '../../core/ports.ts';

/** Windows' marker that keeps clipboard content out of history and cloud sync (Win32 clipboard formats). */
export const WINDOWS_EXCLUDE_FORMAT =
  'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"';

type ClipboardLike = Pick<Clipboard, 'writeText' | 'readText' | 'clear' | 'write' | 'has'>;
type ItemCtor = new (items: Record<string, string>) => ClipboardItem;

/**
 * On Windows the secret is written together with the exclusion marker in one atomic write and the marker is
 * read back; if Electron or the OS refuses it, the text is written plainly and the UI is told history may
 * keep a copy. macOS and Linux have no system clipboard history.
 */
export function electronClipboard(
  clipboard: ClipboardLike,
  Item: ItemCtor,
  platform = process.platform,
): ClipboardPort {
  let history: ClipboardHistory = platform === 'win32' ? 'not-excludable' : 'no-history';
  return {
    history: () => history,
    async writeSecret(text) {
      if (platform !== 'win32') return clipboard.writeText(text);
      try {
        await clipboard.write([new Item({ 'text/plain': text, [WINDOWS_EXCLUDE_FORMAT]: '' })]);
        history = (await clipboard.has(WINDOWS_EXCLUDE_FORMAT)) ? 'excluded' : 'not-excludable';
      } catch {
        history = 'not-excludable';
        await clipboard.writeText(text);
      }
    },
    writeDocument: async (text, html) => {
      await clipboard.write([new Item({ 'text/plain': text, 'text/html': html })]);
    },
    readText: () => clipboard.readText(),
    clear: async () => clipboard.clear(),
  };
}
