// The work rules (verification numbers per platform, retention, session lengths): fetched once per unlock and
// shared by every screen that shows or uses them (the verification list, the registration dialog, settings),
// replaced by what main answers after a change, forgotten when the vault locks.
import { create } from 'zustand';
import type { RequestOf } from '../../../shared/contract/methods.ts';
import type { WorkRules } from '../../../shared/contract/work-types.ts';
import { useSession } from '../stores/session-store.ts';
import { rulesApi } from './verification-api.ts';

interface RulesState {
  rules: WorkRules | null;
  /** The rules, fetched if not here yet (screens mounting together share one call). */
  ensureLoaded(): Promise<WorkRules>;
  update(patch: RequestOf<'rules.update'>): Promise<WorkRules>;
}

let loading: Promise<WorkRules> | null = null;

export const useRules = create<RulesState>((set, get) => ({
  rules: null,
  ensureLoaded() {
    const { rules } = get();
    if (rules) return Promise.resolve(rules);
    loading ??= rulesApi.get({}).then(
      (r) => {
        loading = null;
        set({ rules: r });
        return r;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  },
  async update(patch) {
    const rules = await rulesApi.update(patch);
    set({ rules });
    return rules;
  },
}));

useSession.subscribe((s, prev) => {
  if (s.status?.state !== 'unlocked' && prev.status?.state === 'unlocked') useRules.setState({ rules: null });
});
