// The renderer is treated as untrusted web content: isolated from the preload, sandboxed, with no Node.
import type { WebPreferences } from 'electron';

/**
 * DevTools only in development (`app.isPackaged` false) and only when asked for: in a packaged build they
 * would reopen the door the fuses close (run code in the renderer that holds the bridge).
 */
export function devToolsAllowed(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !isPackaged && env.SHOPWARDEN_DEVTOOLS === '1';
}

export function hardenedWebPreferences(preloadPath: string, opts: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: opts.devTools,
  };
}
