import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/contract/errors.ts';
import { useLang } from '../hooks/use-lang.ts';
import { errorText } from '../i18n/errors.ts';
import { useSession } from '../stores/session-store.ts';
import { RecoveryKeyDialog } from './backup/RecoveryKeyDialog.tsx';
import { CenteredCard } from './CenteredCard.tsx';

function useSecondsUntil(until: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (until === null || until <= Date.now()) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

export function LockScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const status = useSession((s) => s.status);
  const unlock = useSession((s) => s.unlock);
  const unlockWithDevice = useSession((s) => s.unlockWithDevice);
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [throttledUntil, setThrottledUntil] = useState<number | null>(
    status?.retryAfterMs ? Date.now() + status.retryAfterMs : null,
  );
  const seconds = useSecondsUntil(throttledUntil);
  const [kitOpen, setKitOpen] = useState(false);

  // One attempt at a time. The submit button shows busy with disabled + a spinner icon rather than antd's
  // `loading`, whose internal delayed state was seen to stay stuck after a fast failure (the lock screen
  // then swallowed every click).
  const inFlight = useRef(false);
  const attempt = async (fn: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await fn();
      inFlight.current = false;
      setBusy(false);
    } catch (err) {
      inFlight.current = false;
      setBusy(false);
      setError(errorText(err, lang));
      const wait = err instanceof AppError ? err.details?.retryAfterMs : undefined;
      if (typeof wait === 'number') setThrottledUntil(Date.now() + wait);
      form.setFieldValue('password', '');
    }
  };

  return (
    <CenteredCard title={t('lock.title')}>
      <Typography.Paragraph type="secondary" data-testid="lock-reason">
        {t(`lock.reasons.${status?.lockReason ?? 'start'}`)}
      </Typography.Paragraph>
      <Form
        layout="vertical"
        form={form}
        onFinish={(v) => attempt(() => unlock(v.password))}
        requiredMark={false}
      >
        <Form.Item
          name="password"
          label={t('lock.password')}
          rules={[{ required: true, message: t('lock.password') }]}
        >
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        {seconds > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('lock.throttled', { seconds })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          disabled={busy || seconds > 0}
          icon={busy ? <LoadingOutlined /> : undefined}
        >
          {t('lock.submit')}
        </Button>
      </Form>
      <Button type="link" block onClick={() => setKitOpen(true)} style={{ marginTop: 8 }}>
        {t('kit.useKit')}
      </Button>
      {kitOpen && <RecoveryKeyDialog onClose={() => setKitOpen(false)} />}
      {status?.deviceUnlockAvailable && (
        <>
          <Divider plain />
          <Button block onClick={() => attempt(unlockWithDevice)} disabled={busy}>
            {t('lock.deviceUnlock')}
          </Button>
        </>
      )}
    </CenteredCard>
  );
}
