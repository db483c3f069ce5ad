import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import { useLang } from './hooks/use-lang.ts';
import { useReducedMotion } from './hooks/use-reduced-motion.ts';
import { errorText } from './i18n/errors.ts';
import { AppShell } from './screens/AppShell.tsx';
import { AuditLogScreen } from './screens/AuditLogScreen.tsx';
import { TempAgentsScreen } from './screens/agents/TempAgentsScreen.tsx';
import { CardsScreen } from './screens/cards/CardsScreen.tsx';
import { DepositCaseScreen } from './screens/deposit/DepositCaseScreen.tsx';
import { DepositListScreen } from './screens/deposit/DepositListScreen.tsx';
import { LockScreen } from './screens/LockScreen.tsx';
import { OverviewScreen } from './screens/OverviewScreen.tsx';
import { DraftPrintScreen } from './screens/recovery/DraftPrintScreen.tsx';
import { DraftScreen } from './screens/recovery/DraftScreen.tsx';
import { RecoveryScreen } from './screens/recovery/RecoveryScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { StorageErrorScreen } from './screens/StorageErrorScreen.tsx';
import { ShopsScreen } from './screens/shops/ShopsScreen.tsx';
import { StaffScreen } from './screens/staff/StaffScreen.tsx';
import { SubAccountsScreen } from './screens/subaccounts/SubAccountsScreen.tsx';
import { TemplatesScreen } from './screens/templates/TemplatesScreen.tsx';
import { VerificationScreen } from './screens/verification/VerificationScreen.tsx';
import { useSession } from './stores/session-store.ts';

const FONT_STACK =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Droid Sans Fallback', sans-serif";

// Hash routing: works unchanged under app://shopwarden/ and on the preview host.
const router = createHashRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <OverviewScreen /> },
      { path: 'audit', element: <AuditLogScreen /> },
      { path: 'settings', element: <SettingsScreen /> },
      { path: 'shops', element: <ShopsScreen /> },
      { path: 'subaccounts', element: <SubAccountsScreen /> },
      { path: 'templates', element: <TemplatesScreen /> },
      { path: 'staff', element: <StaffScreen /> },
      { path: 'verification', element: <VerificationScreen /> },
      { path: 'temp-agents', element: <TempAgentsScreen /> },
      { path: 'cards', element: <CardsScreen /> },
      { path: 'deposit', element: <DepositListScreen /> },
      { path: 'deposit/:id', element: <DepositCaseScreen /> },
      { path: 'recovery', element: <RecoveryScreen /> },
      { path: 'recovery/:id', element: <DraftScreen /> },
      { path: 'recovery/:id/print', element: <DraftPrintScreen /> },
      { path: '*', element: <OverviewScreen /> },
    ],
  },
]);

function Gate() {
  const { t } = useTranslation();
  const lang = useLang();
  const status = useSession((s) => s.status);
  const loadError = useSession((s) => s.loadError);
  if (loadError) return <Result status="error" title={errorText(loadError, lang)} />;
  if (!status) return <Spin fullscreen tip={t('common.loading')} />;
  switch (status.state) {
    case 'unrecoverable':
      return <StorageErrorScreen />;
    case 'uninitialized':
      return <SetupScreen />;
    case 'locked':
      return <LockScreen />;
    default:
      return <RouterProvider router={router} />;
  }
}

export function App() {
  const lang = useLang();
  const reduced = useReducedMotion();
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCNLocale : enUSLocale}
      // People who turn animations off in the OS get none here either (antd's motion token).
      theme={{ token: { fontFamily: FONT_STACK, motion: !reduced } }}
    >
      <AntApp>
        <Gate />
      </AntApp>
    </ConfigProvider>
  );
}
