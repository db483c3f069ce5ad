import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { electronStoreBackendFactory } from './adapters/electron-store-backend.ts';
import { bootstrap } from './bootstrap.ts';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
bootstrap(electron, {
  outDir,
  backendFactory: electronStoreBackendFactory,
  ...(process.env.SHOPWARDEN_DATA_DIR ? { dataDir: process.env.SHOPWARDEN_DATA_DIR } : {}),
});
