import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../../shared/contract/backup-types.ts';
import { useBackup } from '../../backup/backup-store.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { errorText } from '../../i18n/errors.ts';
import { BackupCompare } from './BackupCompare.tsx';
import { BackupSummaryView } from './BackupSummaryView.tsx';

/**
 * Verify a backup file, and (mode 'restore') replace the data with it. The file is checked and compared
 * with the data here first; nothing changes until the person ticks that they have checked and confirms.
 * The result names the safety backup that keeps what was replaced.
 */
export function RestoreDialog({
  mode,
  initialFile = '',
  onClose,
}: {
  mode: 'verify' | 'restore';
  initialFile?: string;
  onClose: (restored: BackupSummary | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { inspect, restore } = useBackup();
  const [form] = Form.useForm<{ file: string; password: string }>();
  const [busy, setBusy] = useState<'check' | 'restore' | null>(null);
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [understood, setUnderstood] = useState(false);

  const run = async (what: 'check' | 'restore') => {
    const v = await form.validateFields();
    setBusy(what);
    setError(null);
    try {
      if (what === 'check') {
        setUnderstood(false);
        setSummary(await inspect(v.file.trim(), v.password));
      } else onClose(await restore(v.file.trim(), v.password));
    } catch (err) {
      setSummary(null);
      setError(errorText(err, lang));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      open
      title={mode === 'restore' ? t('backup.restore') : t('backup.verify')}
      onCancel={() => onClose(null)}
      footer={null}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {mode === 'restore' ? t('backup.restoreIntro') : t('backup.verifyIntro')}
      </Typography.Paragraph>
      <Form
        form={form}
        name="restore-backup"
        layout="vertical"
        initialValues={{ file: initialFile }}
        requiredMark={false}
      >
        <Form.Item
          name="file"
          label={t('backup.file')}
          extra={t('backup.fileHint')}
          rules={[{ required: true }]}
        >
          <Input onChange={() => setSummary(null)} />
        </Form.Item>
        <Form.Item name="password" label={t('backup.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="off" onChange={() => setSummary(null)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      {summary && <BackupSummaryView summary={summary} />}
      {summary && mode === 'restore' && <BackupCompare summary={summary} />}
      {summary && mode === 'restore' && summary.current && (
        <Checkbox
          checked={understood}
          onChange={(e) => setUnderstood(e.target.checked)}
          style={{ marginBottom: 16 }}
          data-testid="restore-understood"
        >
          {t('backup.understand')}
        </Checkbox>
      )}
      <Space>
        <Button
          onClick={() => void run('check')}
          disabled={busy !== null}
          icon={busy === 'check' ? <LoadingOutlined /> : undefined}
        >
          {busy === 'check' ? t('backup.checking') : t('backup.check')}
        </Button>
        {mode === 'restore' && (
          <Button
            type="primary"
            danger
            disabled={!summary || busy !== null || (summary.current !== null && !understood)}
            icon={busy === 'restore' ? <LoadingOutlined /> : undefined}
            onClick={() => void run('restore')}
          >
            {busy === 'restore' ? t('backup.restoring') : t('backup.confirmRestore')}
          </Button>
        )}
      </Space>
    </Modal>
  );
}
