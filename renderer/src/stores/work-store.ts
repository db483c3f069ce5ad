// Verification rows, temporary agents, reminders and the open registration session, as last loaded from
// main. Events from main (registration progress, reminders changing) reload what they affect.
import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../shared/contract/methods.ts';
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
  /** A verification step on one sub-account; the list is reloaded after it. */
  act(subAccountId: string, action: RequestOf<'verification.act'>['action']): Promise<void>;
  /** Creates a batch of temporary agents (progress arrives as events); the agents are reloaded after it. */
  createBatch(req: RequestOf<'agents.createBatch'>): Promise<ResponseOf<'agents.createBatch'>>;
  /** Retires agents; the agents and their guides are reloaded after it, refused or not. */
  retire(ids: string[], mode: RequestOf<'agents.retire'>['mode']): Promise<void>;
  confirmGone(ids: string[]): Promise<void>;
  exportRoster(req: RequestOf<'agents.exportRoster'>): Promise<ResponseOf<'agents.exportRoster'>>;
  openRegistration(req: RequestOf<'registration.open'>): Promise<void>;
  closeRegistration(): Promise<void>;
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
  async act(subAccountId, action) {
    await bridge().invoke('verification.act', { id: subAccountId, action });
    await get().loadVerification();
  },
  async createBatch(req) {
    try {
      return await bridge().invoke('agents.createBatch', req);
    } finally {
      await get().loadAgents();
    }
  },
  async retire(ids, mode) {
    try {
      await bridge().invoke('agents.retire', { ids, mode });
    } finally {
      await get().loadAgents();
    }
  },
  async confirmGone(ids) {
    try {
      await bridge().invoke('agents.confirmGone', { ids });
    } finally {
      await get().loadAgents();
    }
  },
  exportRoster: (req) => bridge().invoke('agents.exportRoster', req),
  async openRegistration(req) {
    const session = await bridge().invoke('registration.open', req);
    set({ session, lastClosed: null });
  },
  async closeRegistration() {
    await bridge().invoke('registration.close', {});
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
