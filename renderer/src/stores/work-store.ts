// Verification rows, temporary agents, reminders and the open registration session, as last loaded from
// main. Events from main (registration progress, reminders changing) reload what they affect.
import { create } from 'zustand';
import type {
  RegistrationSession,
  ReminderView,
  RetireGuide,
  TempAgentView,
  VerificationList,
} from '../../../shared/contract/work-types.ts';
import { bridge } from './session-store.ts';

interface WorkState {
  verification: VerificationList | null;
  /** Date.now() minus the core's clock when the list came: countdowns tick locally from the core's time. */
  clockSkew: number;
  agents: TempAgentView[];
  guides: RetireGuide[];
  reminders: ReminderView[];
  session: RegistrationSession | null;
  /** The last session's final count, shown after it ends. */
  lastClosed: { registered: number; total: number; reason: string } | null;
  batchProgress: { batchId: string; done: number; total: number } | null;
  loadVerification(): Promise<void>;
  loadAgents(): Promise<void>;
  loadReminders(): Promise<void>;
  snoozeReminder(key: string, hours: number): Promise<void>;
  dismissReminder(key: string): Promise<void>;
  loadSession(): Promise<void>;
  /** A phone's registration that named a colleague: bind that colleague after all, or dismiss it. */
  resolveConflict(subAccountId: string, action: 'bind-existing' | 'dismiss'): Promise<void>;
  /** Subscribes to main's events once per bridge. */
  listen(): () => void;
}

export const useWork = create<WorkState>((set, get) => ({
  verification: null,
  clockSkew: 0,
  agents: [],
  guides: [],
  reminders: [],
  session: null,
  lastClosed: null,
  batchProgress: null,
  async loadVerification() {
    const list = await bridge().invoke('verification.list', {});
    set({ verification: list, clockSkew: Date.now() - list.now });
  },
  async loadAgents() {
    const [agents, guides] = await Promise.all([
      bridge().invoke('agents.list', {}),
      bridge().invoke('agents.guides', {}),
    ]);
    set({ agents, guides });
  },
  async loadReminders() {
    set({ reminders: await bridge().invoke('reminders.list', {}) });
  },
  async snoozeReminder(key, hours) {
    await bridge().invoke('reminders.snooze', { key, hours });
    await get().loadReminders();
  },
  async dismissReminder(key) {
    await bridge().invoke('reminders.dismiss', { key });
    await get().loadReminders();
  },
  async loadSession() {
    set({ session: await bridge().invoke('registration.status', {}) });
  },
  async resolveConflict(subAccountId, action) {
    set({ session: await bridge().invoke('registration.resolveConflict', { subAccountId, action }) });
  },
  listen() {
    const b = bridge();
    const offs = [
      b.on('registration.progressed', () => {
        void get().loadSession();
        void get().loadVerification();
      }),
      b.on('registration.closed', (p) => {
        set({ session: null, lastClosed: { registered: p.registered, total: p.total, reason: p.reason } });
        void get().loadVerification();
      }),
      b.on('reminders.changed', () => void get().loadReminders()),
      b.on('agents.progressed', (p) => set({ batchProgress: p })),
    ];
    return () => {
      for (const off of offs) off();
    };
  },
}));
