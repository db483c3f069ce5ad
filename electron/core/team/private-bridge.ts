// Deposit-refund cases and recovery drafts ↔ the team's `private` scope (owner and admins only). Same rules
// as the inventory bridge: local writes become record changes (only cases and drafts whose objects changed,
// only fields whose values changed); changes from others are written into the local documents, the refund
// account number sealed again with this machine's key. Attached files travel as their own sealed files
// (the engine's BlobIO below): uploaded before the records naming them, fetched where they are missing.
import { isDeleted, type SyncRecord, valuesOf } from '../../../shared/domain/sync/records.ts';
import { duplicateCases, mergeCases } from '../deposit/case-merge.ts';
import { type CaseRecord, caseSchema, type DepositsDoc } from '../deposit/deposit-schema.ts';
import type { Sealer } from '../kernel/sealer.ts';
import { draftSchema, type RecoveryDoc } from '../recovery/recovery-schema.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { report, type SyncReport } from '../sync/sync-reports.ts';
import { Bridge, type BridgeDeps } from './bridge.ts';
import {
  caseListFields,
  draftChecksFrom,
  draftFieldsFrom,
  draftListFields,
  itemsFrom,
  parse,
  timelineFrom,
} from './private-fields.ts';
import { type Fields, pushChanged, type RecordWrite } from './record-mapping.ts';

/** The sealing collection of a case's account number (as the deposit service seals it). */
const DEPOSIT_COLLECTION = 'deposits';

const depositKey = (id: string) => ({ scope: 'private', kind: 'deposit', id });
const draftKey = (id: string) => ({ scope: 'private', kind: 'recovery-draft', id });

const json = (v: unknown) => JSON.stringify(v);

type Draft = RecoveryDoc['drafts'][string];
type Write = RecordWrite;

/** What the bridge needs of the attached-file store (AttachmentStore). */
export interface AttachmentFiles {
  exists(stored: string): boolean;
  read(ownerKey: string, stored: string): Buffer;
  saveAs(ownerKey: string, stored: string, bytes: Buffer): void;
  remove(stored: string): void;
}

/** A file's id on the target: its random local name without the extension (the same on every computer). */
const blobIdOf = (stored: string) => stored.slice(0, 32);

/** Every attached file of the private documents, with the key it is sealed under here (as the services do). */
function attached(cases: DepositsDoc['cases'], drafts: RecoveryDoc['drafts']) {
  return [
    ...Object.values(cases).flatMap((c) =>
      c.items.flatMap((i) => i.attachments.map((a) => ({ owner: c.id, stored: a.stored }))),
    ),
    ...Object.values(drafts).flatMap((r) =>
      r.attachments.map((a) => ({ owner: `recovery-${r.id}`, stored: a.stored })),
    ),
  ];
}

interface PrivateDeps extends BridgeDeps {
  readonly deposits: DocumentStore<DepositsDoc>;
  readonly recovery: DocumentStore<RecoveryDoc>;
  /** The attached files on this computer. */
  readonly files: AttachmentFiles;
  readonly sealer: Sealer;
  /** A shop's name for what the user is told (its id when unknown). */
  readonly shopName?: (shopId: string) => string | undefined;
}

export class PrivateBridge extends Bridge<PrivateDeps> {
  constructor(d: PrivateDeps) {
    super(d);
    this.listen(
      d.deposits.onSet((before, after) =>
        this.local(() => {
          this.sendFiles(attached(before?.cases ?? {}, {}), attached(after.cases, {}));
          return this.caseWrites(before?.cases ?? {}, after.cases);
        }),
      ),
      d.recovery.onSet((before, after) =>
        this.local(() => {
          this.sendFiles(attached({}, before?.drafts ?? {}), attached({}, after.drafts));
          return this.draftWrites(before?.drafts ?? {}, after.drafts);
        }),
      ),
      d.engine.onRemoteChanges((r) => this.remote(r)),
    );
    d.engine.setBlobIO({
      read: (id) => {
        const f = this.all().find((x) => blobIdOf(x.stored) === id);
        return f && d.files.exists(f.stored) ? d.files.read(f.owner, f.stored) : null;
      },
      write: (id, bytes) => {
        const f = this.all().find((x) => blobIdOf(x.stored) === id);
        if (f) d.files.saveAs(f.owner, f.stored, bytes);
      },
      named: () => {
        // A document on disk that is not loaded (it could not be read) may name files: say nothing then.
        const unread = [d.deposits, d.recovery].some((doc) => doc.peek() === undefined && doc.onDisk);
        return this.entitled && !unread ? new Set(this.all().map((f) => blobIdOf(f.stored))) : null;
      },
    });
  }

