// One verification card as a standalone SVG: shop and platform, sub-account, deadline or window, the QR code and the
// steps. The same drawing is shown on screen, printed, and exported as SVG or (rasterised) PNG. All text
// is escaped: a name typed as markup stays text.

import { beijingDateTime } from './china-time.ts';
import { escapeMarkup as escapeXml } from './escape.ts';
import { platform } from './platforms/catalog.ts';
import { type CardFacts, cardSteps, qrCaption } from './verification-card.ts';

export interface QrModules {
  size: number;
  get(row: number, col: number): number;
}

/** Error correction Q (25%) with the standard 4-module quiet zone: survives a WeChat screenshot. */
export const QR_OPTIONS = { errorCorrectionLevel: 'Q', margin: 4 } as const;

export const CARD_WIDTH = 640;
const QR_BOX = 400;

/** Naive wrapping by display width (CJK counts 2): SVG text does not wrap itself. */
export function wrap(text: string, maxUnits: number): string[] {
  const lines: string[] = [];
  let line = '';
  let units = 0;
  for (const ch of text) {
    const w = (ch.codePointAt(0) ?? 0) <= 0xff ? 1 : 2;
    if (units + w > maxUnits && line) {
      lines.push(line);
      line = '';
      units = 0;
    }
    line += ch;
    units += w;
  }
  if (line) lines.push(line);
  return lines;
}

export function qrPath(m: QrModules): string {
  let d = '';
  for (let r = 0; r < m.size; r++)
    for (let c = 0; c < m.size; c++) if (m.get(r, c)) d += `M${c} ${r}h1v1h-1z`;
  return d;
}

export function cardSvg(f: CardFacts, qr: QrModules, mode: 'offline' | 'registration'): string {
  const quiet = QR_OPTIONS.margin;
  const total = qr.size + 2 * quiet;
  const scale = Math.floor(QR_BOX / total);
  const qrPx = total * scale;
  const qrX = (CARD_WIDTH - qrPx) / 2;
  const title =
    mode === 'registration' ? '扫码登记子账号使用人' : f.window ? '临时客服子账号' : '子账号实人认证';
  const facts = [`店铺：${f.shopName}（${platform(f.platform).name.zh}）`, `子账号：${f.fullName}`];
  if (f.deadline !== null) facts.push(`认证截止：${beijingDateTime(f.deadline)}（北京时间）`);
  if (f.window) facts.push(`有效期：${f.window.start} 至 ${f.window.end}`);
  let y = 56;
  const text: string[] = [
    `<text x="32" y="${y}" font-size="30" font-weight="700" fill="#1f1f1f">${escapeXml(title)}</text>`,
  ];
  y += 16;
  for (const line of facts.flatMap((l) => wrap(l, 48))) {
    y += 30;
    text.push(`<text x="32" y="${y}" font-size="20" fill="#1f1f1f">${escapeXml(line)}</text>`);
  }
  const qrY = y + 20;
  y = qrY + qrPx + 8;
  for (const line of wrap(qrCaption(mode).zh, 56)) {
    y += 22;
    text.push(`<text x="32" y="${y}" font-size="16" fill="#8c8c8c">${escapeXml(line)}</text>`);
  }
  y += 8;
  const steps =
    mode === 'registration'
      ? [
          '用手机相机或微信扫码，打开登记页',
          '填写姓名、手机号、岗位并提交',
          '再按店长指引在手机千牛完成实人认证',
        ]
      : cardSteps(f).map((s) => s.zh);
  steps.forEach((s, i) => {
    wrap(`${i + 1}. ${s}`, 52).forEach((line, j) => {
      y += 26;
      text.push(
        `<text x="${j === 0 ? 32 : 52}" y="${y}" font-size="18" fill="#434343">${escapeXml(line)}</text>`,
      );
    });
  });
  // The card is as tall as its content, so prints and screenshots carry no empty space.
  const height = y + 36;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${height}" viewBox="0 0 ${CARD_WIDTH} ${height}" font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Droid Sans Fallback',sans-serif">
<rect width="100%" height="100%" fill="#ffffff" stroke="#d9d9d9"/>
${text.join('\n')}
<g transform="translate(${qrX} ${qrY}) scale(${scale})"><rect width="${total}" height="${total}" fill="#ffffff"/><path transform="translate(${quiet} ${quiet})" d="${qrPath(qr)}" fill="#000000" shape-rendering="crispEdges"/></g>
</svg>`;
}
