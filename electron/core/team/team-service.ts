// The team area: this vault's membership and sync, open while the vault is unlocked (the sync state is
// sealed with a key derived from the data key, so it cannot be read while locked) and shut on every lock.

import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors.ts';
import type {
  ConflictView,
  InviteView,
  RotationItemView,
  TeamMembersView,
  TeamStatus,
} from '../../../shared/contract/team-types.ts';
import type { WorkRules } from '../../../shared/contract/work-types.ts';
import type { MemberGrant } from '../../../shared/domain/sync/scopes.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { openBytes, seal } from '../crypto/aead.ts';
import type { DepositsDoc } from '../deposit/deposit-schema.ts';
import type { EventBus } from '../event-bus.ts';
import type { InventoryStore } from '../inventory/inventory-store.ts';
import type { Sealer } from '../kernel/sealer.ts';
import type { Clock } from '../ports.ts';
import type { RecoveryDoc } from '../recovery/recovery-schema.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { newOneTimeCode, openBundle, sealBundle } from '../sync/invite-bundle.ts';
import type { LocalSealer } from '../sync/local-store.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { TargetError } from '../sync/targets/target.ts';
import type { Vault } from '../vault/vault.ts';
import type { Refusal } from './bridge.ts';
import { type Connection, connectionView, loadConnection, saveConnection, targetFor } from './connection.ts';
import { InventoryBridge } from './inventory-bridge.ts';
import { type AttachmentFiles, PrivateBridge } from './private-bridge.ts';
import { listFieldLabel } from './private-fields.ts';
import { refusalReport } from './refusal-report.ts';
import { RulesBridge } from './rules-bridge.ts';

export const SYNC_DIR = 'sync';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface TeamDeps {
  dataDir: string;
  /** The one safety-backup path, run once the folder is reached and before anything is written. */
  beforeJoin?: () => void;
  vault: Vault;
  store: InventoryStore;
  sealer: Sealer;
  audit: AuditLog;
  bus: EventBus;
  clock: Clock;
  /** Deposit cases and recovery drafts: the `private` scope (owner and admins). */
  privateDocs: {
    deposits: DocumentStore<DepositsDoc>;
    recovery: DocumentStore<RecoveryDoc>;
    files: AttachmentFiles;
  };
  /** The work rules: one record in the global scope (written by owner and admins, read by all). */
  rules: { doc: DocumentStore<WorkRules>; current(): WorkRules };
  logError?: (where: string, err: unknown) => void;
}

interface Open {
  engine: SyncEngine;
  bridge: InventoryBridge;
  privateBridge: PrivateBridge;
  rulesBridge: RulesBridge;
  pollSeconds: number;
  connection: Connection;
  off: () => void;
  wipe: () => void;
}

export class TeamService {
  private open: Open | null = null;

  constructor(private readonly d: TeamDeps) {}

  private get dir(): string {
    return path.join(this.d.dataDir, SYNC_DIR);
  }

  /** The sync folder's own key, derived from the data key (never stored). */
  private localSealer(): LocalSealer & { wipe(): void } {
    const key = Buffer.from(
      hkdfSync('sha256', this.d.vault.dataKey(), Buffer.alloc(0), 'shopwarden/sync/local', 32),
    );
    return {
      seal: (plain, aad) => Buffer.from(seal(key, plain, aad), 'latin1'),
      open: (sealed, aad) => openBytes(key, sealed.toString('latin1'), aad),
      // Overwritten once the engine that uses it is gone (lock).
      wipe: () => key.fill(0),
    };
  }

  /** After unlock: opens the team's sync if this vault has one. */
  start(): void {
    if (this.open || !fs.existsSync(path.join(this.dir, 'state.bin'))) return;
    const sealer = this.localSealer();
    const stored = loadConnection(this.dir, sealer);
    if (!stored) {
      sealer.wipe();
      return;
    }
    const o = this.attach(sealer, stored.connection, stored.pollSeconds);
    // Changes from others that arrived while the documents could not take them (a lock mid-sync).
    o.engine.redeliver();
    o.engine.start();
  }

