// Composition root of the core: storage, vault, session, services and the handler map, wired to the ports
// an environment supplies (Electron main, the Node preview host, or a test).

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/errors.ts';
import type { AppInfo, RecoveryEvent } from '../../shared/contract/types.ts';
import { AUDIT_FILE, AuditLog } from './audit/audit-log.ts';
import { auditHandlers } from './audit/handlers.ts';
import { BackupService, backupReminders } from './backup/backup-service.ts';
import { backupBeforeRisky, backupHandlers } from './backup/handlers.ts';
import { rollBackInterruptedRestore } from './backup/restore-intent.ts';
import { createWorkAreas } from './create-work-areas.ts';
import { calibrate, type KdfCost } from './crypto/kdf.ts';
import { createDispatch, type Dispatch, type Handlers } from './dispatch.ts';
import { EventBus } from './event-bus.ts';
import { createInventory } from './inventory/create-inventory.ts';
import type {
  ClipboardPort,
  Clock,
  ExternalOpener,
  FolderPicker,
  KeyProtector,
  Notifier,
  PdfPrinter,
  PowerEvents,
  StoreBackendFactory,
} from './ports.ts';
import { systemClock } from './ports.ts';
import { secretHandlers } from './secrets/handlers.ts';
import { SecretAccess } from './secrets/secret-access.ts';
import { ClipboardGuard } from './session/clipboard-guard.ts';
import { sessionHandlers } from './session/handlers.ts';
import { SessionService } from './session/session-service.ts';
import { settingsHandlers } from './settings/handlers.ts';
import { settingsDocSchema } from './settings/settings-schema.ts';
import { SettingsService } from './settings/settings-service.ts';
import { DocumentStore, type StorageContext } from './storage/document-store.ts';
import { ensurePrivateDir } from './storage/fs-durable.ts';
import { isCallRefused, teamHandlers } from './team/handlers.ts';
import { TeamService } from './team/team-service.ts';
import { transferHandlers } from './transfer/handlers.ts';
import { ImportJournal } from './transfer/import/import-journal.ts';
import { ImportService } from './transfer/import/import-service.ts';
import { TransferService } from './transfer/transfer-service.ts';
import { Vault } from './vault/vault.ts';
import { vaultDocSchema } from './vault/vault-schema.ts';

export interface CoreOptions {
  dataDir: string;
  backendFactory: StoreBackendFactory;
  protector: KeyProtector;
  clipboard: ClipboardPort;
  clock?: Clock;
  power?: PowerEvents;
  /** Opens allow-listed seller-center URLs in the user's browser. */
  opener: ExternalOpener;
  kdfCost?: () => Promise<KdfCost>;
  /** OS notifications for reminders; without one, reminders show only on the dashboard. */
  notifier?: Notifier;
  /** Saves the print view as a PDF (Electron); without one the UI opens the print dialog. */
  pdf?: PdfPrinter;
  /** The system folder picker (Electron); without one the backup folder is typed. */
  folderPicker?: FolderPicker;
  /** Largest temporary-agent batch the service accepts (the contract allows 200; the benchmark 500). */
  maxBatch?: number;
  info: Pick<AppInfo, 'version' | 'platform' | 'transport' | 'dataDirSource'>;
  logError?: (where: string, err: unknown) => void;
}

