// Staff self-registration sessions: the lead picks sub-accounts, a server opens on one network interface
// for a limited time, and each card's QR holds a single-use URL for its sub-account. A submission binds
// the person (one person, one account per shop) and marks the QR as handed out. One session at a time;
// it ends at its expiry, when the lead closes it, or when the vault locks.
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { AppError } from '../../../shared/contract/errors.ts';
import type {
  NetworkAddress,
  RegistrationEntry,
  RegistrationSession,
} from '../../../shared/contract/work-types.ts';
import { normalizeMobile } from '../../../shared/domain/validators.ts';
import { cardSteps } from '../../../shared/domain/verification-card.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { EventBus } from '../event-bus.ts';
import type { InventoryStore } from '../inventory/inventory-store.ts';
import type { StaffService } from '../inventory/staff-service.ts';
import type { SubAccountService } from '../inventory/subaccount-service.ts';
import type { Clock, TimerHandle } from '../ports.ts';
import type { VerificationService } from '../verification/verification-service.ts';
import type { WorkRulesService } from '../verification/work-rules-service.ts';
import {
  type FormInput,
  type RegistrationHandler,
  type RunningServer,
  startRegistrationServer,
} from './registration-server.ts';

interface Entry {
  subAccountId: string;
  fullName: string;
  shopName: string;
  url: string;
  registered: boolean;
  /** A phone submitted a colleague's mobile: nothing was bound; the desktop decides. */
  conflict: { typedName: string; existingName: string; existingPersonId: string } | null;
}

interface Session {
  id: string;
  address: string;
  server: RunningServer;
  expiresAt: number;
  /** sha256(token) → entry: the tokens themselves live only on the cards. */
  entries: Map<string, Entry>;
  timer: TimerHandle;
}

export interface RegistrationDeps {
  store: InventoryStore;
  staff: StaffService;
  subAccounts: SubAccountService;
  verification: VerificationService;
  rules: WorkRulesService;
  bus: EventBus;
  clock: Clock;
  audit: AuditLog;
  networkInterfaces?: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
/** Remembered tokens of ended sessions, so an old card gets "another session", not "invalid". */
const RETIRED_LIMIT = 5000;

export class RegistrationService {
  private current: Session | null = null;
  private readonly retired = new Set<string>();

  constructor(private readonly d: RegistrationDeps) {}

  interfaces(): NetworkAddress[] {
    const out: NetworkAddress[] = [];
    for (const [name, infos] of Object.entries((this.d.networkInterfaces ?? os.networkInterfaces)())) {
      for (const i of infos ?? [])
        if (i.family === 'IPv4') out.push({ address: i.address, name, internal: i.internal });
    }
    // Wi-Fi and wired addresses first: those are the ones a phone can reach.
    return out.sort((a, b) => Number(a.internal) - Number(b.internal));
  }

  status(): RegistrationSession | null {
    const s = this.current;
    if (!s) return null;
    const entries: RegistrationEntry[] = [...s.entries.values()].map((e) => ({
      subAccountId: e.subAccountId,
      fullName: e.fullName,
      shopName: e.shopName,
      url: e.url,
      registered: e.registered,
      // The person's id stays in main; the desktop sees the two names to compare.
      conflict: e.conflict
        ? { typedName: e.conflict.typedName, existingName: e.conflict.existingName }
        : null,
    }));
    const registered = entries.filter((e) => e.registered).length;
    return {
      id: s.id,
      address: s.address,
      port: s.server.port,
      expiresAt: s.expiresAt,
      entries,
      registered,
      total: entries.length,
    };
  }

