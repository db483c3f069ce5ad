// Wires the areas built on top of the inventory (verification and rules, cards, printing, temporary agents,
// registration, reminders, deposits, recovery): constructs each service and collects each area's handlers.
// No handler is written here; each lives in its area's handlers.ts.

import { depositReminder, type Reminder, replyReminder } from '../../shared/domain/reminders.ts';
import { agentHandlers } from './agents/handlers.ts';
import { TempAgentService } from './agents/temp-agent-service.ts';
import { AttachmentStore } from './attachments/attachment-store.ts';
import { depositsDocSchema } from './deposit/deposit-schema.ts';
import { DepositService } from './deposit/deposit-service.ts';
import { depositHandlers } from './deposit/handlers.ts';
import { chinaCalendar } from './deposit/holiday-calendar.ts';
import type { EventBus } from './event-bus.ts';
import type { createInventory } from './inventory/create-inventory.ts';
import type { ClipboardPort, Notifier, PdfPrinter } from './ports.ts';
import { printHandlers } from './print/handlers.ts';
import { recoveryHandlers } from './recovery/handlers.ts';
import { recoveryDocSchema } from './recovery/recovery-schema.ts';
import { RecoveryService } from './recovery/recovery-service.ts';
import { registrationHandlers } from './registration/handlers.ts';
import { RegistrationService } from './registration/registration-service.ts';
import { reminderHandlers } from './reminders/handlers.ts';
import { ReminderService, remindersDocSchema } from './reminders/reminder-service.ts';
import { DocumentStore, type StorageContext } from './storage/document-store.ts';
import type { Vault } from './vault/vault.ts';
import { verificationHandlers } from './verification/handlers.ts';

type Inventory = ReturnType<typeof createInventory>;

export function createWorkAreas(opts: {
  ctx: StorageContext;
  loadSafely: <T>(doc: DocumentStore<T>) => void;
  inventory: Inventory;
  vault: Vault;
  bus: EventBus;
  notifier: Notifier;
  clipboard: ClipboardPort;
  pdf?: PdfPrinter | undefined;
  maxBatch?: number | undefined;
  language(): 'zh-CN' | 'en-US';
  /** Reminders owned by areas outside these (a failed or overdue backup). */
  otherReminders?: () => Reminder[];
}) {
  const inv = opts.inventory;
  const { clock, audit, store } = inv.deps;
  const tempAgents = new TempAgentService(
    inv.deps,
    inv.subAccounts,
    inv.staff,
    inv.rules,
    opts.bus,
    opts.maxBatch,
  );
  const registration = new RegistrationService({
    store,
    staff: inv.staff,
    subAccounts: inv.subAccounts,
    verification: inv.verification,
    rules: inv.rules,
    bus: opts.bus,
    clock,
    audit,
  });
  const attachments = new AttachmentStore(opts.ctx.dataDir, inv.deps.sealer);
  const depositsDoc = new DocumentStore(opts.ctx, 'deposits', depositsDocSchema);
  opts.loadSafely(depositsDoc);
  const deposits = new DepositService(depositsDoc, inv.deps, attachments, chinaCalendar);
  const recoveryDoc = new DocumentStore(opts.ctx, 'recovery', recoveryDocSchema);
  opts.loadSafely(recoveryDoc);
  const recovery = new RecoveryService(
    recoveryDoc,
    inv.deps,
    attachments,
    chinaCalendar,
    opts.clipboard,
    opts.notifier,
    opts.bus,
    opts.language,
  );
  // Countdowns keep running across restarts: one that ended meanwhile is announced now.
  recovery.resume();
  const remindersDoc = new DocumentStore(opts.ctx, 'reminders', remindersDocSchema);
  opts.loadSafely(remindersDoc);
  const reminders = new ReminderService(remindersDoc, {
    store,
    verification: inv.verification,
    rules: inv.rules,
    clock,
    notifier: opts.notifier,
    bus: opts.bus,
    language: opts.language,
    isUnlocked: () => opts.vault.isUnlocked,
    beforeTick: () => tempAgents.purgeDue(),
    more: () => [
      ...deposits.overdue().map(depositReminder),
      ...recovery.overdue().map(replyReminder),
      ...(opts.otherReminders?.() ?? []),
    ],
  });

  const handlers = {
    ...verificationHandlers({
      store,
      verification: inv.verification,
      rules: inv.rules,
      changeLog: inv.changeLog,
    }),
    ...printHandlers({ pdf: opts.pdf, audit, clock }),
    ...agentHandlers({ deps: inv.deps, vault: opts.vault, tempAgents }),
    ...registrationHandlers(registration),
    ...reminderHandlers(reminders),
    ...recoveryHandlers(recovery),
    ...depositHandlers(deposits),
  };

  return {
    handlers,
    reminders,
    registration,
    tempAgents,
    deposits,
    recovery,
    docs: {
      deposits: depositsDoc,
      recovery: recoveryDoc,
      files: attachments,
    },
  };
}
