import type { Bridge } from './bridge.ts';
import { httpBridge, takeHostToken } from './http-bridge.ts';
import { ipcBridge, type PreloadApi } from './ipc-bridge.ts';

declare global {
  interface Window {
    shopwarden?: PreloadApi;
  }
}

/** Electron's preload bridge when present, otherwise the preview host over HTTP. */
export function createBridge(): Bridge | null {
  if (window.shopwarden) return ipcBridge(window.shopwarden);
  const token = takeHostToken();
  return token ? httpBridge(token) : null;
}

export type { Bridge };
