import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Dropdown, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { VerificationRow } from '../../../../shared/contract/work-types.ts';
import type { PlatformId } from '../../../../shared/domain/platforms/types.ts';
import {
  allowedActions,
  VERIFICATION_STATES,
  type VerificationAction,
  type VerificationState,
} from '../../../../shared/domain/verification.ts';
import { defaultPolicy } from '../../../../shared/domain/verification-policy.ts';
import { VerificationTag } from '../../components/VerificationTag.tsx';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useNow } from '../../hooks/use-now.ts';
import { beijing, formatLeft } from '../../lib/duration.ts';
import { useWork } from '../../stores/work-store.ts';
import { useRules } from '../../verification/rules-store.ts';
import { RegistrationBanner } from './RegistrationBanner.tsx';
import { RegistrationDialog } from './RegistrationDialog.tsx';

/** 实人认证: every sub-account that needs verification, most urgent first, with a live countdown. */
export function VerificationScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { verification, clockSkew, loadVerification, loadSession } = useWork();
  const now = useNow(clockSkew);
  const { execute, modal } = useMutation();
  const [selected, setSelected] = useState<string[]>([]);
  const [stateFilter, setStateFilter] = useState<VerificationState | undefined>();
  const [rejecting, setRejecting] = useState<VerificationRow | null>(null);
  const [registering, setRegistering] = useState(false);
  const rules = useRules((s) => s.rules);
  const ensureRules = useRules((s) => s.ensureLoaded);
  useEffect(() => {
    void loadVerification();
    void loadSession();
    // Until the rules are here each platform's default policy is shown (a failed fetch changes nothing else).
    ensureRules().catch(() => {});
  }, [loadVerification, loadSession, ensureRules]);
  const policy = (p: PlatformId) => rules?.verification[p] ?? defaultPolicy(p);

  const rows = useMemo(
    () => (verification?.rows ?? []).filter((r) => !stateFilter || r.verification.state === stateFilter),
    [verification, stateFilter],
  );

  const act = (row: VerificationRow, action: VerificationAction) =>
    execute(() => useWork.getState().act(row.subAccountId, action), { success: t('work.verify.done') });

  const onAction = (row: VerificationRow, type: VerificationAction['type']) => {
    if (type === 'reject') return setRejecting(row);
    if (type === 'unbind' || type === 'unfreeze')
      return modal.confirm({
        title: t(`work.verify.${type}`),
        content: t(`work.verify.${type}Confirm`, {
          name: row.fullName,
          days: policy(row.platform).graceDays,
        }),
        okText: t('inv.common.confirm'),
        cancelText: t('inv.common.cancel'),
        onOk: () => act(row, { type }),
      });
    void act(row, { type } as VerificationAction);
  };

  const ids = selected.length > 0 ? selected : [];
  return (
    <>
      <Typography.Title level={2}>{t('work.verify.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('work.verify.intro', { days: policy('taobao').verifyWithinDays })}
      </Typography.Paragraph>
      <RegistrationBanner />
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          aria-label={t('work.verify.stateFilter')}
          placeholder={t('work.verify.stateFilter')}
          style={{ width: 160 }}
          value={stateFilter}
          onChange={setStateFilter}
          options={VERIFICATION_STATES.filter((v) => v !== 'not-required').map((v) => ({
            value: v,
            label: t(`work.vstate.${v}`),
          }))}
        />
        <Button
          icon={<PrinterOutlined />}
          disabled={ids.length === 0}
          onClick={() => void navigate(`/cards?ids=${ids.join(',')}`)}
        >
          {t('work.verify.cards')}
        </Button>
        <Button icon={<QrcodeOutlined />} disabled={ids.length === 0} onClick={() => setRegistering(true)}>
          {t('work.verify.register')}
        </Button>
        {ids.length === 0 && (
          <Typography.Text type="secondary">{t('work.verify.selectFirst')}</Typography.Text>
        )}
      </Space>
      <Table<VerificationRow>
        rowKey="subAccountId"
        size="middle"
        dataSource={rows}
        loading={!verification}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('work.verify.none') }}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) }}
        onRow={(r) => ({ 'aria-label': r.fullName }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('inv.subs.fullName'), dataIndex: 'fullName' },
          { title: t('inv.common.shop'), dataIndex: 'shopName', width: 140 },
          { title: t('inv.subs.staff'), dataIndex: 'staffName', width: 110, render: (v) => v ?? '—' },
          {
            title: t('inv.common.status'),
            key: 'state',
            width: 170,
            render: (_, r) => (
              <Space size={4} wrap>
                <VerificationTag state={r.verification.state} />
                {r.reviewOverdue && (
                  <Tag color="red">
                    {t('work.verify.reviewOverdue', { hours: policy(r.platform).reviewHours })}
                  </Tag>
                )}
                {r.verification.state === 'qr-handed-out' && r.verification.qrExpiresAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('work.verify.qrUntil', { time: beijing(r.verification.qrExpiresAt).slice(11) })}
                  </Typography.Text>
                )}
                {r.verification.rejectedReason && r.verification.state !== 'verified' && (
                  <Typography.Text type="secondary">
                    {t('work.verify.rejected', { reason: r.verification.rejectedReason })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('work.verify.timeLeft'),
            key: 'left',
            width: 190,
            render: (_, r) => {
              const d = r.verification.deadline;
              if (
                d === null ||
                r.verification.state === 'verified' ||
                r.verification.state === 'under-review'
              )
                return '—';
              const left = d - now;
              return (
                <Space direction="vertical" size={0}>
                  <Typography.Text
                    type={left <= 0 ? 'danger' : left < 86_400_000 ? 'warning' : undefined}
                    strong
                  >
                    {left <= 0
                      ? `${t('work.verify.overdue')} ${formatLeft(left, lang)}`
                      : formatLeft(left, lang)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('work.verify.deadline')} {beijing(d)}
                  </Typography.Text>
                </Space>
              );
            },
          },
          {
            title: t('inv.common.actions'),
            key: 'actions',
            width: 220,
            render: (_, r) => {
              const actions = allowedActions(r.verification.state);
              const [primary, ...rest] = actions.filter((a) => a !== 'unbind');
              return (
                <Space size={0}>
                  {primary && (
                    <Button type="link" size="small" onClick={() => onAction(r, primary)}>
                      {t(`work.verify.${primary}`)}
                    </Button>
                  )}
                  <Dropdown
                    menu={{
                      items: [...rest, 'unbind' as const]
                        .filter((a) => actions.includes(a))
                        .map((a) => ({ key: a, label: t(`work.verify.${a}`), danger: a === 'unbind' })),
                      onClick: ({ key }) => onAction(r, key as VerificationAction['type']),
                    }}
                  >
                    <Button type="link" size="small" aria-label={`${t('inv.common.actions')} ${r.fullName}`}>
                      ⋯
                    </Button>
                  </Dropdown>
                </Space>
              );
            },
          },
        ]}
      />
      <RejectDialog
        row={rejecting}
        onClose={() => setRejecting(null)}
        onReject={(row, reason) => act(row, { type: 'reject', reason })}
      />
      {registering && <RegistrationDialog ids={ids} onClose={() => setRegistering(false)} />}
    </>
  );
}

function RejectDialog({
  row,
  onClose,
  onReject,
}: {
  row: VerificationRow | null;
  onClose: () => void;
  onReject: (row: VerificationRow, reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={row !== null}
      title={`${t('work.verify.reject')} · ${row?.fullName ?? ''}`}
      onCancel={onClose}
      okText={t('inv.common.confirm')}
      cancelText={t('inv.common.cancel')}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        if (row) await onReject(row, v.reason);
        onClose();
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('work.verify.rejectReason')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