  /** On lock: stops syncing and drops the engine (and the keys it held) from memory. */
  stop(): void {
    const o = this.open;
    if (!o) return;
    this.open = null;
    o.engine.stop();
    o.bridge.close();
    o.privateBridge.close();
    o.rulesBridge.close();
    o.off();
    // A sync already under way finishes (its state is saved, what it brought is handed over after the next
    // unlock); then the sync folder's key is overwritten.
    void o.engine.idle().finally(() => o.wipe());
  }

  /** A record another member sent that is not written here: logged, and told in the sync reports. */
  private refused(engine: SyncEngine, r: Refusal): void {
    this.d.logError?.('team.refused', new Error(`${r.kind} ${r.id}`));
    const who = r.by ? engine.memberName(r.by) : '其他成员 / another member';
    engine.tell(refusalReport(r, engine.now(), who));
  }

  private attach(sealer: LocalSealer & { wipe(): void }, connection: Connection, pollSeconds: number): Open {
    const { target } = targetFor(connection);
    const engine = new SyncEngine({
      dir: this.dir,
      sealer,
      target,
      clock: this.d.clock,
      pollMs: pollSeconds * 1000,
    });
    const bridge = new InventoryBridge({
      store: this.d.store,
      sealer: this.d.sealer,
      engine,
      onRefused: (r) => this.refused(engine, r),
      onError: (err) => this.d.logError?.('team.bridge', err),
    });
    const privateBridge = new PrivateBridge({
      ...this.d.privateDocs,
      sealer: this.d.sealer,
      engine,
      shopName: (id) => this.d.store.shopStore(id)?.get()?.shop.name,
      onRefused: (r) => this.refused(engine, r),
      onError: (err) => this.d.logError?.('team.private', err),
    });
    const off = engine.onChange(() => {
      this.letGoWithdrawn();
      this.d.bus.emit('team.changed', this.status());
    });
    privateBridge.wantMissing();
    const rulesBridge = new RulesBridge({
      ...this.d.rules,
      engine,
      onRefused: (r) => this.refused(engine, r),
      onError: (err) => this.d.logError?.('team.rules', err),
    });
    this.open = {
      engine,
      bridge,
      privateBridge,
      rulesBridge,
      pollSeconds,
      connection,
      off,
      wipe: sealer.wipe,
    };
    return this.open;
  }

  /**
   * After a sync that took a grant or role away: the local documents let go of what this member may no
   * longer hold (see the bridges' letGo), and the user is told what was deleted.
   */
  private letGoWithdrawn(): void {
    const o = this.open;
    if (!o || this.lettingGo) return;
    const scopes = o.engine.withdrawnScopes();
    if (scopes.length === 0) return;
    this.lettingGo = true;
    try {
      const now = this.d.clock.now();
      const { done, told } = o.bridge.letGo(scopes, now);
      if (scopes.includes('private'))
        try {
          told.push(o.privateBridge.letGo(now));
          done.push('private');
        } catch (err) {
          this.d.logError?.('team.private', err);
        }
      // Scopes that were neither a shop nor private (none today) have nothing local to let go of.
      for (const s of scopes) if (s !== 'private' && !s.startsWith('shop/')) done.push(s);
      o.engine.clearWithdrawn(done, told);
    } finally {
      this.lettingGo = false;
    }
  }

  private lettingGo = false;

  /** The role of this vault's member, or null outside a team (the app's usual single-user mode). */
  role(): 'owner' | 'admin' | 'lead' | null {
    return this.open?.engine.grant()?.role ?? null;
  }

  private need(): Open {
    if (!this.open) throw new AppError('SYNC_NOT_SET_UP');
    return this.open;
  }

  status(): TeamStatus {
    const o = this.open;
    if (!o)
      return {
        phase: 'not-set-up',
        role: null,
        memberId: null,
        connection: null,
        lastSyncAt: null,
        waiting: 0,
        error: null,
        nextTryAt: null,
        reports: [],
        conflicts: 0,
        pollSeconds: 60,
        safetyCode: null,
      };
    const s = o.engine.status();
    return {
      phase: s.phase,
      role: o.engine.grant()?.role ?? null,
      memberId: o.engine.memberId,
      connection: connectionView(o.connection),
      lastSyncAt: iso(s.lastSyncAt),
      waiting: s.waiting,
      error: s.error,
      nextTryAt: iso(s.nextTryAt),
      reports: s.reports
        .slice(-20)
        .map((r) => ({ code: r.code, at: new Date(r.at).toISOString(), zh: r.zh, en: r.en })),
      conflicts: s.conflicts,
      pollSeconds: o.pollSeconds,
      safetyCode: o.engine.joining()?.safetyCode ?? null,
    };
  }

