// 找回申请: the list of drafts and the running lockout countdowns, as main last answered. A countdown that
// ends in main (an event) reloads the lockouts; the lists are forgotten when the vault locks.
import { create } from 'zustand';
import type { DraftView, LockoutView } from '../../../shared/contract/recovery-types.ts';
import type { DraftKind } from '../../../shared/domain/recovery/draft-kinds.ts';
import { useSession } from '../stores/session-store.ts';
import { onLockoutEnded, recoveryApi } from './recovery-api.ts';

interface RecoveryState {
  drafts: DraftView[] | null;
  lockouts: LockoutView[];
  loadDrafts(): Promise<void>;
  create(kind: DraftKind, shopId: string | null): Promise<DraftView>;
  loadLockouts(): Promise<void>;
  startLockout(problemId: string): Promise<LockoutView>;
  cancelLockout(id: string): Promise<void>;
  /** Reloads the lockouts whenever one ends in main; returns the unsubscribe. */
  listen(): () => void;
}

export const useRecovery = create<RecoveryState>((set, get) => ({
  drafts: null,
  lockouts: [],
  async loadDrafts() {
    set({ drafts: await recoveryApi.list({}) });
  },
  async create(kind, shopId) {
    const d = await recoveryApi.create({ kind, shopId });
    set((s) => ({ drafts: s.drafts ? [...s.drafts, d] : s.drafts }));
    return d;
  },
  async loadLockouts() {
    set({ lockouts: await recoveryApi.lockouts({}) });
  },
  async startLockout(problemId) {
    const l = await recoveryApi.startLockout({ problemId });
    await get().loadLockouts();
    return l;
  },
  async cancelLockout(id) {
    await recoveryApi.cancelLockout({ id });
    await get().loadLockouts();
  },
  listen: () =>
    onLockoutEnded(
      () =>
        void get()
          .loadLockouts()
          .catch(() => {}),
    ),
}));

useSession.subscribe((s, prev) => {
  if (s.status?.state !== 'unlocked' && prev.status?.state === 'unlocked')
    useRecovery.setState({ drafts: null, lockouts: [] });
});
