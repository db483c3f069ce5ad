// Verification, temporary agents, registration sessions and reminders as the renderer sees them.
import type { ChecklistStep } from '../domain/permissions.ts';
import type { PlatformId, Text } from '../domain/platforms/types.ts';
import type { Reminder } from '../domain/reminders.ts';
import type { RetireMode } from '../domain/retire-checklist.ts';
import type { SaleWindow, WindowPhase } from '../domain/sale-window.ts';
import type { Verification } from '../domain/verification.ts';
import type { CardFacts } from '../domain/verification-card.ts';
import type { VerificationPolicy } from '../domain/verification-policy.ts';

export interface WorkRules {
  verification: Record<PlatformId, VerificationPolicy>;
  /** Days after retirement when a temporary agent's personal data is purged. */
  purgeAfterDays: number;
  /** How long a staff registration session stays open by default. */
  registrationMinutes: number;
}

export interface VerificationRow {
  subAccountId: string;
  shopId: string;
  shopName: string;
  platform: PlatformId;
  fullName: string;
  staffName: string | null;
  verification: Verification;
  reviewOverdue: boolean;
}

export interface VerificationList {
  /** The core's clock when the list was made: countdowns run from here. */
  now: number;
  rows: VerificationRow[];
}

export type TempPhase = WindowPhase | 'retired' | 'gone';

export interface TempAgentView {
  id: string;
  batchId: string;
  shopId: string;
  shopName: string;
  platform: PlatformId;
  fullName: string;
  status: 'active' | 'disabled';
  window: SaleWindow;
  phase: TempPhase;
  staffName: string | null;
  retiredAt: string | null;
  retireMode: RetireMode | null;
  goneAt: string | null;
  /** When the bound person's data is (or was) removed; null while not retired. */
  purgeAt: string | null;
  purged: boolean;
}

export interface RetireGuide {
  shopId: string;
  shopName: string;
  platform: PlatformId;
  mode: RetireMode;
  steps: ChecklistStep[];
  pending: Array<{ id: string; fullName: string }>;
}

/** What a card shows (the domain's card facts) for one sub-account. */
export interface CardInfo extends CardFacts {
  subAccountId: string;
}

export interface RegistrationEntry {
  subAccountId: string;
  fullName: string;
  shopName: string;
  url: string;
  registered: boolean;
  /** A phone submitted the mobile of someone already on the staff list: not bound until the desktop decides. */
  conflict: { typedName: string; existingName: string } | null;
}

export interface RegistrationSession {
  id: string;
  address: string;
  port: number;
  expiresAt: number;
  entries: RegistrationEntry[];
  registered: number;
  total: number;
}

export interface NetworkAddress {
  address: string;
  name: string;
  internal: boolean;
}

export interface ReminderView extends Reminder {
  title: Text;
  snoozedUntil: number | null;
}
