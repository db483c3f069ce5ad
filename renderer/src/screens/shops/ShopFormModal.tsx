import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopView } from '../../../../shared/contract/inventory-types.ts';
import { PLATFORM_IDS, platform } from '../../../../shared/domain/platforms/catalog.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText } from '../../lib/text.ts';
import { unsaved } from '../../lib/unsaved.ts';

/** Where this form's unsaved input is kept: one per shop being edited, one for a new shop. */
export const shopFormKey = (shop: ShopView | null) => `shop:${shop?.id ?? 'new'}`;

export function ShopFormModal({
  open,
  shop,
  onClose,
}: {
  open: boolean;
  shop: ShopView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm();
  const mutate = useInventory((s) => s.mutate);
  const { execute, message, modal } = useMutation();
  const chosenPlatform = Form.useWatch('platform', form);

  const keptKey = shopFormKey(shop);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (shop) form.setFieldsValue({ ...shop, phone: '', email: '' });
    // Typed before a lock (or a closed window of the app) and not saved: back in the form.
    const kept = unsaved.peek(keptKey);
    if (kept) {
      form.setFieldsValue(kept);
      message.info(t('common.restoredInput'));
    }
  }, [open, shop, form, keptKey, message, t]);

  /** Closing with typed input asks first; nothing typed is thrown away by a stray click. */
  const cancel = () => {
    if (!form.isFieldsTouched()) {
      unsaved.drop(keptKey);
      return onClose();
    }
    modal.confirm({
      title: t('common.discardTitle'),
      content: t('common.discardBody'),
      okText: t('common.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.keepEditing'),
      onOk: () => {
        unsaved.drop(keptKey);
        onClose();
      },
    });
  };

  const submit = async () => {
    const v = await form.validateFields();
    const common = {
      name: v.name,
      platformShopId: v.platformShopId ?? '',
      entityType: v.entityType,
      mainLogin: v.mainLogin,
      depositAmount: v.depositAmount ?? 0,
      notes: v.notes ?? '',
      crossBorder: !!v.crossBorder,
    };
    const done = shop
      ? await execute(
          () =>
            mutate('shops.update', {
              id: shop.id,
              ...common,
              ...(v.phone ? { phone: v.phone } : {}),
              ...(v.email ? { email: v.email } : {}),
              ...(v.mainPassword ? { mainPassword: v.mainPassword } : {}),
            }),
          { form, success: t('common.saved') },
        )
      : await execute(
          () =>
            mutate('shops.create', {
              ...common,
              platform: v.platform,
              phone: v.phone ?? '',
              email: v.email ?? '',
              mainPassword: v.mainPassword,
            }),
          { form, success: t('common.saved') },
        );
    if (!done) return;
    unsaved.drop(keptKey);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={shop ? t('inv.shops.editTitle') : t('inv.shops.create')}
      onCancel={cancel}
      maskClosable={false}
      onOk={() => void submit()}
      okText={t('inv.common.save')}
      cancelText={t('inv.common.cancel')}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        // Kept in memory as typed (never the password), so a lock does not lose it.
        onValuesChange={(_, all) => {
          const { mainPassword: _secret, ...rest } = all as Record<string, unknown>;
          unsaved.keep(keptKey, rest);
        }}
        initialValues={{ platform: 'taobao', entityType: 'enterprise', depositAmount: 0 }}
        requiredMark
      >
        <Form.Item name="platform" label={t('inv.common.platform')} rules={[{ required: true }]}>
          <Select
            disabled={!!shop}
            options={PLATFORM_IDS.map((id) => ({ value: id, label: pickText(platform(id).name, lang) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('inv.shops.name')}
          rules={[{ required: true, message: t('inv.shops.name') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="platformShopId" label={t('inv.shops.platformShopId')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="entityType" label={t('inv.shops.entityType')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'individual', label: t('inv.shops.individual') },
              { value: 'enterprise', label: t('inv.shops.enterprise') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="mainLogin"
          label={t('inv.shops.mainLogin')}
          rules={[{ required: true, message: t('inv.shops.mainLogin') }]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="mainPassword"
          label={t('inv.shops.mainPassword')}
          rules={shop ? [] : [{ required: true, message: t('inv.shops.mainPassword') }]}
          extra={shop ? t('inv.shops.mainPasswordKeep') : undefined}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('inv.shops.phone')}
          extra={shop?.phoneMasked ? `${shop.phoneMasked} · ${t('inv.shops.mainPasswordKeep')}` : undefined}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('inv.shops.email')}
          extra={shop?.emailMasked ? `${shop.emailMasked} · ${t('inv.shops.mainPasswordKeep')}` : undefined}
        >
          <Input maxLength={254} />
        </Form.Item>
        <Form.Item name="depositAmount" label={t('inv.shops.deposit')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        {(chosenPlatform ?? shop?.platform) === 'tmall' && (
          <Form.Item name="crossBorder" valuePropName="checked">
            <Checkbox>{t('inv.shops.crossBorder')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('inv.common.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
