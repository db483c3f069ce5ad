import { Alert, Button, Progress, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from '../../hooks/use-mutation.ts';
import { beijing } from '../../lib/duration.ts';
import { useWork } from '../../stores/work-store.ts';
import { RegistrationConflicts } from './RegistrationConflicts.tsx';

/** Live progress of the open registration session (from main's events), or how the last one ended. */
export function RegistrationBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, lastClosed } = useWork();
  const { execute } = useMutation();
  if (session)
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        role="status"
        aria-label={t('work.registration.title')}
        message={
          <Space wrap>
            <strong>
              {t('work.registration.progress', { registered: session.registered, total: session.total })}
            </strong>
            <Progress
              percent={Math.round((session.registered / session.total) * 100)}
              size="small"
              style={{ width: 160, margin: 0 }}
              aria-hidden
            />
            <span>{t('work.registration.endsAt', { time: beijing(session.expiresAt) })}</span>
            <RegistrationConflicts />
          </Space>
        }
        action={
          <Space>
            <Button size="small" onClick={() => void navigate('/cards?mode=registration')}>
              {t('work.registration.showCards')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() => void execute(() => useWork.getState().closeRegistration())}
            >
              {t('work.registration.close')}
            </Button>
          </Space>
        }
      />
    );
  if (lastClosed)
    return (
      <Alert
        type="success"
        showIcon
        closable
        style={{ marginBottom: 16 }}
        message={t('work.registration.closed', lastClosed)}
        onClose={() => useWork.setState({ lastClosed: null })}
      />
    );
  return null;
}
