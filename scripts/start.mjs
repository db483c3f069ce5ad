#!/usr/bin/env node
// `npm start`: build, then open the app in Electron. The Electron binary is downloaded from GitHub when the
// `electron` package installs; where that failed (some networks cannot reach GitHub) this says so plainly,
// in both languages, and points to the browser preview instead of failing with a download stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the Electron binary is, or null when it is not there (never downloads anything). */
export function electronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const exe = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, exe ?? 'electron')
    : exe
      ? path.join(pkg, 'dist', exe)
      : null;
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

const binary = electronBinary();
if (!binary) {
  console.error(
    [
      '没有找到 Electron 程序（安装 electron 时需要从 GitHub 下载，可能没有下载成功）。',
      '  - 在浏览器中使用同样的界面：npm run preview',
      '  - 或在能访问 GitHub 的网络下重新下载：npx install-electron',
      '',
      'The Electron binary is missing (installing `electron` downloads it from GitHub, which may have failed).',
      '  - Use the same UI in a browser: npm run preview',
      '  - Or download it again where GitHub is reachable: npx install-electron',
    ].join('\n'),
  );
  process.exit(1);
}

const build = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
    'build',
    '-c',
    'electron/electron.vite.config.ts',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
