// Which WebDAV addresses the app will talk to. The data is end-to-end encrypted either way, but the app
// password (坚果云) or account password (Nextcloud, NAS) travels in every request, so plain http is refused
// except on this machine or the local network (a NAS at 192.168.x.x rarely has a certificate), where the
// screen warns instead.
import net from 'node:net';

export type AddressVerdict =
  | { ok: true; url: URL; warning: null | 'plain-http-local' }
  | { ok: false; reason: 'not-a-url' | 'plain-http-public' | 'credentials-in-url' | 'unsupported-scheme' };

function isLocalHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.local')) return true;
  if (net.isIPv4(h)) {
    const [a = 0, b = 0] = h.split('.').map(Number);
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  if (net.isIPv6(h)) return h === '::1' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h);
  return false;
}

export function checkAddress(text: string): AddressVerdict {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'not-a-url' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials-in-url' };
  if (url.protocol === 'https:') return { ok: true, url, warning: null };
  if (url.protocol !== 'http:') return { ok: false, reason: 'unsupported-scheme' };
  return isLocalHost(url.hostname)
    ? { ok: true, url, warning: 'plain-http-local' }
    : { ok: false, reason: 'plain-http-public' };
}
