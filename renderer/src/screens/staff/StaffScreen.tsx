// 员工: the container. It loads the staff list and turns the views' requests into calls with the app's error
// handling; the table's columns, the toolbar and the two dialogs are their own files.
import { Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, PersonView } from '../../../../shared/contract/inventory-types.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { staffApi } from '../../inventory/inventory-api.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { downloadExport, fileToBase64 } from '../../lib/download.ts';
import { AddPersonModal } from './AddPersonModal.tsx';
import { ImportPreviewModal } from './ImportPreviewModal.tsx';
import { LeaverFollowUps } from './LeaverFollowUps.tsx';
import { StaffToolbar } from './StaffToolbar.tsx';
import { staffColumns } from './staff-columns.tsx';

export function StaffScreen() {
  const { t } = useTranslation();
  const { staff, ensureLoaded, mutate, loading } = useInventory();
  const { execute, modal } = useMutation();
  const [adding, setAdding] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  const columns = (() => {
    const setStatus = (p: PersonView) => {
      if (p.status !== 'active')
        return void execute(() => mutate('staff.setStatus', { id: p.id, status: 'active' }));
      // Leaving unbinds every account the person used: asked first, with how many.
      modal.confirm({
        title: t('inv.staff.markLeft'),
        content: t('inv.staff.leftConfirm', { name: p.name, count: p.bindings.length }),
        okText: t('inv.common.confirm'),
        cancelText: t('inv.common.cancel'),
        onOk: () =>
          execute(() => mutate('staff.setStatus', { id: p.id, status: 'left' }), {
            success: t('common.saved'),
          }),
      });
    };
    return staffColumns(t, setStatus);
  })();

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2}>{t('inv.staff.title')}</Typography.Title>
        <StaffToolbar
          onImportFile={async (file) => {
            const r = await execute(async () =>
              staffApi.previewImport({ fileName: file.name, contentBase64: await fileToBase64(file) }),
            );
            if (r) setPreview(r);
          }}
          onExport={async (format) => {
            const f = await execute(() => staffApi.export({ format }));
            if (f) downloadExport(f);
          }}
          onAdd={() => setAdding(true)}
        />
      </Space>
      <LeaverFollowUps />
      <Typography.Paragraph type="secondary">{t('inv.staff.importHint')}</Typography.Paragraph>
      <Table<PersonView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={staff}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={columns}
      />
      <AddPersonModal open={adding} onClose={() => setAdding(false)} />
      {preview && <ImportPreviewModal preview={preview} onClose={() => setPreview(null)} />}
    </>
  );
}
