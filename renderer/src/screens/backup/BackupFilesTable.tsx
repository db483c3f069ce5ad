import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupFileView, SafetyReason } from '../../../../shared/contract/backup-types.ts';
import { beijing } from '../../lib/duration.ts';

const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
const baseName = (f: string) => f.split(/[\\/]/).pop() ?? f;
const reasonOf = (f: string) =>
  /-(before-import|before-restore|before-kit-reset|before-join)\.swbackup$/.exec(f)?.[1] as
    | SafetyReason
    | undefined;

/** What opens a file, in words: so a user after a password change or a kit reset knows what to type. */
function OpensWith({ file }: { file: BackupFileView }) {
  const { t } = useTranslation();
  const o = file.opensWith;
  if (!o) return <Tag color="error">{t('backup.unreadable')}</Tag>;
  const parts = [o.currentMaster ? t('backup.currentMaster') : t('backup.earlierMaster')];
  if (o.kitCreatedAt)
    parts.push(
      t('backup.kitOpens', { date: beijing(Date.parse(o.kitCreatedAt)) }) +
        (o.currentKit ? '' : t('backup.oldKit')),
    );
  if (o.custom) parts.push(t('backup.customOpens'));
  return (
    <span>
      {o.otherVault && <Tag>{t('backup.otherVault')}</Tag>}
      {parts.join(' / ')}
    </span>
  );
}

/**
 * Backup files with what opens each and the two actions on them. `safety`: the safety backups kept in the
 * data folder, with what each was made before.
 */
export function BackupFilesTable(props: {
  files: BackupFileView[];
  safety?: boolean;
  onAction(mode: 'verify' | 'restore', file: string): void;
}) {
  const { t } = useTranslation();
  const title = props.safety ? t('backup.safety') : t('backup.files');
  return (
    <Table<BackupFileView>
      size="small"
      rowKey="file"
      pagination={{ pageSize: 5, hideOnSinglePage: true }}
      aria-label={title}
      title={() => title}
      locale={{ emptyText: props.safety ? t('backup.noSafety') : t('backup.noFiles') }}
      dataSource={props.files}
      columns={[
        { title: t('backup.time'), dataIndex: 'modifiedAt', width: 150, render: (ms: number) => beijing(ms) },
        props.safety
          ? {
              title: t('backup.reason'),
              dataIndex: 'file',
              width: 150,
              render: (f: string) => {
                const r = reasonOf(f);
                return r ? t(`backup.reasons.${r}`) : baseName(f);
              },
            }
          : { title: t('backup.file'), dataIndex: 'file', ellipsis: true, render: baseName },
        { title: t('backup.opensWith'), key: 'opens', render: (_: unknown, r) => <OpensWith file={r} /> },
        { title: t('backup.size'), dataIndex: 'size', width: 80, render: size },
        {
          title: '',
          key: 'actions',
          width: 180,
          render: (_: unknown, r) => (
            <Space>
              <Button size="small" onClick={() => props.onAction('verify', r.file)}>
                {t('backup.verify')}
              </Button>
              <Button size="small" danger onClick={() => props.onAction('restore', r.file)}>
                {t('backup.restore')}
              </Button>
            </Space>
          ),
        },
      ]}
      style={{ marginBottom: 16 }}
    />
  );
}
