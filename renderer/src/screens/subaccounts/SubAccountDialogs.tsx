// The per-row dialogs of the sub-account list: configure roles, change password, rename, bind a person,
// and the platform checklist with "done on the platform".
import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubAccountView } from '../../../../shared/contract/inventory-types.ts';
import type { ChecklistStep } from '../../../../shared/domain/permissions.ts';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { SaveDialog } from '../../components/SaveDialog.tsx';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { errorText } from '../../i18n/errors.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText } from '../../lib/text.ts';
import { secretsApi } from '../../secrets/secrets-api.ts';
import { PasswordFields, passwordFromForm } from './PasswordFields.tsx';
import { choiceFromForm, PermissionChoiceFields } from './PermissionChoiceFields.tsx';
import { useRefusal } from './use-refusal.ts';

export type Dialog = {
  kind: 'configure' | 'password' | 'rename' | 'bind' | 'checklist';
  sub: SubAccountView;
} | null;

/** Memoised: mounted beside the table, it re-renders only when a dialog opens or closes. */
export const SubAccountDialogs = memo(function SubAccountDialogs({
  dialog,
  onClose,
}: {
  dialog: Dialog;
  onClose: () => void;
}) {
  if (!dialog) return null;
  const props = { sub: dialog.sub, onClose };
  switch (dialog.kind) {
    case 'configure':
      return <ConfigureDialog {...props} />;
    case 'password':
      return <PasswordDialog {...props} />;
    case 'rename':
      return <RenameDialog {...props} />;
    case 'bind':
      return <BindDialog {...props} />;
    case 'checklist':
      return <ChecklistDialog {...props} />;
  }
});

interface DialogProps {
  sub: SubAccountView;
  onClose: () => void;
}

function ConfigureDialog({ sub, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useInventory((s) => s.mutate);
  const { execute } = useMutation();
  const refusal = useRefusal();
  useEffect(() => {
    form.setFieldsValue(
      sub.templateId
        ? { mode: 'template', templateId: sub.templateId }
        : { mode: 'custom', permissions: sub.permissions },
    );
  }, [sub, form]);
  const submit = async () => {
    const v = await form.validateFields();
    const done = await execute(
      (confirmHighRisk) =>
        mutate('subaccounts.configure', { id: sub.id, ...choiceFromForm(v), confirmHighRisk }),
      {
        form,
        platformId: sub.platform,
        success: t('common.saved'),
        onError: refusal.onError,
      },
    );
    if (done) onClose();
  };
  return (
    <SaveDialog
      title={`${t('inv.subs.configure')} · ${sub.fullName}`}
      onClose={onClose}
      onSave={submit}
      width={680}
    >
      <Form form={form} layout="vertical">
        <PermissionChoiceFields platformId={sub.platform} />
        {refusal.problem && <Alert type="error" showIcon title={refusal.problem} role="alert" />}
      </Form>
    </SaveDialog>
  );
}

function PasswordDialog({ sub, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useInventory((s) => s.mutate);
  const { execute } = useMutation();
  const submit = async () => {
    const v = await form.validateFields();
    const done = await execute(
      () =>
        mutate('subaccounts.changePassword', {
          id: sub.id,
          ...passwordFromForm(v),
        }),
      { form, success: t('common.saved') },
    );
    if (done) onClose();
  };
  return (
    <SaveDialog title={`${t('inv.subs.changePassword')} · ${sub.fullName}`} onClose={onClose} onSave={submit}>
      <Form form={form} layout="vertical">
        <PasswordFields platformId={sub.platform} />
      </Form>
    </SaveDialog>
  );
}

function RenameDialog({ sub, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useInventory((s) => s.mutate);
  const { execute } = useMutation();
  const immutable = platform(sub.platform).name_rule.immutable;
  const submit = async () => {
    const v = await form.validateFields();
    const done = await execute(() => mutate('subaccounts.rename', { id: sub.id, nickname: v.nickname }), {
      form,
      success: t('common.saved'),
    });
    if (done) onClose();
  };
  return (
    <SaveDialog
      title={`${t('inv.subs.rename')} · ${sub.fullName}`}
      onClose={onClose}
      onSave={submit}
      okButtonProps={{ disabled: immutable }}
    >
      {immutable ? (
        <Alert type="info" showIcon title={t('inv.subs.immutable')} />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ nickname: sub.nickname }}>
          <Form.Item name="nickname" label={t('inv.subs.nickname')} rules={[{ required: true }]}>
            <Input maxLength={64} />
          </Form.Item>
        </Form>
      )}
    </SaveDialog>
  );
}

function BindDialog({ sub, onClose }: DialogProps) {
  const { t } = useTranslation();
  const { staff, mutate } = useInventory();
  const { execute } = useMutation();
  const [staffId, setStaffId] = useState<string | null>(sub.staffId);
  const refusal = useRefusal();
  const submit = async () => {
    const done = await execute(() => mutate('subaccounts.bindStaff', { id: sub.id, staffId }), {
      success: t('common.saved'),
      onError: refusal.onError,
    });
    if (done) onClose();
  };
  return (
    <SaveDialog title={`${t('inv.subs.bindStaff')} · ${sub.fullName}`} onClose={onClose} onSave={submit}>
      <Select
        aria-label={t('inv.subs.staff')}
        style={{ width: '100%' }}
        allowClear
        showSearch
        optionFilterProp="label"
        value={staffId ?? undefined}
        onChange={(v) => setStaffId(v ?? null)}
        options={staff
          .filter((p) => p.status === 'active')
          .map((p) => ({ value: p.id, label: `${p.name} · ${p.position} · ${p.phoneMasked}` }))}
      />
      {refusal.problem && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={refusal.problem} role="alert" />
      )}
    </SaveDialog>
  );
}

