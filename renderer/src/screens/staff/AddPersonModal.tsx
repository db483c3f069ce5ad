import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';

interface PersonValues {
  name: string;
  phone: string;
  position?: string;
  idNumber?: string;
  notes?: string;
}

/** 添加员工: required fields say what to enter; main's refusals land on their fields. */
export function AddPersonModal(props: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { execute } = useMutation();
  const mutate = useInventory((s) => s.mutate);
  const [form] = Form.useForm<PersonValues>();
  const save = async () => {
    let v: PersonValues;
    try {
      v = await form.validateFields();
    } catch {
      // The form shows what is missing at each field; nothing else to report.
      return;
    }
    const done = await execute(
      () =>
        mutate('staff.create', {
          name: v.name,
          phone: v.phone,
          position: v.position ?? '',
          notes: v.notes ?? '',
          idNumber: v.idNumber ?? '',
        }),
      { form, success: t('common.saved') },
    );
    if (done) {
      form.resetFields();
      props.onClose();
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('inv.staff.create')}
      onCancel={props.onClose}
      okText={t('inv.common.save')}
      cancelText={t('inv.common.cancel')}
      destroyOnHidden
      onOk={() => void save()}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label={t('inv.staff.name')}
          rules={[{ required: true, message: t('inv.staff.nameRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('inv.staff.phone')}
          rules={[{ required: true, message: t('inv.staff.phoneRequired') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="position" label={t('inv.staff.position')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('inv.staff.idNumber')} extra={t('inv.staff.idHint')}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="notes" label={t('inv.common.notes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
