// The 实人认证 list and the actions people take on it. Time-driven changes (freezing, a QR session
// lapsing) are not written: they follow from the stored state and the clock every time it is read.
import { AppError } from '../../../shared/contract/errors.ts';
import type { VerificationList, VerificationRow } from '../../../shared/contract/work-types.ts';
import {
  act,
  advance,
  reviewOverdue,
  startVerification,
  type Verification,
  type VerificationAction,
  VerificationError,
} from '../../../shared/domain/verification.ts';
import { compareUrgency, verificationRequired } from '../../../shared/domain/verification-policy.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { InventoryStore } from '../inventory/inventory-store.ts';
import type { ShopDoc, SubAccountRecord } from '../inventory/schemas.ts';
import type { Clock } from '../ports.ts';
import type { WorkRulesService } from './work-rules-service.ts';

export class VerificationService {
  constructor(
    private readonly store: InventoryStore,
    private readonly rules: WorkRulesService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly staffName: (id: string) => string | null,
  ) {}

  /** The state at `now`: the stored one advanced by time, or the one derived from creation. */
  of(doc: ShopDoc, sub: SubAccountRecord, now = this.clock.now()): Verification {
    const rules = this.rules.rules(doc.shop.platform);
    const stored =
      sub.verification ??
      startVerification(
        verificationRequired(
          this.rules.get().verification[doc.shop.platform],
          doc.shop,
          sub.temp !== undefined,
        ),
        Date.parse(sub.createdAt),
        rules,
      );
    return advance(stored, now);
  }

  row(doc: ShopDoc, sub: SubAccountRecord, now: number): VerificationRow {
    const v = this.of(doc, sub, now);
    return {
      subAccountId: sub.id,
      shopId: doc.shop.id,
      shopName: doc.shop.name,
      platform: doc.shop.platform,
      fullName: sub.fullName,
      staffName: sub.staffId ? this.staffName(sub.staffId) : null,
      verification: v,
      reviewOverdue: reviewOverdue(v, now, this.rules.rules(doc.shop.platform)),
    };
  }

  /** Every sub-account that needs verification, most urgent first. */
  list(): VerificationList {
    const now = this.clock.now();
    const rows: VerificationRow[] = [];
    for (const doc of this.store.shops()) {
      if (doc.shop.archived) continue;
      for (const sub of Object.values(doc.subAccounts)) {
        const row = this.row(doc, sub, now);
        if (row.verification.state !== 'not-required') rows.push(row);
      }
    }
    rows.sort(
      (a, b) => compareUrgency(a.verification, b.verification) || a.fullName.localeCompare(b.fullName),
    );
    return { now, rows };
  }

  act(id: string, action: VerificationAction): VerificationRow {
    const { doc, sub } = this.store.findSubAccount(id);
    const now = this.clock.now();
    const current = this.of(doc, sub, now);
    if (current.state === 'not-required') throw new AppError('VERIFICATION_NOT_REQUIRED');
    let next: Verification;
    try {
      next = act(current, action, now, this.rules.rules(doc.shop.platform));
    } catch (err) {
      if (err instanceof VerificationError)
        throw new AppError('VERIFICATION_NOT_ALLOWED', { details: { from: err.from, action: err.action } });
      throw err;
    }
    // Unbinding means the person left this account: the binding goes with the verification.
    const staffId = action.type === 'unbind' ? null : sub.staffId;
    const updated: SubAccountRecord = {
      ...sub,
      staffId,
      verification: next,
      updatedAt: new Date(now).toISOString(),
    };
    const nextDoc = { ...doc, subAccounts: { ...doc.subAccounts, [id]: updated } };
    this.store.writeShop(nextDoc);
    this.audit.append({
      action: `verification.${action.type}`,
      object: `subaccount/${id}`,
      summary: `${sub.fullName}: ${current.state} → ${next.state}${action.type === 'reject' ? ` (${action.reason})` : ''}`,
    });
    return this.row(nextDoc, updated, now);
  }
}
