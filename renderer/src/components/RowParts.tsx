// Light parts for table rows that must render by the dozen per keystroke: a tag, a link button, and a
// secret with reveal/copy, in plain DOM with static CSS (row-parts.css) instead of antd components.
import { CopyOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type SecretRef, useSecret } from '../hooks/use-secret.ts';
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

/** Same behaviour as SecretField (one hook, use-secret.ts), in plain DOM. */
export function RowSecret({
  secret,
  label,
  masked,
}: {
  secret: SecretRef;
  label: string;
  masked?: string | null;
}) {
  const s = useSecret(secret);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
      <output
        className="sw-code"
        aria-label={label}
        data-testid={`secret-${secret.recordId}-${secret.field}`}
      >
        {s.value ?? masked ?? '••••••••'}
      </output>
      <button
        type="button"
        className="sw-icon"
        title={s.toggleLabel}
        aria-label={`${s.toggleLabel} ${label}`}
        onClick={s.toggle}
      >
        {s.value !== null ? <EyeInvisibleOutlined /> : <EyeOutlined />}
      </button>
      <button
        type="button"
        className="sw-icon"
        title={s.copyLabel}
        aria-label={`${s.copyLabel} ${label}`}
        onClick={s.copy}
      >
        <CopyOutlined />
      </button>
    </span>
  );
}
