import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { RecoveryNotice } from '../components/RecoveryNotice.tsx';

/** The frame of the screens shown before the vault is open (setup, lock, storage error). */
export function CenteredCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: '#f5f7fa' }}
    >
      <div style={{ width: 460, maxWidth: '100%' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            <SafetyCertificateOutlined /> {t('app.name')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <RecoveryNotice />
        <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{title}</h1>}>{children}</Card>
      </div>
    </Flex>
  );
}
