import { DownloadOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation.ts';
import { downloadExport } from '../../lib/download.ts';
import { useTransfer } from '../../transfer/transfer-store.ts';
import { ScopeField } from './ScopeField.tsx';

interface Values {
  shopId: string;
  understood: boolean;
  masterPassword: string;
}

/** Bitwarden's unencrypted .json: said plainly before anything is written, and confirmed by a tick. */
export function BitwardenExportCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { execute } = useMutation();
  const exportBitwarden = useTransfer((s) => s.exportBitwarden);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const file = await execute(
        () =>
          exportBitwarden({
            masterPassword: v.masterPassword,
            plaintextUnderstood: true,
            ...(v.shopId ? { shopId: v.shopId } : {}),
          }),
        { form },
      );
      if (file) {
        downloadExport(file);
        form.setFieldsValue({ masterPassword: '' });
        message.warning(t('transfer.bitwarden.done', { count: file.rowCount, file: file.fileName }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('transfer.bitwarden.title')} role="region" aria-label={t('transfer.bitwarden.title')}>
      <Alert type="warning" showIcon title={t('transfer.bitwarden.warning')} style={{ marginBottom: 16 }} />
      <Form
        // Distinct field ids: both export forms are on one screen.
        name="bitwarden"
        form={form}
        layout="vertical"
        initialValues={{ shopId: '', understood: false }}
        style={{ maxWidth: 480 }}
      >
        <ScopeField />
        <Form.Item
          name="understood"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v: boolean) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('transfer.bitwarden.understoodRequired'))),
            },
          ]}
        >
          <Checkbox>{t('transfer.bitwarden.understood')}</Checkbox>
        </Form.Item>
        <Form.Item name="masterPassword" label={t('transfer.masterPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button
          danger
          icon={busy ? <LoadingOutlined /> : <DownloadOutlined />}
          disabled={busy}
          onClick={() => void run()}
        >
          {busy ? t('transfer.bitwarden.running') : t('transfer.bitwarden.run')}
        </Button>
      </Form>
    </Card>
  );
}
