import { DownloadOutlined, PlusOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TempAgentView } from '../../../../shared/contract/work-types.ts';
import { ExportDialog } from '../../components/ExportDialog.tsx';
import { SecretField } from '../../components/SecretField.tsx';
import { useWork } from '../../stores/work-store.ts';
import { BatchWizard } from './BatchWizard.tsx';
import { CreateGuides } from './CreateGuides.tsx';
import { RetireDialog } from './RetireDialog.tsx';
import { RetireGuides } from './RetireGuides.tsx';

const PHASE_COLORS: Record<TempAgentView['phase'], string> = {
  upcoming: 'default',
  active: 'green',
  ending: 'orange',
  expired: 'red',
  retired: 'gold',
  gone: 'default',
};

/** 临时客服: batch-created sale agents, their windows, and retiring them until the platform is clean. */
export function TempAgentsScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { agents, loadAgents } = useWork();
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    void loadAgents();
  }, [loadAgents]);
  const expired = agents.filter((a) => a.phase === 'expired').length;

  return (
    <>
      <Typography.Title level={2}>{t('work.agents.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('work.agents.intro')}</Typography.Paragraph>
      {expired > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${t('work.agents.phase.expired')}: ${expired}`}
          action={
            <Button
              size="small"
              danger
              onClick={() => {
                setSelected(agents.filter((a) => a.phase === 'expired').map((a) => a.id));
                setRetiring(true);
              }}
            >
              {t('work.agents.retire')}
            </Button>
          }
        />
      )}
      <CreateGuides />
      <RetireGuides />
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('work.agents.create')}
        </Button>
        <Button
          icon={<StopOutlined />}
          danger
          disabled={selected.length === 0}
          onClick={() => setRetiring(true)}
        >
          {t('work.agents.retire')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          disabled={selected.length === 0}
          onClick={() => void navigate(`/cards?ids=${selected.join(',')}`)}
        >
          {t('work.agents.cards')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          disabled={selected.length === 0}
          onClick={() => void navigate(`/temp-agents/handout?ids=${selected.join(',')}`)}
        >
          {t('work.agents.handouts')}
        </Button>
        <Button icon={<DownloadOutlined />} disabled={agents.length === 0} onClick={() => setExporting(true)}>
          {t('work.agents.exportRoster')}
        </Button>
        {selected.length > 0 && (
          <Typography.Text>{t('inv.common.selected', { count: selected.length })}</Typography.Text>
        )}
      </Space>
      <Table<TempAgentView>
        rowKey="id"
        size="middle"
        dataSource={agents}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('work.agents.empty') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
        onRow={(a) => ({ 'aria-label': a.fullName }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('inv.subs.fullName'), dataIndex: 'fullName', ellipsis: true },
          { title: t('inv.common.shop'), dataIndex: 'shopName', width: 130 },
          {
            title: t('work.agents.windowCol'),
            key: 'window',
            width: 200,
            render: (_, a) => `${a.window.start} ~ ${a.window.end}`,
          },
          {
            title: t('inv.common.status'),
            key: 'phase',
            width: 190,
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <Tag color={PHASE_COLORS[a.phase]}>{t(`work.agents.phase.${a.phase}`)}</Tag>
                {(a.purged || a.purgeAt) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.purged
                      ? t('work.agents.purged')
                      : t('work.agents.purgeAt', { date: a.purgeAt!.slice(0, 10) })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('work.agents.staff'), dataIndex: 'staffName', width: 100, render: (v) => v ?? '—' },
          {
            title: t('inv.subs.password'),
            key: 'pw',
            width: 170,
            render: (_, a) =>
              a.phase === 'gone' ? (
                '—'
              ) : (
                <SecretField
                  secret={{ collection: `shop-${a.shopId}`, recordId: a.id, field: 'password' }}
                  label={`${a.fullName} ${t('inv.subs.password')}`}
                />
              ),
          },
        ]}
      />
      {creating && <BatchWizard onClose={() => setCreating(false)} />}
      {retiring && (
        <RetireDialog
          ids={selected}
          onClose={(done) => {
            setRetiring(false);
            if (done) setSelected([]);
          }}
        />
      )}
      <ExportDialog
        open={exporting}
        title={t('work.agents.exportRoster')}
        formats={['xlsx']}
        run={(c) =>
          useWork.getState().exportRoster({
            includeSecrets: c.includeSecrets,
            ...(c.masterPassword ? { masterPassword: c.masterPassword } : {}),
          })
        }
        onClose={() => setExporting(false)}
      />
    </>
  );
}
