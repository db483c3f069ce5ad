import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/contract/errors.ts';
import { MASTER_PASSWORD_MIN_LENGTH } from '../../../shared/domain/password-strength.ts';
import { PasswordStrength } from '../components/PasswordStrength.tsx';
import { useLang } from '../hooks/use-lang.ts';
import { errorText, formFieldErrors } from '../i18n/errors.ts';
import { useSession } from '../stores/session-store.ts';
import { RestoreDialog } from './backup/RestoreDialog.tsx';
import { CenteredCard } from './CenteredCard.tsx';

interface Values {
  password: string;
  confirm: string;
  remember: boolean;
}

export function SetupScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const password = Form.useWatch('password', form) ?? '';
  const setup = useSession((s) => s.setup);
  const rememberSupported = useSession((s) => s.status?.rememberSupported ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restoreOpen, setRestoreOpen] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await setup(v.password, v.confirm, v.remember);
    } catch (err) {
      const fields = formFieldErrors(err, lang);
      if (fields.length) form.setFields(fields as never);
      else setError(errorText(err, lang));
      if (!(err instanceof AppError)) console.error(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <CenteredCard title={t('setup.title')}>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ remember: false }}
        requiredMark={false}
      >
        <Form.Item
          name="password"
          label={t('setup.password')}
          rules={[{ required: true, min: MASTER_PASSWORD_MIN_LENGTH, message: t('setup.minLength') }]}
          extra={<PasswordStrength password={password} />}
        >
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('setup.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('setup.confirm') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('password') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(lang === 'zh-CN' ? '两次输入不一致' : 'Does not match')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="remember"
          valuePropName="checked"
          extra={rememberSupported ? t('setup.rememberHint') : t('setup.rememberUnavailable')}
        >
          <Checkbox disabled={!rememberSupported}>{t('setup.remember')}</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Button
          type="primary"
          htmlType="submit"
          block
          disabled={busy}
          icon={busy ? <LoadingOutlined /> : undefined}
        >
          {busy ? t('setup.working') : t('setup.submit')}
        </Button>
      </Form>
      <Divider plain />
      <Button block onClick={() => setRestoreOpen(true)}>
        {t('backup.firstRun')}
      </Button>
      {restoreOpen && <RestoreDialog mode="restore" onClose={() => setRestoreOpen(false)} />}
    </CenteredCard>
  );
}
