// Recovery-request drafts (找回申请), fully offline: fields autosaved as typed, rules checked field by
// field, a state (draft → ready → sent → resolved), exports (.eml, copy as rich or plain text; PDF and
// print through the print view), attachments sealed like a deposit case's, and the login troubleshooter's
// lockout countdowns, which notify from main when they end (also after a restart).

import { AppError } from '../../../shared/contract/errors.ts';
import type { ExportFile } from '../../../shared/contract/inventory-types.ts';
import type { DraftView, LockoutView } from '../../../shared/contract/recovery-types.ts';
import { beijingDateTime } from '../../../shared/domain/china-time.ts';
import {
  buildDraft,
  checkDraft,
  type DraftKind,
  type DraftState,
  FIELDS,
  prefill,
} from '../../../shared/domain/recovery/draft-kinds.ts';
import { draftHtml, draftText } from '../../../shared/domain/recovery/render.ts';
import { problemById } from '../../../shared/domain/recovery/troubleshooter.ts';
import { type HolidayCalendar, refundWindow, shanghaiDate } from '../../../shared/domain/workdays.ts';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import { displayName } from '../attachments/attachment-store.ts';
import type { EventBus } from '../event-bus.ts';
import type { ShopReader } from '../inventory/deps.ts';
import type { KernelDeps } from '../kernel/deps.ts';
import { newId } from '../kernel/ids.ts';
import type { ClipboardPort, Notifier, TimerHandle } from '../ports.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { buildEml } from './eml.ts';
import type { DraftRecord, RecoveryDoc } from './recovery-schema.ts';

const EMPTY: RecoveryDoc = { drafts: {}, lockouts: {} };
const STATES: DraftState[] = ['draft', 'ready', 'sent', 'resolved'];

export class RecoveryService {
  private timers = new Map<string, TimerHandle>();

  constructor(
    private readonly doc: DocumentStore<RecoveryDoc>,
    private readonly d: KernelDeps & { store: ShopReader },
    private readonly files: AttachmentStore,
    private readonly calendar: () => HolidayCalendar,
    private readonly clipboard: ClipboardPort,
    private readonly notifier: Notifier,
    private readonly bus: EventBus,
    private readonly language: () => 'zh-CN' | 'en-US',
  ) {}

  private state(): RecoveryDoc {
    return this.doc.peek() ?? EMPTY;
  }

  private require(id: string): DraftRecord {
    const drafts = this.state().drafts;
    if (!Object.hasOwn(drafts, id)) throw new AppError('NOT_FOUND');
    return drafts[id]!;
  }

  private save(r: DraftRecord): DraftView {
    const st = this.state();
    this.doc.set({ ...st, drafts: { ...st.drafts, [r.id]: r } });
    return this.view(r);
  }

  private shopName(id: string | null): string | null {
    if (!id) return null;
    try {
      return this.d.store.shop(id).shop.name;
    } catch {
      return null;
    }
  }

  private submittedAt(): string {
    return beijingDateTime(this.d.clock.now());
  }

  view(r: DraftRecord): DraftView {
    const doc = buildDraft(r.kind, r.fields, this.submittedAt());
    const replyWindow =
      r.sentOn && doc.replyWithinWorkdays
        ? refundWindow(r.sentOn, this.calendar(), doc.replyWithinWorkdays[0], doc.replyWithinWorkdays[1])
        : null;
    return {
      id: r.id,
      kind: r.kind,
      shopId: r.shopId,
      shopName: this.shopName(r.shopId),
      state: r.state,
      fields: r.fields,
      checks: r.checks,
      problems: checkDraft(r.kind, r.fields),
      doc,
      html: draftHtml(doc),
      text: draftText(doc),
      attachments: r.attachments.map(({ stored: _s, ...a }) => a),
      sentOn: r.sentOn,
      replyWindow,
      replyOverdue: r.state === 'sent' && replyWindow !== null && this.d.clock.now() >= replyWindow.overdueAt,
      updatedAt: r.updatedAt,
    };
  }

