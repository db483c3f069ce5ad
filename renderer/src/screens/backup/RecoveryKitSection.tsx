import { LoadingOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryKitCreated } from '../../../../shared/contract/backup-types.ts';
import { useBackup } from '../../backup/backup-store.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { errorText, formFieldErrors } from '../../i18n/errors.ts';
import { beijing } from '../../lib/duration.ts';

/** Settings → 应急恢复包: what it is, whether one exists, and making (or replacing) it. */
export function RecoveryKitSection({ onCreated }: { onCreated: (kit: RecoveryKitCreated) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { kit, load, createKit } = useBackup();
  const [form] = Form.useForm<{ masterPassword: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  const make = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      onCreated(await createKit(v.masterPassword));
    } catch (err) {
      const fields = formFieldErrors(err, lang);
      if (fields.length) form.setFields(fields as never);
      else setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('kit.title')} role="region" aria-label={t('kit.title')}>
      <Typography.Paragraph>{t('kit.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="kit-status">
        {kit?.exists && kit.createdAt
          ? t('kit.createdAt', { date: beijing(Date.parse(kit.createdAt)) })
          : t('kit.none')}
      </Typography.Paragraph>
      <Form form={form} name="recovery-kit" layout="inline" requiredMark={false} onFinish={() => void make()}>
        <Form.Item name="masterPassword" label={t('kit.masterPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Space>
          <Button
            htmlType="submit"
            icon={busy ? <LoadingOutlined /> : <SafetyCertificateOutlined />}
            disabled={busy}
          >
            {kit?.exists ? t('kit.replace') : t('kit.create')}
          </Button>
        </Space>
      </Form>
      {error && (
        <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 8 }}>
          {error}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
