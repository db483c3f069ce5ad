import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The joiner's side of the safety-code check. */
export function WaitingCard({ code }: { code: string | null }) {
  const { t } = useTranslation();
  return (
    <Card title={t('team.waiting.title')} role="region" aria-label={t('team.waiting.title')}>
      <Alert type="info" showIcon title={t('team.waiting.body')} style={{ marginBottom: 16 }} />
      <Typography.Text type="secondary">{t('team.waiting.code')}</Typography.Text>
      <Typography.Title level={2} style={{ margin: 0, letterSpacing: 4 }} data-testid="safety-code">
        {code}
      </Typography.Title>
    </Card>
  );
}
