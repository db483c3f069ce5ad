import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopView } from '../../../../shared/contract/inventory-types.ts';
import { platform } from '../../../../shared/domain/platforms/catalog.ts';
import { SecretField } from '../../components/SecretField.tsx';
import { useLang } from '../../hooks/use-lang.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { pickText } from '../../lib/text.ts';
import { unsaved } from '../../lib/unsaved.ts';
import { useTeam } from '../../team/team-store.ts';
import { ShopFormModal } from './ShopFormModal.tsx';

export function ShopsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const { shops, ensureLoaded, loading, mutate } = useInventory();
  const { execute } = useMutation();
  const [editing, setEditing] = useState<ShopView | null>(null);
  const [open, setOpen] = useState(false);
  // A team's 客服主管 works on shops without their main account; creating and editing shops is not theirs.
  const isLead = useTeam((st) => st.status?.role === 'lead');

  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);
  // A form left with typed input (the vault locked meanwhile) opens again with it.
  useEffect(() => {
    const key = unsaved.keys('shop:')[0];
    if (!key || open) return;
    const id = key.slice('shop:'.length);
    if (id === 'new') {
      setEditing(null);
      setOpen(true);
    } else {
      const s = shops.find((x) => x.id === id);
      if (s) {
        setEditing(s);
        setOpen(true);
      }
    }
  }, [shops, open]);

  const hidden = (
    <Tooltip title={t('team.hiddenMainHelp')}>
      <Tag>{t('team.hiddenMain')}</Tag>
    </Tooltip>
  );
  const secret = (shop: ShopView, field: string, label: string, masked?: string | null) =>
    shop.mainHidden ? (
      hidden
    ) : (
      <SecretField
        secret={{ collection: `shop-${shop.id}`, recordId: shop.id, field }}
        label={`${shop.name} ${label}`}
        masked={masked ?? null}
      />
    );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2}>{t('inv.shops.title')}</Typography.Title>
        {!isLead && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('inv.shops.create')}
          </Button>
        )}
      </Space>
      <Table<ShopView>
        rowKey="id"
        loading={loading}
        dataSource={shops}
        locale={{ emptyText: t('inv.shops.empty') }}
        pagination={false}
        // Fixed widths with ellipsis: a masked secret or a phone never wraps over several lines, and at
        // 1024 px the table scrolls sideways with the name and the actions kept on screen.
        tableLayout="fixed"
        scroll={{ x: 1500 }}
        columns={[
          {
            title: t('inv.shops.name'),
            dataIndex: 'name',
            width: 170,
            fixed: 'left',
            ellipsis: true,
            render: (v: string, s) => (
              <Space>
                <Typography.Text strong>{v}</Typography.Text>
                {s.archived && <Tag>{t('inv.shops.archived')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('inv.common.platform'),
            dataIndex: 'platform',
            width: 90,
            render: (p: ShopView['platform']) => <Tag>{pickText(platform(p).name, lang)}</Tag>,
          },
          {
            title: t('inv.shops.entityType'),
            dataIndex: 'entityType',
            width: 110,
            ellipsis: true,
            render: (e: string) => t(`inv.shops.${e}`),
          },
          { title: t('inv.shops.mainLogin'), dataIndex: 'mainLogin', width: 140, ellipsis: true },
          {
            title: t('inv.shops.mainPassword'),
            key: 'pw',
            width: 160,
            render: (_, s) => secret(s, 'mainPassword', t('inv.shops.mainPassword')),
          },
          {
            title: t('inv.shops.phone'),
            key: 'phone',
            width: 190,
            render: (_, s) =>
              s.mainHidden
                ? hidden
                : s.phoneMasked
                  ? secret(s, 'phone', t('inv.shops.phone'), s.phoneMasked)
                  : '—',
          },
          {
            title: t('inv.shops.email'),
            key: 'email',
            width: 220,
            ellipsis: true,
            render: (_, s) =>
              s.mainHidden
                ? hidden
                : s.emailMasked
                  ? secret(s, 'email', t('inv.shops.email'), s.emailMasked)
                  : '—',
          },
          {
            title: t('inv.shops.deposit'),
            dataIndex: 'depositAmount',
            width: 110,
            render: (v: number, s) => (s.mainHidden ? hidden : `¥${v.toFixed(2)}`),
          },
          { title: t('inv.shops.subCount'), dataIndex: 'subAccountCount', width: 80 },
          {
            title: t('inv.common.actions'),
            key: 'actions',
            width: 270,
            fixed: 'right',
            render: (_, s) => (
              <Space size={0}>
                {!isLead && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setEditing(s);
                      setOpen(true);
                    }}
                  >
                    {t('inv.common.edit')}
                  </Button>
                )}
                {!isLead && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      void execute(() => mutate('shops.setArchived', { id: s.id, archived: !s.archived }))
                    }
                  >
                    {s.archived ? t('inv.shops.restore') : t('inv.shops.archive')}
                  </Button>
                )}
                <Button
                  type="link"
                  size="small"
                  icon={<ExportOutlined />}
                  onClick={() =>
                    void execute(() => mutate('shops.openSellerCenter', { id: s.id }), {
                      success: t('inv.shops.opened'),
                    })
                  }
                >
                  {t('inv.shops.openSellerCenter')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <ShopFormModal open={open} shop={editing} onClose={() => setOpen(false)} />
    </>
  );
}
