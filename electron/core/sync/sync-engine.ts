// One machine's sync: local writes (durable in the outbox before they are acknowledged), uploads batched
// into segments, polls of the team folder, and the team operations — scheduled so that a quiet change goes
// up within about a second, a stream of changes costs one upload per `pushGapMs`, a poll is one listing,
// and every failure backs off with jitter. Nothing here needs the target to be reachable: writes and reads
// are local, and the state says in words what is waiting and what went wrong.

import { AppError } from '../../../shared/contract/errors.ts';
import type { TeamPhase } from '../../../shared/contract/team-types.ts';
import { actionOf, mayDo } from '../../../shared/domain/sync/authorisation.ts';
import { HLC_ZERO, HybridClock } from '../../../shared/domain/sync/hlc.ts';
import {
  applyChange,
  changeFor,
  DELETED_FIELD,
  type FieldValue,
  isDeleted,
  openConflicts,
  type RecordKey,
  recordKey,
  type SyncRecord,
} from '../../../shared/domain/sync/records.ts';
import type { MemberGrant } from '../../../shared/domain/sync/scopes.ts';
import type { Clock, TimerHandle } from '../ports.ts';
import { noteHome, otherHome } from './arrival.ts';
import { backoffDelay } from './backoff.ts';
import { BLOB_ID } from './blob.ts';
import { sweepBlobs } from './blob-sweep.ts';
import { type BlobIO, pullBlobs, pushBlobs } from './blobs.ts';
import { type CompactOptions, compact, DEFAULT_COMPACT } from './compact.ts';
import { createIdentity, type PrivateIdentity } from './crypto/identity.ts';
import { latestKeys } from './crypto/scope-keys.ts';
import { addReport, displayName, type EngineContext, myGrant } from './engine-context.ts';
import { type LocalSealer, LocalStore } from './local-store.ts';
import { pull } from './pull.ts';
import { push } from './push.ts';
import { repairOwn } from './repair.ts';
import { report, type SyncReport } from './sync-reports.ts';
import type { ConflictEntry, SyncState } from './sync-state.ts';
import { type SyncTarget, TargetError } from './targets/target.ts';
import * as team from './team-admin.ts';

export interface SyncEngineOptions {
  readonly dir: string;
  readonly sealer: LocalSealer;
  readonly target: SyncTarget;
  readonly clock: Clock;
  readonly random?: () => number;
  /** How often others' changes are fetched (default 60 s). */
  readonly pollMs?: number;
  /** Quiet time after a change before it goes up (default 1 s). */
  readonly debounceMs?: number;
  /** At most one upload per this many ms while changes keep coming (default: `pushGapFor` the team's size). */
  readonly pushGapMs?: number;
  /** Owner only: when to write a snapshot and how many covered files to delete per sync (see compact.ts). */
  readonly compact?: Partial<CompactOptions>;
}

/**
 * Between two uploads while changes keep coming, by team size. Every upload is a PUT here and a download on
 * each of the other computers, and a team often shares one 坚果云 account (600 requests per 30 min on a free
 * plan, polls included): at 40 s per other member, five members streaming changes for half an hour stay well
 * under 600 (the bench measures it); one or two members upload every 30 s. A change after a quiet spell still
 * goes up about a second after it was made.
 */
export const pushGapFor = (members: number) => Math.max(30_000, 40_000 * (members - 1));

/** The same phases the team screen shows (declared once, in the contract). */
export type SyncPhase = TeamPhase;

export interface SyncStatus {
  readonly phase: SyncPhase;
  readonly lastSyncAt: number | null;
  /** Local changes not yet uploaded. */
  readonly waiting: number;
  readonly error: { kind: string; zh: string; en: string } | null;
  readonly nextTryAt: number | null;
  readonly reports: readonly SyncReport[];
  readonly conflicts: number;
}

