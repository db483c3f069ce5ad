import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { DraftView } from '../../../../shared/contract/recovery-types.ts';
import { type DraftKind, KIND_LABELS } from '../../../../shared/domain/recovery/draft-kinds.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useShowError } from '../../hooks/use-show-error.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText } from '../../lib/text.ts';
import { useRecovery } from '../../recovery/recovery-store.ts';
import { Troubleshooter } from './Troubleshooter.tsx';

const STATE_COLORS = { draft: 'default', ready: 'blue', sent: 'gold', resolved: 'green' } as const;

/** 找回申请: offline drafts, and the login troubleshooter. */
export function RecoveryScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { shops, ensureLoaded } = useInventory();
  const { execute } = useMutation();
  const drafts = useRecovery((s) => s.drafts);
  const [creating, setCreating] = useState<DraftKind | null>(null);
  const [form] = Form.useForm<{ kind: DraftKind; shopId?: string }>();
  const showError = useShowError();
  useEffect(() => {
    void ensureLoaded();
    useRecovery.getState().loadDrafts().catch(showError);
  }, [ensureLoaded, showError]);

  const create = async () => {
    const v = await form.validateFields();
    const d = await execute(() => useRecovery.getState().create(v.kind, v.shopId ?? null));
    if (d) void navigate(`/recovery/${d.id}`);
  };
  const startDraft = (kind: DraftKind) => {
    form.setFieldsValue({ kind });
    setCreating(kind);
  };

  return (
    <>
      <Typography.Title level={2}>{t('recoveryReq.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('recoveryReq.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={params.get('tab') ?? 'drafts'}
        onChange={(k) => setParams({ tab: k })}
        items={[
          {
            key: 'drafts',
            label: t('recoveryReq.drafts'),
            children: (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  style={{ marginBottom: 16 }}
                  onClick={() => startDraft('jd-password')}
                >
                  {t('recoveryReq.create')}
                </Button>
                <Table<DraftView>
                  rowKey="id"
                  loading={!drafts}
                  dataSource={drafts ?? []}
                  pagination={false}
                  locale={{ emptyText: t('recoveryReq.empty') }}
                  onRow={(d) =>
                    ({
                      'aria-label': d.doc.subject,
                      onClick: () => void navigate(`/recovery/${d.id}`),
                      style: { cursor: 'pointer' },
                    }) as HTMLAttributes<HTMLElement>
                  }
                  columns={[
                    {
                      title: t('recoveryReq.kind'),
                      dataIndex: 'kind',
                      width: 200,
                      render: (k: DraftKind) => pickText(KIND_LABELS[k], lang),
                    },
                    {
                      title: t('recoveryReq.subject'),
                      key: 'subject',
                      render: (_, d) => d.doc.subject || '—',
                    },
                    {
                      title: t('recoveryReq.shop'),
                      dataIndex: 'shopName',
                      width: 140,
                      render: (v) => v ?? '—',
                    },
                    {
                      title: t('inv.common.status'),
                      dataIndex: 'state',
                      width: 100,
                      render: (s: DraftView['state']) => (
                        <Tag color={STATE_COLORS[s]}>{t(`recoveryReq.state.${s}`)}</Tag>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'troubleshooter',
            label: t('recoveryReq.troubleshooter'),
            children: <Troubleshooter onDraft={startDraft} />,
          },
        ]}
      />
      <Modal
        open={creating !== null}
        title={t('recoveryReq.create')}
        onCancel={() => setCreating(null)}
        onOk={() => void create()}
        okText={t('inv.common.create')}
        cancelText={t('inv.common.cancel')}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('recoveryReq.kind')} rules={[{ required: true }]}>
            <Select
              options={(Object.keys(KIND_LABELS) as DraftKind[]).map((k) => ({
                value: k,
                label: pickText(KIND_LABELS[k], lang),
              }))}
            />
          </Form.Item>
          <Form.Item name="shopId" label={t('recoveryReq.shop')}>
            <Select allowClear options={shops.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
