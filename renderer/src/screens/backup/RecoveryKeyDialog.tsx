import { LoadingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MASTER_PASSWORD_MIN_LENGTH } from '../../../../shared/domain/password-strength.ts';
import { useBackup } from '../../backup/backup-store.ts';
import { PasswordStrength } from '../../components/PasswordStrength.tsx';
import { useLang } from '../../hooks/use-lang.ts';
import { errorText, formFieldErrors } from '../../i18n/errors.ts';

interface Values {
  recoveryKey: string;
  next: string;
  confirm: string;
}

/** Lock screen → 使用应急恢复包: the key from the sheet, and the new master password it forces. */
export function RecoveryKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const unlockWithRecoveryKey = useBackup((s) => s.unlockWithRecoveryKey);
  const [form] = Form.useForm<Values>();
  const next = Form.useWatch('next', form) ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { modal } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const safety = await unlockWithRecoveryKey(v.recoveryKey, v.next, v.confirm);
      onClose();
      // Said once, to be acknowledged: what was kept, and what opens the older backups now.
      modal.success({
        title: t('kit.resetDone'),
        content: (
          <>
            {safety && (
              <Typography.Paragraph data-testid="kit-reset-safety">
                {t('backup.keptBefore', { what: t('backup.reasons.before-kit-reset'), file: safety.file })}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph>{t('kit.olderBackups')}</Typography.Paragraph>
          </>
        ),
        okText: t('kit.gotIt'),
      });
    } catch (err) {
      const fields = formFieldErrors(err, lang);
      if (fields.length) form.setFields(fields as never);
      else setError(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('kit.useTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('kit.useIntro')}</Typography.Paragraph>
      <Form
        form={form}
        name="recovery-key"
        layout="vertical"
        requiredMark={false}
        onFinish={() => void submit()}
      >
        <Form.Item name="recoveryKey" label={t('kit.key')} rules={[{ required: true }]}>
          <Input autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="next"
          label={t('kit.newPassword')}
          rules={[{ required: true, min: MASTER_PASSWORD_MIN_LENGTH }]}
          extra={<PasswordStrength password={next} />}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('kit.confirm')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Button
          type="primary"
          htmlType="submit"
          block
          disabled={busy}
          icon={busy ? <LoadingOutlined /> : undefined}
        >
          {t('kit.unlock')}
        </Button>
      </Form>
    </Modal>
  );
}
