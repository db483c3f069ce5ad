// A proxy in front of a real WebDAV server that misbehaves on request: answers 503/507/429 with a
// Retry-After, cuts the connection half-way through an upload or a download, stores a cut-off file on the
// server (as a server without atomic PUT would after a broken upload), hands back a truncated body, or
// delays. Each request asks `plan` what to do; every request is logged, so tests count what the client sent.
import http from 'node:http';
import type net from 'node:net';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'status'; status: number; retryAfterS?: number; body?: string }
  | { kind: 'drop-upload' }
  | { kind: 'partial-put' }
  | { kind: 'drop-download' }
  | { kind: 'truncate-download' }
  | { kind: 'delay'; ms: number };

export interface ProxyRequest {
  readonly method: string;
  readonly path: string;
  readonly bytesIn: number;
}

export interface FaultProxy {
  /** The upstream URL with the proxy's host and port. */
  readonly url: string;
  plan: (req: { method: string; path: string }) => Fault;
  readonly log: ProxyRequest[];
  stop(): Promise<void>;
}

const PASS: Fault = { kind: 'pass' };

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const sockets = new Set<net.Socket>();
  const proxy: FaultProxy = {
    url: '',
    plan: () => PASS,
    log: [],
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const forward = (
    req: http.IncomingMessage,
    body: Buffer,
    onResponse: (res: http.IncomingMessage, data: Buffer) => void,
    onError: () => void,
  ) => {
    const headers = { ...req.headers, host: upstream.host, 'content-length': String(body.length) };
    const up = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => onResponse(res, Buffer.concat(chunks)));
        res.on('error', onError);
      },
    );
    up.on('error', onError);
    up.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const fault = proxy.plan({ method: req.method ?? '', path: req.url ?? '' });
    let dropped = false;
    req.on('data', (c: Buffer) => {
      chunks.push(c);
      const got = chunks.reduce((n, x) => n + x.length, 0);
      const expected = Number(req.headers['content-length'] ?? 0);
      // The connection goes down with part of the upload sent: nothing reaches the server.
      if (fault.kind === 'drop-upload' && !dropped && got >= Math.max(1, expected / 2)) {
        dropped = true;
        proxy.log.push({ method: req.method ?? '', path: req.url ?? '', bytesIn: got });
        req.socket.destroy();
      }
    });
    req.on('end', async () => {
      if (dropped) return;
      const body = Buffer.concat(chunks);
      proxy.log.push({ method: req.method ?? '', path: req.url ?? '', bytesIn: body.length });
      const fail = () => res.destroy();
      switch (fault.kind) {
        case 'status': {
          const h: Record<string, string> = { 'content-type': 'text/plain' };
          if (fault.retryAfterS !== undefined) h['retry-after'] = String(fault.retryAfterS);
          res.writeHead(fault.status, h).end(fault.body ?? `fault ${fault.status}`);
          return;
        }
        case 'drop-upload':
          if (body.length === 0) break;
          req.socket.destroy();
          return;
        case 'partial-put':
          // The server keeps half the file under its final name, and the client never hears back.
          forward(req, body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy(), fail);
          return;
        case 'delay':
          await new Promise((r) => setTimeout(r, fault.ms));
          break;
        default:
          break;
      }
      forward(
        req,
        body,
        (upRes, data) => {
          const headers = { ...upRes.headers };
          delete headers['transfer-encoding'];
          if (fault.kind === 'drop-download' && data.length > 1) {
            res.writeHead(upRes.statusCode ?? 502, { ...headers, 'content-length': String(data.length) });
            res.write(data.subarray(0, Math.floor(data.length / 2)));
            setImmediate(() => res.socket?.destroy());
            return;
          }
          const out =
            fault.kind === 'truncate-download' ? data.subarray(0, Math.floor(data.length / 2)) : data;
          res.writeHead(upRes.statusCode ?? 502, { ...headers, 'content-length': String(out.length) });
          res.end(out);
        },
        fail,
      );
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  (proxy as { url: string }).url = `http://127.0.0.1:${port}${upstream.pathname}`;
  return proxy;
}
