// Light parts for table rows that must render by the dozen per keystroke: a tag, a link button, and a
// secret with reveal/copy, in plain DOM with static CSS (row-parts.css) instead of antd components.
import { createContext, type ReactNode, useContext } from 'react';
import { type SecretActions, type SecretRef, useSecretActions, useShownSecret } from '../hooks/use-secret.ts';
import { COPY_ICON, EYE_ICON, EYE_INVISIBLE_ICON } from './row-icons.tsx';
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

const SecretActionsCtx = createContext<SecretActions | null>(null);

/** Takes the secret calls, messages and labels once for every RowSecret inside (a table's rows). */
export function RowSecretHost({ children }: { children: ReactNode }) {
  return <SecretActionsCtx.Provider value={useSecretActions()}>{children}</SecretActionsCtx.Provider>;
}

/** Same behaviour as SecretField (one hook, use-secret.ts), in plain DOM; inside a RowSecretHost. */
export function RowSecret({
  secret,
  label,
  masked,
}: {
  secret: SecretRef;
  label: string;
  masked?: string | null;
}) {
  const actions = useContext(SecretActionsCtx);
  if (!actions) throw new Error('RowSecret outside a RowSecretHost');
  const s = useShownSecret(secret, actions);
  return (
    <span className="sw-secret">
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
        {s.value !== null ? EYE_INVISIBLE_ICON : EYE_ICON}
      </button>
      <button
        type="button"
        className="sw-icon"
        title={s.copyLabel}
        aria-label={`${s.copyLabel} ${label}`}
        onClick={s.copy}
      >
        {COPY_ICON}
      </button>
    </span>
  );
}
