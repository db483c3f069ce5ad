// A WebDAV server that closes a connection without answering (what rclone and many NAS servers do to a
// kept-alive connection that sat idle): the request is tried once more and the sync goes on; a server that
// does it every time is a network error after that one retry, never a loop. A loopback HTTP server stands in
// for the server's misbehaviour, which a real WebDAV server cannot be made to show on demand.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebdavTarget } from '../../electron/core/sync/targets/webdav-target.ts';

const LISTING = `<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:">
  <d:response><d:href>/team/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
  <d:response><d:href>/team/team.swt</d:href><d:propstat><d:prop><d:resourcetype/><d:getcontentlength>5</d:getcontentlength><d:getetag>"e1"</d:getetag><d:getlastmodified>Mon, 07 Dec 2026 10:00:00 GMT</d:getlastmodified></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>`;

let server: http.Server | null = null;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

/** A server that drops the connection of the first `drops` requests without a byte of answer. */
async function dropping(drops: number): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  server = http.createServer((req, res) => {
    seen.push(req.method ?? '');
    if (seen.length <= drops) {
      req.socket.destroy();
      return;
    }
    if (req.method === 'PROPFIND') {
      res.writeHead(207, { 'content-type': 'application/xml; charset=utf-8' });
      res.end(LISTING);
    } else if (req.method === 'GET') res.end('hello');
    else {
      req.resume();
      req.on('end', () => {
        res.writeHead(201);
        res.end();
      });
    }
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/team/`, seen };
}

const target = (url: string) => new WebdavTarget({ url, username: 'u', password: 'p', timeoutMs: 5000 });

describe('a WebDAV server that drops a connection unanswered', () => {
  it('each kind of request is tried once more, and counted as two', async () => {
    for (const call of [
      async (t: WebdavTarget) => expect((await t.list()).map((e) => e.name)).toEqual(['team.swt']),
      async (t: WebdavTarget) => expect((await t.get('team.swt'))?.toString()).toBe('hello'),
      async (t: WebdavTarget) => expect(await t.put('team.swt', Buffer.from('x'))).toBeUndefined(),
    ]) {
      const { url, seen } = await dropping(1);
      const t = target(url);
      await call(t);
      expect(seen.length).toBe(2);
      expect(t.counters.requests).toBe(2);
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      server = null;
    }
  });

  it('one that drops every connection is a network error after one retry', async () => {
    const { url, seen } = await dropping(100);
    const t = target(url);
    await expect(t.list()).rejects.toMatchObject({ kind: 'network' });
    expect(seen).toEqual(['PROPFIND', 'PROPFIND']);
  });
});
