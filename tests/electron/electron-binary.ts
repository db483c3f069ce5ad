// Where is the Electron binary, if this machine has one? node_modules/electron writes path.txt once the
// binary is downloaded; ELECTRON_OVERRIDE_DIST_PATH points at one elsewhere. We never trigger a download.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function electronBinary(): { path: string } | { missing: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const rel = fs.existsSync(pathFile)
    ? fs.readFileSync(pathFile, 'utf8').trim()
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, rel) : path.join(pkg, 'dist', rel);
  if (fs.existsSync(candidate)) return { path: candidate };
  return {
    missing: `no Electron binary at ${candidate}; electron 45 downloads it on first run (npx install-electron), which needs access to GitHub releases`,
  };
}

export const projectRoot = root;
