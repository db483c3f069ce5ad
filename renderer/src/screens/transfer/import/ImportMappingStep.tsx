import { Alert, Button, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../shared/contract/transfer-types.ts';
import {
  type ColumnMapping,
  ignoredColumns,
  TABLE_FIELDS,
} from '../../../../../shared/domain/transfer/table-mapping.ts';
import { useMutation } from '../../../hooks/use-mutation.ts';
import { useTransfer } from '../../../transfer/transfer-store.ts';

const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `#${i + 1}`);

/** Which column is which, as recognised from the headers; any of them can be changed before the preview. */
export function ImportMappingStep(props: {
  preview: ImportPreview;
  onPreview(p: ImportPreview): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const { execute } = useMutation();
  const remap = useTransfer((s) => s.remapImport);
  const [mapping, setMapping] = useState<ColumnMapping>(props.preview.mapping ?? {});
  const header = props.preview.header ?? [];
  const options = [
    { value: -1, label: t('transfer.import.noColumn') },
    ...header.map((h, i) => ({ value: i, label: `${letter(i)}: ${h}` })),
  ];
  const ignored = ignoredColumns(header, mapping);
  const next = async () => {
    const p = await execute(() => remap(props.preview.token, mapping));
    if (p) props.onPreview(p);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('transfer.import.mappingIntro')}</Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ flex: '140px' }} style={{ maxWidth: 520 }} name="import-mapping">
        {TABLE_FIELDS.map((f) => (
          <Form.Item key={f} label={t(`transfer.import.fields.${f}`)} style={{ marginBottom: 8 }}>
            <Select
              aria-label={t(`transfer.import.fields.${f}`)}
              value={mapping[f] ?? -1}
              options={options}
              onChange={(v: number) =>
                setMapping((m) => {
                  const next = { ...m };
                  if (v < 0) delete next[f];
                  else next[f] = v;
                  return next;
                })
              }
            />
          </Form.Item>
        ))}
      </Form>
      {ignored.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-ignored"
          title={t('transfer.import.ignored', {
            columns: ignored.map((i) => `${letter(i)}: ${header[i]}`).join('、'),
          })}
        />
      )}
      <Space>
        <Button onClick={props.onBack}>{t('transfer.import.back')}</Button>
        <Button type="primary" onClick={() => void next()}>
          {t('transfer.import.toPreview')}
        </Button>
      </Space>
    </Space>
  );
}
