import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ImportPreview,
  ImportPreviewRow,
  ImportResult,
} from '../../../../../shared/contract/transfer-types.ts';
import { platform } from '../../../../../shared/domain/platforms/catalog.ts';
import { useLang } from '../../../hooks/use-lang.ts';
import { useMutation } from '../../../hooks/use-mutation.ts';
import { pickText } from '../../../lib/text.ts';
import { useTransfer } from '../../../transfer/transfer-store.ts';
import { rowNotes, sourceName } from './import-texts.ts';

const STATUS_COLOR = { new: 'green', exists: 'default', error: 'red', skipped: 'default' } as const;

/** Every row as we read it and what will happen to it; all rows, or only the valid ones, never a part. */
export function ImportPreviewStep(props: {
  preview: ImportPreview;
  onDone(r: ImportResult): void;
  onBack(): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { execute } = useMutation();
  const commitImport = useTransfer((s) => s.commitImport);
  const [writing, setWriting] = useState(false);
  const { preview } = props;
  const { counts } = preview;
  const toWrite = preview.rows.filter((r) => r.status === 'new').length;
  const commit = async (skipInvalid: boolean) => {
    setWriting(true);
    try {
      const r = await execute(() => commitImport(preview.token, skipInvalid));
      if (r) props.onDone(r);
    } finally {
      setWriting(false);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={counts.errors > 0 ? 'warning' : 'success'}
        showIcon
        title={t('transfer.import.summary', counts)}
        description={
          <>
            <div>{t('transfer.import.fileKind', { kind: sourceName(preview) })}</div>
            {counts.newPeople + counts.newTemplates > 0 && (
              <div data-testid="import-register">{t('transfer.import.register', counts)}</div>
            )}
          </>
        }
      />
      {counts.errors > 0 && (
        <Alert type="error" showIcon title={t('transfer.import.hasErrors', { count: counts.errors })} />
      )}
      <Table<ImportPreviewRow>
        rowKey="at"
        size="small"
        aria-label={t('transfer.import.steps.preview')}
        dataSource={preview.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('transfer.import.columns.row'), dataIndex: 'at', width: 50 },
          {
            title: t('transfer.import.columns.kind'),
            dataIndex: 'kind',
            width: 80,
            render: (k: ImportPreviewRow['kind']) => t(`transfer.import.kinds.${k}`),
          },
          {
            title: t('transfer.import.columns.platform'),
            dataIndex: 'platform',
            width: 70,
            render: (p: ImportPreviewRow['platform']) => (p ? pickText(platform(p).name, lang) : '—'),
          },
          {
            title: t('transfer.import.columns.shop'),
            dataIndex: 'shopName',
            width: 140,
            ellipsis: true,
            render: (name: string, r) => (
              <>
                {name || '—'} {r.createsShop && <Tag color="blue">{t('transfer.import.createsShop')}</Tag>}
              </>
            ),
          },
          {
            title: t('transfer.import.columns.login'),
            dataIndex: 'login',
            width: 160,
            ellipsis: true,
            render: (login: string, r) => (
              <>
                {login || r.title || '—'}{' '}
                {!r.hasPassword && r.kind !== 'skip' && <Tag>{t('transfer.import.noPassword')}</Tag>}
              </>
            ),
          },
          {
            title: t('transfer.import.columns.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: ImportPreviewRow['status']) => (
              <Tag color={STATUS_COLOR[s]}>{t(`transfer.import.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('transfer.import.columns.notes'),
            key: 'notes',
            render: (_, r) => (
              <Typography.Text type={r.status === 'error' ? 'danger' : 'secondary'}>
                {rowNotes(t, lang, r).join('；')}
              </Typography.Text>
            ),
          },
        ]}
      />
      {toWrite === 0 && <Alert type="info" showIcon title={t('transfer.import.nothing')} />}
      <Space wrap>
        <Button onClick={props.onBack} disabled={writing}>
          {t('transfer.import.back')}
        </Button>
        {counts.errors === 0 ? (
          <Button
            type="primary"
            disabled={writing || toWrite === 0}
            icon={writing ? <LoadingOutlined /> : undefined}
            onClick={() => void commit(false)}
          >
            {writing ? t('transfer.import.writing') : t('transfer.import.commitAll', { count: toWrite })}
          </Button>
        ) : (
          <Button
            type="primary"
            disabled={writing || toWrite === 0}
            icon={writing ? <LoadingOutlined /> : undefined}
            onClick={() => void commit(true)}
          >
            {writing ? t('transfer.import.writing') : t('transfer.import.commitValid', { count: toWrite })}
          </Button>
        )}
      </Space>
    </Space>
  );
}
