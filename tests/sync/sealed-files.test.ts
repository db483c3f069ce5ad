// The files on the sync target, one kind at a time: only the addressed member opens what is sealed to
// them, a reader opens exactly the scope groups it holds keys for, and no single flipped byte anywhere in
// a file is ever accepted.
import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from '../../electron/core/sync/backoff.ts';
import { encodeBlob, openBlob, readBlob } from '../../electron/core/sync/blob.ts';
import { openSealed, sealTo } from '../../electron/core/sync/crypto/box.ts';
import {
  createIdentity,
  isValidPublicIdentity,
  publicPart,
} from '../../electron/core/sync/crypto/identity.ts';
import { keyId, newScopeKey } from '../../electron/core/sync/crypto/scope-keys.ts';
import {
  encodeJoinRequest,
  inviteCode,
  newInvite,
  openJoinRequest,
  parseInviteCode,
  safetyCode,
} from '../../electron/core/sync/invite.ts';
import { encodeKeyring, openKeyring, readKeyring } from '../../electron/core/sync/keyring.ts';
import { encodeSegment, openSegment, readSegment } from '../../electron/core/sync/segment.ts';
import { looksCutShort, signatureHolds } from '../../electron/core/sync/signed-file.ts';
import { encodeSnapshot, openSnapshot, readSnapshot } from '../../electron/core/sync/snapshot.ts';
import { checkAddress } from '../../electron/core/sync/targets/target-address.ts';
import { encodeTeamDoc, openTeamDoc, readTeamDoc } from '../../electron/core/sync/team-doc.ts';
import { HybridClock } from '../../shared/domain/sync/hlc.ts';
import { applyChange, changeFor } from '../../shared/domain/sync/records.ts';
import { rng } from './support/random.ts';

const TEAM = '0123456789abcdef0123456789abcdef';

function flips(bytes: Buffer, every = 1): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += every) {
    const b = Buffer.from(bytes);
    b[i] = (b[i] ?? 0) ^ 0x01;
    out.push(b);
  }
  return out;
}

describe('sealing to a member', () => {
  it('opens only for the addressed member and only unaltered', () => {
    const alice = createIdentity();
    const bob = createIdentity();
    const sealed = sealTo(alice.box, Buffer.from('scope key'), 'aad');
    expect(openSealed(alice, sealed, 'aad')?.toString()).toBe('scope key');
    expect(openSealed(bob, sealed, 'aad')).toBeNull();
    expect(openSealed(alice, sealed, 'other aad')).toBeNull();
    for (const f of flips(sealed)) expect(openSealed(alice, f, 'aad')).toBeNull();
    expect(isValidPublicIdentity(publicPart(alice))).toBe(true);
    expect(isValidPublicIdentity({ ...publicPart(alice), sign: bob.sign })).toBe(false);
  });
});

describe('segments', () => {
  const author = createIdentity();
  const staff = newScopeKey('shop/s1/staff', 0);
  const main = newScopeKey('shop/s1/main', 0);
  const clock = new HybridClock(author.id, () => 1_800_000_000_000);
  const changes = [
    changeFor(
      { scope: 'shop/s1/staff', kind: 'subaccount', id: 'r1' },
      undefined,
      { name: '店:小美', password: 'Pa55-staff' },
      clock.tick(),
    ),
    changeFor(
      { scope: 'shop/s1/main', kind: 'shop-main', id: 's1' },
      undefined,
      { password: 'MAIN-secret-1' },
      clock.tick(),
    ),
  ];
  const bytes = encodeSegment({
    team: TEAM,
    author,
    seq: 1,
    prev: null,
    changes,
    keys: new Map([
      [staff.scope, staff],
      [main.scope, main],
    ]),
  });

  it('gives a reader exactly the groups it holds keys for', () => {
    const seg = readSegment(bytes);
    expect(seg && signatureHolds(seg.parsed, author.sign)).toBe(true);
    const lead = openSegment(seg as NonNullable<typeof seg>, new Map([[keyId(staff), staff]]));
    expect(lead?.unopened).toHaveLength(1);
    expect(lead?.groups.flatMap((g) => g.items.map((c) => c.scope))).toEqual(['shop/s1/staff']);
    const owner = openSegment(
      seg as NonNullable<typeof seg>,
      new Map([staff, main].map((k) => [keyId(k), k])),
    );
    expect(owner?.groups.flatMap((g) => g.items).length).toBe(2);
    // Nothing readable in the file itself.
    for (const secret of ['Pa55-staff', 'MAIN-secret-1', '小美', 'shop/s1', 'subaccount'])
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });

  it('refuses every single flipped byte (signature, header or ciphertext)', () => {
    const keys = new Map([staff, main].map((k) => [keyId(k), k]));
    for (const f of flips(bytes)) {
      const seg = readSegment(f);
      const accepted =
        seg !== null && signatureHolds(seg.parsed, author.sign) && openSegment(seg, keys) !== null;
      expect(accepted).toBe(false);
    }
  });

  it('refuses a segment signed by someone else and a truncated one', () => {
    const other = createIdentity();
    const seg = readSegment(bytes);
    expect(seg && signatureHolds(seg.parsed, other.sign)).toBe(false);
    for (let cut = 0; cut < bytes.length; cut += 7) {
      const s = readSegment(bytes.subarray(0, cut));
      expect(s !== null && signatureHolds(s.parsed, author.sign)).toBe(false);
    }
  });
});

