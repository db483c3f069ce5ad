// 审计日志: the page of entries on screen and the last chain check, as main answered.
import { create } from 'zustand';
import type { AuditEntry, AuditVerifyResult } from '../../../shared/contract/types.ts';
import { useSession } from '../stores/session-store.ts';
import { auditApi } from './audit-api.ts';

export const AUDIT_PAGE_SIZE = 50;

interface AuditState {
  page: number;
  entries: AuditEntry[];
  total: number;
  loading: boolean;
  verified: AuditVerifyResult | null;
  /** Loads a page (1-based); a failure leaves the last page on screen and is thrown. */
  load(page: number): Promise<void>;
  verify(): Promise<void>;
}

export const useAudit = create<AuditState>((set) => ({
  page: 1,
  entries: [],
  total: 0,
  loading: false,
  verified: null,
  async load(page) {
    set({ loading: true });
    try {
      const r = await auditApi.list({ offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE });
      set({ page, entries: r.entries, total: r.total });
    } finally {
      set({ loading: false });
    }
  },
  async verify() {
    set({ verified: await auditApi.verify({}) });
  },
}));

// What the log says is not kept in the page while the vault is locked.
useSession.subscribe((s, prev) => {
  if (s.status?.state !== 'unlocked' && prev.status?.state === 'unlocked')
    useAudit.setState({ page: 1, entries: [], total: 0, verified: null });
});
