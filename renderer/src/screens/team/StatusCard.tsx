// The sync state in words: last sync, what waits, what went wrong and when it is tried again, refusals.
import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamStatus } from '../../../../shared/contract/team-types.ts';
import { beijingDateTimeSeconds } from '../../../../shared/domain/china-time.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useTeam } from '../../team/team-store.ts';

const POLL_CHOICES = [15, 30, 60, 300, 900];

export const beijing = (iso: string | null) => (iso ? `${beijingDateTimeSeconds(Date.parse(iso))}` : null);

export function StatusCard({ status }: { status: TeamStatus }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { execute } = useMutation();
  const syncNow = useTeam((s) => s.syncNow);
  const setPoll = useTeam((s) => s.setPollSeconds);
  const [busy, setBusy] = useState(false);
  const words = (x: { zh: string; en: string }) => (lang === 'zh-CN' ? x.zh : x.en);
  return (
    <Card
      title={t('team.status.title')}
      role="region"
      aria-label={t('team.status.title')}
      extra={
        status.connection && (
          <Button
            icon={<SyncOutlined spin={busy || status.phase === 'syncing'} />}
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await execute(() => syncNow());
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('team.status.syncNow')}
          </Button>
        )
      }
    >
      {status.phase === 'removed' && (
        <Alert type="error" showIcon title={t('team.status.removed')} style={{ marginBottom: 16 }} />
      )}
      {status.error && (
        <Alert
          type={status.phase === 'offline' ? 'warning' : 'error'}
          showIcon
          role="alert"
          title={words(status.error)}
          description={
            <>
              {status.nextTryAt && <div>{t('team.status.nextTry', { time: beijing(status.nextTryAt) })}</div>}
              <div>{t('team.status.offlineOk')}</div>
            </>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('team.members.role')}>
          {status.role ? t(`team.roles.${status.role}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('team.setup.kind')}>
          {status.connection
            ? `${status.connection.address}${status.connection.username ? ` (${status.connection.username})` : ''}`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('team.status.lastSync')}>
          <span data-testid="last-sync">{beijing(status.lastSyncAt) ?? t('team.status.never')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('team.status.waiting')}>
          <span data-testid="waiting">{status.waiting}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('team.status.poll')}>
          <Select
            aria-label={t('team.status.poll')}
            value={status.pollSeconds}
            style={{ width: 140 }}
            disabled={!status.role}
            onChange={(v) => void execute(() => setPoll(v))}
            options={POLL_CHOICES.map((n) => ({
              value: n,
              label: n < 60 ? t('team.status.seconds', { n }) : t('team.status.minutes', { n: n / 60 }),
            }))}
          />
        </Descriptions.Item>
      </Descriptions>
      {status.connection?.warning && (
        <Alert type="warning" showIcon title={t('team.setup.httpWarning')} style={{ marginTop: 16 }} />
      )}
      {status.reports.length > 0 && (
        <List
          style={{ marginTop: 16 }}
          size="small"
          header={<Typography.Text strong>{t('team.status.reports')}</Typography.Text>}
          dataSource={[...status.reports].reverse().slice(0, 10)}
          renderItem={(r) => (
            <List.Item>
              <Typography.Text type="secondary">{beijing(r.at)}</Typography.Text>&nbsp;{words(r)}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
