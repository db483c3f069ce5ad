// The preview host holds the vault, so it must refuse anything that is not our own page.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../electron/host/server.ts';
import { type ContractClient, httpClient } from './clients.ts';

let c: ContractClient & { host: { url: string; port: number; token: string } };

beforeAll(async () => {
  c = await httpClient();
  fs.writeFileSync(path.join(c.tc.dataDir, 'index.html'), '<!doctype html><p>ok</p>');
});
afterAll(async () => {
  await c.close();
  fs.rmSync(c.tc.dataDir, { recursive: true, force: true });
});

/** Raw request so Host/Origin headers can be forged the way a rebinding or cross-site attack would. */
function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: c.host.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
        setHost: !opts.headers?.host,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d) => chunks.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** Sends raw bytes (request lines no HTTP client would produce) and returns everything the server answers. */
function rawSocket(text: string, more?: (s: net.Socket) => void): Promise<string> {
  return new Promise((resolve) => {
    const sock = net.connect(c.host.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    sock.on('data', (d) => chunks.push(d));
    // The server may drop the connection while we still write: what it answered first is what counts.
    sock.on('error', () => {});
    sock.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    sock.write(text);
    more?.(sock);
  });
}

const api = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  [TOKEN_HEADER]: c.host.token,
  ...extra,
});