  async testConnection(c: Connection): Promise<{ warning: 'plain-http-local' | null }> {
    const { target, warning } = targetFor(c);
    const probe = `j-0000000000000000-${randomBytes(16).toString('hex')}.swj`;
    try {
      await target.ensure();
      await target.list();
      await target.put(probe, Buffer.from('shopwarden connection test'));
      await target.remove(probe);
    } catch (err) {
      throw targetFailure(err);
    }
    return { warning };
  }

  private fresh(c: Connection): Open {
    if (this.open || fs.existsSync(path.join(this.dir, 'state.bin')))
      throw new AppError('SYNC_ALREADY_SET_UP');
    const sealer = this.localSealer();
    saveConnection(this.dir, sealer, { connection: c, pollSeconds: 60 });
    return this.attach(sealer, c, 60);
  }

  /** Undoes a half-made setup (the target refused), so the user can try again. */
  private abandon(): void {
    this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  async create(c: Connection, ownerName: string): Promise<TeamStatus> {
    await this.testConnection(c);
    const o = this.fresh(c);
    try {
      await o.engine.createTeam(ownerName);
    } catch (err) {
      this.abandon();
      throw targetFailure(err);
    }
    const queued = o.bridge.reconcile();
    o.privateBridge.reconcile();
    o.rulesBridge.reconcile();
    this.d.audit.append({
      action: 'team.created',
      object: 'team',
      summary: `${queued} 条记录待上传 / records queued`,
    });
    o.engine.start();
    await o.engine.syncNow().catch(() => undefined);
    return this.status();
  }

  async join(c: Connection, code: string, name: string): Promise<TeamStatus> {
    if (this.d.store.shops().length > 0) throw new AppError('SYNC_JOIN_NEEDS_EMPTY_VAULT');
    // Reach the folder without creating it: a joiner who mistyped the folder is told so, not given an empty one.
    try {
      await targetFor(c).target.list();
    } catch (err) {
      throw targetFailure(err);
    }
    this.d.beforeJoin?.();
    const o = this.fresh(c);
    try {
      await o.engine.requestJoin(code, name);
    } catch (err) {
      this.abandon();
      throw err instanceof AppError ? err : targetFailure(err);
    }
    this.d.audit.append({ action: 'team.joinRequested', object: 'team', summary: name });
    o.engine.start();
    return this.status();
  }

  members(): TeamMembersView {
    const o = this.need();
    const t = o.engine.team();
    return {
      members: (t.body?.members ?? []).map((m) => ({
        id: m.id,
        name: m.name,
        role: m.role,
        shops: m.shops,
        since: new Date(m.since).toISOString(),
        me: m.id === o.engine.memberId,
      })),
      removed: (t.body?.removed ?? []).map((r) => ({
        id: r.id,
        name: r.name,
        at: new Date(r.at).toISOString(),
      })),
      joins: o.engine.pendingJoins().map((j) => ({
        inviteId: j.invite,
        memberId: j.request.identity.id,
        name: j.request.name,
        safetyCode: j.safetyCode,
      })),
      // Single-use: an invite someone has answered, or one past its time, is no longer listed as open.
      invites: o.engine
        .openInvites()
        .filter(
          (i) => i.expiresAt > this.d.clock.now() && !o.engine.pendingJoins().some((j) => j.invite === i.id),
        )
        .map((i) => ({ id: i.id, expiresAt: new Date(i.expiresAt).toISOString() })),
    };
  }

  invite(minutes: number, includeLogin: boolean): InviteView {
    const o = this.need();
    const inv = o.engine.createInvite(minutes * 60_000);
    const c = o.connection;
    const connection =
      c.kind === 'folder'
        ? c
        : {
            kind: 'webdav' as const,
            url: c.url,
            username: includeLogin ? c.username : null,
            password: includeLogin ? c.password : null,
          };
    const oneTimeCode = newOneTimeCode();
    const text = sealBundle({ code: inv.code, connection }, oneTimeCode);
    this.d.audit.append({
      action: 'team.invited',
      object: `invite/${inv.id}`,
      summary: `${minutes} 分钟有效 / valid ${minutes} min${includeLogin && c.kind === 'webdav' ? '，含登录信息 / with login' : ''}`,
    });
    const day = new Date(this.d.clock.now() + 8 * 3600_000).toISOString().slice(0, 10);
    return {
      id: inv.id,
      code: inv.code,
      expiresAt: new Date(inv.expiresAt).toISOString(),
      text,
      fileName: `店务管家团队邀请-${day}.swinvite`,
      oneTimeCode,
      withLogin: c.kind === 'folder' || includeLogin,
    };
  }

  /** Opens the invite text with the spoken digits, then joins as `join` does. */
  async joinByInvite(
    text: string,
    oneTimeCode: string,
    name: string,
    login: { username: string; password: string } | null,
  ): Promise<TeamStatus> {
    if (this.d.store.shops().length > 0) throw new AppError('SYNC_JOIN_NEEDS_EMPTY_VAULT');
    const opened = openBundle(text, oneTimeCode);
    if (opened === 'not-an-invite') throw new AppError('SYNC_INVITE_TEXT_INVALID');
    if (opened === 'wrong-code')
      throw new AppError('SYNC_INVITE_CODE_WRONG', { fields: { oneTimeCode: 'invalid' } });
    const b = opened.connection;
    let c: Connection;
    if (b.kind === 'folder') c = b;
    else {
      const username = b.username ?? login?.username;
      const password = b.password ?? login?.password;
      if (!username || !password) throw new AppError('SYNC_INVITE_NEEDS_LOGIN');
      c = { kind: 'webdav', url: b.url, username, password };
    }
    return this.join(c, opened.code, name);
  }

  private checkShops(g: MemberGrant): void {
    for (const s of g.shops)
      if (!this.d.store.shopStore(s)) throw new AppError('NOT_FOUND', { message: `no shop ${s}` });
  }

  async approve(inviteId: string, memberId: string, g: MemberGrant): Promise<TeamMembersView> {
    this.checkShops(g);
    const o = this.need();
    const join = o.engine
      .pendingJoins()
      .find((j) => j.invite === inviteId && j.request.identity.id === memberId);
    await o.engine.approveJoin(inviteId, memberId, g).catch((err) => {
      throw err instanceof AppError ? err : targetFailure(err);
    });
    this.d.audit.append({
      action: 'team.approved',
      object: `member/${memberId}`,
      summary: `${join?.request.name ?? memberId}: ${g.role}${g.shops.length ? `, ${g.shops.length} 个店铺 / shops` : ''}`,
    });
    return this.members();
  }

  async setGrant(memberId: string, g: MemberGrant): Promise<TeamMembersView> {
    this.checkShops(g);
    await this.need()
      .engine.setMemberGrant(memberId, g)
      .catch((err) => {
        throw err instanceof AppError ? err : targetFailure(err);
      });
    this.d.audit.append({
      action: 'team.grantChanged',
      object: `member/${memberId}`,
      summary: `${g.role}, ${g.shops.length}`,
    });
    return this.members();
  }

  async remove(memberId: string): Promise<{ members: TeamMembersView; rotate: RotationItemView[] }> {
    const o = this.need();
    const name = o.engine.team().body?.members.find((m) => m.id === memberId)?.name ?? memberId;
    const items = await o.engine.removeMember(memberId).catch((err) => {
      throw err instanceof AppError ? err : targetFailure(err);
    });
    const shopName = (id: string) => this.d.store.shopStore(id)?.get()?.shop.name ?? id;
    const rotate: RotationItemView[] = items.map((it) => {
      const shopId = /^shop\/([^/]+)\//.exec(it.scope)?.[1] ?? '';
      const sub =
        it.kind === 'subaccount' ? this.d.store.shopStore(shopId)?.get()?.subAccounts[it.id] : undefined;
      return {
        shopName: shopName(shopId),
        account: sub?.fullName ?? it.name,
        what: it.kind === 'subaccount' ? 'sub-password' : it.kind === 'shop-main' ? 'main-password' : 'other',
      };
    });
    this.markFollowUps(items, name);
    this.d.audit.append({
      action: 'team.removed',
      object: `member/${memberId}`,
      summary: `${name}: ${rotate.length} 个密码待更换 / passwords to change`,
    });
    return { members: this.members(), rotate };
  }

  /**
   * Every active sub-account whose password the removed member could see becomes a follow-up like a leaver's
   * (离职): a dashboard reminder on every admin's computer until its password is changed or it is disabled.
   */
  private markFollowUps(
    items: ReadonlyArray<{ scope: string; kind: string; id: string }>,
    name: string,
  ): void {
    const at = new Date(this.d.clock.now()).toISOString();
    const byShop = new Map<string, string[]>();
    for (const it of items) {
      const shopId = /^shop\/([^/]+)\/staff$/.exec(it.scope)?.[1];
      if (it.kind === 'subaccount' && shopId) byShop.set(shopId, [...(byShop.get(shopId) ?? []), it.id]);
    }
    for (const [shopId, ids] of byShop) {
      const doc = this.d.store.shopStore(shopId)?.get();
      if (!doc) continue;
      const subAccounts = { ...doc.subAccounts };
      let changed = false;
      for (const id of ids) {
        const sub = subAccounts[id];
        if (sub?.status !== 'active' || sub.leaver) continue;
        subAccounts[id] = { ...sub, leaver: { name: name.slice(0, 40), at }, updatedAt: at };
        changed = true;
      }
      if (changed) this.d.store.writeShop({ shop: doc.shop, subAccounts });
    }
  }

  conflicts(): ConflictView[] {
    const o = this.need();
    const who = (id: string) =>
      o.engine.team().body?.members.find((m) => m.id === id)?.name ?? id.slice(0, 8);
    return o.engine.conflicts().map((c) => {
      const secret = c.field.startsWith('s_');
      const show = (v: unknown) =>
        secret ? null : Array.isArray(v) ? v.join(', ') : v === null ? null : String(v);
      const rec = o.engine.get(c);
      // A deposit case or a recovery draft has no name of its own: the shop it is for says which one it is.
      const shopId = rec?.fields.shopId?.v;
      const shop = typeof shopId === 'string' ? this.d.store.shopStore(shopId)?.get()?.shop.name : undefined;
      const record = String(rec?.fields.fullName?.v ?? rec?.fields.name?.v ?? shop ?? c.id);
      return {
        cid: c.cid,
        at: new Date(c.at).toISOString(),
        kind: c.kind,
        record,
        field: secret
          ? c.field.slice(2)
          : c.kind === 'deposit' || c.kind === 'recovery-draft'
            ? listFieldLabel(c.field)
            : c.field,
        secret,
        kept: show(c.kept.v),
        lost: show(c.lost.v),
        keptBy: who(c.kept.h.n),
        lostBy: who(c.lost.h.n),
      };
    });
  }

  resolveConflict(cid: string, choice: 'keep' | 'restore'): ConflictView[] {
    this.need().engine.resolveConflict(cid, choice);
    this.d.audit.append({ action: 'team.conflictResolved', object: `conflict/${cid}`, summary: choice });
    return this.conflicts();
  }

  async syncNow(): Promise<TeamStatus> {
    // A failure is part of the status (in words), not an error of this call.
    await this.need()
      .engine.syncNow()
      .catch(() => undefined);
    return this.status();
  }

  /** Resolves once no sync operation is running (tests, the benchmark). */
  async idle(): Promise<void> {
    await this.open?.engine.idle();
  }

  setPollSeconds(seconds: number): TeamStatus {
    const o = this.need();
    o.pollSeconds = seconds;
    o.engine.setPollMs(seconds * 1000);
    const sealer = this.localSealer();
    saveConnection(this.dir, sealer, { connection: o.connection, pollSeconds: seconds });
    sealer.wipe();
    return this.status();
  }
}

/** Each way of failing to reach the server in its own words (a wrong password is not "no network"). */
const FAILURE_CODES = {
  auth: 'SYNC_AUTH_FAILED',
  'not-found': 'SYNC_FOLDER_NOT_FOUND',
  tls: 'SYNC_TLS_FAILED',
  network: 'SYNC_OFFLINE',
  busy: 'SYNC_THROTTLED',
} as const;

function targetFailure(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof TargetError ? err.message : String((err as Error)?.message ?? err);
  const kind = err instanceof TargetError ? err.kind : 'other';
  const code = FAILURE_CODES[kind as keyof typeof FAILURE_CODES] ?? 'SYNC_TARGET_FAILED';
  return new AppError(code, { message, details: { kind } });
}
