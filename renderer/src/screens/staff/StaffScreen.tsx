import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Dropdown,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, PersonView } from '../../../../shared/contract/inventory-types.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { fieldErrorText } from '../../i18n/errors.ts';
import { staffApi } from '../../inventory/inventory-api.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { downloadBlob, downloadExport, fileToBase64 } from '../../lib/download.ts';
import { LeaverFollowUps } from './LeaverFollowUps.tsx';

export function StaffScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const { staff, ensureLoaded, mutate, loading } = useInventory();
  const { execute, modal } = useMutation();
  const [adding, setAdding] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [form] = Form.useForm();
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  const markLeft = (p: PersonView) =>
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

  const errorLabel = (e: string, typed: Record<string, string>) => {
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
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2}>{t('inv.staff.title')}</Typography.Title>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              // The headers the importer reads, as a CSV with a BOM so Excel opens the Chinese right.
              downloadBlob(
                new Blob(['\uFEFF姓名,手机号,岗位,身份证号,备注\r\n'], { type: 'text/csv;charset=utf-8' }),
                '员工导入模板.csv',
              )
            }
          >
            {t('inv.staff.template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={async (file) => {
              const r = await execute(async () =>
                staffApi.previewImport({
                  fileName: file.name,
                  contentBase64: await fileToBase64(file),
                }),
              );
              if (r) {
                setSkipInvalid(false);
                setPreview(r);
              }
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('inv.staff.import')}</Button>
          </Upload>
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: t('inv.common.exportXlsx') },
                { key: 'csv', label: t('inv.common.exportCsv') },
              ],
              onClick: async ({ key }) => {
                const f = await execute(() => staffApi.export({ format: key as 'xlsx' | 'csv' }));
                if (f) downloadExport(f);
              },
            }}
          >
            <Button icon={<DownloadOutlined />}>{t('inv.common.export')}</Button>
          </Dropdown>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('inv.staff.create')}
          </Button>
        </Space>
      </Space>
      <LeaverFollowUps />
      <Typography.Paragraph type="secondary">{t('inv.staff.importHint')}</Typography.Paragraph>
      <Table<PersonView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={staff}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('inv.staff.name'), dataIndex: 'name' },
          { title: t('inv.staff.phone'), dataIndex: 'phoneMasked' },
          { title: t('inv.staff.position'), dataIndex: 'position' },
          {
            title: t('inv.common.status'),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={s === 'active' ? 'green' : 'default'}>{t(`inv.staff.${s}`)}</Tag>
            ),
          },
          {
            title: t('inv.staff.idLast4'),
            dataIndex: 'idLast4',
            render: (v: string | null) => (v ? `****${v}` : '—'),
          },
          {
            title: t('inv.staff.bindings'),
            key: 'bindings',
            render: (_, p) =>
              p.bindings.length
                ? p.bindings.map((b) => <Tag key={b.subAccountId}>{`${b.shopName} / ${b.fullName}`}</Tag>)
                : '—',
          },
          {
            title: t('inv.common.actions'),
            key: 'actions',
            render: (_, p) =>
              p.status === 'active' ? (
                <Button type="link" size="small" onClick={() => markLeft(p)}>
                  {t('inv.staff.markLeft')}
                </Button>
              ) : (
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    void execute(() => mutate('staff.setStatus', { id: p.id, status: 'active' }))
                  }
                >
                  {t('inv.staff.markActive')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('inv.staff.create')}
        onCancel={() => setAdding(false)}
        okText={t('inv.common.save')}
        cancelText={t('inv.common.cancel')}
        destroyOnHidden
        onOk={async () => {
          let v: Awaited<ReturnType<typeof form.validateFields>>;
          try {
            v = await form.validateFields();
          } catch {
            // The form shows what is missing at each field; nothing else to report.
            return;
          }
          const done = await execute(
            () =>
              mutate('staff.create', {
                name: v.name,
                phone: v.phone,
                position: v.position ?? '',
                notes: v.notes ?? '',
                idNumber: v.idNumber ?? '',
              }),
            {
              form,
              success: t('common.saved'),
            },
          );
          if (done) {
            form.resetFields();
            setAdding(false);
          }
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="name"
            label={t('inv.staff.name')}
            rules={[{ required: true, message: t('inv.staff.nameRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('inv.staff.phone')}
            rules={[{ required: true, message: t('inv.staff.phoneRequired') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="position" label={t('inv.staff.position')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('inv.staff.idNumber')} extra={t('inv.staff.idHint')}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="notes" label={t('inv.common.notes')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      {preview && (
        <Modal
          open
          width={760}
          title={t('inv.staff.previewTitle')}
          onCancel={() => setPreview(null)}
          okText={t('inv.staff.commit')}
          cancelText={t('inv.common.cancel')}
          okButtonProps={{ disabled: preview.validCount === 0 || (preview.invalidCount > 0 && !skipInvalid) }}
          onOk={async () => {
            const r = await execute(() =>
              mutate('staff.commitImport', { token: preview.token, skipInvalid }),
            );
            if (r) {
              modal.success({ title: t('inv.staff.imported', r), okText: t('inv.common.confirm') });
              setPreview(null);
            }
          }}
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
              {
                title: t('inv.staff.phone'),
                dataIndex: 'phoneMasked',
                render: (v: string | null) => v ?? '—',
              },
              { title: t('inv.staff.position'), dataIndex: 'position' },
              {
                title: t('inv.staff.errors'),
                dataIndex: 'errors',
                render: (errs: string[], r) =>
                  errs.length ? (
                    <Typography.Text type="danger">
                      {errs.map((e) => errorLabel(e, r.typed)).join('；')}
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
      )}
    </>
  );
}
