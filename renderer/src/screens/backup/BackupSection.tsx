import { CloudUploadOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, errorMessages, isErrorCode } from '../../../../shared/contract/errors.ts';
import { useBackup } from '../../backup/backup-store.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { errorText, formFieldErrors } from '../../i18n/errors.ts';
import { beijing } from '../../lib/duration.ts';
import { BackupFilesTable } from './BackupFilesTable.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';

interface ConfigValues {
  folder: string;
  mode: 'master' | 'custom';
  password?: string;
  confirm?: string;
  masterPassword: string;
}

/** Settings → 备份与恢复: where backups go, how they are locked, when the last one ran, and the files. */
export function BackupSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const { status, load, configure, runNow, pickFolder } = useBackup();
  const [form] = Form.useForm<ConfigValues>();
  const mode = Form.useWatch('mode', form) ?? 'master';
  const [busy, setBusy] = useState<'save' | 'run' | null>(null);
  const [dialog, setDialog] = useState<{ mode: 'verify' | 'restore'; file: string } | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (status?.folder) form.setFieldsValue({ folder: status.folder, mode: status.passwordMode ?? 'master' });
  }, [status?.folder, status?.passwordMode, form]);

  const save = async () => {
    const v = await form.validateFields();
    setBusy('save');
    try {
      const s = await configure({
        folder: v.folder.trim(),
        masterPassword: v.masterPassword,
        password: v.mode === 'custom' ? { password: v.password ?? '', confirm: v.confirm ?? '' } : null,
      });
      form.setFieldsValue({ masterPassword: '', password: '', confirm: '' });
      if (s.lastError === null && s.lastFile) message.success(t('backup.made', { file: s.lastFile }));
    } catch (err) {
      const fields = formFieldErrors(err, lang);
      if (fields.length) form.setFields(fields as never);
      else message.error(errorText(err, lang));
    } finally {
      setBusy(null);
    }
  };

  // The system's folder dialog in the desktop app; where there is none the path is typed (and kept).
  const pick = async () => {
    const r = await pickFolder();
    if (!r.available) message.info(t('backup.pickUnavailable'));
    else if (r.folder) form.setFieldsValue({ folder: r.folder });
  };

  const run = async () => {
    setBusy('run');
    try {
      const made = await runNow();
      message.success(t('backup.made', { file: made.file }));
    } catch (err) {
      message.error(errorText(err, lang));
      if (!(err instanceof AppError)) console.error(err);
    } finally {
      setBusy(null);
    }
  };

  const lastError = status?.lastError;
  const lastErrorText = lastError
    ? isErrorCode(lastError.code)
      ? errorMessages[lastError.code][lang === 'zh-CN' ? 'zh' : 'en']
      : lastError.message
    : null;

  return (
    <Card title={t('backup.title')} role="region" aria-label={t('backup.title')}>
      <Typography.Paragraph type="secondary">{t('backup.intro')}</Typography.Paragraph>
      {status && !status.configured && (
        <Alert type="warning" showIcon title={t('backup.notConfigured')} style={{ marginBottom: 16 }} />
      )}
      {status?.configured && (
        <>
          <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('backup.folder')}>
              <Typography.Text copyable>{status.folder}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.passwordMode')}>
              {status.passwordMode === 'custom' ? t('backup.useCustom') : t('backup.useMaster')}
            </Descriptions.Item>
            <Descriptions.Item label={t('backup.lastSuccess')}>
              <span data-testid="backup-last-success">
                {status.lastSuccessAt ? beijing(status.lastSuccessAt) : t('backup.never')}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {lastError && (status.lastSuccessAt === null || lastError.at > status.lastSuccessAt) && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={`${t('backup.lastError')}（${beijing(lastError.at)}）`}
              description={lastErrorText}
              style={{ marginBottom: 16 }}
            />
          )}
          {status.overdue && (
            <Alert type="warning" showIcon title={t('backup.overdue')} style={{ marginBottom: 16 }} />
          )}
          <Typography.Paragraph type="secondary">{t('backup.schedule')}</Typography.Paragraph>
          <Space style={{ marginBottom: 16 }} wrap>
            <Button
              type="primary"
              icon={busy === 'run' ? <LoadingOutlined /> : <CloudUploadOutlined />}
              disabled={busy !== null}
              onClick={() => void run()}
            >
              {busy === 'run' ? t('backup.running') : t('backup.runNow')}
            </Button>
            <Button onClick={() => setDialog({ mode: 'verify', file: '' })}>{t('backup.verify')}</Button>
            <Button danger onClick={() => setDialog({ mode: 'restore', file: '' })}>
              {t('backup.restore')}
            </Button>
          </Space>
          <BackupFilesTable files={status.files} onAction={(mode, file) => setDialog({ mode, file })} />
        </>
      )}
      {status && (
        <BackupFilesTable safety files={status.safety} onAction={(mode, file) => setDialog({ mode, file })} />
      )}
      {status?.configured && <Typography.Title level={5}>{t('backup.change')}</Typography.Title>}
      <Form<ConfigValues>
        form={form}
        name="backup-config"
        layout="vertical"
        initialValues={{ mode: 'master' }}
        requiredMark={false}
        aria-label={t('backup.title')}
      >
        <Form.Item label={t('backup.folder')} extra={t('backup.folderHint')} htmlFor="backup-folder" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="folder" noStyle rules={[{ required: true }]}>
              <Input id="backup-folder" />
            </Form.Item>
            <Button onClick={() => void pick()}>{t('backup.pickFolder')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="mode" label={t('backup.passwordMode')}>
          <Radio.Group
            options={[
              { value: 'master', label: t('backup.useMaster') },
              { value: 'custom', label: t('backup.useCustom') },
            ]}
          />
        </Form.Item>
        {mode === 'custom' && (
          <>
            <Form.Item
              name="password"
              label={t('backup.backupPassword')}
              rules={[{ required: true, min: 10 }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label={t('backup.backupConfirm')} rules={[{ required: true }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        <Form.Item name="masterPassword" label={t('backup.masterPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button
          onClick={() => void save()}
          disabled={busy !== null}
          icon={busy === 'save' ? <LoadingOutlined /> : undefined}
        >
          {busy === 'save' ? t('backup.saving') : t('backup.save')}
        </Button>
      </Form>
      {dialog && (
        <RestoreDialog
          mode={dialog.mode}
          initialFile={dialog.file}
          onClose={(restored) => {
            setDialog(null);
            if (restored)
              message.success(
                restored.safetyBackup
                  ? t('backup.restoredKept', { file: restored.safetyBackup })
                  : t('backup.restored'),
              );
          }}
        />
      )}
    </Card>
  );
}
