import { Alert, Button, Checkbox, Form, Input, Modal, Select } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract/errors.ts';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { advisedPolicy } from '../../../../shared/domain/subaccount-rules.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../stores/inventory-store.ts';
import { choiceFromForm, PermissionChoiceFields } from './PermissionChoiceFields.tsx';

/** The refusals that name another sub-account or a limit, as one sentence; null for the others. */
export function refusalText(err: AppError, t: TFunction): string | null {
  const name = String(err.details?.subAccount ?? '');
  if (err.code === 'STAFF_ALREADY_BOUND') return t('inv.subs.alreadyBound', { name });
  if (err.code === 'PHONE_IN_USE') return t('inv.subs.phoneInUse', { name });
  if (err.code === 'HOLDER_LIMIT_REACHED') return t('inv.subs.holderLimit', { limit: err.details?.limit });
  return null;
}

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
  const [form] = Form.useForm();
  const { shops, staff, mutate } = useInventory();
  const { execute } = useMutation();
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shopId = Form.useWatch('shopId', form) as string | undefined;
  const generate = Form.useWatch('generate', form) as boolean | undefined;
  const shop = shops.find((s) => s.id === shopId);
  const spec = shop ? platform(shop.platform) : null;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ shopId: defaultShopId ?? shops.find((s) => !s.archived)?.id, generate: false });
      setSuggestion(null);
      setProblem(null);
    }
  }, [open, defaultShopId, shops, form]);

  const onError = (err: AppError) => {
    if (err.code === 'NAME_TAKEN') {
      // Offer the free name; the field errors themselves are shown by the default handling.
      setSuggestion(typeof err.details?.suggestion === 'string' ? err.details.suggestion : null);
      return false;
    }
    const text = refusalText(err, t);
    if (text) setProblem(text);
    return text !== null;
  };

  const submit = async () => {
    const v = await form.validateFields();
    setSuggestion(null);
    setProblem(null);
    const done = await execute(
      (confirmHighRisk) =>
        mutate('subaccounts.create', {
          shopId: v.shopId,
          nickname: v.nickname,
          generate: !!v.generate,
          ...(v.generate ? {} : { password: v.password, confirm: v.confirm }),
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
              .map((s) => ({ value: s.id, label: `${s.name} · ${platform(s.platform).name.zh}` }))}
          />
        </Form.Item>
        <Form.Item
          name="nickname"
          label={t('inv.subs.nickname')}
          rules={[{ required: true, message: t('inv.subs.nickname') }]}
          extra={spec?.name_rule.composedWithMain && shop ? `${shop.mainLogin}:…` : undefined}
        >
          <Input maxLength={64} autoComplete="off" />
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
        <Form.Item name="generate" valuePropName="checked">
          <Checkbox>{t('inv.subs.generate')}</Checkbox>
        </Form.Item>
        {!generate && (
          <>
            <Form.Item
              name="password"
              label={t('inv.subs.password')}
              rules={[{ required: true, message: t('inv.subs.password') }]}
              extra={
                spec
                  ? t('inv.subs.policy', {
                      min: spec.password.minLength,
                      advised: advisedPolicy(spec.id).minLength,
                    })
                  : undefined
              }
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('inv.subs.confirm')}
              rules={[{ required: true, message: t('inv.subs.confirm') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
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
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      </Form>
    </Modal>
  );
}
