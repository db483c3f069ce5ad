// The reminder scheduler: every minute (and at unlock) it derives what is due from the domain rules,
// announces each new item once through the OS notifier, and remembers what it announced, snoozed or
// dismissed in its own document, so nothing is missed or repeated across restarts.
import { z } from 'zod';
import type { ReminderView } from '../../../shared/contract/work-types.ts';
import {
  dueReminders,
  leaverReminder,
  type Reminder,
  type ReminderSubject,
  reminderText,
  sortReminders,
} from '../../../shared/domain/reminders.ts';
import type { EventBus } from '../event-bus.ts';
import type { InventoryStore } from '../inventory/inventory-store.ts';
import type { Clock, Notifier, TimerHandle } from '../ports.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import type { VerificationService } from '../verification/verification-service.ts';
import type { WorkRulesService } from '../verification/work-rules-service.ts';

const key = z.string().max(200);
export const remindersDocSchema = z.strictObject({
  notified: z.record(key, z.number()),
  snoozedUntil: z.record(key, z.number()),
  dismissed: z.record(key, z.number()),
});
export type RemindersDoc = z.infer<typeof remindersDocSchema>;

const EMPTY: RemindersDoc = { notified: {}, snoozedUntil: {}, dismissed: {} };
export const TICK_MS = 60_000;
/** More new reminders than this in one tick become one summary notification. */
export const MAX_SEPARATE = 5;

export interface ReminderDeps {
  store: InventoryStore;
  verification: VerificationService;
  rules: WorkRulesService;
  clock: Clock;
  notifier: Notifier;
  bus: EventBus;
  language(): 'zh-CN' | 'en-US';
  isUnlocked(): boolean;
  /** Reminders from other modules (deposit refunds past their window). */
  more?: () => Reminder[];
  /** Runs first on each tick: e.g. purging retired agents' data when due. */
  beforeTick?: () => void;
}

export class ReminderService {
  private timer: TimerHandle | null = null;
  private lastKeys = '';

  constructor(
    private readonly doc: DocumentStore<RemindersDoc>,
    private readonly d: ReminderDeps,
  ) {}

  private state(): RemindersDoc {
    return this.doc.peek() ?? EMPTY;
  }

  private subjects(now: number): ReminderSubject[] {
    const out: ReminderSubject[] = [];
    for (const doc of this.d.store.shops()) {
      if (doc.shop.archived) continue;
      const rules = this.d.rules.rules(doc.shop.platform);
      for (const sub of Object.values(doc.subAccounts)) {
        if (sub.status === 'disabled' && !sub.temp) continue;
        out.push({
          subAccountId: sub.id,
          shopName: doc.shop.name,
          fullName: sub.fullName,
          verification: this.d.verification.of(doc, sub, now),
          rules,
          temp: sub.temp ? { window: sub.temp, retired: sub.temp.retiredAt !== null } : null,
        });
      }
    }
    return out;
  }

  due(now = this.d.clock.now()): Reminder[] {
    return sortReminders([
      ...dueReminders(this.subjects(now), now),
      ...this.leavers(),
      ...(this.d.more?.() ?? []),
    ]);
  }

  /** Accounts a leaver used that still have their old password and are still active. */
  private leavers(): Reminder[] {
    const out: Reminder[] = [];
    for (const doc of this.d.store.shops())
      for (const sub of Object.values(doc.subAccounts))
        if (sub.leaver)
          out.push(
            leaverReminder({
              subAccountId: sub.id,
              shopName: doc.shop.name,
              fullName: sub.fullName,
              leaver: sub.leaver,
            }),
          );
    return out;
  }

  /** What the dashboard shows: due, not dismissed, not snoozed right now. */
  list(): ReminderView[] {
    const now = this.d.clock.now();
    const st = this.state();
    return this.due(now)
      .filter((r) => !Object.hasOwn(st.dismissed, r.key))
      .filter((r) => !(Object.hasOwn(st.snoozedUntil, r.key) && (st.snoozedUntil[r.key] ?? 0) > now))
      .map((r) => ({ ...r, title: reminderText(r).title, snoozedUntil: null }));
  }

  snooze(k: string, hours: number): { snoozedUntil: number } {
    const st = this.state();
    const until = this.d.clock.now() + hours * 3600_000;
    // When the snooze ends the item is announced again: that is what snoozing asks for.
    const { [k]: _n, ...notified } = st.notified;
    this.doc.set({ ...st, notified, snoozedUntil: { ...st.snoozedUntil, [k]: until } });
    this.d.bus.emit('reminders.changed', {});
    return { snoozedUntil: until };
  }

  dismiss(k: string): { dismissed: boolean } {
    const st = this.state();
    this.doc.set({ ...st, dismissed: { ...st.dismissed, [k]: this.d.clock.now() } });
    this.d.bus.emit('reminders.changed', {});
    return { dismissed: true };
  }

  /** Announces each visible item not yet announced; forgets items that are no longer due. */
  tick(): number {
    if (!this.d.isUnlocked()) return 0;
    this.d.beforeTick?.();
    const now = this.d.clock.now();
    const due = this.due(now);
    const st = this.state();
    const dueKeys = new Set(due.map((r) => r.key));
    const keep = (rec: Record<string, number>) =>
      Object.fromEntries(Object.entries(rec).filter(([k]) => dueKeys.has(k)));
    const next: RemindersDoc = {
      notified: keep(st.notified),
      snoozedUntil: keep(st.snoozedUntil),
      dismissed: keep(st.dismissed),
    };
    const zh = this.d.language() === 'zh-CN';
    const fresh = due.filter(
      (r) =>
        !Object.hasOwn(next.notified, r.key) &&
        !Object.hasOwn(next.dismissed, r.key) &&
        (next.snoozedUntil[r.key] ?? 0) <= now,
    );
    // A handful are announced one by one; a flood (hundreds frozen after a long absence) as one summary.
    if (fresh.length > MAX_SEPARATE) {
      const first = reminderText(fresh[0]!);
      this.d.notifier.notify({
        title: zh ? `${fresh.length} 项新提醒` : `${fresh.length} new reminders`,
        body: zh
          ? `${first.title.zh}：${first.body.zh} 等，请打开概览查看`
          : `${first.title.en}: ${first.body.en} and more; see Overview`,
      });
    } else {
      for (const r of fresh) {
        const text = reminderText(r);
        this.d.notifier.notify({
          title: zh ? text.title.zh : text.title.en,
          body: zh ? text.body.zh : text.body.en,
        });
      }
    }
    for (const r of fresh) next.notified[r.key] = now;
    const sent = fresh.length;
    if (JSON.stringify(next) !== JSON.stringify(st)) this.doc.set(next);
    const keys = [...dueKeys].sort().join('|');
    if (keys !== this.lastKeys) {
      this.lastKeys = keys;
      this.d.bus.emit('reminders.changed', {});
    }
    return sent;
  }

  start(): void {
    const loop = () => {
      try {
        this.tick();
      } finally {
        this.timer = this.d.clock.setTimeout(loop, TICK_MS);
      }
    };
    this.stop();
    this.timer = this.d.clock.setTimeout(loop, TICK_MS);
  }

  stop(): void {
    if (this.timer) this.d.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
