import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.ts';

/** The refusals that name another sub-account or a limit, as one sentence; null for the others. */
export function refusalText(err: AppError, t: TFunction): string | null {
  const name = String(err.details?.subAccount ?? '');
  if (err.code === 'STAFF_ALREADY_BOUND') return t('inv.subs.alreadyBound', { name });
  if (err.code === 'PHONE_IN_USE') return t('inv.subs.phoneInUse', { name });
  if (err.code === 'HOLDER_LIMIT_REACHED') return t('inv.subs.holderLimit', { limit: err.details?.limit });
  return null;
}

/** A dialog's sentence-level refusal: `onError` shows it and tells useMutation it was handled. */
export function useRefusal(): { problem: string | null; clear(): void; onError(err: AppError): boolean } {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  // Stable identities: dialogs list `clear` in effect dependencies.
  const clear = useCallback(() => setProblem(null), []);
  const onError = useCallback(
    (err: AppError) => {
      const text = refusalText(err, t);
      if (text) setProblem(text);
      return text !== null;
    },
    [t],
  );
  return { problem, clear, onError };
}
