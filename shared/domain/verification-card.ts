// What a verification card tells the staff member, and what its QR code holds when no registration
// session is open: a short text any phone scanner shows, so the card is useful on paper alone.
import { beijingDateTime } from './china-time.ts';
import { platform } from './platforms/catalog.ts';
import type { PlatformId, Text } from './platforms/types.ts';
import type { SaleWindow } from './sale-window.ts';

export interface CardFacts {
  shopName: string;
  platform: PlatformId;
  fullName: string;
  /** Verification deadline, epoch ms, or null. */
  deadline: number | null;
  window: SaleWindow | null;
  /** Minutes the platform gives to finish once the code is scanned (30 on Taobao). */
  qrMinutes: number;
}

const TAOBAO_FAMILY = new Set<PlatformId>(['taobao', 'tmall']);

/** Where to scan: iOS either app, Android only 手机淘宝 (Taobao help pages). */
export function scanHint(p: PlatformId): Text {
  return TAOBAO_FAMILY.has(p)
    ? {
        zh: 'iOS：用「手机千牛」或「手机淘宝」扫码；Android：用「手机淘宝」扫码',
        en: 'iOS: scan with Qianniu or Mobile Taobao; Android: scan with Mobile Taobao',
      }
    : {
        zh: '用该平台的商家 App 登录子账号后按提示操作',
        en: "Sign in to the sub-account in the platform's seller app",
      };
}

export function cardSteps(f: CardFacts): Text[] {
  if (f.window)
    return [
      {
        zh: `用子账号 ${f.fullName} 登录客服工作台`,
        en: `Sign in as ${f.fullName} in the customer-service workbench`,
      },
      {
        zh: `仅在 ${f.window.start} 至 ${f.window.end} 期间可用`,
        en: `Usable only from ${f.window.start} to ${f.window.end}`,
      },
      { zh: '临时客服无需实人认证', en: 'Temporary agents need no real-name verification' },
    ];
  return [
    { zh: `在手机千牛登录子账号 ${f.fullName}`, en: `Sign in to ${f.fullName} in mobile Qianniu` },
    scanHint(f.platform),
    {
      zh: '填写岗位和本人手机号，用相机现场拍摄身份证正反面（相册照片不被接受）',
      en: 'Enter your position and your own phone number; photograph both sides of your ID live with the camera (album photos are refused)',
    },
    {
      zh: `扫码后 ${f.qrMinutes} 分钟内完成，否则需重新扫码`,
      en: `Finish within ${f.qrMinutes} minutes of scanning, or scan again`,
    },
    {
      zh: '审核约 48 小时，结果以消息通知子账号',
      en: 'Review takes about 48 hours; the result arrives as a message',
    },
  ];
}

/** The QR text outside a registration session: short, Chinese, readable in any scanner. */
export function offlineCardText(f: CardFacts): string {
  const lines = [`店铺：${f.shopName}（${platform(f.platform).name.zh}）`, `子账号：${f.fullName}`];
  if (f.deadline !== null) lines.push(`认证截止：${beijingDateTime(f.deadline)}（北京时间）`);
  if (f.window) lines.push(`有效期：${f.window.start} 至 ${f.window.end}`);
  if (TAOBAO_FAMILY.has(f.platform) && !f.window) lines.push(scanHint(f.platform).zh);
  return lines.join('\n');
}
