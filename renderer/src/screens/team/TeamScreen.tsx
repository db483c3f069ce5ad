// 团队与同步: connect a sync location, members and their access, invites with safety codes, the sync state
// and the conflict list. Everything here keeps working while the location is unreachable.
import { Flex, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useInventory } from '../../inventory/inventory-store.ts';
import { useTeam } from '../../team/team-store.ts';
import { ConflictsCard } from './ConflictsCard.tsx';
import { InviteCard } from './InviteCard.tsx';
import { MembersCard } from './MembersCard.tsx';
import { RotationModal } from './RotationModal.tsx';
import { SetupCard } from './SetupCard.tsx';
import { StatusCard } from './StatusCard.tsx';
import { WaitingCard } from './WaitingCard.tsx';

export function TeamScreen() {
  const { t } = useTranslation();
  const status = useTeam((s) => s.status);
  const load = useTeam((s) => s.load);
  const ensureLoaded = useInventory((s) => s.ensureLoaded);
  useEffect(() => {
    void load();
    // Shop names for grants and the rotation list.
    void ensureLoaded();
  }, [load, ensureLoaded]);
  if (!status) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <>
      <Typography.Title level={2}>{t('team.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('team.intro')}</Typography.Paragraph>
      <Flex vertical gap="large">
        {status.phase === 'not-set-up' && <SetupCard />}
        {status.phase === 'waiting-approval' && <WaitingCard code={status.safetyCode} />}
        {status.phase !== 'not-set-up' && <StatusCard status={status} />}
        {status.role === 'owner' && <InviteCard />}
        {status.role && <MembersCard />}
        {status.role && <ConflictsCard />}
      </Flex>
      <RotationModal />
    </>
  );
}
