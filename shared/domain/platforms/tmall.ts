import { taobao } from './taobao.ts';
import type { PlatformSpec } from './types.ts';

// Tmall runs on the same 千牛 back end with the same sub-account rules. Tmall Global shops need no
// real-name verification; that is a per-shop flag (shop.crossBorder), not a platform of its own.
export const tmall: PlatformSpec = {
  ...taobao,
  id: 'tmall',
  name: { zh: '天猫', en: 'Tmall' },
  sellerCenterUrl: 'https://seller.tmall.com/',
  loginHosts: ['seller.tmall.com', 'myseller.tmall.com', 'login.tmall.com'],
};
