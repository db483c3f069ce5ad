import { InboxOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../shared/contract/transfer-types.ts';
import { useLang } from '../../../hooks/use-lang.ts';
import { errorText } from '../../../i18n/errors.ts';
import { useTransfer } from '../../../transfer/transfer-store.ts';

/** Picks the file and reads it in main; a KeePass database asks for its password here. */
export function ImportFileStep(props: { onRead(p: ImportPreview): void; onBack(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const readImport = useTransfer((s) => s.readImport);
  const [reading, setReading] = useState<string | null>(null);
  const [locked, setLocked] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();

  const read = async (file: File, password?: string) => {
    setReading(file.name);
    setError(null);
    try {
      const r = await readImport(file, password);
      if ('needsPassword' in r) setLocked(file);
      else props.onRead(r);
    } catch (err) {
      setError(errorText(err, lang));
      if (password !== undefined) form.setFieldsValue({ password: '' });
    } finally {
      setReading(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {!locked && (
        <Upload.Dragger
          accept=".xlsx,.csv,.txt,.json,.kdbx,.xml"
          showUploadList={false}
          disabled={reading !== null}
          beforeUpload={(file) => {
            void read(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">{reading ? <LoadingOutlined /> : <InboxOutlined />}</p>
          <p className="ant-upload-text">
            {reading ? t('transfer.import.reading', { name: reading }) : t('transfer.import.drop')}
          </p>
        </Upload.Dragger>
      )}
      {locked && (
        <Form
          name="kdbx-import"
          form={form}
          layout="vertical"
          style={{ maxWidth: 480 }}
          onFinish={(v) => void read(locked, v.password)}
        >
          <Typography.Paragraph>{locked.name}</Typography.Paragraph>
          <Form.Item name="password" label={t('transfer.import.kdbxPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="off" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            disabled={reading !== null}
            icon={reading ? <LoadingOutlined /> : undefined}
          >
            {reading ? t('transfer.import.reading', { name: locked.name }) : t('transfer.import.open')}
          </Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Button
        onClick={() => {
          setLocked(null);
          setError(null);
          props.onBack();
        }}
      >
        {t('transfer.import.back')}
      </Button>
    </Space>
  );
}
