// The renderer's Vite settings, used by electron-vite for the app build (electron/electron.vite.config.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export const rendererConfig: UserConfig = {
  root: here,
  // Absolute asset paths work both under app://shopwarden/ and on the preview host's http origin.
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../out/renderer'),
    emptyOutDir: true,
    // No inline scripts or data: script URLs: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: path.resolve(here, 'index.html') },
  },
};

export default rendererConfig;