export interface Core {
  dispatch: Dispatch;
  bus: EventBus;
  session: SessionService;
  /** The work services, for the benchmark and tests that go past the contract's batch limit. */
  work: ReturnType<typeof createWorkAreas>;
  /** The export writer, for the benchmark (it times the file's making apart from the master-password check). */
  transfer: TransferService;
  /** Team sync, for tests and the benchmark (the engine's request counters). */
  team: TeamService;
  /** Backups, for the fault suite (where a restore stops) and the benchmark (key derivations counted). */
  backup: BackupService;
  dataDir: string;
  /** Resolves once the background authentication started by the last unlock has finished. */
  whenAuthenticated(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The core as the shell sees it: one object whose dispatch and bus stay the same for the app's life. A
 * restore from backup replaces the data folder's content, so everything read from it is assembled again
 * behind this object (the old assembly shut down first); subscribers of the bus never notice.
 */
export function createCore(opts: CoreOptions): Core {
  const bus = new EventBus();
  let inner: Core;
  const replaceData = async (write: () => void) => {
    await inner.shutdown();
    try {
      write();
    } finally {
      // Written or rolled back, the data folder is whole again: the app goes on reading it.
      inner = assembleCore(opts, bus, replaceData);
    }
  };
  inner = assembleCore(opts, bus, replaceData);
  return {
    dispatch: (method, payload) => inner.dispatch(method, payload),
    bus,
    get session() {
      return inner.session;
    },
    get work() {
      return inner.work;
    },
    get transfer() {
      return inner.transfer;
    },
    get team() {
      return inner.team;
    },
    get backup() {
      return inner.backup;
    },
    dataDir: opts.dataDir,
    whenAuthenticated: () => inner.whenAuthenticated(),
    shutdown: () => inner.shutdown(),
  };
}

/** Replaces the data folder's files (after the current assembly shut down) and reads them afresh. */
export type ReplaceData = (write: () => void) => Promise<void>;

function assembleCore(opts: CoreOptions, bus: EventBus, replaceData: ReplaceData): Core {
  const clock = opts.clock ?? systemClock;
  ensurePrivateDir(opts.dataDir);
  // A restore a crash interrupted is undone before anything reads the data folder.
  const undoneRestore = rollBackInterruptedRestore(opts.dataDir, new Date(clock.now()));
  const recovery: RecoveryEvent[] = undoneRestore ? [undoneRestore] : [];
  // The audit log checks its own chain and anchor at start; what it repaired is reported like any file.
  const audit = new AuditLog(opts.dataDir, clock, (event) => recovery.push(event));
  if (undoneRestore)
    audit.append({
      action: 'storage.recovered',
      object: undoneRestore.file,
      summary: 'interrupted-restore: 已撤销 / undone',
    });
  let unrecoverable = false;

  const ctx: StorageContext = {
    dataDir: opts.dataDir,
    backendFactory: opts.backendFactory,
    clock,
    onRecovered(event) {
      recovery.push(event);
      audit.append({
        action: 'storage.recovered',
        object: event.file,
        summary: `${event.problem}: moved to ${event.movedTo || '-'}, restored ${event.restoredFrom ?? 'nothing'}`,
      });
      bus.emit('storage.recovered', { events: [event] });
    },
  };

  const loadSafely = <T>(doc: DocumentStore<T>) => {
    try {
      doc.load();
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'STORAGE_UNRECOVERABLE') throw err;
      unrecoverable = true;
      const d = err.details ?? {};
      recovery.push({
        file: String(d.file),
        problem: d.problem as RecoveryEvent['problem'],
        movedTo: '',
        restoredFrom: null,
        restoredVersionAt: null,
        at: new Date(clock.now()).toISOString(),
      });
    }
  };

  const vaultDoc = new DocumentStore(ctx, 'vault', vaultDocSchema);
  const settingsDoc = new DocumentStore(ctx, 'settings', settingsDocSchema);
  loadSafely(vaultDoc);
  loadSafely(settingsDoc);

  const vault = new Vault({
    doc: vaultDoc,
    clock,
    protector: opts.protector,
    kdfCost: opts.kdfCost ?? (() => calibrate(500)),
  });

  let settings: SettingsService | undefined;
  const clipboard = new ClipboardGuard(opts.clipboard, clock, () => bus.emit('clipboard.cleared', {}));
  const session = new SessionService(vault, {
    clock,
    bus,
    audit,
    clipboard,
    idleMinutes: () => settings?.current().autoLockMinutes ?? 5,
    unrecoverable: () => unrecoverable,
  });
  settings = new SettingsService(settingsDoc, vault, audit, bus, () => session.autoLock.reschedule());
  const backupRef: { current: BackupService | null } = { current: null };
  const safetyBackup = (reason: 'before-import') => backupRef.current?.safetyBackup(reason)?.file ?? null;
  const inventory = createInventory({
    ctx,
    loadSafely,
    vault,
    audit,
    clock,
    opener: opts.opener,
    safetyBackup,
  });
  // An import a crash interrupted is completed before anything else reads or writes the shops.
  const importJournal = new ImportJournal(ctx, inventory.store);
  try {
    importJournal.complete();
  } catch (err) {
    // The intent stays on disk and is completed at the next start; the app still opens.
    opts.logError?.('transfer.completeImport', err);
  }
  const work = createWorkAreas({
    otherReminders: () => (backupRef.current ? backupReminders(backupRef.current.status()) : []),
    ctx,
    loadSafely,
    inventory,
    vault,
    bus,
    notifier: opts.notifier ?? { notify: () => {} },
    clipboard: opts.clipboard,
    pdf: opts.pdf,
    maxBatch: opts.maxBatch,
    language: () => settings.current().language,
  });
  // With a key in hand, every sealed field is authenticated: after the unlock reply, in the background,
  // one document per turn of the event loop (at 50,000 sub-accounts checking everything first would make
  // the reply wait on work the user does not need yet). Damage found is recovered and announced with
  // `storage.recovered` like any other.
  let authentication: { cancelled: boolean; done: Promise<void> } | null = null;
  session.onUnlocked(() => {
    if (authentication) authentication.cancelled = true;
    let finish = () => {};
    const run = { cancelled: false, done: new Promise<void>((r) => (finish = r)) };
    authentication = run;
    const steps = [...inventory.authenticationSteps(), () => work.deposits.authenticate()];
    const next = () => {
      if (run.cancelled || !vault.isUnlocked) return finish();
      const step = steps.shift();
      if (!step) {
        afterAuthentication();
        return finish();
      }
      try {
        step();
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'STORAGE_UNRECOVERABLE') {
          opts.logError?.('authentication', err);
        } else {
          unrecoverable = true;
          // The screens learn from the status that the data cannot be used.
          bus.emit('storage.recovered', { events: [] });
          return finish();
        }
      }
      setImmediate(next);
    };
    setImmediate(next);
  });
  const afterAuthentication = () => {
    // The backup key pair is checked (made anew after a restore of another vault) and a due daily backup
    // runs first, so a failure is among what is announced right away.
    backupRef.current?.unlocked();
    // Whatever fell due while the app was closed or locked is announced now, then every minute.
    work.reminders.tick();
    work.reminders.start();
  };
  // A registration session seals phone numbers with the data key: it cannot outlive the unlock.
  const unsubscribeLock = bus.subscribe((name) => {
    if (name !== 'vault.locked') return;
    work.reminders.stop();
    void work.registration.close('locked');
  });
  const secrets = new SecretAccess(
    (ref) => inventory.resolveSealed(ref),
    (sealed, aad) => vault.openWithKey(sealed, aad),
    audit,
    clipboard,
    () => settings.current().clipboardSeconds,
  );

