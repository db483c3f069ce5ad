// Vault state, settings and start-up facts, kept in one store because every screen gate depends on them.
import { create } from 'zustand';
import type {
  AppInfo,
  Language,
  RecoveryEvent,
  Settings,
  VaultStatus,
} from '../../../shared/contract/types.ts';
import { deliverChanges } from '../bridge/bridge.ts';
import type { Bridge } from '../bridge/index.ts';
import { applyLanguage } from '../i18n/index.ts';

interface SessionState {
  bridge: Bridge | null;
  status: VaultStatus | null;
  settings: Settings | null;
  info: AppInfo | null;
  recovery: RecoveryEvent[];
  loadError: unknown;
  init(bridge: Bridge): Promise<void>;
  refreshStatus(): Promise<void>;
  refreshRecovery(): Promise<void>;
  setup(password: string, confirm: string, rememberOnDevice: boolean): Promise<void>;
  unlock(password: string): Promise<void>;
  unlockWithDevice(): Promise<void>;
  lock(): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  setLanguage(lang: Language): Promise<void>;
}

const need = (b: Bridge | null): Bridge => {
  if (!b) throw new Error('bridge not ready');
  return b;
};

export const useSession = create<SessionState>((set, get) => ({
  bridge: null,
  status: null,
  settings: null,
  info: null,
  recovery: [],
  loadError: null,

  async init(bridge) {
    set({ bridge });
    bridge.on('vault.locked', () => void get().refreshStatus());
    bridge.on('vault.unlocked', () => void get().refreshStatus());
    bridge.on('settings.changed', (settings) => {
      applyLanguage(settings.language);
      set({ settings });
    });
    bridge.on('inventory.changed', deliverChanges);
    bridge.on('storage.recovered', ({ events }) => {
      set({ recovery: [...get().recovery, ...events] });
      // Damage found after unlock may leave the data unusable; the status says so.
      void get().refreshStatus();
    });
    try {
      const [status, settings, info, recovery] = await Promise.all([
        bridge.invoke('vault.getStatus', {}),
        bridge.invoke('settings.get', {}),
        bridge.invoke('app.getInfo', {}),
        bridge.invoke('storage.getRecoveryReport', {}),
      ]);
      applyLanguage(settings.language);
      set({ status, settings, info, recovery });
    } catch (err) {
      set({ loadError: err });
    }
  },

  async refreshStatus() {
    const status = await need(get().bridge).invoke('vault.getStatus', {});
    // The event after our own unlock or lock brings the status we already hold: a new object for the same
    // status would re-render the whole app behind the gate while its first screen is being built.
    if (JSON.stringify(status) !== JSON.stringify(get().status)) set({ status });
  },

  async setup(password, confirm, rememberOnDevice) {
    const status = await need(get().bridge).invoke('vault.setup', { password, confirm, rememberOnDevice });
    set({ status });
  },

  async unlock(password) {
    const status = await need(get().bridge).invoke('vault.unlock', { password });
    set({ status });
    await get().refreshRecovery();
  },

  async unlockWithDevice() {
    const status = await need(get().bridge).invoke('vault.unlockWithDevice', {});
    set({ status });
    await get().refreshRecovery();
  },

  // Unlocking may authenticate stored data and recover a file: the report is picked up right after the
  // app is shown (not before it, which kept the first screen waiting for one more round trip).
  async refreshRecovery() {
    try {
      set({ recovery: await need(get().bridge).invoke('storage.getRecoveryReport', {}) });
    } catch {
      // The earlier report stays; damage found later still arrives as `storage.recovered`. The unlock itself
      // succeeded, so it is not reported as failed.
    }
  },

  async lock() {
    set({ status: await need(get().bridge).invoke('vault.lock', {}) });
  },

  async updateSettings(patch) {
    const settings = await need(get().bridge).invoke('settings.update', patch);
    applyLanguage(settings.language);
    set({ settings });
  },

  async setLanguage(lang) {
    const settings = await need(get().bridge).invoke('settings.setLanguage', { language: lang });
    applyLanguage(settings.language);
    set({ settings });
  },
}));

/** The bridge to main for stores and screens; it exists from start-up on (main.tsx sets it before rendering). */
export function bridge(): Bridge {
  const b = useSession.getState().bridge;
  if (!b) throw new Error('bridge not ready');
  return b;
}
