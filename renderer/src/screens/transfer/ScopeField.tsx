import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInventory } from '../../inventory/inventory-store.ts';

/** All shops, or one: the shop list comes from the inventory store (loaded once the vault is open). */
export function ScopeField() {
  const { t } = useTranslation();
  const shops = useInventory((s) => s.shops);
  return (
    <Form.Item name="shopId" label={t('transfer.scope')}>
      <Select
        aria-label={t('transfer.scope')}
        options={[
          { value: '', label: t('transfer.allShops') },
          ...shops.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
    </Form.Item>
  );
}
