import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubAccountView } from '../../../../shared/contract/inventory-types.ts';
import { PLATFORM_IDS, permissionById, platform } from '../../../../shared/domain/platforms/catalog.ts';
import { filterSubAccounts, type SubAccountFilter } from '../../../../shared/domain/subaccount-filter.ts';
import { VERIFICATION_STATES, type VerificationState } from '../../../../shared/domain/verification.ts';
import { ExportDialog } from '../../components/ExportDialog.tsx';
import { SecretField } from '../../components/SecretField.tsx';
import { VerificationTag } from '../../components/VerificationTag.tsx';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { pickText, templateLabel } from '../../lib/text.ts';
import { useInventory } from '../../stores/inventory-store.ts';
import { bridge } from '../../stores/session-store.ts';
import { SubAccountCreateModal } from './SubAccountCreateModal.tsx';
import { type Dialog, SubAccountDialogs } from './SubAccountDialogs.tsx';

export function SubAccountsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const { shops, subAccounts, templates, loadAll, loading, mutate } = useInventory();
  const templateOf = (s: SubAccountView) => templates.find((tp) => tp.id === s.templateId);
  const { execute, modal } = useMutation();
  const [filter, setFilter] = useState<SubAccountFilter>({});
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    void loadAll();
  }, [loadAll]);

  const rows = useMemo(
    () => filterSubAccounts(subAccounts, { ...filter, search: deferredSearch }),
    [subAccounts, filter, deferredSearch],
  );
  const set = (patch: Partial<SubAccountFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const selectedRows = subAccounts.filter((s) => selected.includes(s.id));
  const selectedPlatform = selectedRows[0]?.platform;
  const samePlatform = selectedRows.every((s) => s.platform === selectedPlatform);

  const confirmDelete = (ids: string[]) =>
    modal.confirm({
      title: t('inv.common.delete'),
      content: t('inv.subs.deleteConfirm', { count: ids.length }),
      okButtonProps: { danger: true },
      okText: t('inv.common.delete'),
      cancelText: t('inv.common.cancel'),
      onOk: async () => {
        await execute(() => mutate('subaccounts.delete', { ids }), { success: t('common.saved') });
        setSelected((s) => s.filter((id) => !ids.includes(id)));
      },
    });

  const statusOptions = [
    { value: 'active', label: t('inv.subs.active') },
    { value: 'disabled', label: t('inv.subs.disabled') },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2}>{t('inv.subs.title')}</Typography.Title>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('inv.common.export')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            disabled={shops.every((s) => s.archived)}
          >
            {t('inv.subs.create')}
          </Button>
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('inv.common.search')}
          placeholder={t('inv.subs.searchPlaceholder')}
          style={{ width: 260 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          aria-label={t('inv.common.shop')}
          allowClear
          placeholder={t('inv.subs.filterAll')}
          style={{ width: 180 }}
          value={filter.shopId}
          onChange={(v) => set({ shopId: v })}
          options={shops.map((s) => ({ value: s.id, label: s.name }))}
        />
        <Select
          aria-label={t('inv.common.platform')}
          allowClear
          placeholder={t('inv.common.platform')}
          style={{ width: 120 }}
          value={filter.platform}
          onChange={(v) => set({ platform: v })}
          options={PLATFORM_IDS.map((id) => ({ value: id, label: pickText(platform(id).name, lang) }))}
        />
        <Select
          aria-label={t('inv.subs.template')}
          allowClear
          placeholder={t('inv.subs.template')}
          style={{ width: 160 }}
          value={filter.templateId}
          onChange={(v) => set({ templateId: v })}
          options={templates
            .filter((tp) => !filter.platform || tp.platform === filter.platform)
            .map((tp) => ({
              value: tp.id,
              label: `${templateLabel(tp, lang)} · ${pickText(platform(tp.platform).name, lang)}`,
            }))}
        />
        <Select
          aria-label={t('inv.common.status')}
          allowClear
          placeholder={t('inv.common.status')}
          style={{ width: 100 }}
          value={filter.status}
          onChange={(v) => set({ status: v })}
          options={statusOptions}
        />
        <Select
          aria-label={t('inv.subs.sync')}
          allowClear
          placeholder={t('inv.subs.sync')}
          style={{ width: 110 }}
          value={filter.sync}
          onChange={(v) => set({ sync: v })}
          options={[
            { value: 'pending', label: t('inv.subs.pending') },
            { value: 'synced', label: t('inv.subs.synced') },
          ]}
        />
        <Select
          aria-label={t('inv.subs.verification')}
          allowClear
          placeholder={t('inv.subs.verification')}
          style={{ width: 110 }}
          value={filter.verification}
          onChange={(v) => set({ verification: v })}
          options={[...VERIFICATION_STATES.map((v) => ({ value: v, label: t(`work.vstate.${v}`) }))]}
        />
        <Select
          aria-label={t('inv.subs.staff')}
          allowClear
          placeholder={t('inv.subs.staff')}
          style={{ width: 110 }}
          value={filter.bound}
          onChange={(v) => set({ bound: v })}
          options={[
            { value: 'bound', label: t('inv.subs.bound') },
            { value: 'unbound', label: t('inv.subs.unbound') },
          ]}
        />
        <Typography.Text type="secondary" data-testid="row-count">
          {t('inv.common.rows', { count: rows.length })}
        </Typography.Text>
      </Space>
      {selected.length > 0 && (
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>{t('inv.common.selected', { count: selected.length })}</Typography.Text>
          <Button
            onClick={() =>
              void execute(() => mutate('subaccounts.setStatus', { ids: selected, status: 'disabled' }), {
                success: t('common.saved'),
              })
            }
          >
            {t('inv.subs.bulkDisable')}
          </Button>
          <Button danger onClick={() => confirmDelete(selected)}>
            {t('inv.subs.bulkDelete')}
          </Button>
          <Dropdown
            disabled={!samePlatform}
            menu={{
              items: templates
                .filter((tp) => tp.platform === selectedPlatform)
                .map((tp) => ({ key: tp.id, label: templateLabel(tp, lang) })),
              onClick: ({ key }) =>
                void execute(
                  (confirmHighRisk) =>
                    mutate('subaccounts.bulkSetTemplate', {
                      ids: selected,
                      templateId: key,
                      confirmHighRisk,
                    }),
                  {
                    platformId: selectedPlatform,
                    success: t('common.saved'),
                  },
                ),
            }}
          >
            <Button>{t('inv.subs.bulkTemplate')}</Button>
          </Dropdown>
        </Space>
      )}
      <Table<SubAccountView>
        rowKey="id"
        size="small"
        virtual
        scroll={{ x: 1500, y: 560 }}
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('inv.subs.empty') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        // The virtual table renders divs; give each row its role and name so assistive tech can read it.
        onRow={(s) => ({ role: 'row', 'aria-label': s.fullName }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('inv.subs.fullName'),
            dataIndex: 'fullName',
            width: 200,
            sorter: (a, b) => a.fullName.localeCompare(b.fullName, 'zh-CN'),
            fixed: 'left',
          },
          {
            title: t('inv.common.shop'),
            dataIndex: 'shopName',
            width: 140,
            sorter: (a, b) => a.shopName.localeCompare(b.shopName, 'zh-CN'),
          },
          {
            title: t('inv.common.platform'),
            dataIndex: 'platform',
            width: 90,
            render: (p: SubAccountView['platform']) => pickText(platform(p).name, lang),
          },
          {
            title: t('inv.common.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: string) => (
              <Tag color={s === 'active' ? 'green' : 'default'}>{t(`inv.subs.${s}`)}</Tag>
            ),
          },
          {
            title: t('inv.subs.template'),
            key: 'template',
            width: 180,
            render: (_, s) => (
              <span
                title={s.permissions
                  .map((id) =>
                    pickText(permissionById(platform(s.platform), id)?.label ?? { zh: id, en: id }, lang),
                  )
                  .join(', ')}
              >
                {templateOf(s)
                  ? templateLabel(templateOf(s)!, lang)
                  : (s.templateName ?? t('inv.subs.handPicked'))}
              </span>
            ),
          },
          {
            title: t('inv.subs.staff'),
            dataIndex: 'staffName',
            width: 110,
            render: (v: string | null) =>
              v ?? <Typography.Text type="secondary">{t('inv.subs.unbound')}</Typography.Text>,
          },
          {
            title: t('inv.subs.sync'),
            dataIndex: 'sync',
            width: 90,
            render: (v: string) => (
              <Tag color={v === 'synced' ? 'green' : 'orange'}>{t(`inv.subs.${v}`)}</Tag>
            ),
          },
          {
            title: t('inv.subs.verification'),
            dataIndex: 'verification',
            width: 90,
            render: (v: string, s) => (
              <Space size={4}>
                <VerificationTag state={v as VerificationState} />
                {s.temporary && <Tag>{t('nav.tempAgents')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('inv.subs.password'),
            key: 'pw',
            width: 170,
            render: (_, s) => (
              <SecretField
                secret={{ collection: `shop-${s.shopId}`, recordId: s.id, field: 'password' }}
                label={`${s.fullName} ${t('inv.subs.password')}`}
              />
            ),
          },
          {
            title: t('inv.common.actions'),
            key: 'actions',
            width: 300,
            render: (_, s) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'configure', sub: s })}>
                  {t('inv.subs.configure')}
                </Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'checklist', sub: s })}>
                  {t('inv.subs.checklist')}
                </Button>
                <Dropdown
                  menu={{
                    items: [
                      { key: 'password', label: t('inv.subs.changePassword') },
                      { key: 'rename', label: t('inv.subs.rename') },
                      { key: 'bind', label: t('inv.subs.bindStaff') },
                      {
                        key: 'status',
                        label: s.status === 'active' ? t('inv.subs.disable') : t('inv.subs.enable'),
                      },
                      { key: 'delete', label: t('inv.common.delete'), danger: true },
                    ],
                    onClick: ({ key }) => {
                      if (key === 'delete') confirmDelete([s.id]);
                      else if (key === 'status')
                        void execute(
                          () =>
                            mutate('subaccounts.setStatus', {
                              ids: [s.id],
                              status: s.status === 'active' ? 'disabled' : 'active',
                            }),
                          {
                            success: t('common.saved'),
                          },
                        );
                      else setDialog({ kind: key as 'password' | 'rename' | 'bind', sub: s });
                    },
                  }}
                >
                  <Button type="link" size="small" aria-label={`${t('inv.common.actions')} ${s.fullName}`}>
                    ⋯
                  </Button>
                </Dropdown>
              </Space>
            ),
          },
        ]}
      />
      <SubAccountCreateModal
        open={creating}
        defaultShopId={filter.shopId}
        onClose={() => setCreating(false)}
      />
      <SubAccountDialogs dialog={dialog} onClose={() => setDialog(null)} />
      <ExportDialog
        open={exporting}
        run={(c) =>
          bridge().invoke('subaccounts.export', {
            ...c,
            ...(filter.shopId ? { shopId: filter.shopId } : {}),
          })
        }
        onClose={() => setExporting(false)}
      />
    </>
  );
}
