import { Alert, Button, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/contract/types.ts';
import { AUDIT_PAGE_SIZE, useAudit } from '../audit/audit-store.ts';
import { useMutation } from '../hooks/use-mutation.ts';
import { useShowError } from '../hooks/use-show-error.ts';
import { auditActionText } from '../lib/audit-action.ts';
import { beijingSeconds } from '../lib/duration.ts';

export function AuditLogScreen() {
  const { t } = useTranslation();
  const { execute } = useMutation();
  const { page, entries, total, loading, verified } = useAudit();
  // The newest page each time the screen opens (entries are added while it is closed).
  const showError = useShowError();
  useEffect(() => {
    useAudit.getState().load(1).catch(showError);
  }, [showError]);
  const verify = verified;

  return (
    <>
      <Typography.Title level={2}>{t('audit.title')}</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button onClick={() => void execute(() => useAudit.getState().verify())}>{t('audit.verify')}</Button>
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
          dataSource={entries}
          pagination={{
            current: page,
            pageSize: AUDIT_PAGE_SIZE,
            total,
            onChange: (p) => void execute(() => useAudit.getState().load(p)),
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
