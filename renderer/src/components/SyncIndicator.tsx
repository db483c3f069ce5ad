// The header's sync indicator: state, last sync, what waits, conflicts; a click opens 团队与同步. Shown only
// once the vault belongs to a team.
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { beijingDateTimeSeconds } from '../../../shared/domain/china-time.ts';
import { useLang } from '../hooks/use-lang.ts';
import { useTeam } from '../team/team-store.ts';

export function SyncIndicator() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const status = useTeam((s) => s.status);
  useEffect(() => {
    void useTeam
      .getState()
      .load()
      .catch(() => undefined);
    return useTeam.getState().listen();
  }, []);
  if (!status || status.phase === 'not-set-up') return null;
  const icon =
    status.phase === 'offline' ? (
      <DisconnectOutlined />
    ) : status.phase === 'error' || status.phase === 'removed' ? (
      <WarningOutlined />
    ) : status.phase === 'syncing' ? (
      <CloudSyncOutlined spin />
    ) : (
      <CloudOutlined />
    );
  const lines = [
    `${t('team.status.lastSync')}: ${status.lastSyncAt ? beijingDateTimeSeconds(Date.parse(status.lastSyncAt)) : t('team.status.never')}`,
    status.waiting ? t('team.indicator.waiting', { n: status.waiting }) : null,
    status.conflicts ? t('team.indicator.conflicts', { n: status.conflicts }) : null,
    status.error ? (lang === 'zh-CN' ? status.error.zh : status.error.en) : null,
  ].filter(Boolean);
  return (
    <Tooltip title={lines.map((l) => <div key={l}>{l}</div>)}>
      <Badge count={status.conflicts} size="small">
        <Button
          type="text"
          icon={icon}
          danger={status.phase === 'error' || status.phase === 'removed'}
          onClick={() => void navigate('/team')}
          aria-label={t('team.indicator.label', { state: t(`team.phase.${status.phase}`) })}
          data-testid="sync-indicator"
        >
          {t(`team.phase.${status.phase}`)}
          {status.waiting > 0 ? ` · ${status.waiting}` : ''}
        </Button>
      </Badge>
    </Tooltip>
  );
}
