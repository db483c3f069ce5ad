import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../../lib/download.ts';

/** The headers the importer reads, as a CSV with a BOM so Excel opens the Chinese right. */
const TEMPLATE_CSV = '\uFEFF姓名,手机号,岗位,身份证号,备注\r\n';

/** The staff screen's actions: import template, import, export, add a person. */
export function StaffToolbar(props: {
  onImportFile(file: File): void;
  onExport(format: 'xlsx' | 'csv'): void;
  onAdd(): void;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button
        icon={<DownloadOutlined />}
        onClick={() =>
          downloadBlob(new Blob([TEMPLATE_CSV], { type: 'text/csv;charset=utf-8' }), '员工导入模板.csv')
        }
      >
        {t('inv.staff.template')}
      </Button>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          props.onImportFile(file);
          // Never uploaded anywhere: the file is read here and sent to main.
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
          onClick: ({ key }) => props.onExport(key as 'xlsx' | 'csv'),
        }}
      >
        <Button icon={<DownloadOutlined />}>{t('inv.common.export')}</Button>
      </Dropdown>
      <Button type="primary" icon={<PlusOutlined />} onClick={props.onAdd}>
        {t('inv.staff.create')}
      </Button>
    </Space>
  );
}
