import { DownloadOutlined, LoadingOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation.ts';
import { downloadExport } from '../../lib/download.ts';
import { useTransfer } from '../../transfer/transfer-store.ts';
import { ScopeField } from './ScopeField.tsx';

interface Values {
  shopId: string;
  mode: 'master' | 'custom';
  filePassword?: string;
  fileConfirm?: string;
  masterPassword: string;
}

/** KeePass KDBX 4: the file opens with the master password or its own (>= 10 characters). */
export function KdbxExportCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { execute } = useMutation();
  const exportKdbx = useTransfer((s) => s.exportKdbx);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'master';
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const file = await execute(
        () =>
          exportKdbx({
            masterPassword: v.masterPassword,
            filePassword:
              v.mode === 'custom' ? { password: v.filePassword ?? '', confirm: v.fileConfirm ?? '' } : null,
            ...(v.shopId ? { shopId: v.shopId } : {}),
          }),
        { form },
      );
      if (file) {
        downloadExport(file);
        form.setFieldsValue({ masterPassword: '', filePassword: '', fileConfirm: '' });
        message.success(t('transfer.kdbx.done', { count: file.rowCount, file: file.fileName }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('transfer.kdbx.title')} role="region" aria-label={t('transfer.kdbx.title')}>
      <Typography.Paragraph type="secondary">{t('transfer.kdbx.body')}</Typography.Paragraph>
      <Form
        // Distinct field ids: both export forms are on one screen.
        name="kdbx"
        form={form}
        layout="vertical"
        initialValues={{ shopId: '', mode: 'master' }}
        style={{ maxWidth: 480 }}
      >
        <ScopeField />
        <Form.Item name="mode" label={t('transfer.kdbx.passwordMode')}>
          <Radio.Group
            options={[
              { value: 'master', label: t('transfer.kdbx.useMaster') },
              { value: 'custom', label: t('transfer.kdbx.useCustom') },
            ]}
          />
        </Form.Item>
        {mode === 'custom' && (
          <>
            <Form.Item
              name="filePassword"
              label={t('transfer.kdbx.filePassword')}
              rules={[{ required: true }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="fileConfirm" label={t('transfer.kdbx.fileConfirm')} rules={[{ required: true }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item name="masterPassword" label={t('transfer.masterPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button
          type="primary"
          icon={busy ? <LoadingOutlined /> : <DownloadOutlined />}
          disabled={busy}
          onClick={() => void run()}
        >
          {busy ? t('transfer.kdbx.running') : t('transfer.kdbx.run')}
        </Button>
      </Form>
    </Card>
  );
}