function errorWords(err: unknown): { kind: string; zh: string; en: string } {
  if (err instanceof TargetError) {
    const zh: Record<string, string> = {
      auth: '同步服务器拒绝了用户名或密码（坚果云请使用“第三方应用密码”）。',
      busy: '同步服务器要求放慢请求（请求次数已达上限），稍后自动重试。',
      quota: '同步空间已满，请清理空间或升级套餐；本机的更改都已保存，会在有空间后上传。',
      server: '同步服务器出错，稍后自动重试；本机的更改都已保存。',
      network: '连不上同步服务器（离线或地址不对），本机照常工作，恢复连接后自动同步。',
      tls: '同步服务器的 https 证书无法验证（过期、自签名或与地址不符），为安全起见暂停同步。',
      'not-found': '同步文件夹不存在，请检查地址。',
      refused: '同步服务器拒绝了请求。',
    };
    return { kind: err.kind, zh: zh[err.kind] ?? err.message, en: err.message };
  }
  if (err instanceof AppError) return { kind: err.code, zh: err.message, en: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOSPC')
    return {
      kind: 'disk-full',
      zh: '磁盘空间已满，同步状态未能保存。',
      en: 'The disk is full; the sync state could not be saved.',
    };
  return {
    kind: 'internal',
    zh: `同步出错：${String(e?.message ?? err)}`,
    en: `Sync failed: ${String(e?.message ?? err)}`,
  };
}

/** Values as the shape of a change's `set` (what actionOf reads). */
const changeValues = (values: Readonly<Record<string, FieldValue>>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v }]));

function newState(me: PrivateIdentity): SyncState {
  return {
    format: 1,
    me,
    team: null,
    owner: null,
    teamVersion: 0,
    teamBody: null,
    keys: [],
    keyringFrom: {},
    keyringTo: {},
    seen: {},
    ahead: {},
    aside: {},
    ownTags: {},
    ownHashes: {},
    high: {},
    rescan: false,
    mySeq: 0,
    myHead: null,
    uploadedO: 0,
    clock: HLC_ZERO,
    records: {},
    conflicts: [],
    reports: [],
    tags: {},
    invites: [],
    joins: [],
    joining: null,
    lastSyncAt: null,
    excluded: false,
    undelivered: [],
    unopened: [],
    snapshot: null,
    withdrawn: [],
    blobsOut: [],
    blobsIn: [],
    orphans: {},
  };
}

/** A state saved by an older version lacks the fields added since; they start empty. */
function upgrade(state: SyncState): SyncState {
  state.unopened ??= [];
  state.snapshot ??= null;
  state.withdrawn ??= [];
  state.blobsOut ??= [];
  state.blobsIn ??= [];
  state.orphans ??= {};
  state.ahead ??= {};
  state.aside ??= {};
  state.ownTags ??= {};
  state.ownHashes ??= {};
  return state;
}

export class SyncEngine {
  private readonly ctx: EngineContext;
  private readonly store: LocalStore;
  private readonly random: () => number;
  private nextO: number;
  private waitingCount: number;
  private pollMs: number;
  private queue: Promise<unknown> = Promise.resolve();
  private pushTimer: TimerHandle | null = null;
  private pollTimer: TimerHandle | null = null;
  private lastPushAt = Number.NEGATIVE_INFINITY;
  private attempt = 0;
  private error: SyncStatus['error'] = null;
  private nextTryAt: number | null = null;
  private busy = false;
  private blobIO: BlobIO | null = null;
  private ticking: Promise<void> = Promise.resolve();
  private running = false;
  private readonly listeners = new Set<() => void>();
  private readonly remoteListeners = new Set<(records: SyncRecord[]) => boolean>();
  /** True while others' changes are handed to the local documents (see `tell`). */
  private delivering = false;

