// The navigation skeleton: every module of the product, in the order a seller works through them.
export interface NavItem {
  path: string;
  key: string;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', key: 'overview' },
  { path: '/shops', key: 'shops' },
  { path: '/subaccounts', key: 'subaccounts' },
  { path: '/templates', key: 'templates' },
  { path: '/staff', key: 'staff' },
  { path: '/verification', key: 'verification' },
  { path: '/temp-agents', key: 'tempAgents' },
  { path: '/deposit', key: 'deposit' },
  { path: '/recovery', key: 'recovery' },
  { path: '/transfer', key: 'transfer' },
  { path: '/audit', key: 'audit' },
  { path: '/settings', key: 'settings' },
];