  const guardUsable = () => {
    if (unrecoverable) throw new AppError('STORAGE_UNRECOVERABLE');
  };

  const backup = new BackupService({
    ctx,
    vault,
    audit,
    clock,
    appVersion: opts.info.version,
    replaceData,
    onChanged: () => bus.emit('reminders.changed', {}),
    source: {
      counts: () => {
        const shops = inventory.store.shops();
        let attachments = 0;
        try {
          attachments = fs.readdirSync(path.join(opts.dataDir, 'attachments')).length;
        } catch {
          attachments = 0;
        }
        return {
          shops: shops.length,
          subAccounts: shops.reduce((n, d) => n + Object.keys(d.subAccounts).length, 0),
          staff: Object.keys(inventory.store.staff().people).length,
          cases: work.deposits.list().length,
          drafts: work.recovery.list().length,
          attachments,
          auditEntries: audit.list(0, 1).total,
        };
      },
    },
  });
  backupRef.current = backup;
  // Daily backups run while locked too (they need no key): the first check is at start.
  backup.tickNow();

  const transfer = new TransferService({
    vault,
    audit,
    clock,
    sources: {
      store: inventory.store,
      sealer: inventory.deps.sealer,
      shops: () => inventory.shops.list(true),
      subAccounts: (shopId) => inventory.subAccounts.list(shopId),
      people: () => inventory.staff.list(),
      templates: () => inventory.templates.list(),
    },
  });

