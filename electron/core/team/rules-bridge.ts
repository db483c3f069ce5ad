// The work rules (verification numbers per platform, purge and session lengths) ↔ one record in the team's
// global scope, a field per number, so two admins changing different platforms at once both keep their
// change, and a lead's computer applies the team's deadlines (a lead reads the rules, never changes them).
import type { WorkRules } from '../../../shared/contract/work-types.ts';
import { PLATFORM_IDS } from '../../../shared/domain/platforms/catalog.ts';
import { isDeleted, type SyncRecord, valuesOf } from '../../../shared/domain/sync/records.ts';
import { workRulesSchema } from '../settings/work-rules-schema.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { Bridge, type BridgeDeps } from './bridge.ts';
import { type Fields, pushChanged, type RecordWrite } from './record-mapping.ts';

export const rulesKey = { scope: 'global', kind: 'rules', id: 'work' } as const;

const POLICY_KEYS = ['required', 'verifyWithinDays', 'graceDays', 'reviewHours', 'qrMinutes'] as const;

export function rulesFields(r: WorkRules): Fields {
  const out: Fields = { purgeAfterDays: r.purgeAfterDays, registrationMinutes: r.registrationMinutes };
  for (const p of PLATFORM_IDS) for (const k of POLICY_KEYS) out[`${p}_${k}`] = r.verification[p][k];
  return out;
}

/** The rules a record describes on top of `current` (a field it lacks keeps its value); null if invalid. */
export function rulesFromRecord(current: WorkRules, rec: SyncRecord): WorkRules | null {
  const v = valuesOf(rec);
  // A field the record has is taken as it is (null included, and refused if invalid); one it lacks keeps ours.
  const pick = (field: string, ours: unknown) => (Object.hasOwn(v, field) ? v[field] : ours);
  const verification = Object.fromEntries(
    PLATFORM_IDS.map((p) => [
      p,
      Object.fromEntries(POLICY_KEYS.map((k) => [k, pick(`${p}_${k}`, current.verification[p][k])])),
    ]),
  );
  const parsed = workRulesSchema.safeParse({
    verification,
    purgeAfterDays: pick('purgeAfterDays', current.purgeAfterDays),
    registrationMinutes: pick('registrationMinutes', current.registrationMinutes),
  });
  return parsed.success ? parsed.data : null;
}

interface RulesDeps extends BridgeDeps {
  readonly doc: DocumentStore<WorkRules>;
  /** The rules in force (the defaults when never changed). */
  current(): WorkRules;
}

export class RulesBridge extends Bridge<RulesDeps> {
  constructor(d: RulesDeps) {
    super(d);
    this.listen(
      d.doc.onSet((_before, after) => this.local(after)),
      d.engine.onRemoteChanges((r) => this.remote(r)),
    );
  }

  private get writer(): boolean {
    const role = this.d.engine.grant()?.role;
    return role === 'owner' || role === 'admin';
  }

  private local(after: WorkRules): void {
    if (!this.writer) return;
    this.queue(() => {
      const writes: RecordWrite[] = [];
      pushChanged(writes, this.d.engine.get(rulesKey), rulesKey, rulesFields(after));
      return writes;
    });
  }

  /** The rules of a vault that makes a team become the team's. */
  reconcile(): void {
    this.local(this.d.current());
  }

  private remote(records: SyncRecord[]): boolean {
    const rec = records.find(
      (r) => r.scope === rulesKey.scope && r.kind === rulesKey.kind && r.id === rulesKey.id,
    );
    if (!rec || isDeleted(rec)) return true;
    const next = rulesFromRecord(this.d.current(), rec);
    if (!next) {
      this.refuse(rec);
      return true;
    }
    if (JSON.stringify(next) === JSON.stringify(this.d.current())) return true;
    return this.asRemote(() => this.d.doc.set(next));
  }
}
