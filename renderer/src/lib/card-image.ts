// Verification cards as images: the shared SVG drawing with a QR made by `qrcode`, rasterised to PNG
// through a canvas for WeChat and chat apps.
import QRCode from 'qrcode';
import { cardSvg, QR_OPTIONS } from '../../../shared/domain/card-svg.ts';
import type { CardFacts } from '../../../shared/domain/verification-card.ts';

export function makeCardSvg(facts: CardFacts, qrText: string, mode: 'offline' | 'registration'): string {
  return cardSvg(facts, QRCode.create(qrText, QR_OPTIONS).modules, mode);
}

export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** A name safe on Windows and macOS, whatever the sub-account is called. */
export function cardFileName(fullName: string, ext: 'png' | 'svg'): string {
  const safe = [...fullName].map((ch) =>
    (ch.codePointAt(0) ?? 0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch,
  );
  return `认证卡片-${safe.join('').slice(0, 80)}.${ext}`;
}

/** Twice the card's size: a screenshot or a forward in WeChat keeps every QR module several pixels wide. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = svgDataUrl(svg);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth * scale;
  canvas.height = img.naturalHeight * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas export failed'))), 'image/png'),
  );
}
