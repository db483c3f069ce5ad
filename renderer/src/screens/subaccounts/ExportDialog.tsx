import { Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation.ts';
import { downloadExport } from '../../lib/download.ts';
import { useSession } from '../../stores/session-store.ts';

/** Export the sub-account list; passwords only with the master password typed again. */
export function ExportDialog({
  open,
  shopId,
  onClose,
}: {
  open: boolean;
  shopId?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const bridge = useSession((s) => s.bridge);
  const { execute } = useMutation();
  const includeSecrets = Form.useWatch('includeSecrets', form) as boolean | undefined;
  const submit = async () => {
    if (!bridge) return;
    const v = await form.validateFields();
    const file = await execute(
      () =>
        bridge.invoke('subaccounts.export', {
          format: v.format,
          includeSecrets: !!v.includeSecrets,
          ...(shopId ? { shopId } : {}),
          ...(v.includeSecrets ? { masterPassword: v.masterPassword } : {}),
        }),
      { form },
    );
    if (file) {
      downloadExport(file);
      onClose();
    }
  };
  return (
    <Modal
      open={open}
      title={t('inv.common.export')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('inv.common.export')}
      cancelText={t('inv.common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ format: 'xlsx', includeSecrets: false }}>
        <Form.Item name="format">
          <Radio.Group
            options={[
              { value: 'xlsx', label: t('inv.common.exportXlsx') },
              { value: 'csv', label: t('inv.common.exportCsv') },
            ]}
          />
        </Form.Item>
        <Form.Item name="includeSecrets" valuePropName="checked">
          <Checkbox>{t('inv.common.includeSecrets')}</Checkbox>
        </Form.Item>
        {includeSecrets && (
          <Form.Item
            name="masterPassword"
            label={t('inv.common.masterPassword')}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
