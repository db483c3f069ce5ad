// Reads and updates the work rules (verification numbers per platform, purge and session lengths).
import type { WorkRules } from '../../../shared/contract/work-types.ts';
import type { PlatformId } from '../../../shared/domain/platforms/types.ts';
import type { VerificationRules } from '../../../shared/domain/verification.ts';
import { rulesOf } from '../../../shared/domain/verification-policy.ts';
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

  update(patch: Partial<WorkRules>): WorkRules {
    const before = this.get();
    const next: WorkRules = {
      verification: { ...before.verification, ...patch.verification },
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
