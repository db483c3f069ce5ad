import { Alert, Checkbox, Modal, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/inventory-types.ts';
import type { Language } from '../../../../shared/contract/types.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { fieldErrorText } from '../../i18n/errors.ts';
import { useInventory } from '../../inventory/inventory-store.ts';

/** One problem of a row ("field:code[:row]") in words, with the value as typed in the file. */
function problemText(t: TFunction, lang: Language, e: string, typed: Record<string, string>) {
  const [field = '', code = '', row] = e.split(':');
  const fieldName =
    { name: t('inv.staff.name'), phone: t('inv.staff.phone'), idNumber: t('inv.staff.idNumber') }[field] ??
    field;
  const special: Record<string, string> = {
    duplicate_in_file: t('inv.staff.duplicateOf', { row }),
    id_registered: t('inv.staff.idRegistered'),
  };
  const value = typed[field];
  const shown = value ? `「${value}」` : t('inv.staff.emptyCell');
  return `${fieldName} ${shown}：${special[code] ?? fieldErrorText(code, lang)}`;
}

/** Every row of an import file with what is wrong with it; all rows or only the valid ones, never a part. */
export function ImportPreviewModal(props: { preview: ImportPreview; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { execute, modal } = useMutation();
  const mutate = useInventory((s) => s.mutate);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const { preview } = props;
  const commit = async () => {
    const r = await execute(() => mutate('staff.commitImport', { token: preview.token, skipInvalid }));
    if (r) {
      modal.success({
        title: t('inv.staff.imported', r),
        content: r.safetyBackup
          ? t('backup.keptBefore', { what: t('backup.reasons.before-import'), file: r.safetyBackup })
          : undefined,
        okText: t('inv.common.confirm'),
      });
      props.onClose();
    }
  };
  return (
    <Modal
      open
      width={760}
      title={t('inv.staff.previewTitle')}
      onCancel={props.onClose}
      okText={t('inv.staff.commit')}
      cancelText={t('inv.common.cancel')}
      okButtonProps={{ disabled: preview.validCount === 0 || (preview.invalidCount > 0 && !skipInvalid) }}
      onOk={() => void commit()}
    >
      <Alert
        type={preview.invalidCount > 0 ? 'warning' : 'success'}
        showIcon
        title={t('inv.staff.valid', {
          valid: preview.validCount,
          invalid: preview.invalidCount,
          source:
            preview.encoding === 'xlsx'
              ? t('inv.staff.fileXlsx')
              : t('inv.staff.csvEncoding', { encoding: preview.encoding }),
        })}
      />
      <Table
        rowKey="row"
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={preview.rows}
        columns={[
          { title: t('inv.staff.rowNo'), dataIndex: 'row', width: 60 },
          { title: t('inv.staff.name'), dataIndex: 'name' },
          { title: t('inv.staff.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
          { title: t('inv.staff.position'), dataIndex: 'position' },
          {
            title: t('inv.staff.errors'),
            dataIndex: 'errors',
            render: (errs: string[], r) =>
              errs.length ? (
                <Typography.Text type="danger">
                  {errs.map((e) => problemText(t, lang, e, r.typed)).join('；')}
                </Typography.Text>
              ) : (
                <Tag color="green">{t('inv.staff.ok')}</Tag>
              ),
          },
        ]}
      />
      {preview.invalidCount > 0 && (
        <Checkbox
          style={{ marginTop: 12 }}
          checked={skipInvalid}
          onChange={(e) => setSkipInvalid(e.target.checked)}
        >
          {t('inv.staff.skipInvalid')}
        </Checkbox>
      )}
    </Modal>
  );
}
