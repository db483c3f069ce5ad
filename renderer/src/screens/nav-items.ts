// The navigation skeleton: every module of the product, in the order a seller works through them.
export interface NavItem {
  path: string;
  key: string;
  /** Hidden from a team's 客服主管 (lead), whose role has no access to it (main refuses the calls too). */
  notForLead?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', key: 'overview' },
  { path: '/shops', key: 'shops' },
  { path: '/subaccounts', key: 'subaccounts' },
  { path: '/templates', key: 'templates' },
  { path: '/staff', key: 'staff' },
  { path: '/verification', key: 'verification' },
  { path: '/temp-agents', key: 'tempAgents' },
  { path: '/deposit', key: 'deposit', notForLead: true },
  { path: '/recovery', key: 'recovery', notForLead: true },
  { path: '/transfer', key: 'transfer' },
  { path: '/team', key: 'team' },
  { path: '/audit', key: 'audit' },
  { path: '/settings', key: 'settings' },
];