describe('a snapshot', () => {
  const owner = createIdentity();
  const staff = newScopeKey('shop/s1/staff', 0);
  const main = newScopeKey('shop/s1/main', 1);
  const clock = new HybridClock(owner.id, () => 1_800_000_000_000);
  const rec = (scope: string, id: string, password: string) => {
    const c = changeFor(
      { scope, kind: 'subaccount', id },
      undefined,
      { password, name: '小美' },
      clock.tick(),
    );
    return applyChange(undefined, c).record;
  };
  const records = [rec(staff.scope, 'a', 'Pa55-staff'), rec(main.scope, 'b', 'MAIN-secret-1')];
  const covers = { [owner.id]: { seq: 7, hash: 'ab'.repeat(32) } };
  const bytes = encodeSnapshot({
    team: TEAM,
    owner,
    round: 3,
    covers,
    records,
    keys: new Map([
      [staff.scope, staff],
      [main.scope, main],
    ]),
  });

  it('gives a reader the records of its scopes only, names what it covers, and shows no plaintext', () => {
    const snap = readSnapshot(bytes);
    expect(snap && signatureHolds(snap.parsed, owner.sign)).toBe(true);
    expect(snap?.header.c).toEqual(covers);
    const lead = openSnapshot(snap as NonNullable<typeof snap>, new Map([[keyId(staff), staff]]));
    expect(lead?.groups.flatMap((g) => g.items.map((x) => x.fields.password?.v))).toEqual(['Pa55-staff']);
    expect(lead?.unopened).toEqual([keyId(main)]);
    for (const secret of ['Pa55-staff', 'MAIN-secret-1', '小美', 'shop/s1', 'subaccount'])
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });

  it('refuses every flipped byte, another signer and a cut-short copy', () => {
    const keys = new Map([staff, main].map((k) => [keyId(k), k]));
    for (const f of flips(bytes)) {
      const snap = readSnapshot(f);
      const accepted =
        snap !== null && signatureHolds(snap.parsed, owner.sign) && openSnapshot(snap, keys) !== null;
      expect(accepted).toBe(false);
    }
    const snap = readSnapshot(bytes);
    expect(snap && signatureHolds(snap.parsed, createIdentity().sign)).toBe(false);
    for (let cut = 0; cut < bytes.length; cut += 5) {
      expect(readSnapshot(bytes.subarray(0, cut))).toBeNull();
      expect(looksCutShort(bytes.subarray(0, cut), 'SWC1')).toBe(true);
    }
  });
});

describe('an attached file', () => {
  const author = createIdentity();
  const priv = newScopeKey('private', 0);
  const content = Buffer.from('营业执照扫描件-bytes');
  const id = 'ab'.repeat(16);
  const bytes = encodeBlob({ team: TEAM, author, id, key: priv, bytes: content });

  it('opens byte-identical with its scope key only, hides its content and exact size', () => {
    const blob = readBlob(bytes);
    expect(blob && signatureHolds(blob.parsed, author.sign)).toBe(true);
    expect(blob && openBlob(blob, priv)).toEqual(content);
    expect(blob && openBlob(blob, newScopeKey('private', 1))).toBeNull();
    expect(bytes.includes(content)).toBe(false);
    expect(bytes.includes(Buffer.from('营业执照'))).toBe(false);
    expect(encodeBlob({ team: TEAM, author, id, key: priv, bytes: Buffer.alloc(10) }).length).toBe(
      bytes.length,
    );
  });

  it('refuses every flipped byte and another signer', () => {
    for (const f of flips(bytes)) {
      const blob = readBlob(f);
      expect(blob !== null && signatureHolds(blob.parsed, author.sign) && openBlob(blob, priv) !== null).toBe(
        false,
      );
    }
    const blob = readBlob(bytes);
    expect(blob && signatureHolds(blob.parsed, createIdentity().sign)).toBe(false);
  });
});

