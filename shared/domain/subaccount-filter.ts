// Filtering and sorting the sub-account list. Pure and allocation-light: it runs on every keystroke over
// up to tens of thousands of rows (the benchmark holds it to one frame).
import type { VerificationState } from './verification.ts';

/** The fields a row needs to be filtered (the contract's SubAccountView has them; domain does not import it). */
export interface FilterableSubAccount {
  shopId: string;
  platform: string;
  templateId: string | null;
  status: 'active' | 'disabled';
  sync: 'pending' | 'synced';
  verification: VerificationState;
  staffId: string | null;
  fullName: string;
  shopName: string;
  staffName: string | null;
}

export interface SubAccountFilter {
  shopId?: string | undefined;
  platform?: string | undefined;
  templateId?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
  sync?: 'pending' | 'synced' | undefined;
  verification?: VerificationState | undefined;
  bound?: 'bound' | 'unbound' | undefined;
  /** Matches the sub-account name, the shop name or the bound person's name, case-insensitively. */
  search?: string | undefined;
}

export function filterSubAccounts<R extends FilterableSubAccount>(
  rows: readonly R[],
  f: SubAccountFilter,
): R[] {
  const q = f.search?.trim().toLowerCase() ?? '';
  const out: R[] = [];
  for (const r of rows) {
    if (f.shopId && r.shopId !== f.shopId) continue;
    if (f.platform && r.platform !== f.platform) continue;
    if (f.templateId && r.templateId !== f.templateId) continue;
    if (f.status && r.status !== f.status) continue;
    if (f.sync && r.sync !== f.sync) continue;
    if (f.verification && r.verification !== f.verification) continue;
    if (f.bound === 'bound' && !r.staffId) continue;
    if (f.bound === 'unbound' && r.staffId) continue;
    if (
      q &&
      !r.fullName.toLowerCase().includes(q) &&
      !r.shopName.toLowerCase().includes(q) &&
      !(r.staffName ?? '').toLowerCase().includes(q)
    ) {
      continue;
    }
    out.push(r);
  }
  return out;
}
