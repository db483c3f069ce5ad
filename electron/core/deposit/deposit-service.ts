// Deposit-refund cases (保证金退还): a checklist per platform, the refund account under the entity rules,
// the expected review window in working days, the state machine, a timeline, and attached files.

import type { DepositCaseView } from '../../../shared/contract/deposit-types.ts';
import { AppError } from '../../../shared/contract/errors.ts';
import { depositTemplate, type SectionId } from '../../../shared/domain/deposit/checklist-templates.ts';
import {
  type CaseAction,
  checklistAfter,
  nextState,
  progress,
  submitBlockers,
  transitionText,
} from '../../../shared/domain/deposit/deposit-case.ts';
import {
  type AccountKind,
  cardWarning,
  maskAccount,
  normalizeCardNumber,
  refusedAccount,
} from '../../../shared/domain/deposit/refund-account.ts';
import { type HolidayCalendar, refundWindow, shanghaiDate } from '../../../shared/domain/workdays.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import { displayName } from '../attachments/attachment-store.ts';
import type { ShopReader } from '../inventory/deps.ts';
import type { ShopDoc } from '../inventory/schemas.ts';
import type { KernelDeps } from '../kernel/deps.ts';
import { newId } from '../kernel/ids.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import type { CaseRecord, DepositsDoc } from './deposit-schema.ts';

const COLLECTION = 'deposits';

export class DepositService {
  constructor(
    private readonly doc: DocumentStore<DepositsDoc>,
    private readonly d: KernelDeps & { store: ShopReader },
    private readonly files: AttachmentStore,
    private readonly calendar: () => HolidayCalendar,
  ) {}

  /** GCM check of every sealed account number once a key exists; a file that fails is recovered. */
  authenticate(): void {
    this.doc.recheck((d) => {
      for (const c of Object.values(d.cases))
        if (c.account) this.d.sealer.open(COLLECTION, c.id, 'accountNumber', c.account.sealedNumber);
    });
  }

  private cases(): Record<string, CaseRecord> {
    return this.doc.peek()?.cases ?? {};
  }

  private require(id: string): CaseRecord {
    const c = this.cases();
    if (!Object.hasOwn(c, id)) throw new AppError('NOT_FOUND');
    return c[id]!;
  }

  private shop(id: string): ShopDoc | null {
    try {
      return this.d.store.shop(id);
    } catch {
      return null;
    }
  }

  private write(
    c: CaseRecord,
    event: string,
    detail: string,
    audit = true,
    auditSummary = detail,
  ): DepositCaseView {
    const at = new Date(this.d.clock.now()).toISOString();
    const next: CaseRecord = { ...c, timeline: [...c.timeline, { at, event, detail }], updatedAt: at };
    this.doc.set({ cases: { ...this.cases(), [c.id]: next } });
    if (audit)
      this.d.audit.append({ action: `deposit.${event}`, object: `deposit/${c.id}`, summary: auditSummary });
    return this.view(next);
  }

  view(c: CaseRecord): DepositCaseView {
    const shop = this.shop(c.shopId);
    const window = c.submittedOn ? refundWindow(c.submittedOn, this.calendar()) : null;
    const waiting = c.state === 'submitted' || c.state === 'in-review';
    const { sealedNumber: _s, ...account } = c.account ?? { sealedNumber: '' };
    return {
      id: c.id,
      shopId: c.shopId,
      shopName: shop?.shop.name ?? '—',
      platform: shop?.shop.platform ?? 'douyin',
      entityType: shop?.shop.entityType ?? 'enterprise',
      amount: c.amount,
      state: c.state,
      items: c.items.map(({ key, attachments, ...i }) => ({
        ...i,
        custom: key === null,
        attachments: attachments.map(({ stored: _st, ...a }) => a),
      })),
      progress: progress(c.items),
      account: c.account ? (account as DepositCaseView['account']) : null,
      submittedOn: c.submittedOn,
      window,
      holidayDataUntil: this.calendar().lastYear,
      overdue: waiting && window !== null && this.d.clock.now() >= window.overdueAt,
      rejectionReason: c.rejectionReason,
      blockedReason: c.blockedReason,
      refundedOn: c.refundedOn,
      timeline: c.timeline,
      createdAt: c.createdAt,
    };
  }