describe('keyrings and the member list', () => {
  it('a keyring opens only for its member, verifies only with its writer, and survives no flipped byte', () => {
    const owner = createIdentity();
    const lead = createIdentity();
    const keys = [newScopeKey('global', 0), newScopeKey('shop/a/staff', 2)];
    const bytes = encodeKeyring({ team: TEAM, writer: owner, to: lead, version: 3, keys });
    const kr = readKeyring(bytes);
    expect(kr?.header).toEqual({ team: TEAM, to: lead.id, from: owner.id, v: 3 });
    expect(kr && signatureHolds(kr.parsed, owner.sign)).toBe(true);
    expect(kr && openKeyring(lead, kr)).toEqual(keys);
    expect(kr && openKeyring(owner, kr)).toBeNull();
    for (const f of flips(bytes, 3)) {
      const x = readKeyring(f);
      expect(x !== null && signatureHolds(x.parsed, owner.sign) && openKeyring(lead, x) !== null).toBe(false);
    }
  });

  it('the member list is signed by the owner and sealed with the team key', () => {
    const owner = createIdentity();
    const teamKey = newScopeKey('team', 0);
    const body = {
      members: [{ ...publicPart(owner), role: 'owner' as const, shops: [], name: '老板张三', since: 1 }],
      removed: [],
    };
    const bytes = encodeTeamDoc({ team: TEAM, version: 4, owner, teamKey, body });
    expect(bytes.includes(Buffer.from('老板张三'))).toBe(false);
    const doc = readTeamDoc(bytes);
    expect(doc?.header.v).toBe(4);
    expect(doc && signatureHolds(doc.parsed, owner.sign)).toBe(true);
    expect(doc && openTeamDoc(doc, teamKey)).toEqual(body);
    expect(doc && openTeamDoc(doc, newScopeKey('team', 1))).toBeNull();
  });
});

describe('invites', () => {
  it('a code reads back, a typo is caught, and both sides compute the same safety code', () => {
    const owner = createIdentity();
    const joiner = createIdentity();
    const inv = newInvite(TEAM, owner.id, Date.parse('2026-12-02T10:00:00Z'), 30 * 60_000);
    const code = inviteCode(inv);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    const back = parseInviteCode(code.toLowerCase());
    expect(back).toEqual({ ...inv, expiresAt: Math.floor(inv.expiresAt / 60_000) * 60_000 });
    // Every possible one-character typo, at every position.
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const chars = code.split('');
    for (let pos = 0; pos < chars.length; pos++) {
      if (chars[pos] === '-') continue;
      for (const swap of alphabet) {
        if (swap === chars[pos]) continue;
        const typo = [...chars];
        typo[pos] = swap;
        expect(parseInviteCode(typo.join('')), `${pos}:${swap}`).toBeNull();
      }
    }
    const req = encodeJoinRequest(inv, joiner, '客服主管小李', 1);
    expect(req.includes(Buffer.from('小李'))).toBe(false);
    expect(openJoinRequest(inv, req)?.identity.id).toBe(joiner.id);
    // Without the invite's secret a request cannot be opened (nor made).
    expect(openJoinRequest({ ...inv, secret: Buffer.alloc(32, 1).toString('base64url') }, req)).toBeNull();
    const s1 = safetyCode(TEAM, owner.sign, joiner.sign, inv.id);
    expect(s1).toMatch(/^\d{3} \d{3}$/);
    expect(safetyCode(TEAM, owner.sign, createIdentity().sign, inv.id)).not.toBe(s1);
  });
});

describe('addresses and backoff', () => {
  it('takes https anywhere, plain http only on this machine or the local network (with a warning)', () => {
    expect(checkAddress('https://dav.jianguoyun.com/dav/shop')).toMatchObject({ ok: true, warning: null });
    expect(checkAddress('http://192.168.1.20:5005/team')).toMatchObject({
      ok: true,
      warning: 'plain-http-local',
    });
    expect(checkAddress('http://127.0.0.1:8080/x')).toMatchObject({ ok: true, warning: 'plain-http-local' });
    expect(checkAddress('http://[::1]:8080/x')).toMatchObject({ ok: true, warning: 'plain-http-local' });
    expect(checkAddress('http://dav.jianguoyun.com/dav')).toEqual({ ok: false, reason: 'plain-http-public' });
    expect(checkAddress('http://172.32.0.1/dav')).toEqual({ ok: false, reason: 'plain-http-public' });
    expect(checkAddress('https://user:pw@example.com/')).toEqual({ ok: false, reason: 'credentials-in-url' });
    expect(checkAddress('ftp://nas/')).toEqual({ ok: false, reason: 'unsupported-scheme' });
    expect(checkAddress('not a url')).toEqual({ ok: false, reason: 'not-a-url' });
  });

  it('backs off exponentially with jitter, capped, never sooner than Retry-After', () => {
    const r = rng(3);
    for (let attempt = 0; attempt < 40; attempt++) {
      for (let i = 0; i < 50; i++) {
        const d = backoffDelay(attempt, undefined, r);
        const ceiling = Math.min(BACKOFF_MAX_MS, 2000 * 2 ** Math.min(attempt, 20));
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
        expect(backoffDelay(attempt, 120_000, r)).toBeGreaterThanOrEqual(120_000);
      }
    }
  });
});