  constructor(private readonly opts: SyncEngineOptions) {
    this.store = new LocalStore(opts.dir, opts.sealer);
    this.random = opts.random ?? Math.random;
    const loaded = this.store.loadState();
    const state = loaded ? upgrade(loaded) : newState(createIdentity());
    const hlc = new HybridClock(state.me.id, () => opts.clock.now(), state.clock);
    this.ctx = { state, store: this.store, target: opts.target, hlc, now: () => opts.clock.now() };
    // The state file may be older than the outbox (it is a cache): replay every queued change onto it.
    const { entries, torn } = this.store.readOutbox();
    if (torn) {
      addReport(this.ctx, report('outbox-torn', opts.clock.now(), state.me.id.slice(0, 8)));
      this.store.dropOutboxThrough(0);
    }
    for (const e of entries) {
      const k = recordKey(e.change);
      state.records[k] = applyChange(state.records[k], e.change).record;
      hlc.observe(e.change.h);
    }
    this.nextO = Math.max(state.uploadedO, ...entries.map((e) => e.o)) + 1;
    this.waitingCount = entries.length;
    this.pollMs = opts.pollMs ?? 60_000;
    this.store.saveState(this.snapshotState());
  }

  private snapshotState(): SyncState {
    this.ctx.state.clock = this.ctx.hlc.current();
    return this.ctx.state;
  }

  private persist(): void {
    this.store.saveState(this.snapshotState());
  }

  /** Runs team and sync operations one at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Told of the records that changes from other members touched (to write them into the local stores); the
   * listener answers whether it wrote them. Until one has, their keys stay in the state as undelivered (a
   * lock or a full disk in between), and `redeliver` hands them over again.
   */
  onRemoteChanges(fn: (records: SyncRecord[]) => boolean): () => void {
    this.remoteListeners.add(fn);
    return () => this.remoteListeners.delete(fn);
  }

  private deliver(records: SyncRecord[]): void {
    const { state } = this.ctx;
    const keys = new Set(state.undelivered);
    for (const r of records) keys.add(recordKey(r));
    state.undelivered = [...keys];
    if (this.remoteListeners.size === 0 || state.undelivered.length === 0) return;
    const all = state.undelivered
      .map((k) => state.records[k])
      .filter((r): r is SyncRecord => r !== undefined);
    let ok = true;
    this.delivering = true;
    try {
      for (const fn of this.remoteListeners) ok = fn(all) && ok;
    } finally {
      this.delivering = false;
    }
    if (ok) state.undelivered = [];
  }

  /** Hands over records a listener has not written yet (after an unlock). */
  redeliver(): void {
    if (this.ctx.state.undelivered.length === 0) return;
    this.deliver([]);
    this.persist();
  }

  /** Tells the user something the app did with others' changes (kept with the sync reports). */
  tell(r: SyncReport): void {
    addReport(this.ctx, r);
    // Told while others' changes are being handed over: saved and shown with the delivery's own state write.
    if (this.delivering) return;
    this.persist();
    this.emit();
  }

  /** A member's name as the team document gives it (the id's start when it is not in the team). */
  memberName(id: string): string {
    return displayName(this.ctx, id);
  }

  /** This engine's clock (what reports are stamped with). */
  now(): number {
    return this.opts.clock.now();
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }

  // ---- who am I -------------------------------------------------------------------------------------

  get memberId(): string {
    return this.ctx.state.me.id;
  }

  grant(): MemberGrant | null {
    return myGrant(this.ctx);
  }

  team() {
    const s = this.ctx.state;
    return { team: s.team, version: s.teamVersion, body: s.teamBody, owner: s.owner };
  }

  /** Scopes this machine holds keys for (for tests and the screen; never the keys). */
  scopes(): string[] {
    return [...latestKeys(this.ctx.state.keys).keys()].sort();
  }

  // ---- local data -----------------------------------------------------------------------------------

  /** Writes a record's fields. Durable (outbox fsync'd) when it returns; uploaded later. */
  put(key: RecordKey, values: Readonly<Record<string, FieldValue>>): SyncRecord {
    this.putMany([{ key, values }]);
    return this.ctx.state.records[recordKey(key)] as SyncRecord;
  }

