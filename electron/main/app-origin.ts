// The app is served from its own privileged scheme rather than file://, so routing, CSP and same-origin
// checks behave as on the web and no file on disk is reachable by URL.
export const APP_SCHEME = 'app';
export const APP_HOST = 'shopwarden';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
