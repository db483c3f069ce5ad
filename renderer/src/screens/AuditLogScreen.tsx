import { Alert, Button, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerifyResult } from '../../../shared/contract/types.ts';
import { auditApi } from '../audit/audit-api.ts';
import { auditActionText } from '../lib/audit-action.ts';
import { beijingSeconds } from '../lib/duration.ts';

const PAGE_SIZE = 50;

export function AuditLogScreen() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ entries: AuditEntry[]; total: number }>({ entries: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await auditApi.list({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }));
    } finally {
      setLoading(false);
    }
  }, [page]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <Typography.Title level={2}>{t('audit.title')}</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button onClick={async () => setVerify(await auditApi.verify({}))}>{t('audit.verify')}</Button>
        {verify && (
          <Alert
            role="status"
            type={verify.ok ? 'success' : 'error'}
            showIcon
            title={
              verify.ok
                ? t('audit.verifyOk', { count: verify.count })
                : t('audit.verifyBroken', {
                    at: verify.brokenAt,
                    reason: t(`audit.reasons.${verify.reason}`),
                  })
            }
          />
        )}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={loading}
          dataSource={data.entries}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 70 },
            {
              title: t('audit.time'),
              dataIndex: 'at',
              width: 180,
              // Beijing time whatever the computer's zone, like every time in the app (the header says so).
              render: (v: string) => beijingSeconds(Date.parse(v)),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 200,
              render: (code: string) => <span title={code}>{auditActionText(code, t)}</span>,
            },
            { title: t('audit.object'), dataIndex: 'object', width: 200 },
            { title: t('audit.summary'), dataIndex: 'summary' },
          ]}
        />
      </Space>
    </>
  );
}
