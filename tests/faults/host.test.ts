// Guarantee: no request can end the preview host's process (defect 6). Malformed request lines,
// absolute-form targets, bad percent-encoding, header floods and requests held open half-sent all get a
// 4xx or a bounded 408, and the host keeps answering; parallel wrong passwords over HTTP are counted one
// by one (defect 5).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../electron/host/server.ts';
import { type ContractClient, httpClient } from '../contract/clients.ts';
import { rawSocket as rawTo } from '../support/raw-socket.ts';

let c: ContractClient & { host: { url: string; port: number; token: string } };
beforeAll(async () => {
  c = await httpClient();
});
afterAll(async () => {
  await c.close();
  fs.rmSync(c.tc.dataDir, { recursive: true, force: true });
});
const rawSocket = (text: string) => rawTo(c.host.port, text);

describe('host robustness', () => {
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
