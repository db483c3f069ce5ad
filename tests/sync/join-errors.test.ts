// What a joiner is told when the server will not let them in, each case against a real server started here:
// a wrong WebDAV password and an unknown folder (Apache mod_dav), a certificate that does not verify (an
// https server with a self-signed certificate made by openssl), no network (a closed port), and throttling
// (坚果云 answers 503 BlockedTemporarily; a proxy in front of Apache answers the same). Each has its own
// words in both languages, and nothing is set up on the joiner's computer.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealBundle } from '../../electron/core/sync/invite-bundle.ts';
import { errorMessages as MESSAGES } from '../../shared/contract/errors.ts';
import type { TeamStatus } from '../../shared/contract/team-types.ts';
import { callers } from '../support/contract-calls.ts';
import { makeTestCore, setUpVault } from '../support/test-core.ts';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.ts';
import { tempDir } from './support/team-cores.ts';
import { type DavServer, serversAvailable, startApache } from './support/webdav-servers.ts';

const DIGITS = '3821 9047 1163 5592';
const available = serversAvailable().apache;

async function joiner() {
  const t = makeTestCore();
  await setUpVault(t.core);
  return { ...t, ...callers(() => t.core) };
}

const inviteTo = (url: string, username: string, password: string) =>
  sealBundle(
    { code: 'ABCD-EFGH-JKMN-PQRS', connection: { kind: 'webdav', url, username, password } },
    DIGITS,
  );

describe.skipIf(!available)('a joiner who cannot get in is told why', () => {
  let dav: DavServer;
  let proxy: FaultProxy;
  let tls: https.Server;
  let tlsUrl: string;
  beforeAll(async () => {
    dav = await startApache();
    proxy = await startFaultProxy(dav.url);
    const dir = tempDir('tls');
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    tls = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (_req, res) =>
      res.end(),
    );
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    tlsUrl = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/team`;
  }, 60_000);
  afterAll(async () => {
    await proxy?.stop();
    await dav?.stop();
    await new Promise((r) => tls?.close(r));
  });

  it('a wrong password, an unknown folder, a bad certificate, no network and throttling each in their own words', async () => {
    proxy.plan = () => ({ kind: 'status', status: 503, retryAfterS: 600, body: 'BlockedTemporarily' });
    const cases: Array<[string, string]> = [
      [inviteTo(dav.url, dav.username, 'not-the-password'), 'SYNC_AUTH_FAILED'],
      [inviteTo(`${dav.url}-no-such-folder`, dav.username, dav.password), 'SYNC_FOLDER_NOT_FOUND'],
      [inviteTo(tlsUrl, 'u', 'p'), 'SYNC_TLS_FAILED'],
      [inviteTo('http://127.0.0.1:9/team', 'u', 'p'), 'SYNC_OFFLINE'],
      [inviteTo(proxy.url, dav.username, dav.password), 'SYNC_THROTTLED'],
    ];
    const said = new Set<string>();
    for (const [text, code] of cases) {
      const m = await joiner();
      const r = await m.refused('team.joinByInvite', {
        text,
        oneTimeCode: DIGITS,
        name: '小李',
        login: null,
      });
      expect(r.code, code).toBe(code);
      said.add(MESSAGES[code as keyof typeof MESSAGES].zh);
      expect((await m.ok<TeamStatus>('team.status')).phase).toBe('not-set-up');
      await m.core.shutdown();
    }
    // Five different sentences, in Chinese and in English.
    expect(said.size).toBe(5);
    expect(MESSAGES.SYNC_THROTTLED.zh).toContain('BlockedTemporarily');
    expect(MESSAGES.SYNC_AUTH_FAILED.en).toMatch(/user name or password/);
    // The unknown folder was not made on the server by trying.
    const made = (fs.readdirSync(dav.root, { recursive: true }) as string[]).filter((f) =>
      f.includes('no-such-folder'),
    );
    expect(made).toEqual([]);
  });

  it('an invite without the login asks for it, and joins with it', async () => {
    const text = sealBundle(
      {
        code: 'ABCD-EFGH-JKMN-PQRS',
        connection: { kind: 'webdav', url: dav.url, username: null, password: null },
      },
      DIGITS,
    );
    const m = await joiner();
    const r = await m.refused('team.joinByInvite', { text, oneTimeCode: DIGITS, name: '小李', login: null });
    expect(r.code).toBe('SYNC_INVITE_NEEDS_LOGIN');
    // With the login it gets as far as the team check (this invite names no real team).
    const withLogin = await m.refused('team.joinByInvite', {
      text,
      oneTimeCode: DIGITS,
      name: '小李',
      login: { username: dav.username, password: dav.password },
    });
    expect(withLogin.code).toBe('SYNC_INVITE_INVALID');
    await m.core.shutdown();
  });
});
