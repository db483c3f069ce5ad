// Reads and updates the work rules (verification numbers per platform, purge and session lengths).
import type { WorkRules } from '../../../shared/contract/work-types.ts';
import type { PlatformId } from '../../../shared/domain/platforms/types.ts';
import type { VerificationRules } from '../../../shared/domain/verification.ts';
import { rulesOf, type VerificationPolicy } from '../../../shared/domain/verification-policy.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { defaultWorkRules } from '../settings/work-rules-schema.ts';
import type { DocumentStore } from '../storage/document-store.ts';

export class WorkRulesService {
  constructor(
    private readonly doc: DocumentStore<WorkRules>,
    private readonly audit: AuditLog,
  ) {}

  get(): WorkRules {
    return this.doc.peek() ?? defaultWorkRules();
  }

  rules(p: PlatformId): VerificationRules {
    return rulesOf(this.get().verification[p]);
  }

  /** Only what the patch names changes; a platform left out (or undefined) keeps its policy. */
  update(patch: {
    verification?: Partial<Record<PlatformId, VerificationPolicy | undefined>> | undefined;
    purgeAfterDays?: number | undefined;
    registrationMinutes?: number | undefined;
  }): WorkRules {
    const before = this.get();
    const verification = { ...before.verification };
    for (const [p, policy] of Object.entries(patch.verification ?? {}) as Array<
      [PlatformId, VerificationPolicy | undefined]
    >)
      if (policy) verification[p] = policy;
    const next: WorkRules = {
      verification,
      purgeAfterDays: patch.purgeAfterDays ?? before.purgeAfterDays,
      registrationMinutes: patch.registrationMinutes ?? before.registrationMinutes,
    };
    const changes = describeChanges(before, next);
    if (changes.length === 0) return before;
    this.doc.set(next);
    this.audit.append({ action: 'rules.updated', object: 'rules', summary: changes.join('; ') });
    return next;
  }
}

function describeChanges(a: WorkRules, b: WorkRules): string[] {
  const out: string[] = [];
  for (const p of Object.keys(b.verification) as PlatformId[]) {
    for (const [k, v] of Object.entries(b.verification[p])) {
      const old = (a.verification[p] as unknown as Record<string, unknown>)[k];
      if (old !== v) out.push(`${p}.${k}: ${String(old)} → ${String(v)}`);
    }
  }
  if (a.purgeAfterDays !== b.purgeAfterDays)
    out.push(`purgeAfterDays: ${a.purgeAfterDays} → ${b.purgeAfterDays}`);
  if (a.registrationMinutes !== b.registrationMinutes)
    out.push(`registrationMinutes: ${a.registrationMinutes} → ${b.registrationMinutes}`);
  return out;
}