/**
 * Copy buttons for what is typed on the platform: the name, and the password through the audited copy;
 * both go through main's clipboard and are cleared after the configured seconds.
 */
export function CopyAccountButtons({ sub }: { sub: Pick<SubAccountView, 'id' | 'shopId' | 'nickname'> }) {
  const { t } = useTranslation();
  const { execute, message } = useMutation();
  const copied = (r: { clearAfterMs: number } | undefined) =>
    r && message.success(t('secret.copied', { seconds: Math.round(r.clearAfterMs / 1000) }));
  return (
    <>
      <Button
        size="small"
        icon={<CopyOutlined />}
        aria-label={`${t('inv.subs.copyName')} ${sub.nickname}`}
        onClick={async () =>
          copied(await execute(() => secretsApi.copyAccountName({ subAccountId: sub.id })))
        }
      >
        {t('inv.subs.copyName')}
      </Button>
      <Button
        size="small"
        icon={<CopyOutlined />}
        aria-label={`${t('inv.subs.copyPassword')} ${sub.nickname}`}
        onClick={async () =>
          copied(
            await execute(() =>
              secretsApi.copy({
                ref: { collection: `shop-${sub.shopId}`, recordId: sub.id, field: 'password' },
              }),
            ),
          )
        }
      >
        {t('inv.subs.copyPassword')}
      </Button>
    </>
  );
}

function ChecklistDialog({ sub, onClose }: DialogProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const mutate = useInventory((s) => s.mutate);
  const { execute, message } = useMutation();
  const [data, setData] = useState<{ steps: ChecklistStep[]; sync: 'pending' | 'synced' } | null>(null);
  useEffect(() => {
    useInventory
      .getState()
      .checklist(sub.id)
      .then(setData, (err: unknown) => message.error(errorText(err, lang)));
  }, [sub.id, message, lang]);
  return (
    <Modal
      open
      title={`${t('inv.subs.checklist')} · ${sub.fullName}`}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('inv.common.cancel')}
        </Button>,
        <Button
          key="done"
          type="primary"
          disabled={data?.sync === 'synced'}
          onClick={async () => {
            if (
              await execute(() => mutate('subaccounts.markSynced', { id: sub.id }), {
                success: t('common.saved'),
              })
            )
              onClose();
          }}
        >
          {t('inv.subs.markSynced')}
        </Button>,
      ]}
      width={640}
    >
      {data && (
        <>
          <Space wrap>
            <Tag color={data.sync === 'synced' ? 'green' : 'orange'}>{t(`inv.subs.${data.sync}`)}</Tag>
            <CopyAccountButtons sub={sub} />
          </Space>
          <List
            size="small"
            dataSource={data.steps}
            renderItem={(s, i) => (
              <List.Item>
                <Typography.Text>
                  {i + 1}. {pickText(s.text, lang)}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
