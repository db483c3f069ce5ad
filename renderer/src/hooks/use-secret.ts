// One secret shown on request: "查看" asks main for this one field (an audited reveal) and hides it again
// when the time main gave runs out; "复制" has main put it on the clipboard (cleared by main), so the value
// never enters the page. Shared by SecretField (antd) and RowSecret (light table rows): the calls, messages
// and labels are taken once (useSecretActions; once per table for rows), the shown value once per secret.
import { App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { secretRef } from '../../../shared/contract/methods.ts';
import { errorText } from '../i18n/errors.ts';
import { secretsApi } from '../secrets/secrets-api.ts';
import { useLang } from './use-lang.ts';

export type SecretRef = z.infer<typeof secretRef>;

export function useSecretActions() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  return useMemo(
    () => ({
      /** The value and how long to show it, or null when refused (the refusal is shown). */
      async reveal(ref: SecretRef) {
        try {
          return await secretsApi.reveal({ ref });
        } catch (err) {
          message.error(errorText(err, lang));
          return null;
        }
      },
      async copy(ref: SecretRef) {
        try {
          const { clearAfterMs } = await secretsApi.copy({ ref });
          message.success(t('secret.copied', { seconds: Math.round(clearAfterMs / 1000) }));
        } catch (err) {
          message.error(errorText(err, lang));
        }
      },
      labels: { reveal: t('secret.reveal'), hide: t('secret.hide'), copy: t('secret.copy') },
    }),
    [t, lang, message],
  );
}

export type SecretActions = ReturnType<typeof useSecretActions>;

/** The shown state of one secret, using actions taken once higher up. */
export function useShownSecret(secret: SecretRef, actions: SecretActions) {
  const [shown, setShown] = useState<{ value: string; hideAfterMs: number } | null>(null);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), shown.hideAfterMs);
    return () => clearTimeout(timer);
  }, [shown]);
  return {
    /** The revealed value, or null while hidden. */
    value: shown?.value ?? null,
    toggle: () => (shown ? setShown(null) : void actions.reveal(secret).then((s) => s && setShown(s))),
    copy: () => void actions.copy(secret),
    toggleLabel: shown ? actions.labels.hide : actions.labels.reveal,
    copyLabel: actions.labels.copy,
  };
}

export function useSecret(secret: SecretRef) {
  return useShownSecret(secret, useSecretActions());
}
