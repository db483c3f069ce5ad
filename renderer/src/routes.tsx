// The unlocked app: hash routing (works unchanged under app://shopwarden/ and on the preview host), each
// screen loaded when first opened, so neither the lock screen nor the first screen pays for the others.
import { Spin } from 'antd';
import { type ComponentType, Suspense } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { loadable } from './loadable.tsx';
import { AppShell } from './screens/AppShell.tsx';

/** A lazily loaded screen; `name` is the module's export. */
function screen<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  const Screen = loadable(async () => (await load())[name] as ComponentType);
  loaders.set(name, Screen.preload);
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
      <Screen />
    </Suspense>
  );
}

const loaders = new Map<string, () => Promise<unknown>>();

// One element for both routes that show it, so its module, once preloaded, serves either.
const overview = screen(() => import('./screens/OverviewScreen.tsx'), 'OverviewScreen');

const router = createHashRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: overview },
      {
        path: 'transfer',
        element: screen(() => import('./screens/transfer/TransferScreen.tsx'), 'TransferScreen'),
      },
      { path: 'team', element: screen(() => import('./screens/team/TeamScreen.tsx'), 'TeamScreen') },
      { path: 'audit', element: screen(() => import('./screens/AuditLogScreen.tsx'), 'AuditLogScreen') },
      { path: 'settings', element: screen(() => import('./screens/SettingsScreen.tsx'), 'SettingsScreen') },
      { path: 'shops', element: screen(() => import('./screens/shops/ShopsScreen.tsx'), 'ShopsScreen') },
      {
        path: 'subaccounts',
        element: screen(() => import('./screens/subaccounts/SubAccountsScreen.tsx'), 'SubAccountsScreen'),
      },
      {
        path: 'templates',
        element: screen(() => import('./screens/templates/TemplatesScreen.tsx'), 'TemplatesScreen'),
      },
      { path: 'staff', element: screen(() => import('./screens/staff/StaffScreen.tsx'), 'StaffScreen') },
      {
        path: 'verification',
        element: screen(() => import('./screens/verification/VerificationScreen.tsx'), 'VerificationScreen'),
      },
      {
        path: 'temp-agents',
        element: screen(() => import('./screens/agents/TempAgentsScreen.tsx'), 'TempAgentsScreen'),
      },
      {
        path: 'temp-agents/handout',
        element: screen(() => import('./screens/agents/HandoutScreen.tsx'), 'HandoutScreen'),
      },
      { path: 'cards', element: screen(() => import('./screens/cards/CardsScreen.tsx'), 'CardsScreen') },
      {
        path: 'deposit',
        element: screen(() => import('./screens/deposit/DepositListScreen.tsx'), 'DepositListScreen'),
      },
      {
        path: 'deposit/:id',
        element: screen(() => import('./screens/deposit/DepositCaseScreen.tsx'), 'DepositCaseScreen'),
      },
      {
        path: 'recovery',
        element: screen(() => import('./screens/recovery/RecoveryScreen.tsx'), 'RecoveryScreen'),
      },
      {
        path: 'recovery/:id',
        element: screen(() => import('./screens/recovery/DraftScreen.tsx'), 'DraftScreen'),
      },
      {
        path: 'recovery/:id/print',
        element: screen(() => import('./screens/recovery/DraftPrintScreen.tsx'), 'DraftPrintScreen'),
      },
      { path: '*', element: overview },
    ],
  },
]);

// The screen the window was on (e.g. after a lock) starts loading with this module, not after it renders.
const path = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
const NAMES: Record<string, string> = {
  subaccounts: 'SubAccountsScreen',
  shops: 'ShopsScreen',
  staff: 'StaffScreen',
  verification: 'VerificationScreen',
  '': 'OverviewScreen',
};
void loaders.get(NAMES[path] ?? '')?.();

export default function UnlockedApp() {
  return <RouterProvider router={router} />;
}