  async open(input: {
    subAccountIds: string[];
    address: string;
    minutes?: number | undefined;
  }): Promise<RegistrationSession> {
    if (!this.interfaces().some((i) => i.address === input.address))
      throw new AppError('REGISTRATION_ADDRESS_UNAVAILABLE', { details: { address: input.address } });
    const subs = [...new Set(input.subAccountIds)].map((id) => this.d.store.findSubAccount(id));
    await this.close('replaced');
    const minutes = input.minutes ?? this.d.rules.get().registrationMinutes;
    const expiresAt = this.d.clock.now() + minutes * 60_000;
    let server: RunningServer;
    try {
      server = await startRegistrationServer({
        host: input.address,
        handler: this.handler(),
        clock: this.d.clock,
      });
    } catch {
      throw new AppError('REGISTRATION_ADDRESS_UNAVAILABLE', { details: { address: input.address } });
    }
    const host = input.address.includes(':') ? `[${input.address}]` : input.address;
    const entries = new Map<string, Entry>();
    for (const { doc, sub } of subs) {
      // 256 random bits per card, usable once.
      const token = randomBytes(32).toString('base64url');
      entries.set(hashToken(token), {
        subAccountId: sub.id,
        fullName: sub.fullName,
        shopName: doc.shop.name,
        url: `http://${host}:${server.port}/r/${token}`,
        registered: false,
        conflict: null,
      });
    }
    const id = randomBytes(8).toString('hex');
    const timer = this.d.clock.setTimeout(() => void this.close('expired'), expiresAt - this.d.clock.now());
    this.current = { id, address: input.address, server, expiresAt, entries, timer };
    this.d.audit.append({
      action: 'registration.opened',
      object: `registration/${id}`,
      summary: `${entries.size} 个子账号 / sub-accounts, ${host}:${server.port}, ${minutes} 分钟 / min`,
    });
    return this.status()!;
  }

  async close(reason: 'closed' | 'expired' | 'locked' | 'replaced'): Promise<{ closed: boolean }> {
    const s = this.current;
    if (!s) return { closed: false };
    this.current = null;
    this.d.clock.clearTimeout(s.timer);
    for (const h of s.entries.keys()) this.retired.add(h);
    while (this.retired.size > RETIRED_LIMIT)
      this.retired.delete(this.retired.values().next().value as string);
    await s.server.close();
    const registered = [...s.entries.values()].filter((e) => e.registered).length;
    this.d.audit.append({
      action: 'registration.closed',
      object: `registration/${s.id}`,
      summary: `${reason}: ${registered}/${s.entries.size}`,
    });
    this.d.bus.emit('registration.closed', { sessionId: s.id, reason, registered, total: s.entries.size });
    return { closed: true };
  }

  private entryFor(
    token: string,
  ): { ok: true; entry: Entry } | { ok: false; refusal: 'unknown' | 'expired' | 'used' | 'other-session' } {
    const h = hashToken(token);
    const s = this.current;
    const entry = s?.entries.get(h);
    if (!s || !entry) return { ok: false, refusal: this.retired.has(h) ? 'other-session' : 'unknown' };
    if (this.d.clock.now() >= s.expiresAt) return { ok: false, refusal: 'expired' };
    if (entry.registered) return { ok: false, refusal: 'used' };
    return { ok: true, entry };
  }

  private handler(): RegistrationHandler {
    return {
      lookup: (token) => {
        const found = this.entryFor(token);
        if (!found.ok) return found;
        const { doc, sub } = this.d.store.findSubAccount(found.entry.subAccountId);
        const v = this.d.verification.of(doc, sub);
        const steps = cardSteps({
          shopName: doc.shop.name,
          platform: doc.shop.platform,
          fullName: sub.fullName,
          deadline: v.deadline,
          window: sub.temp ? { start: sub.temp.start, end: sub.temp.end } : null,
          qrMinutes: this.d.rules.get().verification[doc.shop.platform].qrMinutes,
        });
        return { ok: true, facts: { shopName: doc.shop.name, fullName: sub.fullName, steps } };
      },
      submit: (token, input) => this.submit(token, input),
    };
  }

