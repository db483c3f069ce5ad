// Builds the inventory services over one store, and the pieces the core needs from them: handlers, the
// resolver for secret references, and the GCM check run at unlock.
import { randomInt } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log.ts';
import { Sealer, STAFF_COLLECTION, shopCollection } from '../kernel/sealer.ts';
import type { Clock, ExternalOpener } from '../ports.ts';
import type { SecretRef } from '../secrets/secret-access.ts';
import { workRulesSchema } from '../settings/work-rules-schema.ts';
import { DocumentStore, type StorageContext } from '../storage/document-store.ts';
import type { Vault } from '../vault/vault.ts';
import { VerificationService } from '../verification/verification-service.ts';
import { WorkRulesService } from '../verification/work-rules-service.ts';
import { ChangeLog } from './change-log.ts';
import { changeViews } from './change-views.ts';
import type { InventoryDeps } from './deps.ts';
import { inventoryHandlers } from './inventory-handlers.ts';
import { InventoryStore } from './inventory-store.ts';
import { ShopService } from './shop-service.ts';
import { StaffImport } from './staff-import.ts';
import { StaffService } from './staff-service.ts';
import { SubAccountService } from './subaccount-service.ts';
import { TemplateService } from './template-service.ts';

export function createInventory(opts: {
  ctx: StorageContext;
  loadSafely: <T>(doc: DocumentStore<T>) => void;
  vault: Vault;
  audit: AuditLog;
  clock: Clock;
  opener: ExternalOpener;
  /** The one safety-backup path (backup-service.ts): made before an import writes; its file, or null. */
  safetyBackup: (reason: 'before-import') => string | null;
}) {
  const changeLog = new ChangeLog();
  const store = new InventoryStore(opts.ctx, opts.loadSafely, changeLog);
  const sealer = new Sealer(opts.vault);
  const deps: InventoryDeps = {
    store,
    sealer,
    audit: opts.audit,
    clock: opts.clock,
    randomInt: (n) => randomInt(n),
  };
  const rulesDoc = new DocumentStore(opts.ctx, 'work-rules', workRulesSchema);
  opts.loadSafely(rulesDoc);
  const rules = new WorkRulesService(rulesDoc, opts.audit);
  const shops = new ShopService(deps);
  const templates = new TemplateService(deps);
  let subAccounts: SubAccountService | undefined;
  // A person who leaves: everything they used is unbound and marked for a password change or disabling.
  const staff = new StaffService(deps, (id) => subAccounts?.unbindPerson(id, staff.nameOf(id) ?? '') ?? 0);
  const verification = new VerificationService(store, rules, opts.audit, opts.clock, (id) =>
    staff.nameOf(id),
  );
  subAccounts = new SubAccountService(
    deps,
    shops,
    templates,
    staff,
    (doc, sub) => verification.of(doc, sub).state,
  );
  const staffImport = new StaffImport(staff, opts.clock);

  const resolveSealed = (ref: SecretRef): string | undefined => {
    if (ref.collection === STAFF_COLLECTION) {
      const people = store.staff().people;
      return Object.hasOwn(people, ref.recordId) ? people[ref.recordId]?.secrets[ref.field] : undefined;
    }
    for (const shopId of store.shopIds()) {
      if (shopCollection(shopId) !== ref.collection) continue;
      const doc = store.shop(shopId);
      if (ref.recordId === shopId) return doc.shop.secrets[ref.field];
      return Object.hasOwn(doc.subAccounts, ref.recordId)
        ? doc.subAccounts[ref.recordId]?.secrets[ref.field]
        : undefined;
    }
    return undefined;
  };

  /**
   * GCM-authenticates every sealed field, one document per step, so the work can run after the unlock
   * reply without holding up the calls that come in meanwhile (each step is synchronous: a call never sees
   * a document half-checked). A failing file is recovered and reported like any other.
   */
  const authenticationSteps = (): Array<() => void> => {
    let restored = false;
    const shopSteps = store.shopIds().map((shopId) => () => {
      const shopStore = store.shopStore(shopId);
      const before = shopStore?.get();
      shopStore?.recheck((doc) => {
        const col = shopCollection(doc.shop.id);
        for (const [f, v] of Object.entries(doc.shop.secrets)) sealer.open(col, doc.shop.id, f, v);
        for (const sub of Object.values(doc.subAccounts))
          for (const [f, v] of Object.entries(sub.secrets)) sealer.open(col, sub.id, f, v);
      });
      if (shopStore?.get() !== before) restored = true;
    });
    return [
      ...shopSteps,
      () => {
        const before = store.staffDoc.peek();
        store.staffDoc.recheck((doc) => {
          for (const p of Object.values(doc.people))
            for (const [f, v] of Object.entries(p.secrets)) sealer.open(STAFF_COLLECTION, p.id, f, v);
        });
        if (store.staffDoc.peek() !== before) restored = true;
      },
      // A restored generation may hold other sub-accounts than the file it replaced: index and reload.
      () => {
        if (restored) store.reindex();
      },
    ];
  };

  const handlers = inventoryHandlers({
    deps,
    vault: opts.vault,
    opener: opts.opener,
    shops,
    templates,
    subAccounts,
    staff,
    staffImport,
    safetyBackup: opts.safetyBackup,
  });
  /** The views of everything written since the last call; null when nothing was. */
  let seq = 0;
  const takeChanges = () => {
    if (!changeLog.isDirty) return null;
    seq++;
    return changeViews(seq, changeLog.take(), { store, subAccounts, staff, templates });
  };
  return {
    handlers,
    changeLog,
    takeChanges,
    resolveSealed,
    authenticationSteps,
    store,
    deps,
    shops,
    templates,
    subAccounts,
    staff,
    rules,
    rulesDoc,
    verification,
  };
}
