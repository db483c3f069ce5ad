import { Alert, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NetworkAddress } from '../../../../shared/contract/work-types.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { errorText } from '../../i18n/errors.ts';
import { useWork } from '../../stores/work-store.ts';
import { useRules } from '../../verification/rules-store.ts';
import { registrationApi } from '../../verification/verification-api.ts';

/** Opens a registration session for the chosen sub-accounts on the network interface phones can reach. */
export function RegistrationDialog({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ address: string; minutes: number }>();
  const { execute, message } = useMutation();
  const lang = useLang();
  const [addresses, setAddresses] = useState<NetworkAddress[] | null>(null);
  const address = Form.useWatch('address', form);
  useEffect(() => {
    Promise.all([registrationApi.interfaces({}), useRules.getState().ensureLoaded()]).then(
      ([list, rules]) => {
        setAddresses(list);
        form.setFieldsValue({ address: list[0]?.address, minutes: rules.registrationMinutes });
      },
      (err: unknown) => message.error(errorText(err, lang)),
    );
  }, [form, message, lang]);

  const start = async () => {
    const v = await form.validateFields();
    const opened = await execute(() =>
      useWork
        .getState()
        .openRegistration({ subAccountIds: ids, address: v.address, minutes: v.minutes })
        .then(() => true),
    );
    if (!opened) return;
    onClose();
    void navigate('/cards?mode=registration');
  };

  return (
    <Modal
      open
      title={t('work.registration.title')}
      onCancel={onClose}
      onOk={() => void start()}
      okText={t('work.registration.open')}
      cancelText={t('inv.common.cancel')}
      okButtonProps={{ disabled: !addresses }}
    >
      <Typography.Paragraph>{t('work.registration.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="address" label={t('work.registration.address')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={!addresses}
            options={(addresses ?? []).map((a) => ({ value: a.address, label: `${a.address}（${a.name}）` }))}
          />
        </Form.Item>
        {address?.startsWith('127.') && (
          <Alert type="warning" showIcon message={t('work.registration.loopbackWarning')} />
        )}
        <Form.Item name="minutes" label={t('work.registration.minutes')} rules={[{ required: true }]}>
          <InputNumber min={5} max={240} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