  const imports = new ImportService({
    store: inventory.store,
    shops: inventory.shops,
    subAccounts: inventory.subAccounts,
    templates: inventory.templates,
    staff: inventory.staff,
    journal: importJournal,
    audit,
    clock,
  });
  const unsubscribeImportLock = bus.subscribe((name) => {
    if (name === 'vault.locked') imports.forget();
  });

  const team = new TeamService({
    dataDir: opts.dataDir,
    vault,
    store: inventory.store,
    sealer: inventory.deps.sealer,
    audit,
    bus,
    clock,
    privateDocs: work.docs,
    rules: { doc: inventory.rulesDoc, current: () => inventory.rules.get() },
    logError: opts.logError,
    beforeJoin: () => backup.safetyBackup('before-join'),
  });
  session.onUnlocked(() => {
    try {
      team.start();
    } catch (err) {
      // The app works without sync; the team screen shows it is not running.
      opts.logError?.('team.start', err);
    }
  });
  const unsubscribeTeamLock = bus.subscribe((name) => {
    if (name === 'vault.locked') team.stop();
  });

  const handlers: Handlers = {
    ...sessionHandlers({
      info: opts.info,
      dataDir: opts.dataDir,
      clipboard: opts.clipboard,
      session,
      backup,
      guardUsable,
    }),
    ...settingsHandlers(settings),
    ...auditHandlers(audit, recovery),
    ...secretHandlers(secrets, inventory.store),
    ...transferHandlers(transfer, imports, safetyBackup),
    ...teamHandlers(team),
    ...inventory.handlers,
    ...work.handlers,
    ...backupBeforeRisky({ ...inventory.handlers, ...work.handlers }, backup),
    ...backupHandlers({ backup, session, audit, guardUsable, folderPicker: opts.folderPicker }),
  };

  const dispatchCall = createDispatch(handlers, {
    isUnlocked: () => vault.isUnlocked,
    onActivity: (method) => {
      // Status polls are not the user doing something; everything else is.
      if (method !== 'vault.getStatus') session.autoLock.touch();
    },
    onInternalError: (method, err) => opts.logError?.(method, err),
    authorize: (method) => {
      if (isCallRefused(team.role(), method)) throw new AppError('SYNC_SCOPE_FORBIDDEN');
    },
  });

  // What a call changed in the inventory goes to every window as an event, and in the call's own reply
  // (so the caller's screen holds it before the call resolves). A change made outside a call (a phone
  // registering its person) is pushed once no call is running to carry it.
  let inFlight = 0;
  const dispatch: Dispatch = async (method, payload) => {
    inFlight++;
    try {
      const result = await dispatchCall(method, payload);
      const changes = inventory.takeChanges();
      if (!changes) return result;
      bus.emit('inventory.changed', changes);
      return { ...result, changes };
    } finally {
      inFlight--;
    }
  };
  const stopChangePush = inventory.changeLog.onDirty(() =>
    setImmediate(() => {
      if (inFlight > 0 || !inventory.changeLog.isDirty) return;
      const changes = inventory.takeChanges();
      if (changes) bus.emit('inventory.changed', changes);
    }),
  );
  // Whatever the load itself wrote (a restored generation) is not news to a renderer that loads after it.
  inventory.changeLog.take();

  const unsubscribePower = opts.power?.onLockRequired((reason) => void session.lock(reason));

  return {
    dispatch,
    bus,
    session,
    work,
    transfer,
    team,
    backup,
    dataDir: opts.dataDir,
    whenAuthenticated: () => authentication?.done ?? Promise.resolve(),
    async shutdown() {
      unsubscribePower?.();
      if (authentication) authentication.cancelled = true;
      stopChangePush();
      backup.stop();
      // The session's server and audit entry go before the audit log closes.
      unsubscribeLock();
      unsubscribeImportLock();
      unsubscribeTeamLock();
      team.stop();
      work.reminders.stop();
      work.recovery.stop();
      await work.registration.close('closed');
      await session.lock('quit');
      audit.close();
    },
  };
}

export { AUDIT_FILE };