  private submit(token: string, input: FormInput): ReturnType<RegistrationHandler['submit']> {
    const found = this.entryFor(token);
    if (!found.ok) return found;
    const errors: Record<string, { zh: string; en: string }> = {};
    const name = input.name.trim();
    const position = input.position.trim();
    const phone = normalizeMobile(input.mobile);
    if (!name || name.length > 40)
      errors.name = { zh: '请填写姓名（最多 40 字）', en: 'Enter your name (up to 40 characters)' };
    if (!phone)
      errors.mobile = { zh: '请输入有效的中国大陆手机号', en: 'Enter a valid mainland China mobile number' };
    if (!position || position.length > 40) errors.position = { zh: '请填写岗位', en: 'Enter your position' };
    if (!input.consent) errors.consent = { zh: '请阅读并勾选同意', en: 'Please read and tick to accept' };
    if (Object.keys(errors).length > 0 || !phone) return { ok: false, fields: errors };

    const { entry } = found;
    let doc: ReturnType<InventoryStore['findSubAccount']>['doc'];
    try {
      ({ doc } = this.d.store.findSubAccount(entry.subAccountId));
    } catch {
      return {
        ok: false,
        problem: {
          zh: '该子账号已被删除，请联系店长。',
          en: 'This sub-account was deleted; contact the shop owner.',
        },
      };
    }
    // Everything that could refuse is checked before anything is written.
    const existing = this.d.staff.findByPhone(phone);
    if (existing) {
      try {
        this.d.staff.assertBindable(existing.id, doc, entry.subAccountId);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return {
          ok: false,
          problem: {
            zh: '该手机号的员工已绑定本店另一个子账号（一人一号）。请联系店长。',
            en: 'The person with this number already uses another sub-account of this shop (one person, one account). Contact the shop owner.',
          },
        };
      }
      // A phone page never attaches someone who did not register here: the number belongs to a colleague
      // already on the roster, so this is a conflict for the desktop to resolve, not a binding.
      entry.conflict = { typedName: name, existingName: existing.name, existingPersonId: existing.id };
      this.d.audit.append({
        action: 'registration.conflict',
        object: `subaccount/${entry.subAccountId}`,
        summary: `登记的手机号属于已有员工，未绑定，待电脑端确认 / mobile belongs to an existing person; not bound, awaiting the desktop`,
      });
      this.emitProgress(entry);
      return {
        ok: false,
        problem: {
          zh: '这个手机号已登记在员工名册中。为防止绑定错人，本次登记没有生效，已通知店长在电脑上确认。请联系店长。',
          en: 'This mobile number already belongs to someone on the staff list. To avoid binding the wrong person, nothing was registered; the shop owner has been asked to confirm on the computer. Contact the shop owner.',
        },
      };
    }
    const personId = this.d.staff.create({
      name,
      phone,
      position,
      notes: '扫码登记 / self-registered',
      idNumber: '',
    }).id;
    this.bind(entry, personId);
    return { ok: true, fullName: entry.fullName };
  }

  /** The desktop's answer to a conflict: bind the existing colleague after all, or dismiss the attempt. */
  resolveConflict(subAccountId: string, action: 'bind-existing' | 'dismiss'): RegistrationSession {
    const entry = [...(this.current?.entries.values() ?? [])].find((e) => e.subAccountId === subAccountId);
    if (!entry?.conflict)
      throw new AppError('NOT_FOUND', { message: 'no registration conflict for that sub-account' });
    const { existingPersonId } = entry.conflict;
    if (action === 'bind-existing') {
      const { doc } = this.d.store.findSubAccount(subAccountId);
      this.d.staff.assertBindable(existingPersonId, doc, subAccountId);
    }
    entry.conflict = null;
    if (action === 'bind-existing') this.bind(entry, existingPersonId);
    else this.emitProgress(entry);
    this.d.audit.append({
      action: 'registration.conflictResolved',
      object: `subaccount/${subAccountId}`,
      summary: action === 'bind-existing' ? '绑定已有员工 / bound the existing person' : '忽略 / dismissed',
    });
    return this.status()!;
  }

  private bind(entry: Entry, personId: string): void {
    const { doc } = this.d.store.findSubAccount(entry.subAccountId);
    this.d.subAccounts.bindStaff(entry.subAccountId, personId);
    const state = this.d.verification.of(doc, this.d.store.findSubAccount(entry.subAccountId).sub).state;
    if (['pending', 'rejected', 'temporarily-unfrozen', 'qr-handed-out'].includes(state))
      this.d.verification.act(entry.subAccountId, { type: 'handOut' });
    entry.registered = true;
    this.emitProgress(entry);
  }

  private emitProgress(entry: Entry): void {
    const s = this.current!;
    const registered = [...s.entries.values()].filter((e) => e.registered).length;
    this.d.bus.emit('registration.progressed', {
      sessionId: s.id,
      subAccountId: entry.subAccountId,
      registered,
      total: s.entries.size,
    });
  }
}
