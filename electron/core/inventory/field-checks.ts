// Turns the pure validators into field errors the contract carries back to the form.
import { AppError, type FieldErrorCode, type FieldErrors } from '../../../shared/contract/errors.ts';
import type { PasswordPolicy } from '../../../shared/domain/platforms/types.ts';
import {
  checkPassword,
  type NameProblem,
  type PasswordProblem,
} from '../../../shared/domain/subaccount-rules.ts';

export class FieldCollector {
  readonly fields: FieldErrors = {};
  add(field: string, code: FieldErrorCode): void {
    this.fields[field] ??= code;
  }
  throwIfAny(): void {
    if (Object.keys(this.fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields: this.fields });
  }
}

export const NAME_PROBLEM_CODES: Record<NameProblem, FieldErrorCode> = {
  empty: 'name_empty',
  too_long: 'name_too_long',
  bad_chars: 'name_bad_chars',
  all_digits: 'name_all_digits',
  taken: 'name_taken',
};

const PASSWORD_PROBLEM_CODES: Record<PasswordProblem, FieldErrorCode> = {
  too_short: 'password_too_short_platform',
  too_long: 'password_too_long',
  needs_upper: 'password_needs_upper',
  needs_lower: 'password_needs_lower',
  needs_digit: 'password_needs_digit',
};

/** A typed password: twice, equal, and within the platform's policy. */
export function checkTypedPassword(
  f: FieldCollector,
  policy: PasswordPolicy,
  password: string | undefined,
  confirm: string | undefined,
): void {
  if (!password) {
    f.add('password', 'required');
    return;
  }
  const problem = checkPassword(policy, password);
  if (problem) f.add('password', PASSWORD_PROBLEM_CODES[problem]);
  if (password !== confirm) f.add('confirm', 'password_mismatch');
}
