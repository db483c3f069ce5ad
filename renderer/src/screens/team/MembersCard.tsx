// Members with their role and shops; the owner changes access or removes a member (which leads to the
// rotation checklist).
import { Button, Card, Form, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMemberView } from '../../../../shared/contract/team-types.ts';
import { useMutation } from '../../hooks/use-mutation.ts';
import { useInventory } from '../../inventory/inventory-store.ts';
import { useTeam } from '../../team/team-store.ts';
import { GrantFields, type GrantValues } from './GrantFields.tsx';
import { beijing } from './StatusCard.tsx';

export function MembersCard() {
  const { t } = useTranslation();
  const { execute } = useMutation();
  const members = useTeam((s) => s.members);
  const isOwner = useTeam((s) => s.status?.role === 'owner');
  const setGrant = useTeam((s) => s.setGrant);
  const remove = useTeam((s) => s.remove);
  const shops = useInventory((s) => s.shops);
  const shopName = (id: string) => shops.find((s) => s.id === id)?.name ?? id;
  const [editing, setEditing] = useState<TeamMemberView | null>(null);
  const [form] = Form.useForm<GrantValues>();

  return (
    <Card title={t('team.members.title')} role="region" aria-label={t('team.members.title')}>
      <Table<TeamMemberView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={members?.members ?? []}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('team.members.name'),
            dataIndex: 'name',
            width: 160,
            render: (v: string, m) => (
              <Space>
                {v}
                {m.me && <Tag>{t('team.members.me')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('team.members.role'),
            dataIndex: 'role',
            width: 100,
            render: (r: TeamMemberView['role']) => (
              <Tag color={r === 'owner' ? 'gold' : r === 'admin' ? 'blue' : 'green'}>
                {t(`team.roles.${r}`)}
              </Tag>
            ),
          },
          {
            title: t('team.members.shops'),
            key: 'shops',
            ellipsis: true,
            render: (_, m) =>
              m.role === 'lead' ? m.shops.map(shopName).join('、') : t('team.members.allShops'),
          },
          {
            title: t('team.members.since'),
            dataIndex: 'since',
            width: 170,
            render: (v: string) => beijing(v),
          },
          ...(isOwner
            ? [
                {
                  title: t('inv.common.actions'),
                  key: 'actions',
                  width: 180,
                  fixed: 'right' as const,
                  render: (_: unknown, m: TeamMemberView) =>
                    m.role === 'owner' ? null : (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => {
                            setEditing(m);
                            form.setFieldsValue({
                              role: m.role === 'admin' ? 'admin' : 'lead',
                              shops: m.shops,
                            });
                          }}
                        >
                          {t('team.members.edit')}
                        </Button>
                        <Popconfirm
                          title={t('team.members.removeTitle', { name: m.name })}
                          description={<div style={{ maxWidth: 320 }}>{t('team.members.removeBody')}</div>}
                          okText={t('team.members.remove')}
                          cancelText={t('team.members.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => execute(() => remove(m.id, m.name))}
                        >
                          <Button type="link" size="small" danger>
                            {t('team.members.remove')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? `${t('team.members.edit')} · ${editing.name}` : ''}
        okText={t('team.members.save')}
        cancelText={t('team.members.cancel')}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          const v = await form.validateFields();
          if (!editing) return;
          const done = await execute(() =>
            setGrant(editing.id, { role: v.role, shops: v.role === 'lead' ? v.shops : [] }),
          );
          if (done !== undefined) setEditing(null);
        }}
        destroyOnHidden
      >
        <Form name="member-grant" form={form} layout="vertical" preserve={false}>
          <GrantFields form={form} />
        </Form>
      </Modal>
    </Card>
  );
}