  private all() {
    return attached(this.d.deposits.peek()?.cases ?? {}, this.d.recovery.peek()?.drafts ?? {});
  }

  /** Files attached by this member go up (before the records naming them). */
  private sendFiles(
    before: ReadonlyArray<{ stored: string }>,
    after: ReadonlyArray<{ stored: string }>,
  ): void {
    const had = new Set(before.map((f) => f.stored));
    for (const f of after) if (!had.has(f.stored)) this.d.engine.putBlob(blobIdOf(f.stored), 'private');
  }

  /** Files the records name and this computer lacks are fetched (at unlock: any a crash left wanting). */
  wantMissing(): void {
    if (!this.entitled) return;
    for (const f of this.all())
      if (!this.d.files.exists(f.stored)) this.d.engine.wantBlob(blobIdOf(f.stored));
  }

  private get entitled(): boolean {
    const role = this.d.engine.grant()?.role;
    return (role === 'owner' || role === 'admin') && this.d.engine.hasScope('private');
  }

  private local(build: () => Write[]): void {
    if (this.entitled) this.queue(build);
  }

  /** The field names the record holds now. */
  private held(key: Write['key']): string[] {
    return Object.keys(this.d.engine.get(key)?.fields ?? {});
  }

  private diff(writes: Write[], key: Write['key'], values: Fields): void {
    pushChanged(writes, this.d.engine.get(key), key, values);
  }

