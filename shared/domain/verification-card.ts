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

/**
 * Where to scan the platform's own verification code (shown in the seller center or in 千牛, never the QR
 * on this card): iOS either app, Android only 手机淘宝 (Taobao help pages).
 */
export function scanHint(p: PlatformId): Text {
  return TAOBAO_FAMILY.has(p)
    ? {
        zh: '扫平台给出的认证二维码（不是本卡片上的二维码）：iOS 用「手机千牛」或「手机淘宝」，Android 用「手机淘宝」',
        en: "Scan the platform's verification code (not the QR on this card): on iOS with Qianniu or Mobile Taobao, on Android with Mobile Taobao",
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
  // Only facts: this text is what any scanner shows, so it must not tell anyone to scan it with an app.
  if (!f.window) lines.push('按卡片上的步骤在手机千牛完成实人认证');
  return lines.join('\n');
}

/** One line under the QR saying what scanning it does, so nobody expects it to start the verification. */
export function qrCaption(mode: 'offline' | 'registration'): Text {
  return mode === 'registration'
    ? {
        zh: '用手机相机或微信扫此码，打开登记页（仅限本次登记）',
        en: 'Scan with the phone camera or WeChat to open the registration page (this session only)',
      }
    : {
        zh: '此码只含上面的店铺、子账号和期限，任何扫码工具都能查看；它不是认证二维码',
        en: 'This code holds only the shop, sub-account and dates above, readable by any scanner; it is not the verification code',
      };
}