  list(): DepositCaseView[] {
    return Object.values(this.cases())
      .map((c) => this.view(c))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  get(id: string): DepositCaseView {
    return this.view(this.require(id));
  }

  create(shopId: string, amount: number | undefined): DepositCaseView {
    const shop = this.d.store.shop(shopId);
    const open = Object.values(this.cases()).find((c) => c.shopId === shopId && c.state !== 'refunded');
    if (open) throw new AppError('CASE_EXISTS', { details: { caseId: open.id } });
    const now = new Date(this.d.clock.now()).toISOString();
    const c: CaseRecord = {
      id: newId(),
      shopId,
      amount: amount ?? shop.shop.depositAmount,
      state: 'preparing',
      items: depositTemplate(shop.shop.platform).map((t) => ({
        id: newId(),
        key: t.key,
        section: t.section,
        text: t.text,
        done: false,
        note: '',
        date: null,
        attachable: t.attachable ?? false,
        recoveryLink: t.recoveryLink ?? false,
        attachments: [],
      })),
      account: null,
      submittedOn: null,
      rejectionReason: null,
      blockedReason: null,
      refundedOn: null,
      timeline: [],
      createdAt: now,
      updatedAt: now,
    };
    return this.write(c, 'created', `${shop.shop.name} ¥${c.amount}`);
  }

  updateItem(
    id: string,
    itemId: string,
    patch: {
      done?: boolean | undefined;
      note?: string | undefined;
      date?: string | null | undefined;
      text?: string | undefined;
    },
  ): DepositCaseView {
    const c = this.require(id);
    const item = c.items.find((i) => i.id === itemId);
    if (!item) throw new AppError('NOT_FOUND');
    if (patch.text !== undefined && item.key !== null) throw new AppError('BUILTIN_READ_ONLY');
    const next = {
      ...item,
      ...(patch.done !== undefined ? { done: patch.done } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.date !== undefined ? { date: patch.date } : {}),
      ...(patch.text !== undefined ? { text: { zh: patch.text, en: patch.text } } : {}),
    };
    const items = c.items.map((i) => (i.id === itemId ? next : i));
    const event = patch.done === undefined ? 'item.edited' : patch.done ? 'item.done' : 'item.undone';
    return this.write({ ...c, items }, event, next.text.zh, patch.done !== undefined);
  }

  addItem(id: string, section: SectionId, text: string): DepositCaseView {
    const c = this.require(id);
    const item = {
      id: newId(),
      key: null,
      section,
      text: { zh: text, en: text },
      done: false,
      note: '',
      date: null,
      attachable: section === 'materials',
      recoveryLink: false,
      attachments: [],
    };
    return this.write({ ...c, items: [...c.items, item] }, 'item.added', text);
  }

  removeItem(id: string, itemId: string): DepositCaseView {
    const c = this.require(id);
    const item = c.items.find((i) => i.id === itemId);
    if (!item) throw new AppError('NOT_FOUND');
    if (item.key !== null) throw new AppError('BUILTIN_READ_ONLY');
    for (const a of item.attachments) this.files.remove(a.stored);
    return this.write({ ...c, items: c.items.filter((i) => i.id !== itemId) }, 'item.removed', item.text.zh);
  }

  setAccount(
    id: string,
    input: { kind: AccountKind; holder: string; bank: string; number: string },
  ): DepositCaseView {
    const c = this.require(id);
    const shop = this.d.store.shop(c.shopId);
    const refusal = refusedAccount(shop.shop.entityType, input.kind);
    if (refusal)
      throw new AppError('ACCOUNT_NOT_ALLOWED', {
        fields: { kind: 'invalid_value' },
        details: { reason: refusal.zh, reasonEn: refusal.en },
      });
    const number = normalizeCardNumber(input.number);
    if (!number) throw new AppError('VALIDATION_FAILED', { fields: { number: 'invalid_format' } });
    const account = {
      kind: input.kind,
      holder: input.holder.trim(),
      bank: input.bank.trim(),
      masked: maskAccount(number),
      luhnWarning: cardWarning(number),
      sealedNumber: this.d.sealer.seal(COLLECTION, c.id, 'accountNumber', number),
    };
    const items = c.items.map((i) => (i.key === 'refund-account' ? { ...i, done: true } : i));
    return this.write(
      { ...c, account, items },
      'account.set',
      `${input.kind === 'personal' ? '个人银行卡' : '对公账户'} ${account.masked}${account.luhnWarning ? '（卡号校验未通过 / Luhn warning）' : ''}`,
    );
  }

  /** The full account number, for the reveal button (audited like every secret). */
  revealAccount(id: string): string {
    const c = this.require(id);
    if (!c.account) throw new AppError('NOT_FOUND');
    this.d.audit.append({ action: 'secret.revealed', object: `deposit/${id}`, summary: 'accountNumber' });
    return this.d.sealer.open(COLLECTION, c.id, 'accountNumber', c.account.sealedNumber);
  }

  act(id: string, action: CaseAction): DepositCaseView {
    const c = this.require(id);
    const to = nextState(c.state, action.type);
    if (!to)
      throw new AppError('CASE_ACTION_NOT_ALLOWED', { details: { from: c.state, action: action.type } });
    // A submission or arrival dated in the future has not happened: refused, nothing changes.
    if ('date' in action && action.date > shanghaiDate(this.d.clock.now()))
      throw new AppError('VALIDATION_FAILED', { fields: { date: 'future_date' } });
    const next: CaseRecord = {
      ...c,
      state: to,
      items: checklistAfter(c.items, action.type, 'date' in action ? action.date : null),
    };
    let detail = '';
    switch (action.type) {
      case 'submit': {
        const blockers = submitBlockers({ items: c.items, hasAccount: c.account !== null });
        if (blockers.length > 0)
          throw new AppError('CASE_NOT_READY', {
            details: {
              reasons: blockers.map((b) => b.zh).join('；'),
              reasonsEn: blockers.map((b) => b.en).join('; '),
            },
          });
        next.submittedOn = action.date;
        next.rejectionReason = null;
        detail = action.date;
        break;
      }
      case 'reject':
        next.rejectionReason = action.reason;
        detail = action.reason;
        break;
      case 'block':
        next.blockedReason = action.reason;
        detail = action.reason;
        break;
      case 'unblock':
        next.blockedReason = null;
        break;
      case 'confirmArrival':
        next.refundedOn = action.date;
        detail = action.date;
        break;
      default:
        break;
    }
    // The timeline names the event in the reader's language and keeps only the date or reason here; the
    // audit log gets the change in words in both languages (never the state codes).
    const words = transitionText(c.state, to, detail);
    return this.write(next, `state.${action.type}`, detail, true, `${words.zh} / ${words.en}`);
  }

  addAttachment(id: string, itemId: string, fileName: string, bytes: Buffer): DepositCaseView {
    const c = this.require(id);
    const item = c.items.find((i) => i.id === itemId);
    if (!item) throw new AppError('NOT_FOUND');
    const { stored, size } = this.files.save(c.id, bytes);
    const name = displayName(fileName);
    const attachment = {
      id: newId(),
      name,
      stored,
      size,
      addedAt: new Date(this.d.clock.now()).toISOString(),
    };
    const items = c.items.map((i) =>
      i.id === itemId ? { ...i, attachments: [...i.attachments, attachment] } : i,
    );
    return this.write({ ...c, items }, 'attachment.added', `${item.text.zh}: ${name}`);
  }

  removeAttachment(id: string, itemId: string, attachmentId: string): DepositCaseView {
    const c = this.require(id);
    const item = c.items.find((i) => i.id === itemId);
    const a = item?.attachments.find((x) => x.id === attachmentId);
    if (!item || !a) throw new AppError('NOT_FOUND');
    this.files.remove(a.stored);
    const items = c.items.map((i) =>
      i.id === itemId ? { ...i, attachments: i.attachments.filter((x) => x.id !== attachmentId) } : i,
    );
    return this.write({ ...c, items }, 'attachment.removed', `${item.text.zh}: ${a.name}`);
  }

  openAttachment(id: string, itemId: string, attachmentId: string): { name: string; bytes: Buffer } {
    const c = this.require(id);
    const a = c.items.find((i) => i.id === itemId)?.attachments.find((x) => x.id === attachmentId);
    if (!a) throw new AppError('NOT_FOUND');
    this.d.audit.append({ action: 'deposit.attachment.opened', object: `deposit/${id}`, summary: a.name });
    return { name: a.name, bytes: this.files.read(c.id, a.stored) };
  }

  /** Cases waiting past their window, for the dashboard's reminders. */
  overdue(): Array<{ id: string; shopName: string; amount: number; overdueAt: number }> {
    return this.list()
      .filter((c) => c.overdue && c.window)
      .map((c) => ({ id: c.id, shopName: c.shopName, amount: c.amount, overdueAt: c.window!.overdueAt }));
  }
}
