import {
  AppError,
  errorMessages,
  fieldErrorMessages,
  isFieldErrorCode,
} from '../../../shared/contract/errors.ts';
import type { Language } from '../../../shared/contract/types.ts';

const pick = (m: { zh: string; en: string }, lang: Language) => (lang === 'zh-CN' ? m.zh : m.en);

/** The user-facing message for any error, in the active language. */
/**
 * What the user reads for an error: the code's message and, where main said why (`details.reasons`, in both
 * languages), the reasons after it — e.g. 还不能提交：营业执照未上传；退款账户未填写.
 */
export function errorText(err: unknown, lang: Language): string {
  const code = err instanceof AppError ? err.code : 'INTERNAL';
  const d = err instanceof AppError ? err.details : undefined;
  const why = lang === 'zh-CN' ? d?.reasons : (d?.reasonsEn ?? d?.reasons);
  return `${pick(errorMessages[code], lang)}${why ? String(why) : ''}`;
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