  /**
   * Writes many records with one fsync (a first upload of a whole vault), all or none: every entitlement is
   * checked before anything is written.
   */
  putMany(writes: ReadonlyArray<{ key: RecordKey; values: Readonly<Record<string, FieldValue>> }>): void {
    const { state } = this.ctx;
    const grant = myGrant(this.ctx);
    if (!grant || !state.team) throw new AppError('SYNC_NOT_SET_UP');
    const keys = latestKeys(state.keys);
    // The same table that judges what arrives from others judges this member's own writes.
    for (const w of writes) {
      const action = actionOf(changeValues(w.values), state.records[recordKey(w.key)] !== undefined);
      if (!mayDo(grant, w.key, action) || !keys.has(w.key.scope))
        throw new AppError('SYNC_SCOPE_FORBIDDEN', {
          message: `not entitled to ${action} ${w.key.kind} in ${w.key.scope}`,
        });
      if (otherHome(this.ctx, w.key))
        throw new AppError('RECORD_IN_OTHER_SHOP', { message: `${w.key.kind} ${w.key.id} lives elsewhere` });
    }
    if (writes.length === 0) return;
    const entries = writes.map((w, i) => ({
      o: this.nextO + i,
      change: changeFor(w.key, state.records[recordKey(w.key)], w.values, this.ctx.hlc.tick()),
    }));
    this.store.appendOutboxMany(entries);
    this.nextO += entries.length;
    this.waitingCount += entries.length;
    for (const e of entries) {
      const k = recordKey(e.change);
      state.records[k] = applyChange(state.records[k], e.change).record;
      noteHome(this.ctx, e.change);
      if (state.conflicts.length) state.conflicts = openConflicts(state.conflicts, state.records[k]);
    }
    this.schedulePush();
    this.emit();
  }

  remove(key: RecordKey): SyncRecord {
    return this.put(key, { [DELETED_FIELD]: true });
  }

  /** Whether this member may write these values to that record (the authorisation table, and its scope). */
  mayWrite(key: RecordKey, values: Readonly<Record<string, FieldValue>>): boolean {
    const grant = myGrant(this.ctx);
    const exists = this.ctx.state.records[recordKey(key)] !== undefined;
    return !!grant && mayDo(grant, key, actionOf(changeValues(values), exists)) && !otherHome(this.ctx, key);
  }

  get(key: RecordKey): SyncRecord | undefined {
    const r = this.ctx.state.records[recordKey(key)];
    return r && !isDeleted(r) ? r : undefined;
  }

  /** Every live record (optionally of one scope or kind). */
  records(filter: { scope?: string; kind?: string } = {}): SyncRecord[] {
    return Object.values(this.ctx.state.records).filter(
      (r) =>
        !isDeleted(r) &&
        (!filter.scope || r.scope === filter.scope) &&
        (!filter.kind || r.kind === filter.kind),
    );
  }

  /** Every record including tombstones: what convergence is compared on. */
  allRecords(): Record<string, SyncRecord> {
    return this.ctx.state.records;
  }

  conflicts(): ConflictEntry[] {
    return this.ctx.state.conflicts;
  }

  /** Keeps what won (dismiss) or writes the value that lost back, as a new change every machine will take. */
  resolveConflict(cid: string, choice: 'keep' | 'restore'): void {
    const { state } = this.ctx;
    const c = state.conflicts.find((x) => x.cid === cid);
    if (!c) throw new AppError('NOT_FOUND');
    state.conflicts = state.conflicts.filter((x) => x.cid !== cid);
    if (choice === 'restore') {
      const r = this.put(c, { [c.field]: c.lost.v });
      // The local documents take it like a change from elsewhere (it did not start in them).
      this.deliver([r]);
    }
    this.persist();
    this.emit();
  }

  // ---- team -----------------------------------------------------------------------------------------

  createTeam(ownerName: string): Promise<void> {
    return this.serial(async () => {
      try {
        await team.createTeam(this.ctx, ownerName);
      } finally {
        this.persist();
      }
    });
  }

  /** Makes the shop's scope keys (owner or admin); they reach entitled members at the next sync. */
  addShop(shopId: string): void {
    if (team.addShopScopes(this.ctx, shopId)) this.persist();
  }

  hasScope(scope: string): boolean {
    return this.ctx.state.keys.some((k) => k.scope === scope);
  }

