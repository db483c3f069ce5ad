import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../../hooks/use-mutation.ts';
import { downloadExport } from '../../../lib/download.ts';
import { useTransfer } from '../../../transfer/transfer-store.ts';

export const SOURCES = ['sheet', 'bitwarden', 'onepassword', 'keepass', 'browser'] as const;
export type Source = (typeof SOURCES)[number];

/** Where the accounts come from, with how to get the file out of that tool (the file's content decides). */
export function ImportSourceStep(props: { source: Source; onSource(s: Source): void; onNext(): void }) {
  const { t } = useTranslation();
  const { execute } = useMutation();
  const importTemplate = useTransfer((s) => s.importTemplate);
  const template = async () => {
    const file = await execute(() => importTemplate());
    if (file) downloadExport(file);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Radio.Group
        aria-label={t('transfer.import.steps.source')}
        value={props.source}
        onChange={(e) => props.onSource(e.target.value as Source)}
        optionType="button"
        options={SOURCES.map((s) => ({ value: s, label: t(`transfer.import.sources.${s}`) }))}
      />
      <Alert type="info" showIcon title={t(`transfer.import.hints.${props.source}`)} />
      <Space wrap>
        {props.source === 'sheet' && (
          <Button icon={<DownloadOutlined />} onClick={() => void template()}>
            {t('transfer.import.template')}
          </Button>
        )}
        <Button type="primary" onClick={props.onNext}>
          {t('transfer.import.choose')}
        </Button>
      </Space>
    </Space>
  );
}
