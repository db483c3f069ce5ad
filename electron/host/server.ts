// The preview host: a loopback HTTP server that serves the built renderer and the same contract handlers,
// with server-sent events for pushed events. It holds the vault, so it refuses every request that is not
// from our own page: Host and Origin must be ours (no DNS rebinding, no cross-site calls), every API call
// must carry the per-run secret, and no CORS headers are ever sent.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../shared/contract/errors.ts';
import { isEventName } from '../../shared/contract/events.ts';
import type { Core } from '../core/create-core.ts';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveStaticPath } from '../core/static-files.ts';

export const TOKEN_HEADER = 'x-shopwarden-token';
// Large enough for a staff import file (6 MiB, base64-encoded); everything else is far smaller.
const MAX_BODY_BYTES = 9 * 1024 * 1024;

export interface Host {
  url: string;
  /** The URL a browser opens: carries the per-run secret once, which the page moves out of the address bar. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export async function startHost(opts: { core: Core; staticDir: string; port?: number }): Promise<Host> {
  const token = randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const tokenOk = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  const server = http.createServer((req, res) => {
    const headers = securityHeaders();
    const deny = (status: number, text: string) => {
      res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return deny(421, 'wrong host');
    const origin = req.headers.origin;
    if (
      origin !== undefined &&
      origin !== `http://127.0.0.1:${port}` &&
      origin !== `http://localhost:${port}`
    ) {
      return deny(403, 'cross-origin request refused');
    }
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return deny(403, 'cross-site request refused');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!tokenOk(url.searchParams.get('token'))) return deny(401, 'missing or wrong token');
        res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      if (req.method !== 'POST') return deny(405, 'method not allowed');
      if (!tokenOk(req.headers[TOKEN_HEADER] as string | undefined))
        return deny(401, 'missing or wrong token');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return deny(415, 'JSON only');
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      readBody(req, MAX_BODY_BYTES)
        .then(async (body) => {
          let payload: unknown;
          try {
            payload = JSON.parse(body);
          } catch {
            payload = undefined;
          }
          const result = await opts.core.dispatch(method, payload);
          res.writeHead(200, {
            ...headers,
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          });
          res.end(JSON.stringify(result));
        })
        .catch(() => {
          res.writeHead(413, {
            ...headers,
            'content-type': 'application/json; charset=utf-8',
            connection: 'close',
          });
          const error = new AppError('VALIDATION_FAILED', { fields: { '': 'too_long' } }).toWire();
          res.end(JSON.stringify({ ok: false, error }), () => req.destroy());
        });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(405, 'method not allowed');
    const file = resolveStaticPath(opts.staticDir, url.pathname);
    if (!file) return deny(400, 'bad path');
    fs.readFile(file, (err, data) => {
      if (err) return deny(404, 'not found');
      res.writeHead(200, { ...headers, 'content-type': contentTypeFor(file) });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  });

  const unsubscribe = opts.core.bus.subscribe((name, payload) => {
    if (!isEventName(name)) return;
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    launchUrl: `${url}/#token=${token}`,
    token,
    port,
    close: async () => {
      unsubscribe();
      for (const c of sseClients) c.end();
      sseClients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep connections alive; close() alone would wait for them forever.
      server.closeAllConnections();
      await closed;
    },
  };
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering at once; the caller answers 413 and then drops the connection.
        req.removeAllListeners('data');
        req.pause();
        reject(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
