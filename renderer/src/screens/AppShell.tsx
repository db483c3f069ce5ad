import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  FileTextOutlined,
  IdcardOutlined,
  LockOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { RecoveryNotice } from '../components/RecoveryNotice.tsx';
import { SyncIndicator } from '../components/SyncIndicator.tsx';
import { useActivityReporter } from '../hooks/use-activity-reporter.ts';
import { useSession } from '../stores/session-store.ts';
import { useWork } from '../stores/work-store.ts';
import { useTeam } from '../team/team-store.ts';
import { NAV_ITEMS } from './nav-items.ts';

const SIDEBAR_KEY = 'shopwarden.sidebar';
// Read when this module loads (behind the lock screen): the first read of localStorage costs milliseconds
// that would otherwise fall between the unlock and the first screen.
let sidebarCollapsed = localStorage.getItem(SIDEBAR_KEY) === 'collapsed';

const ICONS: Record<string, ReactNode> = {
  overview: <DashboardOutlined />,
  shops: <ShopOutlined />,
  subaccounts: <UserSwitchOutlined />,
  templates: <AppstoreOutlined />,
  staff: <TeamOutlined />,
  verification: <IdcardOutlined />,
  tempAgents: <UsergroupAddOutlined />,
  deposit: <BankOutlined />,
  recovery: <FileTextOutlined />,
  transfer: <SwapOutlined />,
  team: <CloudServerOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

export function AppShell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const lock = useSession((s) => s.lock);
  // A team's 客服主管 has no deposits or recovery drafts: those screens are not offered (main refuses them).
  const isLead = useTeam((s) => s.status?.role === 'lead');
  useActivityReporter(true);
  const [collapsed, setCollapsedState] = useState(sidebarCollapsed);
  const setCollapsed = (value: boolean) => {
    sidebarCollapsed = value;
    setCollapsedState(value);
    localStorage.setItem(SIDEBAR_KEY, value ? 'collapsed' : 'open');
  };
  // Main's events (registration progress, reminders) reach the stores while the app is unlocked.
  useEffect(() => useWork.getState().listen(), []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        className="no-print"
        width={200}
        theme="light"
        collapsible
        collapsed={collapsed}
        // Folding the menu to icons gives a wide table the room at 1024 px; the choice is kept.
        trigger={null}
        style={{ borderInlineEnd: '1px solid #f0f0f0' }}
      >
        <Typography.Title
          level={4}
          style={{
            padding: collapsed ? '16px 0' : '16px 20px',
            margin: 0,
            textAlign: collapsed ? 'center' : 'left',
          }}
        >
          <SafetyCertificateOutlined /> {collapsed ? null : t('app.name')}
        </Typography.Title>
        <nav aria-label={t('app.name')}>
          <Menu
            mode="inline"
            selectedKeys={[location.pathname]}
            onClick={({ key }) => void navigate(key)}
            items={NAV_ITEMS.filter((n) => !(isLead && n.notForLead)).map((n) => ({
              key: n.path,
              icon: ICONS[n.key],
              label: t(`nav.${n.key}`),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="no-print"
          style={{ background: '#fff', paddingInline: 24, borderBottom: '1px solid #f0f0f0' }}
        >
          <Flex align="center" gap={16} style={{ height: '100%' }}>
            <Button
              type="text"
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
              aria-expanded={!collapsed}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
            <span style={{ flex: 1 }} />
            <SyncIndicator />
            <LanguageSwitch />
            <Button icon={<LockOutlined />} onClick={() => void lock()}>
              {t('common.lock')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <RecoveryNotice />
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