  list(): DraftView[] {
    return Object.values(this.state().drafts)
      .map((r) => this.view(r))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  get(id: string): DraftView {
    return this.view(this.require(id));
  }

  create(kind: DraftKind, shopId: string | null): DraftView {
    let facts = null;
    if (shopId) {
      const s = this.d.store.shop(shopId).shop;
      facts = {
        name: s.name,
        platform: s.platform,
        entityType: s.entityType,
        mainLogin: s.mainLogin,
        platformShopId: s.platformShopId,
      };
    }
    const now = new Date(this.d.clock.now()).toISOString();
    const r: DraftRecord = {
      id: newId(),
      kind,
      shopId,
      state: 'draft',
      fields: prefill(kind, facts),
      checks: {},
      attachments: [],
      sentOn: null,
      createdAt: now,
      updatedAt: now,
    };
    this.d.audit.append({ action: 'recovery.created', object: `recovery/${r.id}`, summary: kind });
    return this.save(r);
  }

  /** Autosave: the fields as typed. A ready draft whose fields no longer pass goes back to draft. */
  update(
    id: string,
    fields: Record<string, string>,
    checks?: Record<string, boolean> | undefined,
  ): DraftView {
    const r = this.require(id);
    const known = new Set(FIELDS[r.kind].map((f) => f.key));
    const unknown = Object.keys(fields).find((k) => !known.has(k));
    if (unknown) throw new AppError('VALIDATION_FAILED', { fields: { [unknown]: 'unknown_field' } });
    const next: DraftRecord = {
      ...r,
      fields: { ...r.fields, ...fields },
      checks: { ...r.checks, ...checks },
      updatedAt: new Date(this.d.clock.now()).toISOString(),
    };
    if (next.state === 'ready' && Object.keys(checkDraft(next.kind, next.fields)).length > 0)
      next.state = 'draft';
    return this.save(next);
  }

  setState(id: string, state: DraftState, date?: string | undefined): DraftView {
    const r = this.require(id);
    if (state === 'ready' || state === 'sent') {
      const problems = checkDraft(r.kind, r.fields);
      const keys = Object.keys(problems);
      if (keys.length > 0)
        throw new AppError('DRAFT_INCOMPLETE', {
          details: {
            fields: keys.join(','),
            reasons: keys
              .map((k) => `${FIELDS[r.kind].find((f) => f.key === k)?.label.zh ?? k}：${problems[k]!.zh}`)
              .join('；'),
            reasonsEn: keys
              .map((k) => `${FIELDS[r.kind].find((f) => f.key === k)?.label.en ?? k}: ${problems[k]!.en}`)
              .join('; '),
          },
        });
    }
    if (STATES.indexOf(state) === STATES.indexOf(r.state)) return this.view(r);
    const sentOn =
      state === 'sent' ? (date ?? shanghaiDate(this.d.clock.now())) : state === 'resolved' ? r.sentOn : null;
    this.d.audit.append({
      action: `recovery.${state}`,
      object: `recovery/${id}`,
      summary: `${r.state} → ${state}`,
    });
    return this.save({ ...r, state, sentOn, updatedAt: new Date(this.d.clock.now()).toISOString() });
  }

  remove(id: string): { deleted: boolean } {
    const r = this.require(id);
    for (const a of r.attachments) this.files.remove(a.stored);
    const st = this.state();
    const { [id]: _gone, ...drafts } = st.drafts;
    this.doc.set({ ...st, drafts });
    this.d.audit.append({ action: 'recovery.deleted', object: `recovery/${id}`, summary: r.kind });
    return { deleted: true };
  }

  addAttachment(id: string, fileName: string, bytes: Buffer): DraftView {
    const r = this.require(id);
    const { stored, size } = this.files.save(`recovery-${r.id}`, bytes);
    const a = {
      id: newId(),
      name: displayName(fileName),
      stored,
      size,
      addedAt: new Date(this.d.clock.now()).toISOString(),
    };
    return this.save({ ...r, attachments: [...r.attachments, a] });
  }

  removeAttachment(id: string, attachmentId: string): DraftView {
    const r = this.require(id);
    const a = r.attachments.find((x) => x.id === attachmentId);
    if (!a) throw new AppError('NOT_FOUND');
    this.files.remove(a.stored);
    return this.save({ ...r, attachments: r.attachments.filter((x) => x.id !== attachmentId) });
  }

  async exportEml(id: string): Promise<ExportFile> {
    const r = this.require(id);
    const v = this.view(r);
    const bytes = await buildEml({
      to: v.doc.to,
      subject: v.doc.subject,
      text: v.text,
      html: v.html,
      attachments: r.attachments.map((a) => ({
        filename: a.name,
        content: this.files.read(`recovery-${r.id}`, a.stored),
      })),
      date: new Date(this.d.clock.now()),
    });
    this.d.audit.append({ action: 'recovery.exported', object: `recovery/${id}`, summary: '.eml' });
    const safe = [...v.doc.subject]
      .filter((ch) => !'\\/:*?"<>|'.includes(ch) && (ch.codePointAt(0) ?? 0) >= 32)
      .join('');
    return {
      fileName: `${safe || '找回申请'}.eml`,
      mime: 'message/rfc822',
      contentBase64: bytes.toString('base64'),
      rowCount: 0,
    };
  }

  async copy(id: string, format: 'rich' | 'plain'): Promise<{ copied: boolean }> {
    const v = this.get(id);
    await (format === 'rich'
      ? this.clipboard.writeDocument(v.text, v.html)
      : this.clipboard.writeDocument(v.text, ''));
    return { copied: true };
  }

  // Lockout countdowns (JD 10 wrong passwords → 20 minutes; Amazon 3 wrong user names → 24 hours).

  lockouts(): LockoutView[] {
    return Object.values(this.state().lockouts)
      .filter((l) => !l.notified)
      .map((l) => ({
        id: l.id,
        problemId: l.problemId,
        label: problemById(l.problemId)?.lockout?.label ?? { zh: '', en: '' },
        endsAt: l.endsAt,
      }));
  }

  startLockout(problemId: string): LockoutView {
    const p = problemById(problemId);
    if (!p?.lockout) throw new AppError('VALIDATION_FAILED', { fields: { problemId: 'invalid_value' } });
    const id = newId();
    const endsAt = this.d.clock.now() + p.lockout.minutes * 60_000;
    const st = this.state();
    this.doc.set({ ...st, lockouts: { ...st.lockouts, [id]: { id, problemId, endsAt, notified: false } } });
    this.schedule(id, endsAt);
    return { id, problemId, label: p.lockout.label, endsAt };
  }

  cancelLockout(id: string): { cancelled: boolean } {
    const st = this.state();
    if (!Object.hasOwn(st.lockouts, id)) throw new AppError('NOT_FOUND');
    const { [id]: _l, ...lockouts } = st.lockouts;
    this.doc.set({ ...st, lockouts });
    const t = this.timers.get(id);
    if (t) this.d.clock.clearTimeout(t);
    this.timers.delete(id);
    return { cancelled: true };
  }

  /** Re-arms countdowns after a restart; one that ended while the app was closed is announced now. */
  resume(): void {
    for (const l of Object.values(this.state().lockouts)) if (!l.notified) this.schedule(l.id, l.endsAt);
  }

  stop(): void {
    for (const t of this.timers.values()) this.d.clock.clearTimeout(t);
    this.timers.clear();
  }

  private schedule(id: string, endsAt: number): void {
    const old = this.timers.get(id);
    if (old) this.d.clock.clearTimeout(old);
    this.timers.set(
      id,
      this.d.clock.setTimeout(() => this.ended(id), Math.max(0, endsAt - this.d.clock.now())),
    );
  }

  private ended(id: string): void {
    this.timers.delete(id);
    const st = this.state();
    const l = st.lockouts[id];
    if (!l || l.notified) return;
    const label = problemById(l.problemId)?.lockout?.label ?? { zh: '登录限制', en: 'Sign-in block' };
    const zh = this.language() === 'zh-CN';
    this.notifier.notify({
      title: zh ? `${label.zh}已结束` : `${label.en} is over`,
      body: zh ? '现在可以重新尝试登录。' : 'You can try signing in again now.',
    });
    this.doc.set({ ...st, lockouts: { ...st.lockouts, [id]: { ...l, notified: true } } });
    this.bus.emit('recovery.lockoutEnded', { id, problemId: l.problemId });
  }

  /** Sent appeals past their reply window, for the dashboard. */
  overdue(): Array<{ id: string; title: string; dueAt: number }> {
    return this.list()
      .filter((v) => v.replyOverdue && v.replyWindow)
      .map((v) => ({ id: v.id, title: v.doc.subject, dueAt: v.replyWindow!.overdueAt }));
  }
}
