// The preview host holds the vault, so it must refuse anything that is not our own page.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../electron/host/server.ts';
import { rawSocket as rawTo } from '../support/raw-socket.ts';
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

const rawSocket = (text: string, more?: Parameters<typeof rawTo>[2]) => rawTo(c.host.port, text, more);

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
});
