import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupCountsView, BackupSummary } from '../../../../shared/contract/backup-types.ts';

const ROWS = ['shops', 'subAccounts', 'staff', 'cases', 'drafts', 'attachments'] as const;

/**
 * What a restore would change, before anything changes: the backup's counts beside what is here now, with
 * a warning when the backup holds less or is of another vault. Nothing to compare on a first run.
 */
export function BackupCompare({ summary }: { summary: BackupSummary }) {
  const { t } = useTranslation();
  const here = summary.current;
  if (!here) return null;
  const rows = ROWS.map((k) => ({ k, backup: summary.counts[k], here: here[k as keyof BackupCountsView] }));
  return (
    <>
      {summary.holdsLess && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('backup.holdsLess')}
          style={{ marginBottom: 12 }}
        />
      )}
      {summary.sameVault === false && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('backup.otherVaultWarn')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table
        size="small"
        rowKey="k"
        pagination={false}
        aria-label={t('backup.compare')}
        data-testid="backup-compare"
        dataSource={rows}
        columns={[
          {
            title: t('backup.compare'),
            dataIndex: 'k',
            render: (k: (typeof ROWS)[number]) => t(`backup.rows.${k}`),
          },
          { title: t('backup.inBackup'), dataIndex: 'backup', width: 110, align: 'right' },
          {
            title: t('backup.here'),
            dataIndex: 'here',
            width: 110,
            align: 'right',
            render: (n: number, r) => (n > r.backup ? <strong>{n}</strong> : n),
          },
        ]}
        style={{ marginBottom: 16 }}
      />
    </>
  );
}
