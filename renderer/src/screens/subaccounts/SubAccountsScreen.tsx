// The sub-account list: data and state here; filters, bulk actions, columns and the virtual table each
// in their own part. Search filters on every keystroke (no deferral): the table re-renders only the rows
// on screen, and the columns are rebuilt only when the language or the templates change.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubAccountView } from '../../../../shared/contract/inventory-types.ts';
import type { SubAccountFilter } from '../../../../shared/domain/subaccount-filter.ts';
import { ExportDialog } from '../../components/ExportDialog.tsx';
import { RowMenuHost } from '../../components/RowMenu.tsx';
import { type VirtualSelection, VirtualTable } from '../../components/VirtualTable.tsx';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { useFilteredSubAccounts } from '../../inventory/use-filtered-sub-accounts.ts';
import { BulkBar } from './BulkBar.tsx';
import { SubAccountCreateModal } from './SubAccountCreateModal.tsx';
import { type Dialog, SubAccountDialogs } from './SubAccountDialogs.tsx';
import { SubAccountFilters } from './SubAccountFilters.tsx';
import { type RowActions, subAccountColumns } from './sub-account-columns.tsx';

const rowKey = (s: SubAccountView) => s.id;

/** Title and the screen's two actions; memoised, so typing in the search box does not re-render them. */
const ScreenHeader = memo(function ScreenHeader(props: {
  canCreate: boolean;
  onExport(): void;
  onCreate(): void;
}) {
  const { t } = useTranslation();
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      <Typography.Title level={2}>{t('inv.subs.title')}</Typography.Title>
      <Space>
        <Button icon={<DownloadOutlined />} onClick={props.onExport}>
          {t('inv.common.export')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate} disabled={!props.canCreate}>
          {t('inv.subs.create')}
        </Button>
      </Space>
    </Space>
  );
});
const rowLabel = (s: SubAccountView) => s.fullName;

export function SubAccountsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const shops = useInventory((s) => s.shops);
  const subAccounts = useInventory((s) => s.subAccounts);
  const templates = useInventory((s) => s.templates);
  const loading = useInventory((s) => s.loading);
  const partialOf = useInventory((s) => s.partialOf);
  const ensureLoaded = useInventory((s) => s.ensureLoaded);
  const mutate = useInventory((s) => s.mutate);
  const exportSubAccounts = useInventory((s) => s.exportSubAccounts);
  const { execute, modal } = useMutation();
  const [filter, setFilter] = useState<SubAccountFilter>({});
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  const rows = useFilteredSubAccounts(subAccounts, filter, search);
  const selectedIds = useMemo(() => [...selected], [selected]);
  const selectedRows = useMemo(() => subAccounts.filter((s) => selected.has(s.id)), [subAccounts, selected]);

  const confirmDeleteNow = (ids: string[]) =>
    modal.confirm({
      title: t('inv.common.delete'),
      content: t('inv.subs.deleteConfirm', { count: ids.length }),
      okButtonProps: { danger: true },
      okText: t('inv.common.delete'),
      cancelText: t('inv.common.cancel'),
      onOk: async () => {
        await execute(() => mutate('subaccounts.delete', { ids }), { success: t('common.saved') });
        setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
      },
    });

  // The columns and the memoised parts hold these through a ref, so they stay the same object across
  // renders and a keystroke re-renders only the search box, the count and the table.
  const latest = useRef({ confirmDelete: confirmDeleteNow, execute, mutate });
  latest.current = { confirmDelete: confirmDeleteNow, execute, mutate };
  const confirmDelete = useCallback((ids: string[]) => latest.current.confirmDelete(ids), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  const openExport = useCallback(() => setExporting(true), []);
  const openCreate = useCallback(() => setCreating(true), []);
  const actions = useMemo<RowActions>(
    () => ({
      open: setDialog,
      remove: (ids) => latest.current.confirmDelete(ids),
      toggleStatus: (s) =>
        void latest.current.execute(
          () =>
            latest.current.mutate('subaccounts.setStatus', {
              ids: [s.id],
              status: s.status === 'active' ? 'disabled' : 'active',
            }),
          { success: t('common.saved') },
        ),
    }),
    [t],
  );
  const columns = useMemo(
    () => subAccountColumns(t, lang, templates, actions),
    [t, lang, templates, actions],
  );

  const toggle = useCallback((id: string, checked: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const selection = useMemo<VirtualSelection>(
    () => ({
      selected,
      toggle,
      toggleAll: (checked) => setSelected(checked ? new Set(rowsRef.current.map((r) => r.id)) : new Set()),
      label: (name) => t('inv.common.selectRow', { name }),
      allLabel: t('inv.common.selectAll'),
    }),
    [selected, toggle, t],
  );
  const onFilter = useCallback(
    (patch: Partial<SubAccountFilter>) => setFilter((f) => ({ ...f, ...patch })),
    [],
  );

  return (
    <>
      <ScreenHeader canCreate={!shops.every((s) => s.archived)} onExport={openExport} onCreate={openCreate} />
      <SubAccountFilters
        filter={filter}
        onFilter={onFilter}
        search={search}
        onSearch={setSearch}
        shops={shops}
        templates={templates}
        count={rows.length}
        partialOf={partialOf}
      />
      <BulkBar
        selected={selectedIds}
        selectedRows={selectedRows}
        templates={templates}
        onDelete={confirmDelete}
      />
      <RowMenuHost>
        <VirtualTable
          label={t('inv.subs.title')}
          rows={rows}
          columns={columns}
          rowKey={rowKey}
          rowLabel={rowLabel}
          selection={selection}
          height="calc(100vh - 300px)"
          loading={loading}
          empty={t('inv.subs.empty')}
        />
      </RowMenuHost>
      {/* Mounted only while open: a closed dialog would still re-render on every keystroke. */}
      {creating && (
        <SubAccountCreateModal open defaultShopId={filter.shopId} onClose={() => setCreating(false)} />
      )}
      <SubAccountDialogs dialog={dialog} onClose={closeDialog} />
      {exporting && (
        <ExportDialog
          open
          run={(c) => exportSubAccounts({ ...c, ...(filter.shopId ? { shopId: filter.shopId } : {}) })}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}