describe('preview host security', () => {
  it('listens on loopback only', () => {
    expect(c.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses API calls without the per-run secret, or with a wrong one', async () => {
    expect(
      (
        await raw({
          method: 'POST',
          path: '/api/vault.getStatus',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await raw({
          method: 'POST',
          path: '/api/vault.getStatus',
          headers: api({ [TOKEN_HEADER]: 'x'.repeat(43) }),
          body: '{}',
        })
      ).status,
    ).toBe(401);
    expect(
      (await raw({ method: 'POST', path: '/api/vault.getStatus', headers: api(), body: '{}' })).status,
    ).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await raw({
      method: 'POST',
      path: '/api/vault.getStatus',
      headers: api({ host: `evil.example:${c.host.port}` }),
      body: '{}',
    });
    expect(r.status).toBe(421);
  });

  it('refuses cross-origin and cross-site requests and never sends CORS headers', async () => {
    const cross = await raw({
      method: 'POST',
      path: '/api/vault.getStatus',
      headers: api({ origin: 'https://evil.example' }),
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const site = await raw({
      method: 'POST',
      path: '/api/vault.getStatus',
      headers: api({ 'sec-fetch-site': 'cross-site' }),
      body: '{}',
    });
    expect(site.status).toBe(403);
    const pre = await raw({
      method: 'OPTIONS',
      path: '/api/vault.getStatus',
      headers: { origin: 'https://evil.example' },
    });
    expect(pre.status).toBeGreaterThanOrEqual(400);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const ok = await raw({
      method: 'POST',
      path: '/api/vault.getStatus',
      headers: api({ origin: c.host.url }),
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts JSON only (no form posts) and refuses oversized bodies', async () => {
    expect(
      (
        await raw({
          method: 'POST',
          path: '/api/vault.getStatus',
          headers: api({ 'content-type': 'text/plain' }),
          body: '{}',
        })
      ).status,
    ).toBe(415);
    // A body declared over the limit is answered 413 before the client sends a byte of it.
    const big = await rawSocket(
      `POST /api/vault.unlock HTTP/1.1\r\nHost: 127.0.0.1:${c.host.port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${c.host.token}\r\ncontent-length: ${10 * 1024 * 1024}\r\n\r\n`,
    );
    expect(big).toMatch(/^HTTP\/1\.1 413 /);
    // One sent in chunks without a declared length is cut off at the limit and answered 413 too.
    const chunked = await rawSocket(
      `POST /api/vault.unlock HTTP/1.1\r\nHost: 127.0.0.1:${c.host.port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${c.host.token}\r\ntransfer-encoding: chunked\r\n\r\n`,
      (sock) => {
        const chunk = 'x'.repeat(1024 * 1024);
        for (let i = 0; i < 10; i++) sock.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      },
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
    const unparsable = await raw({
      method: 'POST',
      path: '/api/vault.getStatus',
      headers: api(),
      body: '{"a":',
    });
    expect(JSON.parse(unparsable.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('serves static files with the CSP and refuses traversal', async () => {
    const index = await raw({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-frame-options']).toBe('DENY');
    for (const p of ['/..%2fvault.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cvault.json']) {
      const r = await raw({ path: p });
      expect(r.status, p).not.toBe(200);
    }
  });

  it('pushes contract events over server-sent events to token holders only', async () => {
    expect((await raw({ path: '/api/events' })).status).toBe(401);
    const got = await new Promise<string>((resolve, reject) => {
      const req = http.get(`${c.host.url}/api/events?token=${c.host.token}`, (res) => {
        let buf = '';
        res.on('data', (d) => {
          buf += d.toString();
          if (buf.includes('event: settings.changed')) {
            req.destroy();
            resolve(buf);
          }
        });
        res.once('data', () => {
          void fetch(`${c.host.url}/api/settings.setLanguage`, {
            method: 'POST',
            headers: api(),
            body: JSON.stringify({ language: 'en-US' }),
          });
        });
      });
      req.on('error', reject);
    });
    expect(got).toContain('"language":"en-US"');
  });

  describe('no request can end the process (defect 6)', () => {
    const alive = async () => (await c.call('vault.getStatus', {})).ok;
    const head = (target: string) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${c.host.port}\r\n\r\n`;

    it('an absolute-form or unparsable request target is a 400', async () => {
      expect(await rawSocket(head('http://['))).toMatch(/^HTTP\/1\.1 400 /);
      expect(await rawSocket(head('http://evil.example/api/events'))).toMatch(/^HTTP\/1\.1 400 /);
      expect(await rawSocket('GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
      expect(await alive()).toBe(true);
    });

    it('bad percent-encoding in a method name is a 400', async () => {
      const r = await rawSocket(
        `POST /api/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${c.host.port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${c.host.token}\r\ncontent-length: 2\r\n\r\n{}`,
      );
      expect(r).toMatch(/^HTTP\/1\.1 400 /);
      expect(await alive()).toBe(true);
    });

    it('a header flood is a 431', async () => {
      const flood = Array.from({ length: 400 }, (_, i) => `x-flood-${i}: ${'a'.repeat(100)}`).join('\r\n');
      const r = await rawSocket(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${c.host.port}\r\n${flood}\r\n\r\n`);
      expect(r).toMatch(/^HTTP\/1\.1 431 /);
      expect(await alive()).toBe(true);
    });

    it('a request held open half-sent is answered 408 and closed after a bounded time', async () => {
      const { startHost } = await import('../../electron/host/server.ts');
      const quick = await startHost({
        core: c.tc.core,
        staticDir: c.tc.dataDir,
        timeouts: { headersMs: 300, requestMs: 600, checkMs: 100 },
      });
      try {
        const answer = await new Promise<string>((resolve) => {
          const sock = net.connect(quick.port, '127.0.0.1');
          const chunks: Buffer[] = [];
          sock.on('data', (d) => chunks.push(d));
          sock.on('error', () => {});
          sock.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
          // Headers never finished: the connection is held open until the server gives up on it.
          sock.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${quick.port}\r\nx-slow: 1\r\n`);
        });
        expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      } finally {
        await quick.close();
      }
      expect(await alive()).toBe(true);
    });

    it('twelve parallel wrong master passwords over HTTP are counted one by one and throttled (defect 5)', async () => {
      const codes: string[] = [];
      const setup = await c.call('vault.getStatus', {});
      expect(setup.ok).toBe(true);
      if ((setup as { value: { state: string } }).value.state === 'uninitialized') {
        await c.call('vault.setup', {
          password: 'correct-horse-99',
          confirm: 'correct-horse-99',
          rememberOnDevice: false,
        });
      }
      await c.call('vault.lock', {});
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => c.call('vault.unlock', { password: `wrong guess ${i}` })),
      );
      for (const r of results) codes.push(r.ok ? 'ok' : r.error.code);
      expect(codes.filter((x) => x === 'WRONG_PASSWORD')).toHaveLength(3);
      expect(codes.filter((x) => x === 'THROTTLED')).toHaveLength(9);
      const onDisk = JSON.parse(fs.readFileSync(path.join(c.tc.dataDir, 'vault.json'), 'utf8')).data;
      expect(onDisk.failedAttempts).toBe(3);
    });
  });
});
