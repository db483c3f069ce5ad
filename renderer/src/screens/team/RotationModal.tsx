// After a removal: every password the member could see, to be changed on the platforms.
import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RotationItemView } from '../../../../shared/contract/team-types.ts';
import { useTeam } from '../../team/team-store.ts';

export function RotationModal() {
  const { t } = useTranslation();
  const rotate = useTeam((s) => s.rotate);
  const dismiss = useTeam((s) => s.dismissRotation);
  const what = (w: RotationItemView['what']) =>
    t(`team.rotate.${w === 'main-password' ? 'main' : w === 'sub-password' ? 'sub' : 'other'}`);
  return (
    <Modal
      open={rotate !== null}
      title={rotate ? t('team.rotate.title', { name: rotate.name }) : ''}
      okText={t('team.rotate.done')}
      onOk={dismiss}
      onCancel={dismiss}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
    >
      <Typography.Paragraph>{t('team.rotate.body')}</Typography.Paragraph>
      <Table<RotationItemView>
        size="small"
        rowKey={(r) => `${r.shopName}/${r.account}/${r.what}`}
        pagination={false}
        dataSource={rotate?.items ?? []}
        locale={{ emptyText: t('team.rotate.none') }}
        columns={[
          { title: t('team.rotate.shop'), dataIndex: 'shopName' },
          { title: t('team.rotate.account'), dataIndex: 'account' },
          { title: t('team.rotate.what'), dataIndex: 'what', render: what },
        ]}
      />
    </Modal>
  );
}
