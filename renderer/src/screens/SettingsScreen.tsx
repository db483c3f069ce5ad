import { LoadingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryKitCreated } from '../../../shared/contract/backup-types.ts';
import { MASTER_PASSWORD_MIN_LENGTH } from '../../../shared/domain/password-strength.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PasswordStrength } from '../components/PasswordStrength.tsx';
import { useLang } from '../hooks/use-lang.ts';
import { errorText, formFieldErrors } from '../i18n/errors.ts';
import { vaultApi } from '../session/session-api.ts';
import { useSession } from '../stores/session-store.ts';
import { BackupSection } from './backup/BackupSection.tsx';
import { KitSheet } from './backup/KitSheet.tsx';
import { RecoveryKitSection } from './backup/RecoveryKitSection.tsx';
import { RulesSection } from './RulesSection.tsx';

export function SettingsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const settings = useSession((s) => s.settings);
  const status = useSession((s) => s.status);
  const info = useSession((s) => s.info);
  const updateSettings = useSession((s) => s.updateSettings);
  const [pwForm] = Form.useForm<{ current: string; next: string; confirm: string }>();
  const next = Form.useWatch('next', pwForm) ?? '';
  const [busy, setBusy] = useState(false);
  // The recovery key lives only in this component's memory, for the one time it is shown.
  const [kitSheet, setKitSheet] = useState<RecoveryKitCreated | null>(null);

  if (!settings) return null;
  if (kitSheet) return <KitSheet kit={kitSheet} onDone={() => setKitSheet(null)} />;

  const save = async (patch: Parameters<typeof updateSettings>[0]) => {
    try {
      await updateSettings(patch);
      message.success(t('common.saved'));
    } catch (err) {
      message.error(errorText(err, lang));
    }
  };

  return (
    <>
      <Typography.Title level={2}>{t('settings.title')}</Typography.Title>
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
        <Card>
          <Form layout="horizontal" labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} colon={false}>
            <Form.Item label={t('settings.language')}>
              <LanguageSwitch />
            </Form.Item>
            <Form.Item label={t('settings.autoLock')} htmlFor="autoLockMinutes">
              <InputNumber
                id="autoLockMinutes"
                min={1}
                max={240}
                value={settings.autoLockMinutes}
                onChange={(v) => typeof v === 'number' && void save({ autoLockMinutes: v })}
              />
            </Form.Item>
            <Form.Item label={t('settings.clipboard')} htmlFor="clipboardSeconds">
              <InputNumber
                id="clipboardSeconds"
                min={5}
                max={600}
                value={settings.clipboardSeconds}
                onChange={(v) => typeof v === 'number' && void save({ clipboardSeconds: v })}
              />
            </Form.Item>
            <Form.Item
              label={t('settings.remember')}
              extra={status?.rememberSupported ? undefined : t('settings.rememberUnsupported')}
            >
              <Switch
                aria-label={t('settings.remember')}
                checked={settings.rememberOnDevice}
                disabled={!status?.rememberSupported}
                onChange={(v) => void save({ rememberOnDevice: v })}
              />
            </Form.Item>
          </Form>
          {info && (
            <Alert
              type={info.clipboardHistory === 'not-excludable' ? 'warning' : 'info'}
              showIcon
              title={t(`settings.clipboardHistory.${info.clipboardHistory}`)}
            />
          )}
        </Card>
        <Card title={t('settings.changePassword')}>
          <Form
            form={pwForm}
            layout="vertical"
            requiredMark={false}
            onFinish={async (v) => {
              setBusy(true);
              try {
                await vaultApi.changePassword(v);
                pwForm.resetFields();
                message.success(t('settings.changed'));
              } catch (err) {
                const fields = formFieldErrors(err, lang);
                if (fields.length) pwForm.setFields(fields as never);
                else message.error(errorText(err, lang));
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form.Item
              name="current"
              label={t('settings.current')}
              rules={[{ required: true, message: t('settings.current') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="next"
              label={t('settings.next')}
              rules={[{ required: true, min: MASTER_PASSWORD_MIN_LENGTH, message: t('setup.minLength') }]}
              extra={<PasswordStrength password={next} />}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('settings.confirm')}
              rules={[{ required: true, message: t('settings.confirm') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              disabled={busy}
              icon={busy ? <LoadingOutlined /> : undefined}
            >
              {t('settings.changePassword')}
            </Button>
          </Form>
        </Card>
        <BackupSection />
        <RecoveryKitSection onCreated={setKitSheet} />
        <RulesSection />
        {info && (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('settings.dataDir')}>
              <Typography.Text copyable>{info.dataDir}</Typography.Text>
              {info.dataDirSource === 'env' && (
                <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>
                  {t('settings.dataDirFromEnv')}
                </Typography.Paragraph>
              )}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Space>
    </>
  );
}
