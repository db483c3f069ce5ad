// A secret shown masked. "查看" asks main for this one field (an audited reveal) and hides it again when
// the time main gave runs out; "复制" has main put it on the clipboard, so the value never enters the page.
import { CopyOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { secretRef } from '../../../shared/contract/methods.ts';
import { useLang } from '../hooks/use-lang.ts';
import { errorText } from '../i18n/errors.ts';
import { secretsApi } from '../secrets/secrets-api.ts';

export type SecretRef = z.infer<typeof secretRef>;

/** `masked` is what shows while hidden (e.g. 138****8000); dots when there is no mask. */
export function SecretField({
  secret,
  label,
  masked,
}: {
  secret: SecretRef;
  label: string;
  masked?: string | null;
}) {
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

  return (
    <Space size={4} wrap={false} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text code aria-label={label} data-testid={`secret-${secret.recordId}-${secret.field}`}>
        {shown ? shown.value : (masked ?? '••••••••')}
      </Typography.Text>
      <Tooltip title={shown ? t('secret.hide') : t('secret.reveal')}>
        <Button
          size="small"
          type="text"
          aria-label={`${shown ? t('secret.hide') : t('secret.reveal')} ${label}`}
          icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          onClick={() => (shown ? setShown(null) : void reveal())}
        />
      </Tooltip>
      <Tooltip title={t('secret.copy')}>
        <Button
          size="small"
          type="text"
          aria-label={`${t('secret.copy')} ${label}`}
          icon={<CopyOutlined />}
          onClick={() => void copy()}
        />
      </Tooltip>
    </Space>
  );
}
