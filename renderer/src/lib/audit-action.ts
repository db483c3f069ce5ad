// An audit action code in words. The log keeps stable codes (they are what the hash chain covers); people
// read the words, with the code kept as the cell's tooltip for support.
import type { TFunction } from 'i18next';

export function auditActionText(code: string, t: TFunction): string {
  const fixed = t(`audit.actions.${code.replaceAll('.', '_')}`, { defaultValue: '' });
  if (fixed) return fixed;
  const [area, ...rest] = code.split('.');
  const tail = rest.join('_');
  const prefix = t('deposit.title');
  if (area === 'deposit') return `${prefix} · ${t(`deposit.events.${tail}`, { defaultValue: tail })}`;
  if (area === 'recovery')
    return `${t('nav.recovery')} · ${t(`recoveryReq.state.${tail}`, { defaultValue: tail })}`;
  if (area === 'verification')
    return `${t('nav.verification')} · ${t(`work.verify.${tail}`, { defaultValue: tail })}`;
  return code;
}
