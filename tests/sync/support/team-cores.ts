// Several members' machines in one test: each a SyncEngine with its own data folder, its own sealing key
// and its own clock (which may be hours off), all talking to one target.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBytes, seal } from '../../../electron/core/crypto/aead.ts';
import type { Clock } from '../../../electron/core/ports.ts';
import type { LocalSealer } from '../../../electron/core/sync/local-store.ts';
import { SyncEngine, type SyncEngineOptions } from '../../../electron/core/sync/sync-engine.ts';
import { FolderTarget } from '../../../electron/core/sync/targets/folder-target.ts';
import type { SyncTarget } from '../../../electron/core/sync/targets/target.ts';
import { WebdavTarget } from '../../../electron/core/sync/targets/webdav-target.ts';
import type { MemberGrant } from '../../../shared/domain/sync/scopes.ts';
import type { DavServer } from './webdav-servers.ts';

export function testSealer(): LocalSealer {
  const key = randomBytes(32);
  return {
    seal: (plain, aad) => Buffer.from(seal(key, plain, aad), 'latin1'),
    open: (sealed, aad) => openBytes(key, sealed.toString('latin1'), aad),
  };
}

export function skewedClock(skewMs: number): Clock {
  return {
    now: () => Date.now() + skewMs,
    setTimeout: (fn, ms) => {
      const t = setTimeout(fn, ms);
      t.unref?.();
      return { id: t };
    },
    clearTimeout: (h) => clearTimeout(h.id as ReturnType<typeof setTimeout>),
  };
}

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sw-${prefix}-`));

export type TargetMaker = () => SyncTarget;

export const davTarget =
  (s: Pick<DavServer, 'url' | 'username' | 'password'>, url = s.url): TargetMaker =>
  () =>
    new WebdavTarget({ url, username: s.username, password: s.password, timeoutMs: 10_000 });

export const folderTarget =
  (dir: string): TargetMaker =>
  () =>
    new FolderTarget(dir);

export interface Machine {
  readonly engine: SyncEngine;
  readonly dir: string;
  readonly sealer: LocalSealer;
  /** The same data folder opened again, as after a restart (or a kill). */
  reopen(target?: SyncTarget): Machine;
}

export function machine(
  makeTarget: TargetMaker,
  opts: Partial<SyncEngineOptions> & { dir?: string; sealer?: LocalSealer } = {},
): Machine {
  const dir = opts.dir ?? tempDir('member');
  const sealer = opts.sealer ?? testSealer();
  const engine = new SyncEngine({
    clock: skewedClock(0),
    ...opts,
    dir,
    sealer,
    target: opts.target ?? makeTarget(),
  });
  return {
    engine,
    dir,
    sealer,
    reopen: (target) => machine(makeTarget, { ...opts, dir, sealer, target: target ?? makeTarget() }),
  };
}

/** The owner approves a new member through the real invite: code, join request, matching safety codes. */
export async function invite(
  owner: SyncEngine,
  joiner: SyncEngine,
  name: string,
  grant: MemberGrant,
): Promise<void> {
  const inv = owner.createInvite(30 * 60_000);
  const joinerCode = await joiner.requestJoin(inv.code, name);
  await owner.syncNow();
  const req = owner.pendingJoins().find((j) => j.request.identity.id === joiner.memberId);
  if (!req) throw new Error('join request did not arrive');
  if (req.safetyCode !== joinerCode)
    throw new Error(`safety codes differ: ${req.safetyCode} vs ${joinerCode}`);
  await owner.approveJoin(inv.id, joiner.memberId, grant);
  await joiner.syncNow();
}

export interface Team {
  readonly owner: Machine;
  readonly admin: Machine;
  readonly lead: Machine;
  readonly shops: readonly [string, string];
}

/** Owner, admin and a lead granted only the first of two shops. */
export async function threeMemberTeam(
  makeTarget: TargetMaker,
  skews: [number, number, number] = [0, 0, 0],
  opts: Partial<SyncEngineOptions> = {},
): Promise<Team> {
  const owner = machine(makeTarget, { ...opts, clock: skewedClock(skews[0]) });
  const admin = machine(makeTarget, { ...opts, clock: skewedClock(skews[1]) });
  const lead = machine(makeTarget, { ...opts, clock: skewedClock(skews[2]) });
  await owner.engine.createTeam('老板');
  const shops = ['shopA', 'shopB'] as const;
  for (const s of shops) await owner.engine.addShop(s);
  await invite(owner.engine, admin.engine, '管理员小王', { role: 'admin', shops: [] });
  await invite(owner.engine, lead.engine, '客服主管小李', { role: 'lead', shops: ['shopA'] });
  return { owner, admin, lead, shops: [...shops] as [string, string] };
}

/** Every machine syncs until a full round changes nothing anywhere. */
export async function settle(machines: readonly Machine[], rounds = 6): Promise<void> {
  const log: string[] = [];
  for (let i = 0; i < rounds; i++) {
    let moved = 0;
    const round: string[] = [];
    for (const m of machines) {
      const r = await m.engine.syncNow();
      moved += r.uploaded + r.applied;
      round.push(`${r.uploaded}/${r.applied}`);
    }
    log.push(round.join(' '));
    if (moved === 0) return;
  }
  throw new Error(`machines did not settle (uploaded/applied per machine, per round: ${log.join(' | ')})`);
}

/** Every file under a folder, read as bytes. */
export function filesUnder(dir: string): Array<{ file: string; bytes: Buffer }> {
  const out: Array<{ file: string; bytes: Buffer }> = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ file: p, bytes: fs.readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

/** Where a canary appears under a folder: as UTF-8, UTF-16LE, base64 or hex. */
export function canaryHits(dir: string, canary: string): string[] {
  const forms = [
    Buffer.from(canary, 'utf8'),
    Buffer.from(canary, 'utf16le'),
    Buffer.from(Buffer.from(canary, 'utf8').toString('base64')),
    Buffer.from(Buffer.from(canary, 'utf8').toString('base64url')),
    Buffer.from(Buffer.from(canary, 'utf8').toString('hex')),
  ];
  return filesUnder(dir)
    .filter(({ bytes }) => forms.some((f) => bytes.includes(f)))
    .map(({ file }) => file);
}
