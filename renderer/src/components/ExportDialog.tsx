import { Alert, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportFile } from '../../../shared/contract/inventory-types.ts';
import { useMutation } from '../hooks/use-mutation.ts';
import { downloadExport } from '../lib/download.ts';

export interface ExportChoice {
  format: 'xlsx' | 'csv';
  includeSecrets: boolean;
  masterPassword?: string;
}

/** Export a list to a file; passwords only with the master password typed again. */
export function ExportDialog({
  open,
  title,
  formats = ['xlsx', 'csv'],
  run,
  onClose,
}: {
  open: boolean;
  title?: string;
  formats?: Array<'xlsx' | 'csv'>;
  run: (choice: ExportChoice) => Promise<ExportFile>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { execute } = useMutation();
  const includeSecrets = Form.useWatch('includeSecrets', form) as boolean | undefined;
  const format = (Form.useWatch('format', form) as 'xlsx' | 'csv' | undefined) ?? formats[0];
  const submit = async () => {
    const v = await form.validateFields();
    const file = await execute(
      () =>
        run({
          format: v.format ?? formats[0],
          includeSecrets: !!v.includeSecrets,
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
      title={title ?? t('inv.common.export')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('inv.common.export')}
      cancelText={t('inv.common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ format: formats[0], includeSecrets: false }}>
        {formats.length > 1 && (
          <Form.Item name="format">
            <Radio.Group
              options={formats.map((f) => ({
                value: f,
                label: f === 'xlsx' ? t('inv.common.exportXlsx') : t('inv.common.exportCsv'),
              }))}
            />
          </Form.Item>
        )}
        {format === 'csv' && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('inv.common.csvFormulaNote')} />
        )}
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
