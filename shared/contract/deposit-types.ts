// Deposit-refund cases as the renderer sees them: account numbers only masked.

import type { SectionId } from '../domain/deposit/checklist-templates.ts';
import type { CaseState } from '../domain/deposit/deposit-case.ts';
import type { AccountKind, EntityType } from '../domain/deposit/refund-account.ts';
import type { PlatformId, Text } from '../domain/platforms/types.ts';
import type { ExpectedWindow } from '../domain/workdays.ts';

export interface CaseItemView {
  id: string;
  section: SectionId;
  text: Text;
  done: boolean;
  note: string;
  date: string | null;
  custom: boolean;
  attachable: boolean;
  recoveryLink: boolean;
  attachments: Array<{ id: string; name: string; size: number; addedAt: string }>;
}

export interface DepositCaseView {
  id: string;
  shopId: string;
  shopName: string;
  platform: PlatformId;
  entityType: EntityType;
  amount: number;
  state: CaseState;
  items: CaseItemView[];
  progress: { done: number; total: number; percent: number };
  account: {
    kind: AccountKind;
    holder: string;
    bank: string;
    masked: string;
    /** The number fails the Luhn check: shown as a warning, never a block. */
    luhnWarning: boolean;
  } | null;
  submittedOn: string | null;
  window: ExpectedWindow | null;
  /** Last year of statutory-holiday data the app has (dates beyond it count weekends only). */
  holidayDataUntil: number;
  overdue: boolean;
  rejectionReason: string | null;
  blockedReason: string | null;
  refundedOn: string | null;
  timeline: Array<{ at: string; event: string; detail: string }>;
  createdAt: string;
}