  createInvite(validMs: number): { id: string; code: string; expiresAt: number } {
    const inv = team.createInvite(this.ctx, validMs);
    this.persist();
    return inv;
  }

  openInvites() {
    return this.ctx.state.invites;
  }

  pendingJoins() {
    return this.ctx.state.joins;
  }

  joining() {
    return this.ctx.state.joining;
  }

  requestJoin(code: string, name: string): Promise<string> {
    return this.serial(() => this.persisting(() => team.requestJoin(this.ctx, code, name)));
  }

  approveJoin(inviteId: string, memberId: string, grant: MemberGrant): Promise<void> {
    return this.serial(() => this.persisting(() => team.approveJoin(this.ctx, inviteId, memberId, grant)));
  }

  setMemberGrant(memberId: string, grant: MemberGrant): Promise<void> {
    return this.serial(() => this.persisting(() => team.setMemberGrant(this.ctx, memberId, grant)));
  }

  removeMember(memberId: string): Promise<team.RotationItem[]> {
    return this.serial(() =>
      this.persisting(async () => team.removeMember(this.ctx, memberId, await this.ctx.target.list())),
    );
  }

  private async persisting<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } finally {
      this.persist();
      this.emit();
    }
  }

  // ---- sync -----------------------------------------------------------------------------------------

  /** Where attached files are read from and kept (set by the app; without it no file moves). */
  setBlobIO(io: BlobIO): void {
    this.blobIO = io;
  }

  /** An attached file to upload before the segment that names it; kept in the state at once. */
  putBlob(id: string, scope: string): void {
    if (!BLOB_ID.test(id)) return;
    const { state } = this.ctx;
    if (state.blobsOut.some((b) => b.id === id)) return;
    state.blobsOut.push({ id, scope });
    this.persist();
  }

  /** An attached file a record names and this machine lacks: fetched once it is on the target. */
  wantBlob(id: string): void {
    if (!BLOB_ID.test(id) || this.ctx.state.blobsIn.includes(id)) return;
    this.ctx.state.blobsIn.push(id);
  }

  /** Scopes this member may no longer read whose data the local documents may still hold. */
  withdrawnScopes(): string[] {
    return [...this.ctx.state.withdrawn];
  }

  /** The local documents have let go of these scopes; `told` is what the user is told they lost. */
  clearWithdrawn(scopes: readonly string[], told: readonly SyncReport[]): void {
    this.ctx.state.withdrawn = this.ctx.state.withdrawn.filter((s) => !scopes.includes(s));
    for (const r of told) addReport(this.ctx, r);
    this.persist();
    this.emit();
  }

  /**
   * `full` (立即同步): read what changed, upload, then the housekeeping (join requests, attached files,
   * compaction). `poll` (the timer): the same, but queued changes wait for the upload timer when it is set.
   * `push` (after local changes): read, then upload. Every upload is read for first, in the same
   * sync: a segment is sealed when it is built, so building it after the newest member list and keyrings are in
   * means a change made after a removal is never sealed with a key the removed member holds. What is left of
   * that window is one sync's own duration (a removal written between this listing and this upload), at most
   * one segment. The read costs one listing (the member list and keyrings are fetched only when they changed);
   * a stream of edits is kept inside a WebDAV budget by `pushGapMs` and by each read standing in for the next
   * poll.
   */
  syncNow(mode: 'full' | 'push' | 'poll' = 'full'): Promise<{ uploaded: number; applied: number }> {
    return this.serial(async () => {
      this.busy = true;
      this.emit();
      try {
        const { entries, applied, touched } = await pull(this.ctx);
        if (touched.length || this.ctx.state.undelivered.length) this.deliver(touched);
        // What the server lost or someone altered of this machine's own files goes back up first.
        await repairOwn(this.ctx, entries);
        // Keyrings before segments: a reader that sees a segment sealed with a new key (a shop just added)
        // always finds that key in its keyring in the same listing, never skips the group for want of it.
        await team.publishKeyrings(this.ctx);
        // Files before the segments that name them.
        await pushBlobs(this.ctx, this.blobIO);
        // A scheduled poll leaves queued changes to the upload timer when one is set: it keeps the gap between
        // uploads (each is downloaded by every other member), so polls do not double the uploads of a stream.
        const uploaded = mode === 'poll' && this.pushTimer ? 0 : await push(this.ctx);
        if (uploaded) this.lastPushAt = this.opts.clock.now();
        // Also when nothing went up: a segment read back from the server may have settled what waited.
        this.waitingCount = this.store.readOutbox().entries.length;
        if (mode !== 'push') await team.readJoins(this.ctx, entries);
        if (mode !== 'push') await pullBlobs(this.ctx, entries, this.blobIO);
        if (mode !== 'push') {
          const housekeeping = { ...DEFAULT_COMPACT, ...this.opts.compact };
          await compact(this.ctx, entries, housekeeping);
          await sweepBlobs(this.ctx, entries, this.blobIO, housekeeping);
        }
        if (this.ctx.state.joining && myGrant(this.ctx)) this.ctx.state.joining = null;
        this.ctx.state.lastSyncAt = this.opts.clock.now();
        this.attempt = 0;
        this.error = null;
        this.nextTryAt = null;
        return { uploaded, applied };
      } catch (err) {
        this.error = errorWords(err);
        throw err;
      } finally {
        this.busy = false;
        this.persist();
        this.emit();
      }
    });
  }

  status(): SyncStatus {
    const { state } = this.ctx;
    const waiting = this.waitingCount;
    let phase: SyncPhase;
    if (!state.team) phase = 'not-set-up';
    else if (state.excluded) phase = 'removed';
    else if (!myGrant(this.ctx)) phase = 'waiting-approval';
    else if (this.busy) phase = 'syncing';
    else if (this.error) phase = this.error.kind === 'network' ? 'offline' : 'error';
    else phase = 'idle';
    return {
      phase,
      lastSyncAt: state.lastSyncAt,
      waiting,
      error: this.error,
      nextTryAt: this.nextTryAt,
      reports: state.reports,
      conflicts: state.conflicts.length,
    };
  }

  /** How often others' changes are fetched; takes effect from the next poll. */
  setPollMs(ms: number): void {
    this.pollMs = ms;
  }

  /** Starts the background schedule: a poll now and every `pollMs`, pushes after local changes. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.pushTimer) this.opts.clock.clearTimeout(this.pushTimer);
    if (this.pollTimer) this.opts.clock.clearTimeout(this.pollTimer);
    this.pushTimer = null;
    this.pollTimer = null;
  }

  /** Waits for whatever operation is running, scheduled ones included (tests, shutdown). */
  async idle(): Promise<void> {
    await this.ticking;
    await this.queue;
  }

  private schedulePush(): void {
    if (!this.running || this.pushTimer || this.nextTryAt) return;
    const now = this.opts.clock.now();
    const delay = Math.max(
      this.opts.debounceMs ?? 1000,
      this.lastPushAt +
        (this.opts.pushGapMs ?? pushGapFor(this.ctx.state.teamBody?.members.length ?? 1)) -
        now,
    );
    this.pushTimer = this.opts.clock.setTimeout(() => {
      this.pushTimer = null;
      this.ticking = this.tick('push');
    }, delay);
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    if (this.pollTimer) this.opts.clock.clearTimeout(this.pollTimer);
    this.pollTimer = this.opts.clock.setTimeout(() => {
      this.pollTimer = null;
      this.ticking = this.tick('poll');
    }, delay);
  }

  private async tick(mode: 'poll' | 'push'): Promise<void> {
    try {
      await this.syncNow(mode);
      // Every sync reads: the next poll is one interval after it, so a stream of uploads needs no polls.
      this.schedule(Math.max(this.pollMs, 1000));
    } catch (err) {
      this.attempt++;
      const wait = backoffDelay(
        this.attempt,
        err instanceof TargetError ? err.retryAfterMs : undefined,
        this.random,
      );
      this.nextTryAt = this.opts.clock.now() + wait;
      this.emit();
      this.schedule(wait);
      return;
    }
    this.nextTryAt = null;
  }
}
