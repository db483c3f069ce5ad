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

/** How long a client may take to send its headers and its whole request before it is answered 408. */
export interface HostTimeouts {
  headersMs: number;
  requestMs: number;
  /** How often Node checks those deadlines. */
  checkMs: number;
}
const DEFAULT_TIMEOUTS: HostTimeouts = { headersMs: 10_000, requestMs: 60_000, checkMs: 2_000 };

class BodyTooLarge extends Error {}

export async function startHost(opts: {
  core: Core;
  staticDir: string;
  port?: number;
  timeouts?: HostTimeouts;
}): Promise<Host> {
  const token = randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;

  const tokenOk = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  const timeouts = opts.timeouts ?? DEFAULT_TIMEOUTS;
  // No request may end the process: a malformed one, a flood of headers or one held open all get an
  // answer (4xx) or a bounded timeout, and an unexpected throw while handling one becomes a 400.
  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkMs,
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      try {
        handle(req, res);
      } catch {
        if (!res.headersSent) res.writeHead(400, { ...securityHeaders(), 'content-type': 'text/plain' });
        res.end('bad request');
      }
    },
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status =
      err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`,
    );
  });

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = securityHeaders();
    // A refused request closes its connection: nothing further from that client is expected or wanted.
    const deny = (status: number, text: string) => {
      res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
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
    // Origin-form only ("/path"): an absolute-form target ("http://[") is a proxy request, not ours.
    const target = req.url ?? '/';
    if (!target.startsWith('/')) return deny(400, 'bad request target');
    let url: URL;
    try {
      url = new URL(target, `http://${host}`);
    } catch {
      return deny(400, 'bad request target');
    }

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
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return deny(400, 'bad percent-encoding');
      }
      // A declared size over the limit is refused before one byte of the body is read.
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge(res, req, headers);
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
        .catch((err) => {
          if (res.headersSent) return res.destroy();
          if (err instanceof BodyTooLarge) return tooLarge(res, req, headers);
          deny(400, 'bad request');
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
  };

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

function tooLarge(
  res: http.ServerResponse,
  req: http.IncomingMessage,
  headers: Record<string, string>,
): void {
  res.writeHead(413, { ...headers, 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  const error = new AppError('VALIDATION_FAILED', { fields: { '': 'too_long' } }).toWire();
  // The rest of the body is not wanted: the connection is dropped once the answer is out.
  res.end(JSON.stringify({ ok: false, error }), () => req.destroy());
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
        reject(new BodyTooLarge('too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}
