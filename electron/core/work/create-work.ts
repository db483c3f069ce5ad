// Builds the work modules on top of the inventory: verification actions and rules, QR card facts,
// temporary agents, registration sessions and the reminder scheduler, and their contract handlers.

import { AppError } from '../../../shared/contract/errors.ts';
import type { CardInfo } from '../../../shared/contract/work-types.ts';
import { fileStamp } from '../../../shared/domain/china-time.ts';
import { depositReminder, type Reminder, replyReminder } from '../../../shared/domain/reminders.ts';
import { AttachmentStore } from '../attachments/attachment-store.ts';
import { depositsDocSchema } from '../deposit/deposit-schema.ts';
import { DepositService } from '../deposit/deposit-service.ts';
import { chinaCalendar } from '../deposit/holiday-calendar.ts';
import type { Handlers } from '../dispatch.ts';
import type { EventBus } from '../event-bus.ts';
import type { createInventory } from '../inventory/create-inventory.ts';
import { exportRoster } from '../inventory/exporters.ts';
import { passwordReader } from '../inventory/secret-export.ts';
import type { ClipboardPort, Notifier, PdfPrinter } from '../ports.ts';
import { recoveryDocSchema } from '../recovery/recovery-schema.ts';
import { RecoveryService } from '../recovery/recovery-service.ts';
import { DocumentStore, type StorageContext } from '../storage/document-store.ts';
import type { Vault } from '../vault/vault.ts';
import { RegistrationService } from './registration/registration-service.ts';
import { ReminderService, remindersDocSchema } from './reminder-service.ts';
import { TempAgentService } from './temp-agent-service.ts';

type Inventory = ReturnType<typeof createInventory>;

type WorkMethods = Extract<
  keyof Handlers,
  | `verification.${string}`
  | `rules.${string}`
  | `cards.${string}`
  | `print.${string}`
  | `agents.${string}`
  | `registration.${string}`
  | `reminders.${string}`
  | `deposit.${string}`
  | `recovery.${string}`
>;

export function createWork(opts: {
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
  /** Reminders owned by areas outside work (a failed or overdue backup). */
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

  const cards = (ids: string[]): CardInfo[] =>
    ids.map((id) => {
      const { doc, sub } = store.findSubAccount(id);
      const v = inv.verification.of(doc, sub);
      return {
        subAccountId: sub.id,
        shopName: doc.shop.name,
        platform: doc.shop.platform,
        fullName: sub.fullName,
        deadline: v.state === 'verified' || v.state === 'not-required' ? null : v.deadline,
        window: sub.temp ? { start: sub.temp.start, end: sub.temp.end } : null,
        qrMinutes: inv.rules.get().verification[doc.shop.platform].qrMinutes,
      };
    });

  const handlers: Pick<Handlers, WorkMethods> = {
    'verification.list': () => inv.verification.list(),
    'verification.act': (r) => inv.verification.act(r.id, r.action),
    'rules.get': () => inv.rules.get(),
    'rules.update': (r) => {
      const result = inv.rules.update(r);
      // Which sub-accounts need verification follows the rules: every row's state may change.
      inv.changeLog.everything();
      return result;
    },
    'cards.get': (r) => cards(r.ids),
    'print.savePdf': async () => {
      if (!opts.pdf) throw new AppError('PDF_UNAVAILABLE');
      const bytes = await opts.pdf.printToPdf();
      audit.append({ action: 'print.savedPdf', object: 'print', summary: `${bytes.length} bytes` });
      return {
        fileName: `店务管家-${fileStamp(clock.now())}.pdf`,
        mime: 'application/pdf',
        contentBase64: bytes.toString('base64'),
        rowCount: 0,
      };
    },
    'agents.list': () => tempAgents.list(),
    'agents.previewNames': (r) => tempAgents.previewNames(r.shopId, r.pattern, r.count),
    'agents.createBatch': (r) => tempAgents.createBatch(r),
    'agents.retire': (r) => tempAgents.retire(r.ids, r.mode),
    'agents.guides': () => tempAgents.guides(),
    'agents.confirmGone': (r) => tempAgents.confirmGone(r.ids),
    'agents.exportRoster': async (r) => {
      const agents = tempAgents.list().filter((a) => !r.shopId || a.shopId === r.shopId);
      const password = await passwordReader(opts.vault, inv.deps, r);
      const file = await exportRoster(agents, { now: clock.now(), ...(password ? { password } : {}) });
      audit.append({
        action: 'agents.exported',
        object: r.shopId ? `shop/${r.shopId}` : 'tempAgents',
        summary: `${file.fileName}, ${file.rowCount} 行${r.includeSecrets ? '，含密码 / with passwords' : ''}`,
      });
      return file;
    },
    'registration.interfaces': () => registration.interfaces(),
    'registration.open': (r) => registration.open(r),
    'registration.status': () => registration.status(),
    'registration.resolveConflict': (r) => registration.resolveConflict(r.subAccountId, r.action),
    'registration.close': () => registration.close('closed'),
    'reminders.list': () => reminders.list(),
    'reminders.snooze': (r) => reminders.snooze(r.key, r.hours),
    'reminders.dismiss': (r) => reminders.dismiss(r.key),
    'recovery.list': () => recovery.list(),
    'recovery.get': (r) => recovery.get(r.id),
    'recovery.create': (r) => recovery.create(r.kind, r.shopId),
    'recovery.update': (r) => recovery.update(r.id, r.fields as Record<string, string>, r.checks),
    'recovery.setState': (r) => recovery.setState(r.id, r.state, r.date),
    'recovery.delete': (r) => recovery.remove(r.id),
    'recovery.addAttachment': (r) =>
      recovery.addAttachment(r.id, r.fileName, Buffer.from(r.contentBase64, 'base64')),
    'recovery.removeAttachment': (r) => recovery.removeAttachment(r.id, r.attachmentId),
    'recovery.exportEml': (r) => recovery.exportEml(r.id),
    'recovery.copy': (r) => recovery.copy(r.id, r.format),
    'recovery.lockouts': () => recovery.lockouts(),
    'recovery.startLockout': (r) => recovery.startLockout(r.problemId),
    'recovery.cancelLockout': (r) => recovery.cancelLockout(r.id),
    'deposit.list': () => deposits.list(),
    'deposit.get': (r) => deposits.get(r.id),
    'deposit.create': (r) => deposits.create(r.shopId, r.amount),
    'deposit.updateItem': ({ id, itemId, ...patch }) => deposits.updateItem(id, itemId, patch),
    'deposit.addItem': (r) => deposits.addItem(r.id, r.section, r.text),
    'deposit.removeItem': (r) => deposits.removeItem(r.id, r.itemId),
    'deposit.setAccount': ({ id, ...input }) => deposits.setAccount(id, input),
    'deposit.revealAccount': (r) => ({ value: deposits.revealAccount(r.id), hideAfterMs: 30_000 }),
    'deposit.act': (r) => deposits.act(r.id, r.action),
    'deposit.addAttachment': (r) =>
      deposits.addAttachment(r.id, r.itemId, r.fileName, Buffer.from(r.contentBase64, 'base64')),
    'deposit.removeAttachment': (r) => deposits.removeAttachment(r.id, r.itemId, r.attachmentId),
    'deposit.openAttachment': (r) => {
      const { name, bytes } = deposits.openAttachment(r.id, r.itemId, r.attachmentId);
      return {
        fileName: name,
        mime: 'application/octet-stream',
        contentBase64: bytes.toString('base64'),
        rowCount: 0,
      };
    },
  };

  return { handlers, reminders, registration, tempAgents, deposits, recovery };
}
