import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function OverviewScreen() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2}>{t('overview.title')}</Typography.Title>
      <Card>
        <Typography.Title level={4}>{t('overview.welcome')}</Typography.Title>
        <Typography.Paragraph>{t('overview.body')}</Typography.Paragraph>
      </Card>
    </>
  );
}
