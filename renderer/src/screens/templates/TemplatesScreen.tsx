import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../../shared/contract/inventory-types.ts';
import { diffPermissions } from '../../../../shared/domain/permissions.ts';
import { PLATFORM_IDS, permissionById, platform } from '../../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../../shared/domain/platforms/types.ts';
import { PermissionPicker } from '../../components/PermissionPicker.tsx';
import { RiskTag } from '../../components/RiskTag.tsx';
import { SaveDialog } from '../../components/SaveDialog.tsx';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText, templateLabel } from '../../lib/text.ts';

export function TemplatesScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const { templates, ensureLoaded, mutate } = useInventory();
  const { execute } = useMutation();
  const [platformId, setPlatformId] = useState<PlatformId>('taobao');
  const [editing, setEditing] = useState<TemplateView | null>(null);
  const [deleting, setDeleting] = useState<TemplateView | null>(null);
  const [compare, setCompare] = useState<[string | undefined, string | undefined]>([undefined, undefined]);
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  const list = templates.filter((tp) => tp.platform === platformId);
  const name = (tp: TemplateView) => templateLabel(tp, lang);
  const label = (id: string) =>
    pickText(permissionById(platform(platformId), id)?.label ?? { zh: id, en: id }, lang);
  const a = list.find((tp) => tp.id === compare[0]);
  const b = list.find((tp) => tp.id === compare[1]);
  const diff = a && b ? diffPermissions(platformId, a.permissions, b.permissions) : null;

  return (
    <>
      <Typography.Title level={2}>{t('inv.templates.title')}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('inv.common.platform')}
          style={{ width: 160 }}
          value={platformId}
          onChange={setPlatformId}
          options={PLATFORM_IDS.map((id) => ({ value: id, label: pickText(platform(id).name, lang) }))}
        />
        <Button
          type="primary"
          onClick={async () => {
            // A new template starts empty (least privilege) and opens for editing at once.
            const created = await execute(() =>
              mutate('templates.create', {
                platform: platformId,
                name: t('inv.templates.newName'),
                permissions: [],
                nativeRole: null,
                basedOn: null,
              }),
            );
            if (created) setEditing(created);
          }}
        >
          {t('inv.templates.create')}
        </Button>
      </Space>
      <Table<TemplateView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list}
        expandable={{
          expandedRowRender: (tp) => tp.permissions.map(label).join(lang === 'zh-CN' ? '、' : ', '),
        }}
        columns={[
          { title: t('inv.templates.name'), key: 'name', render: (_, tp) => name(tp) },
          {
            title: '',
            key: 'kind',
            render: (_, tp) => (
              <Tag>{tp.builtin ? t('inv.templates.builtin') : t('inv.templates.custom')}</Tag>
            ),
          },
          { title: t('inv.templates.risk'), key: 'risk', render: (_, tp) => <RiskTag risk={tp.risk} /> },
          { title: t('inv.subs.permissions'), key: 'count', render: (_, tp) => tp.permissions.length },
          { title: t('inv.templates.usedBy'), dataIndex: 'usedBy' },
          {
            title: t('inv.common.actions'),
            key: 'actions',
            render: (_, tp) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    void execute(
                      () =>
                        mutate('templates.create', {
                          platform: tp.platform,
                          name: `${name(tp)}${lang === 'zh-CN' ? '（副本）' : ' (copy)'}`.slice(0, 40),
                          permissions: tp.permissions,
                          nativeRole: tp.nativeRole,
                          basedOn: tp.id,
                        }),
                      { success: t('common.saved') },
                    )
                  }
                >
                  {t('inv.templates.clone')}
                </Button>
                {!tp.builtin && (
                  <>
                    <Button type="link" size="small" onClick={() => setEditing(tp)}>
                      {t('inv.common.edit')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => setDeleting(tp)}>
                      {t('inv.common.delete')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Card title={t('inv.templates.compare')} style={{ marginTop: 16 }} size="small">
        <Space>
          {[0, 1].map((i) => (
            <Select
              key={i}
              aria-label={i === 0 ? t('inv.templates.compareA') : t('inv.templates.compareB')}
              placeholder={i === 0 ? t('inv.templates.compareA') : t('inv.templates.compareB')}
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              value={compare[i]}
              onChange={(v) => setCompare((c) => (i === 0 ? [v, c[1]] : [c[0], v]))}
              options={list.map((tp) => ({ value: tp.id, label: name(tp) }))}
            />
          ))}
        </Space>
        {diff && a && b && (
          <div data-testid="template-diff" style={{ marginTop: 12 }}>
            <p>
              {t('inv.templates.added')}: {diff.added.map(label).join('、') || '—'}
            </p>
            <p>
              {t('inv.templates.removed')}: {diff.removed.map(label).join('、') || '—'}
            </p>
            <p>
              {t('inv.templates.riskChange')}: <RiskTag risk={diff.riskBefore} /> →{' '}
              <RiskTag risk={diff.riskAfter} />
            </p>
          </div>
        )}
      </Card>
      {editing && <EditTemplate tp={editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <DeleteTemplate
          tp={deleting}
          candidates={list.filter((x) => x.id !== deleting.id)}
          name={name}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}

function EditTemplate({ tp, onClose }: { tp: TemplateView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const mutate = useInventory((s) => s.mutate);
  const { execute } = useMutation();
  const submit = async () => {
    const v = await form.validateFields();
    const done = await execute(
      (confirmHighRisk) =>
        mutate('templates.update', { id: tp.id, name: v.name, permissions: v.permissions, confirmHighRisk }),
      {
        form,
        platformId: tp.platform,
        success: t('common.saved'),
      },
    );
    if (done) onClose();
  };
  return (
    <SaveDialog title={`${t('inv.common.edit')} · ${tp.name}`} onClose={onClose} onSave={submit} width={680}>
      <Form form={form} layout="vertical" initialValues={{ name: tp.name, permissions: tp.permissions }}>
        <Form.Item name="name" label={t('inv.templates.name')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="permissions" label={t('inv.subs.permissions')}>
          <PermissionPicker platformId={tp.platform} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

function DeleteTemplate({
  tp,
  candidates,
  name,
  onClose,
}: {
  tp: TemplateView;
  candidates: TemplateView[];
  name: (t: TemplateView) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mutate = useInventory((s) => s.mutate);
  const { execute } = useMutation();
  const [target, setTarget] = useState<string>('');
  return (
    <Modal
      open
      title={`${t('inv.templates.deleteTitle')} · ${tp.name}`}
      onCancel={onClose}
      okButtonProps={{ danger: true }}
      okText={t('inv.common.delete')}
      cancelText={t('inv.common.cancel')}
      onOk={async () => {
        if (
          await execute(() => mutate('templates.delete', { id: tp.id, reassignTo: target || null }), {
            success: t('common.saved'),
          })
        )
          onClose();
      }}
    >
      {tp.usedBy > 0 && (
        <>
          <p>{t('inv.templates.reassign', { count: tp.usedBy })}</p>
          <Select
            aria-label={t('inv.templates.reassign', { count: tp.usedBy })}
            style={{ width: '100%' }}
            value={target}
            onChange={setTarget}
            options={[
              { value: '', label: t('inv.templates.keepHandPicked') },
              ...candidates.map((c) => ({ value: c.id, label: name(c) })),
            ]}
          />
        </>
      )}
    </Modal>
  );
}
