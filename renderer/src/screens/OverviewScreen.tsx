import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInventory } from '../inventory/inventory-store.ts';
import { RemindersPanel } from './RemindersPanel.tsx';

/** At a glance: what needs doing across every shop, reminders first. */
export function OverviewScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { shops, subAccounts, staff, ensureLoaded, loaded } = useInventory();
  useEffect(() => {
    void ensureLoaded();
  }, [ensureLoaded]);

  const cards = [
    { key: 'shops', value: shops.filter((s) => !s.archived).length, to: '/shops' },
    { key: 'subaccounts', value: subAccounts.length, to: '/subaccounts' },
    { key: 'pending', value: subAccounts.filter((s) => s.sync === 'pending').length, to: '/subaccounts' },
    {
      key: 'unbound',
      value: subAccounts.filter((s) => !s.staffId && s.status === 'active').length,
      to: '/subaccounts',
    },
    { key: 'staff', value: staff.filter((p) => p.status === 'active').length, to: '/staff' },
  ];
  return (
    <>
      <Typography.Title level={2}>{t('overview.title')}</Typography.Title>
      {loaded && shops.length === 0 ? (
        <Card>
          <Typography.Title level={4}>{t('overview.welcome')}</Typography.Title>
          <Typography.Paragraph>{t('overview.body')}</Typography.Paragraph>
        </Card>
      ) : (
        <>
          <RemindersPanel />
          <Row gutter={[16, 16]}>
            {cards.map((c) => (
              <Col key={c.key} xs={12} md={8} xl={4}>
                <Card
                  hoverable
                  role="group"
                  aria-label={t(`overview.cards.${c.key}`)}
                  onClick={() => void navigate(c.to)}
                >
                  <Statistic title={t(`overview.cards.${c.key}`)} value={c.value} loading={!loaded} />
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
