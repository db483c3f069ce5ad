import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.ts';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText } from '../../lib/text.ts';
import { PasswordFields, passwordFromForm } from './PasswordFields.tsx';
import { choiceFromForm, PermissionChoiceFields } from './PermissionChoiceFields.tsx';
import { useRefusal } from './use-refusal.ts';

export function SubAccountCreateModal({
  open,
  defaultShopId,
  onClose,
}: {
  open: boolean;
  defaultShopId?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm();
  const { shops, staff, mutate } = useInventory();
  const { execute } = useMutation();
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const refusal = useRefusal();
  const shopId = Form.useWatch('shopId', form) as string | undefined;
  const shop = shops.find((s) => s.id === shopId);
  const spec = shop ? platform(shop.platform) : null;

  // Reset only when the dialog opens. A list reload while it is open (the shops array changes identity on
  // every load) must not wipe what the person has typed.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open && !wasOpen.current) {
      form.resetFields();
      form.setFieldsValue({ shopId: defaultShopId ?? shops.find((s) => !s.archived)?.id, generate: false });
      setSuggestion(null);
      refusal.clear();
    }
    wasOpen.current = open;
  }, [open, defaultShopId, shops, form, refusal.clear]);

  const onError = (err: AppError) => {
    if (err.code === 'NAME_TAKEN') {
      // Offer the free name; the field errors themselves are shown by the default handling.
      setSuggestion(typeof err.details?.suggestion === 'string' ? err.details.suggestion : null);
      return false;
    }
    return refusal.onError(err);
  };

  const submit = async () => {
    const v = await form.validateFields();
    setSuggestion(null);
    refusal.clear();
    const done = await execute(
      (confirmHighRisk) =>
        mutate('subaccounts.create', {
          shopId: v.shopId,
          nickname: v.nickname,
          ...passwordFromForm(v),
          ...choiceFromForm(v),
          staffId: v.staffId ?? null,
          phone: v.phone ?? '',
          confirmHighRisk,
        }),
      { form, platformId: shop?.platform, onError, success: t('common.saved') },
    );
    if (done) onClose();
  };

  return (
    <Modal
      open={open}
      title={t('inv.subs.create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('inv.common.save')}
      cancelText={t('inv.common.cancel')}
      width={680}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="shopId"
          label={t('inv.common.shop')}
          rules={[{ required: true, message: t('inv.common.shop') }]}
        >
          <Select
            options={shops
              .filter((s) => !s.archived)
              .map((s) => ({
                value: s.id,
                label: `${s.name} · ${pickText(platform(s.platform).name, lang)}`,
              }))}
          />
        </Form.Item>
        <Form.Item
          name="nickname"
          label={spec?.invitesByEmail ? t('inv.subs.inviteEmail') : t('inv.subs.nickname')}
          rules={[{ required: true, message: t('inv.subs.nickname') }]}
          // The platform's rule is shown before anything is typed, not only after a refusal.
          extra={
            spec && (
              <span data-testid="name-rule">
                {spec.name_rule.composedWithMain && shop ? `${shop.mainLogin}:… · ` : ''}
                {t('inv.subs.nameRule', {
                  allowed: pickText(spec.name_rule.allowedText, lang),
                  max: spec.name_rule.maxLength,
                })}
              </span>
            )
          }
        >
          <Input
            maxLength={64}
            autoComplete="off"
            inputMode={spec?.invitesByEmail ? 'email' : undefined}
            placeholder={spec?.invitesByEmail ? 'name@example.com' : undefined}
          />
        </Form.Item>
        {suggestion && (
          <Button
            type="link"
            style={{ marginTop: -16, paddingInline: 0 }}
            onClick={() => {
              form.setFieldsValue({ nickname: suggestion });
              form.setFields([{ name: 'nickname', errors: [] }]);
              setSuggestion(null);
            }}
          >
            {t('inv.subs.useSuggestion', { name: suggestion })}
          </Button>
        )}
        <PasswordFields platformId={shop?.platform} />
        {spec?.phonePerSubAccount && (
          <Form.Item
            name="phone"
            label={t('inv.subs.phone')}
            rules={[{ required: true, message: t('inv.subs.phone') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
        )}
        <Form.Item name="staffId" label={t('inv.subs.staff')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={staff
              .filter((p) => p.status === 'active')
              .map((p) => ({ value: p.id, label: `${p.name} · ${p.position} · ${p.phoneMasked}` }))}
          />
        </Form.Item>
        {spec && <PermissionChoiceFields platformId={spec.id} />}
        {refusal.problem && <Alert type="error" showIcon title={refusal.problem} role="alert" />}
      </Form>
    </Modal>
  );
}
