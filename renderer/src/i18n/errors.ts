import {
  AppError,
  errorMessages,
  fieldErrorMessages,
  isFieldErrorCode,
} from '../../../shared/contract/errors.ts';
import type { Language } from '../../../shared/contract/types.ts';

const pick = (m: { zh: string; en: string }, lang: Language) => (lang === 'zh-CN' ? m.zh : m.en);

/** The user-facing message for any error, in the active language. */
export function errorText(err: unknown, lang: Language): string {
  const code = err instanceof AppError ? err.code : 'INTERNAL';
  return pick(errorMessages[code], lang);
}

export function fieldErrorText(code: string, lang: Language): string {
  return isFieldErrorCode(code)
    ? pick(fieldErrorMessages[code], lang)
    : pick(fieldErrorMessages.invalid, lang);
}

/** antd Form fields list for an AppError's field errors (field path => message). */
export function formFieldErrors(err: unknown, lang: Language): Array<{ name: string; errors: string[] }> {
  if (!(err instanceof AppError) || !err.fields) return [];
  return Object.entries(err.fields)
    .filter(([name]) => name.length > 0)
    .map(([name, code]) => ({ name, errors: [fieldErrorText(code, lang)] }));
}
