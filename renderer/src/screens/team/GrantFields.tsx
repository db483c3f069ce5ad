// Role and shops of a member: an admin sees every shop; a lead only the shops chosen here.
import { Form, type FormInstance, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInventory } from '../../inventory/inventory-store.ts';

export interface GrantValues {
  role: 'admin' | 'lead';
  shops: string[];
}

export function GrantFields({ form }: { form: FormInstance<GrantValues> }) {
  const { t } = useTranslation();
  const shops = useInventory((s) => s.shops);
  const role = Form.useWatch('role', form) ?? 'lead';
  return (
    <>
      <Form.Item name="role" label={t('team.members.role')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'lead', label: t('team.roles.lead') },
            { value: 'admin', label: t('team.roles.admin') },
          ]}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
        {t(`team.roleHelp.${role}`)}
      </Typography.Paragraph>
      {role === 'lead' && (
        <Form.Item
          name="shops"
          label={t('team.members.shops')}
          rules={[{ required: true, type: 'array', min: 1, message: t('team.members.shops') }]}
        >
          <Select
            mode="multiple"
            aria-label={t('team.members.shops')}
            options={shops.filter((s) => !s.archived).map((s) => ({ value: s.id, label: s.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
      )}
    </>
  );
}
