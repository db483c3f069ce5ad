// Test doubles behind the core's ports. They live only in tests.

import { isAllowedExternalUrl } from '../../electron/core/external-links.ts';
import type {
  ClipboardHistory,
  ClipboardPort,
  ExternalOpener,
  KeyProtector,
  Notifier,
} from '../../electron/core/ports.ts';

export class MemoryClipboard implements ClipboardPort {
  text = '';
  writes = 0;
  history(): ClipboardHistory {
    return 'no-history';
  }
  async writeSecret(text: string) {
    this.text = text;
    this.writes++;
  }
  html = '';
  async writeDocument(text: string, html: string) {
    this.text = text;
    this.html = html;
  }
  async readText() {
    return this.text;
  }
  async clear() {
    this.text = '';
  }
}

/** Stands in for safeStorage: reversible, and reports itself unavailable when told to. */
export class FakeProtector implements KeyProtector {
  constructor(public reason: string | null = null) {}
  unavailableReason() {
    return this.reason;
  }
  protect(plain: Buffer) {
    return Buffer.concat([Buffer.from('fake:'), Buffer.from(plain.map((b) => b ^ 0x5a))]);
  }
  unprotect(sealed: Buffer) {
    return Buffer.from(sealed.subarray(5).map((b) => b ^ 0x5a));
  }
}

/** Records what would have been opened in the browser, applying the same allow-list. */
export class RecordingOpener implements ExternalOpener {
  opened: string[] = [];
  async open(url: string) {
    if (!isAllowedExternalUrl(url)) return false;
    this.opened.push(url);
    return true;
  }
}

/** Stands in for OS notifications: remembers what would have been shown. */
export class RecordingNotifier implements Notifier {
  shown: Array<{ title: string; body: string }> = [];
  notify(n: { title: string; body: string }) {
    this.shown.push(n);
  }
}
