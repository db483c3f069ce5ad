// The work rules as a team record: every number round-trips, a record missing fields keeps the local
// values, and one with an out-of-range or wrongly typed number (a newer version, or junk from a member) is
// refused as a whole rather than applied half-way.
import { describe, expect, it } from 'vitest';
import { defaultWorkRules } from '../../electron/core/settings/work-rules-schema.ts';
import { rulesFields, rulesFromRecord, rulesKey } from '../../electron/core/team/rules-bridge.ts';
import { HybridClock } from '../../shared/domain/sync/hlc.ts';
import { applyChange, changeFor, type FieldValue } from '../../shared/domain/sync/records.ts';

const clock = new HybridClock('a'.repeat(32), () => 1_800_000_000_000);
const record = (values: Record<string, FieldValue>) =>
  applyChange(undefined, changeFor(rulesKey, undefined, values, clock.tick())).record;

describe('work rules as a team record', () => {
  it('round-trips every number, and keeps local values for fields the record lacks', () => {
    const rules = defaultWorkRules();
    rules.verification.jd = { ...rules.verification.jd, verifyWithinDays: 9, required: false };
    rules.purgeAfterDays = 12;
    expect(rulesFromRecord(defaultWorkRules(), record(rulesFields(rules)))).toEqual(rules);
    const partial = rulesFromRecord(rules, record({ registrationMinutes: 90 }));
    expect(partial).toEqual({ ...rules, registrationMinutes: 90 });
  });

  it('refuses a record with any number out of range or of the wrong type', () => {
    const base = defaultWorkRules();
    for (const bad of [
      { jd_verifyWithinDays: 1000 },
      { taobao_required: 'yes' },
      { purgeAfterDays: -1 },
      { registrationMinutes: 2.5 },
      { douyin_qrMinutes: null },
    ] as Array<Record<string, FieldValue>>)
      expect(rulesFromRecord(base, record(bad)), JSON.stringify(bad)).toBeNull();
  });
});
