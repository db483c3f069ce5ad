// Who the deposit may be paid back to: an individual business (个体工商户) may use the operator's personal
// bank card or the licence's corporate account; an enterprise (企业) only its corporate account.
import type { Text } from '../platforms/types.ts';
import { luhnValid } from '../validators.ts';

export type EntityType = 'individual' | 'enterprise';
export type AccountKind = 'personal' | 'corporate';

export const REFUND_ACCOUNT_RULE: Record<EntityType, AccountKind[]> = {
  individual: ['personal', 'corporate'],
  enterprise: ['corporate'],
};

/** Null when allowed; otherwise why not, in both languages. */
export function refusedAccount(entity: EntityType, kind: AccountKind): Text | null {
  if (REFUND_ACCOUNT_RULE[entity].includes(kind)) return null;
  return {
    zh: '企业店铺的保证金只能退到营业执照上的对公账户，不能退到个人银行卡。',
    en: "An enterprise shop's deposit can be refunded only to the corporate account on its business licence, not to a personal card.",
  };
}

export function normalizeCardNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{12,30}$/.test(digits) ? digits : null;
}

/** Card and corporate account numbers: Luhn is a warning only (corporate accounts and some cards skip it). */
export function cardWarning(number: string): boolean {
  return !luhnValid(number);
}

export function maskAccount(number: string): string {
  return `${number.slice(0, 4)} **** **** ${number.slice(-4)}`;
}
