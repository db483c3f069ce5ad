// 保证金退还: the list of cases and the case open on screen, and every change to it. Each change returns
// the case as main saved it and that is what shows; a tick shows at once (optimistic), and an answer overtaken
// by a newer change is dropped, so quick ticks never flicker back. A refused change puts back what main has
// and is thrown for the screen to show.
import { create } from 'zustand';
import type { DepositCaseView } from '../../../shared/contract/deposit-types.ts';
import type { RequestOf } from '../../../shared/contract/methods.ts';
import type { SectionId } from '../../../shared/domain/deposit/checklist-templates.ts';
import type { CaseAction } from '../../../shared/domain/deposit/deposit-case.ts';
import { useSession } from '../stores/session-store.ts';
import { depositApi } from './deposit-api.ts';

type ItemPatch = Omit<RequestOf<'deposit.updateItem'>, 'id' | 'itemId'>;
type AccountInput = Omit<RequestOf<'deposit.setAccount'>, 'id'>;

interface DepositState {
  cases: DepositCaseView[] | null;
  current: DepositCaseView | null;
  loadList(): Promise<void>;
  create(input: RequestOf<'deposit.create'>): Promise<DepositCaseView>;
  open(id: string): Promise<void>;
  act(action: CaseAction): Promise<DepositCaseView>;
  updateItem(itemId: string, patch: ItemPatch): Promise<DepositCaseView>;
  addItem(section: SectionId, text: string): Promise<DepositCaseView>;
  removeItem(itemId: string): Promise<DepositCaseView>;
  setAccount(input: AccountInput): Promise<DepositCaseView>;
  addAttachment(itemId: string, fileName: string, contentBase64: string): Promise<DepositCaseView>;
  removeAttachment(itemId: string, attachmentId: string): Promise<DepositCaseView>;
  openAttachment(itemId: string, attachmentId: string): Promise<RequestOfFile>;
  revealAccount(): Promise<{ value: string; hideAfterMs: number }>;
}
type RequestOfFile = Awaited<ReturnType<typeof depositApi.openAttachment>>;

let latest = 0;

export const useDeposit = create<DepositState>((set, get) => {
  const openId = () => {
    const c = get().current;
    if (!c) throw new Error('no deposit case is open');
    return c.id;
  };
  /** One change of the open case (see the file's comment). */
  const change = async (
    call: (id: string) => Promise<DepositCaseView>,
    optimistic?: (c: DepositCaseView) => DepositCaseView,
  ) => {
    const id = openId();
    const seq = ++latest;
    if (optimistic) set((s) => (s.current ? { current: optimistic(s.current) } : {}));
    try {
      const next = await call(id);
      if (seq === latest && get().current?.id === id) set({ current: next });
      // The list shows each case's state and progress: keep its entry in step.
      set((s) => (s.cases ? { cases: s.cases.map((c) => (c.id === id ? next : c)) } : {}));
      return next;
    } catch (err) {
      if (seq === latest && get().current?.id === id)
        await get()
          .open(id)
          .catch(() => {});
      throw err;
    }
  };
  return {
    cases: null,
    current: null,
    async loadList() {
      set({ cases: await depositApi.list({}) });
    },
    async create(input) {
      const c = await depositApi.create(input);
      set((s) => ({ cases: s.cases ? [...s.cases, c] : s.cases }));
      return c;
    },
    async open(id) {
      if (get().current?.id !== id) set({ current: null });
      // A change made while this read was on its way answers with a newer case than the read may hold.
      const seq = latest;
      const c = await depositApi.get({ id });
      if (seq === latest) set({ current: c });
    },
    act: (action) => change((id) => depositApi.act({ id, action })),
    updateItem: (itemId, patch) =>
      change(
        (id) => depositApi.updateItem({ id, itemId, ...patch }),
        (c) => ({
          ...c,
          items: c.items.map((x) =>
            x.id === itemId
              ? {
                  ...x,
                  ...(patch.done !== undefined ? { done: patch.done } : {}),
                  ...(patch.note !== undefined ? { note: patch.note } : {}),
                  ...(patch.date !== undefined ? { date: patch.date } : {}),
                }
              : x,
          ),
        }),
      ),
    addItem: (section, text) => change((id) => depositApi.addItem({ id, section, text })),
    removeItem: (itemId) => change((id) => depositApi.removeItem({ id, itemId })),
    setAccount: (input) => change((id) => depositApi.setAccount({ id, ...input })),
    addAttachment: (itemId, fileName, contentBase64) =>
      change((id) => depositApi.addAttachment({ id, itemId, fileName, contentBase64 })),
    removeAttachment: (itemId, attachmentId) =>
      change((id) => depositApi.removeAttachment({ id, itemId, attachmentId })),
    openAttachment: (itemId, attachmentId) =>
      depositApi.openAttachment({ id: openId(), itemId, attachmentId }),
    revealAccount: () => depositApi.revealAccount({ id: openId() }),
  };
});

useSession.subscribe((s, prev) => {
  if (s.status?.state !== 'unlocked' && prev.status?.state === 'unlocked')
    useDeposit.setState({ cases: null, current: null });
});
