import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../../shared/contract/backup-types.ts';
import { beijing } from '../../lib/duration.ts';

/** What a backup file holds, shown before anything is restored. */
export function BackupSummaryView({ summary }: { summary: BackupSummary }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      title={t('backup.verified')}
      description={
        <>
          <div>
            {t('backup.holds', { date: beijing(Date.parse(summary.createdAt)), version: summary.appVersion })}
            {summary.device ? ` ${t('backup.madeOn', { device: summary.device })}` : ''}
          </div>
          <div data-testid="backup-counts">{t('backup.counts', { ...summary.counts })}</div>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
