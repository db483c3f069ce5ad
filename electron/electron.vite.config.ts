// electron-vite builds main (ESM), preload (one CommonJS file, since a sandboxed preload cannot load
// modules) and the renderer (settings in renderer/vite.config.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from '../renderer/vite.config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  main: {
    root,
    build: {
      outDir: path.join(root, 'out/main'),
      externalizeDeps: true,
      rollupOptions: {
        input: { index: path.join(root, 'electron/main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    root,
    build: {
      outDir: path.join(root, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: path.join(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: rendererConfig,
});
