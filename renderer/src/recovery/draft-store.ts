// The recovery draft being edited: what main holds plus what was typed and not saved yet. Typing is shown at
// once and saved a moment after the last keystroke (or at once on blur, hide or close); what was not saved when
// the vault locked is kept in page memory and saved after the unlock. One draft is open at a time.
import { create } from 'zustand';
import { AppError } from '../../../shared/contract/errors.ts';
import type { DraftView } from '../../../shared/contract/recovery-types.ts';
import type { DraftState } from '../../../shared/domain/recovery/draft-kinds.ts';
import { unsaved } from '../lib/unsaved.ts';
import { recoveryApi } from './recovery-api.ts';

/** Pause after the last keystroke before the typed fields go to main. */
export const AUTOSAVE_MS = 400;

interface DraftStore {
  id: string | null;
  draft: DraftView | null;
  saving: boolean;
  /** A save that failed for another reason than a lock (shown once by the screen, then cleared). */
  saveError: unknown;
  open(id: string): Promise<void>;
  /** One field typed or picked: shown now, saved after the pause (`now` saves at once). */
  edit(key: string, value: string, now?: boolean): void;
  flush(): Promise<void>;
  /** Throws the refusal (e.g. DRAFT_INCOMPLETE) for the screen to show. */
  setState(state: DraftState): Promise<void>;
  setCheck(key: string, checked: boolean): Promise<void>;
  attach(fileName: string, contentBase64: string): Promise<void>;
  clearSaveError(): void;
}

let pending: Record<string, string> = {};
let timer: ReturnType<typeof setTimeout> | null = null;
const keptKey = (id: string) => `recovery:${id}`;

/** The saves of typed fields, chained. */
let inFlight: Promise<void> = Promise.resolve();

export const useDraft = create<DraftStore>((set, get) => {
  const save = async (id: string | null, fields: Record<string, string>) => {
    if (!id || Object.keys(fields).length === 0) return;
    set({ saving: true });
    try {
      const draft = await recoveryApi.update({ id, fields });
      unsaved.drop(keptKey(id));
      // Typing that went on while this save was on its way stays on screen.
      if (get().id === id) set({ draft: { ...draft, fields: { ...draft.fields, ...pending } } });
    } catch (err) {
      // Not saved (e.g. the vault locked meanwhile): it stays kept and is saved after the next unlock.
      if (!(err instanceof AppError && err.code === 'VAULT_LOCKED')) set({ saveError: err });
    } finally {
      set({ saving: false });
    }
  };
  return {
    id: null,
    draft: null,
    saving: false,
    saveError: null,
    async open(id) {
      if (get().id !== id) set({ id, draft: null });
      // A save still on its way (the screen just left flushed what was typed) lands before the draft is read.
      await inFlight;
      const draft = await recoveryApi.get({ id });
      if (get().id !== id) return;
      // What was typed but not saved before a lock is put back and saved now.
      const kept = unsaved.peek(keptKey(id)) as Record<string, string> | undefined;
      set({ draft: kept ? { ...draft, fields: { ...draft.fields, ...kept } } : draft });
      if (kept) {
        pending = { ...kept, ...pending };
        await get().flush();
      }
    },
    edit(key, value, now = false) {
      const { id } = get();
      if (!id) return;
      pending[key] = value;
      unsaved.keep(keptKey(id), { [key]: value });
      set((s) => (s.draft ? { draft: { ...s.draft, fields: { ...s.draft.fields, [key]: value } } } : {}));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void get().flush(), now ? 0 : AUTOSAVE_MS);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      // What was typed so far, for the draft it was typed in; one save at a time, in order, so a later
      // save never overtakes an earlier one.
      const id = get().id;
      const fields = pending;
      pending = {};
      inFlight = inFlight.then(() => save(id, fields));
      return inFlight;
    },
    async setState(state) {
      await get().flush();
      const { id } = get();
      if (id) set({ draft: await recoveryApi.setState({ id, state }) });
    },
    async setCheck(key, checked) {
      const { id } = get();
      if (id) set({ draft: await recoveryApi.update({ id, fields: {}, checks: { [key]: checked } }) });
    },
    async attach(fileName, contentBase64) {
      const { id } = get();
      if (id) set({ draft: await recoveryApi.addAttachment({ id, fileName, contentBase64 }) });
    },
    clearSaveError: () => set({ saveError: null }),
  };
});
