// The product's writer in Electron is electron-store. Importing it in plain Node would start resolving
// the Electron binary, so 'electron' is stubbed (no app, no ipcMain) and an absolute cwd given, which is
// exactly the path electron-store takes outside the main process.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DocumentStore } from '../../electron/core/storage/document-store.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { tempDataDir } from '../support/test-core.ts';

vi.mock('electron', () => ({ default: {} }));

describe('electron-store backend', () => {
  it('writes our document atomically at mode 0600 and never clears a bad file', async () => {
    const { electronStoreBackendFactory } = await import(
      '../../electron/main/adapters/electron-store-backend.ts'
    );
    const dataDir = tempDataDir('sw-es');
    const ctx = {
      dataDir,
      backendFactory: electronStoreBackendFactory,
      clock: new ManualClock(),
      onRecovered: () => {},
    };
    const schema = z.strictObject({ shop: z.string() });
    const doc = new DocumentStore(ctx, 'shops', schema);
    doc.load();
    doc.set({ shop: '旗舰店' });
    const file = path.join(dataDir, 'shops.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).data).toEqual({ shop: '旗舰店' });
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // No temp files left behind by the atomic write.
    expect(fs.readdirSync(dataDir).sort()).toEqual(['generations', 'shops.json']);

    // A file electron-store itself cannot parse is left alone by it (clearInvalidConfig: false): our
    // loader moves it aside and restores, instead of the store wiping it.
    doc.set({ shop: '第二版' });
    fs.writeFileSync(file, '{"broken');
    const reopened = new DocumentStore(ctx, 'shops', schema);
    expect(reopened.load()).toEqual({ shop: '旗舰店' });
    expect(fs.readdirSync(path.join(dataDir, 'damaged'))).toHaveLength(1);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
