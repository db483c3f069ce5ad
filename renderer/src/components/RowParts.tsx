// Light parts for table rows that must render by the dozen per keystroke: a tag, a link button, and a
// secret with reveal/copy, in plain DOM with static CSS (row-parts.css) instead of antd components.
import { CopyOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../hooks/use-lang.ts';
import { errorText } from '../i18n/errors.ts';
import { secretsApi } from '../secrets/secrets-api.ts';
import type { SecretRef } from './SecretField.tsx';
import './row-parts.css';

export type TagColor = 'default' | 'green' | 'orange' | 'blue' | 'processing' | 'volcano' | 'red' | 'gold';

export function RowTag({ color = 'default', children }: { color?: TagColor; children: ReactNode }) {
  return <span className={`sw-tag sw-tag-${color}`}>{children}</span>;
}

export function RowLink({
  onClick,
  children,
  label,
}: {
  onClick(): void;
  children: ReactNode;
  label?: string;
}) {
  return (
    <button type="button" className="sw-link" aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}

/** Same behaviour as SecretField (audited reveal hidden again when main says, copy through main). */
export function RowSecret({
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
  const toggle = shown ? t('secret.hide') : t('secret.reveal');
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
      <output
        className="sw-code"
        aria-label={label}
        data-testid={`secret-${secret.recordId}-${secret.field}`}
      >
        {shown ? shown.value : (masked ?? '••••••••')}
      </output>
      <button
        type="button"
        className="sw-icon"
        title={toggle}
        aria-label={`${toggle} ${label}`}
        onClick={() => (shown ? setShown(null) : void reveal())}
      >
        {shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
      </button>
      <button
        type="button"
        className="sw-icon"
        title={t('secret.copy')}
        aria-label={`${t('secret.copy')} ${label}`}
        onClick={() => void copy()}
      >
        <CopyOutlined />
      </button>
    </span>
  );
}
