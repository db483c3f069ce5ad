// `npm run preview`: the real UI in a browser against this Node host, for machines without Electron.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/create-core.ts';
import {
  commandClipboard,
  commandOpener,
  confBackendFactory,
  consoleNotifier,
  noDeviceProtection,
} from './node-adapters.ts';
import { startHost } from './server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(
  process.env.SHOPWARDEN_DATA_DIR ?? path.join(os.homedir(), '.shopwarden-preview'),
);
const version = process.env.npm_package_version ?? '0.0.0';

const core = createCore({
  dataDir,
  backendFactory: confBackendFactory,
  protector: noDeviceProtection,
  clipboard: commandClipboard(),
  opener: commandOpener,
  notifier: consoleNotifier,
  info: {
    version,
    platform: process.platform,
    transport: 'http',
    dataDirSource: process.env.SHOPWARDEN_DATA_DIR ? 'env' : 'default',
  },
  logError: (where, err) => console.error(`[${where}]`, err),
});
const host = await startHost({ core, staticDir: path.join(root, 'out/renderer') });

console.log(`店务管家 Shopwarden preview\n  data: ${dataDir}\n  open: ${host.launchUrl}\n(Ctrl+C to stop)`);

const stop = async () => {
  await core.shutdown();
  await host.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