  /** `before`: the case as it was before this edit; `held`: the fields the record already has. */
  private caseFields(c: CaseRecord, before: CaseRecord | undefined, held: string[]): Fields {
    const { sealedNumber, ...account } = c.account ?? { sealedNumber: null };
    return {
      shopId: c.shopId,
      amount: c.amount,
      state: c.state,
      ...caseListFields(c, before, held),
      account: c.account ? json(account) : null,
      s_accountNumber: sealedNumber
        ? this.d.sealer.open(DEPOSIT_COLLECTION, c.id, 'accountNumber', sealedNumber)
        : null,
      submittedOn: c.submittedOn,
      rejectionReason: c.rejectionReason,
      blockedReason: c.blockedReason,
      refundedOn: c.refundedOn,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  }

  private caseWrites(before: DepositsDoc['cases'], after: DepositsDoc['cases']): Write[] {
    const writes: Write[] = [];
    for (const [id, c] of Object.entries(after))
      if (before[id] !== c)
        this.diff(writes, depositKey(id), this.caseFields(c, before[id], this.held(depositKey(id))));
    for (const id of Object.keys(before))
      if (!Object.hasOwn(after, id) && this.d.engine.get(depositKey(id)))
        writes.push({ key: depositKey(id), values: { _deleted: true } });
    return writes;
  }

  private draftFields(r: Draft, before: Draft | undefined, held: string[]): Fields {
    return {
      draftKind: r.kind,
      shopId: r.shopId,
      state: r.state,
      ...draftListFields(r, before, held),
      attachments: json(r.attachments),
      sentOn: r.sentOn,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  private draftWrites(before: RecoveryDoc['drafts'], after: RecoveryDoc['drafts']): Write[] {
    const writes: Write[] = [];
    for (const [id, r] of Object.entries(after))
      if (before[id] !== r)
        this.diff(writes, draftKey(id), this.draftFields(r, before[id], this.held(draftKey(id))));
    for (const id of Object.keys(before))
      if (!Object.hasOwn(after, id) && this.d.engine.get(draftKey(id)))
        writes.push({ key: draftKey(id), values: { _deleted: true } });
    return writes;
  }

  /**
   * This member may no longer read the private scope (an admin made a lead): deletes every deposit case and
   * recovery draft on this computer, their attached files and their old versions. Returns what the user is
   * told; throws (and is tried again at the next sync) when a deletion fails.
   */
  letGo(now: number): SyncReport {
    const cases = Object.values(this.d.deposits.peek()?.cases ?? {});
    const drafts = Object.values(this.d.recovery.peek()?.drafts ?? {});
    const files = [
      ...cases.flatMap((c) => c.items.flatMap((i) => i.attachments)),
      ...drafts.flatMap((r) => r.attachments),
    ];
    this.applying = true;
    try {
      this.d.deposits.erase();
      this.d.recovery.erase();
      for (const f of files) this.d.files.remove(f.stored);
    } finally {
      this.applying = false;
    }
    return report('withdrawn-private', now, '');
  }

  /** Everything not yet in the records (a team just made from an existing vault). */
  reconcile(): void {
    if (!this.entitled) return;
    this.sendFiles([], this.all());
    this.d.engine.putMany([
      ...this.caseWrites({}, this.d.deposits.peek()?.cases ?? {}),
      ...this.draftWrites({}, this.d.recovery.peek()?.drafts ?? {}),
    ]);
  }

  private remote(records: SyncRecord[]): boolean {
    const cases = records.filter((r) => r.kind === 'deposit' && r.scope === 'private');
    const drafts = records.filter((r) => r.kind === 'recovery-draft' && r.scope === 'private');
    if (!cases.length && !drafts.length) return true;
    const ok = this.applyRemote(cases, drafts);
    if (ok && cases.length) this.mergeDuplicates();
    return ok;
  }

  /**
   * Two live cases of one shop (two members each opened one while apart) become one: the same merge on every
   * computer (case-merge.ts), written as this member's change so the team's records hold one case too. The refund account and attached files moved to
   * the kept case are sealed again under its id. Told in both languages.
   */
  private mergeDuplicates(): void {
    const doc = this.d.deposits.peek();
    if (!doc || !this.entitled) return;
    const pairs = duplicateCases(doc.cases);
    if (!pairs.length) return;
    try {
      const cases = { ...doc.cases };
      for (const [kept, gone] of pairs) {
        let merged = mergeCases(cases[kept.id] ?? kept, gone);
        if (!kept.account && gone.account) {
          const number = this.d.sealer.open(
            DEPOSIT_COLLECTION,
            gone.id,
            'accountNumber',
            gone.account.sealedNumber,
          );
          merged = {
            ...merged,
            account: {
              ...gone.account,
              sealedNumber: this.d.sealer.seal(DEPOSIT_COLLECTION, kept.id, 'accountNumber', number),
            },
          };
        }
        const had = new Set(kept.items.flatMap((i) => i.attachments.map((a) => a.stored)));
        for (const f of gone.items.flatMap((i) => i.attachments))
          if (!had.has(f.stored) && this.d.files.exists(f.stored))
            this.d.files.saveAs(kept.id, f.stored, this.d.files.read(gone.id, f.stored));
        cases[kept.id] = merged;
        delete cases[gone.id];
        const shop = this.d.shopName?.(kept.shopId) ?? kept.shopId;
        this.d.engine.tell(report('cases-merged', this.d.engine.now(), shop));
      }
      this.d.deposits.set({ cases });
    } catch (err) {
      this.d.onError(err);
    }
  }

  private applyRemote(cases: SyncRecord[], drafts: SyncRecord[]): boolean {
    return this.asRemote(() => {
      if (cases.length) {
        const all = { ...(this.d.deposits.peek()?.cases ?? {}) };
        for (const rec of cases) {
          if (isDeleted(rec)) {
            delete all[rec.id];
            continue;
          }
          const c = this.caseFrom(rec);
          if (c) all[rec.id] = c;
          else this.refuse(rec);
        }
        this.d.deposits.set({ cases: all });
      }
      if (drafts.length) {
        const st = this.d.recovery.peek() ?? { drafts: {}, lockouts: {} };
        const all = { ...st.drafts };
        for (const rec of drafts) {
          if (isDeleted(rec)) {
            delete all[rec.id];
            continue;
          }
          const r = this.draftFrom(rec);
          if (r) all[rec.id] = r;
          else this.refuse(rec);
        }
        this.d.recovery.set({ ...st, drafts: all });
      }
      this.wantMissing();
    });
  }

  private caseFrom(rec: SyncRecord): CaseRecord | null {
    const v = valuesOf(rec);
    const account = parse(v.account) as Record<string, unknown> | undefined;
    const number = typeof v.s_accountNumber === 'string' ? v.s_accountNumber : null;
    const candidate = {
      id: rec.id,
      shopId: v.shopId,
      amount: v.amount,
      state: v.state,
      items: itemsFrom(v),
      account:
        account && number !== null
          ? {
              ...account,
              sealedNumber: this.d.sealer.seal(DEPOSIT_COLLECTION, rec.id, 'accountNumber', number),
            }
          : null,
      submittedOn: v.submittedOn ?? null,
      rejectionReason: v.rejectionReason ?? null,
      blockedReason: v.blockedReason ?? null,
      refundedOn: v.refundedOn ?? null,
      timeline: timelineFrom(v),
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
    };
    const ok = caseSchema.safeParse(candidate);
    return ok.success ? ok.data : null;
  }

  private draftFrom(rec: SyncRecord): Draft | null {
    const v = valuesOf(rec);
    const ok = draftSchema.safeParse({
      id: rec.id,
      kind: v.draftKind,
      shopId: v.shopId ?? null,
      state: v.state,
      fields: draftFieldsFrom(v),
      checks: draftChecksFrom(v),
      attachments: parse(v.attachments),
      sentOn: v.sentOn ?? null,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
    });
    return ok.success ? ok.data : null;
  }
}
