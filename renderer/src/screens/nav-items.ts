// The navigation skeleton: every module of the product, in the order a seller works through them.
export interface NavItem {
  path: string;
  key: string;
  ready: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', key: 'overview', ready: true },
  { path: '/shops', key: 'shops', ready: true },
  { path: '/subaccounts', key: 'subaccounts', ready: true },
  { path: '/templates', key: 'templates', ready: true },
  { path: '/staff', key: 'staff', ready: true },
  { path: '/verification', key: 'verification', ready: true },
  { path: '/temp-agents', key: 'tempAgents', ready: true },
  { path: '/deposit', key: 'deposit', ready: true },
  { path: '/recovery', key: 'recovery', ready: true },
  { path: '/audit', key: 'audit', ready: true },
  { path: '/settings', key: 'settings', ready: true },
];
