// Offline recovery requests: the registry of kinds (one file per kind under kinds/, like platforms/) and the
// calls the rest of the app makes on a kind by its id.

import type { Text } from '../platforms/types.ts';
import { amazonReset } from './kinds/amazon-reset.ts';
import { douyinCancelled } from './kinds/douyin-cancelled.ts';
import { douyinSms } from './kinds/douyin-sms.ts';
import { generic } from './kinds/generic.ts';
import { jdPassword } from './kinds/jd-password.ts';
import type { DraftDoc, DraftKindDef, FieldDef, Problems, ShopFacts } from './kinds/kind.ts';

export { sealRule } from './kinds/douyin-cancelled.ts';
export { DOUYIN_APPEAL_SUBJECT, DOUYIN_APPEAL_TO, DOUYIN_SMS_SUBJECT } from './kinds/douyin-mail.ts';
export { JD_SUBJECTS, type JdSubject, jdAttachments } from './kinds/jd-password.ts';
export type { DraftDoc, FieldDef, Problems, ShopFacts } from './kinds/kind.ts';

export const DRAFT_KINDS = {
  'jd-password': jdPassword,
  'douyin-cancelled': douyinCancelled,
  'douyin-sms': douyinSms,
  'amazon-reset': amazonReset,
  generic,
} as const satisfies Record<string, DraftKindDef>;

export type DraftKind = keyof typeof DRAFT_KINDS;
export type DraftState = 'draft' | 'ready' | 'sent' | 'resolved';

const byKind = <T>(pick: (k: DraftKindDef) => T) =>
  Object.fromEntries(Object.entries(DRAFT_KINDS).map(([id, k]) => [id, pick(k)])) as Record<DraftKind, T>;

export const KIND_LABELS: Record<DraftKind, Text> = byKind((k) => k.label);
export const FIELDS: Record<DraftKind, FieldDef[]> = byKind((k) => k.fields);

/** Field-by-field rules; an empty result means the draft can be marked ready. */
export const checkDraft = (kind: DraftKind, f: Record<string, string>): Problems =>
  DRAFT_KINDS[kind].check(f);

export const buildDraft = (kind: DraftKind, f: Record<string, string>, submittedAt: string): DraftDoc =>
  DRAFT_KINDS[kind].build(f, submittedAt);

/** Fields a new draft starts with, from the shop's details. */
export function prefill(kind: DraftKind, shop: ShopFacts | null): Record<string, string> {
  const def: DraftKindDef = DRAFT_KINDS[kind];
  return shop && def.prefill ? def.prefill(shop) : {};
}
