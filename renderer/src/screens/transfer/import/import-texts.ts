// Words for what the import preview found, from the codes main sends.
import type { TFunction } from 'i18next';
import { AppError } from '../../../../../shared/contract/errors.ts';
import type { ImportPreview, ImportPreviewRow } from '../../../../../shared/contract/transfer-types.ts';
import type { Language } from '../../../../../shared/contract/types.ts';
import { errorText, fieldErrorText } from '../../../i18n/errors.ts';

const SOURCE_NAMES: Record<string, string> = {
  xlsx: 'Excel (.xlsx)',
  'bitwarden-json': 'Bitwarden (.json)',
  'bitwarden-csv': 'Bitwarden (.csv)',
  '1password-csv': '1Password (.csv)',
  'keepass-kdbx': 'KeePass (.kdbx)',
  'keepass-xml': 'KeePass (.xml)',
  'keepassxc-csv': 'KeePassXC (.csv)',
  'chrome-csv': 'Chrome / Edge (.csv)',
  'firefox-csv': 'Firefox (.csv)',
};

export function sourceName(p: ImportPreview): string {
  if (p.source === 'csv') return `CSV (${p.encoding ?? 'UTF-8'})`;
  return SOURCE_NAMES[p.source] ?? p.source;
}

/**
 * Every problem and piece of advice of a row, in words. A phone or e-mail the form would refuse reads as the
 * form's own message for that field.
 */
export function rowNotes(t: TFunction, lang: Language, r: ImportPreviewRow): string[] {
  const field = (label: string, code: string) => `${t(label)}：${fieldErrorText(code, lang)}`;
  const problems = r.problems.map((p) => {
    if (p.code === 'phone_required') return field('transfer.import.fields.phone', 'required');
    if (p.code === 'phone_invalid') return field('transfer.import.fields.phone', 'invalid_mobile');
    if (p.code === 'email_invalid') return field('transfer.import.fields.email', 'invalid_email');
    if (p.code === 'phone_in_use')
      return (
        errorText(new AppError('PHONE_IN_USE'), lang) +
        (p.row ? t('transfer.import.problems.phone_in_use_row', { row: p.row }) : '')
      );
    if (p.code === 'duplicate_in_file')
      return p.row
        ? t('transfer.import.problems.duplicate_in_file', { row: p.row })
        : t('transfer.import.problems.duplicate_in_file_norow');
    if (p.code === 'staff_two_accounts' && p.row)
      return t('transfer.import.problems.staff_two_accounts_row', { row: p.row });
    return t(`transfer.import.problems.${p.code}`);
  });
  const advice = r.advice.map((a) => t(`transfer.import.advice.${a}`));
  return [...problems, ...advice];
}
