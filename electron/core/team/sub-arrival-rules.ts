// The platform rules a sub-account (and a permission template) must keep when it arrives from another member, checked with the same
// functions and worded with the same messages as the form and the import: a name the platform would refuse,
// a phone missing where the platform binds one to each sub-account, the same phone or full name twice in a
// shop, a permission this platform does not have, or more holders of a limited permission than it allows.
// Only what the arriving version newly breaks is refused: a record that already broke a rule here (made
// before the rule existed) is not taken away for being edited.
import { errorMessages, fieldErrorMessages } from '../../../shared/contract/errors.ts';
import { platform } from '../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../shared/domain/platforms/types.ts';
import { checkSubAccountName, checkSubAccountPhone } from '../../../shared/domain/subaccount-rules.ts';
import { NAME_PROBLEM_CODES } from '../inventory/field-checks.ts';
import type { SubAccountRecord } from '../inventory/schemas.ts';

export interface ArrivalShop {
  readonly platform: PlatformId;
  readonly mainLogin: string;
}

export interface ArrivingSub {
  readonly sub: SubAccountRecord;
  /** The phone in plain text, as the record carries it (null: none). */
  readonly phone: string | null;
}

interface Text {
  readonly zh: string;
  readonly en: string;
}

/** Each rule broken, as a key (to compare two versions) with what the form would say. */
export function subAccountProblems(
  shop: ArrivalShop,
  arriving: ArrivingSub,
  others: readonly SubAccountRecord[],
  phoneHash: (phone: string) => string,
): Map<string, Text> {
  const out = new Map<string, Text>();
  const { sub } = arriving;
  const spec = platform(shop.platform);
  const taken = new Set(others.map((s) => s.fullName.toLowerCase()));
  const name = checkSubAccountName(shop.platform, shop.mainLogin, sub.nickname, taken);
  if (name) {
    const m = fieldErrorMessages[NAME_PROBLEM_CODES[name]];
    out.set(`name:${name}`, { zh: `子账号名：${m.zh}`, en: `Sub-account name: ${m.en}` });
  }
  const phone = checkSubAccountPhone(shop.platform, arriving.phone ?? '', (p) => {
    const hash = phoneHash(p);
    return others.some((s) => s.phoneHash === hash);
  });
  if (phone.problem === 'in_use') out.set('phone:in_use', errorMessages.PHONE_IN_USE);
  // The temporary-agent batch makes its accounts without phones (each agent binds their own on the
  // platform), so a temporary agent without one is what this app itself makes, not a broken rule.
  else if (phone.problem === 'required' && sub.temp) {
  } else if (phone.problem) {
    const m = fieldErrorMessages[phone.problem];
    out.set(`phone:${phone.problem}`, { zh: `绑定手机：${m.zh}`, en: `Bound phone: ${m.en}` });
  }
  for (const [k, t] of unknownPermissions(shop.platform, sub.permissions)) out.set(k, t);
  for (const perm of sub.permissions) {
    const limit = spec.holderLimits[perm];
    if (limit === undefined) continue;
    const holders = others.filter((s) => s.permissions.includes(perm)).length + 1;
    if (holders > limit) out.set(`limit:${perm}`, errorMessages.HOLDER_LIMIT_REACHED);
  }
  return out;
}

/** A permission the platform does not have, each said as the form's catalogue would. */
function unknownPermissions(platformId: PlatformId, permissions: readonly string[]): Map<string, Text> {
  const spec = platform(platformId);
  const known = new Set(spec.permissions.map((p) => p.id));
  const out = new Map<string, Text>();
  for (const perm of permissions)
    if (!known.has(perm))
      out.set(`perm:${perm}`, {
        zh: `权限「${perm}」不是${spec.name.zh}的权限`,
        en: `"${perm}" is not a ${spec.name.en} permission`,
      });
  return out;
}

/**
 * A permission template from another member: refused when it newly names a permission its platform does not
 * have (the form offers only the platform's own). Null when it may be written.
 */
export function templateArrivalRefusal(
  arriving: { platform: PlatformId; permissions: readonly string[] },
  here: { platform: PlatformId; permissions: readonly string[] } | null,
): Text | null {
  const before =
    here && here.platform === arriving.platform ? unknownPermissions(here.platform, here.permissions) : null;
  const fresh = [...unknownPermissions(arriving.platform, arriving.permissions)]
    .filter(([k]) => !before?.has(k))
    .map(([, t]) => t);
  if (fresh.length === 0) return null;
  return { zh: fresh.map((t) => t.zh).join('；'), en: fresh.map((t) => t.en).join('; ') };
}

/**
 * What refuses the arriving version: the rules it breaks that the version already here (if any) did not.
 * Null when it may be written.
 */
export function arrivalRefusal(
  shop: ArrivalShop,
  arriving: ArrivingSub,
  here: ArrivingSub | null,
  others: readonly SubAccountRecord[],
  phoneHash: (phone: string) => string,
): Text | null {
  const now = subAccountProblems(shop, arriving, others, phoneHash);
  const before = here ? subAccountProblems(shop, here, others, phoneHash) : new Map<string, Text>();
  const fresh = [...now].filter(([k]) => !before.has(k)).map(([, t]) => t);
  if (fresh.length === 0) return null;
  return { zh: fresh.map((t) => t.zh).join('；'), en: fresh.map((t) => t.en).join('; ') };
}
