// One secret shown on request: "查看" asks main for this one field (an audited reveal) and hides it again
// when the time main gave runs out; "复制" has main put it on the clipboard (cleared by main), so the value
// never enters the page. Shared by SecretField (antd) and RowSecret (light table rows).
import { App } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { secretRef } from '../../../shared/contract/methods.ts';
import { errorText } from '../i18n/errors.ts';
import { secretsApi } from '../secrets/secrets-api.ts';
import { useLang } from './use-lang.ts';

export type SecretRef = z.infer<typeof secretRef>;

export function useSecret(secret: SecretRef) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [shown, setShown] = useState<{ value: string; hideAfterMs: number } | null>(null);

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(null), shown.hideAfterMs);
    return () => clearTimeout(timer);
  }, [shown]);

  const reveal = async () => {
    try {
      setShown(await secretsApi.reveal({ ref: secret }));
    } catch (err) {
      message.error(errorText(err, lang));
    }
  };
  const copy = async () => {
    try {
      const { clearAfterMs } = await secretsApi.copy({ ref: secret });
      message.success(t('secret.copied', { seconds: Math.round(clearAfterMs / 1000) }));
    } catch (err) {
      message.error(errorText(err, lang));
    }
  };
  return {
    /** The revealed value, or null while hidden. */
    value: shown?.value ?? null,
    toggle: () => (shown ? setShown(null) : void reveal()),
    copy: () => void copy(),
    toggleLabel: shown ? t('secret.hide') : t('secret.reveal'),
    copyLabel: t('secret.copy'),
  };
}
