import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DepositCaseView } from '../../../../shared/contract/deposit-types.ts';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { useDeposit } from '../../deposit/deposit-store.ts';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { errorText } from '../../i18n/errors.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText } from '../../lib/text.ts';
import { CaseStateTag } from './CaseStateTag.tsx';

/** 保证金退还: one case per shop being closed, with progress and where it stands. */
export function DepositListScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { shops, ensureLoaded } = useInventory();
  const { execute, message } = useMutation();
  const cases = useDeposit((s) => s.cases);
  const loadList = useDeposit((s) => s.loadList);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ shopId: string; amount: number }>();
  useEffect(() => {
    void ensureLoaded();
    loadList().catch((err: unknown) => message.error(errorText(err, lang)));
  }, [ensureLoaded, loadList, message, lang]);

  const create = async () => {
    const v = await form.validateFields();
    const c = await execute(() => useDeposit.getState().create(v), { form });
    if (c) void navigate(`/deposit/${c.id}`);
  };

  return (
    <>
      <Typography.Title level={2}>{t('deposit.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('deposit.intro')}</Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 16 }}
        onClick={() => setCreating(true)}
      >
        {t('deposit.create')}
      </Button>
      <Table<DepositCaseView>
        rowKey="id"
        loading={!cases}
        dataSource={cases ?? []}
        locale={{ emptyText: t('deposit.empty') }}
        pagination={false}
        onRow={(c) =>
          ({
            'aria-label': c.shopName,
            onClick: () => void navigate(`/deposit/${c.id}`),
            style: { cursor: 'pointer' },
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('deposit.shop'), dataIndex: 'shopName' },
          {
            title: t('inv.common.platform'),
            dataIndex: 'platform',
            width: 100,
            render: (p) => pickText(platform(p).name, lang),
          },
          {
            title: t('deposit.amount'),
            dataIndex: 'amount',
            width: 120,
            render: (a: number) => `¥${a.toLocaleString()}`,
          },
          {
            title: t('inv.common.status'),
            key: 'state',
            width: 200,
            render: (_, c) => (
              <Space>
                <CaseStateTag state={c.state} />
                {c.overdue && <Tag color="red">{t('work.verify.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('deposit.progress', { done: '', total: '' }).replace(/[\s/]+$/, ''),
            key: 'progress',
            width: 200,
            render: (_, c) => <Progress percent={c.progress.percent} size="small" />,
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('deposit.create')}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        okText={t('inv.common.create')}
        cancelText={t('inv.common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="shopId" label={t('deposit.shop')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={shops.map((s) => ({
                value: s.id,
                label: `${s.name}（${pickText(platform(s.platform).name, lang)}）`,
              }))}
              onChange={(id) =>
                form.setFieldsValue({ amount: shops.find((s) => s.id === id)?.depositAmount ?? 0 })
              }
            />
          </Form.Item>
          <Form.Item name="amount" label={t('deposit.amount')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100_000_000} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
