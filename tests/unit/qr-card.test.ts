// QR payloads decoded back by a real decoder (jsQR over a PNG that qrcode drew), Chinese included.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { cardSvg, QR_OPTIONS, wrap } from '../../shared/domain/card-svg.ts';
import { type CardFacts, offlineCardText } from '../../shared/domain/verification-card.ts';

async function decode(text: string): Promise<string | null> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { ...QR_OPTIONS, scale: 6 }));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const facts: CardFacts = {
  shopName: '杭州小铺旗舰店',
  platform: 'taobao',
  fullName: '杭州小铺旗舰店:售前客服01',
  deadline: Date.parse('2026-11-30T09:00:00+08:00'),
  window: null,
  qrMinutes: 30,
};

describe('verification card QR codes', () => {
  it('hold shop, sub-account and deadline, decoded back exactly, and never tell anyone to scan them with an app', async () => {
    const text = offlineCardText(facts);
    expect(text).toContain('店铺：杭州小铺旗舰店（淘宝）');
    expect(text).toContain('认证截止：2026-11-30 09:00（北京时间）');
    expect(text).toContain('在手机千牛完成实人认证');
    // A text-only code that says "scan with 手机淘宝" sends staff scanning it in the wrong app.
    expect(text).not.toMatch(/手机淘宝|扫码/);
    expect(await decode(text)).toBe(text);
  });

  it("say under the QR what scanning it does, and point the app steps at the platform's own code", () => {
    const qr = QRCode.create('x', QR_OPTIONS).modules;
    expect(cardSvg(facts, qr, 'offline')).toContain('它不是认证二维码');
    expect(cardSvg(facts, qr, 'registration')).toContain('打开登记页');
    expect(cardSvg(facts, qr, 'offline')).toContain('不是本卡片上的二维码');
  });

  it('hold the window for a temporary agent, and a registration URL byte for byte', async () => {
    const temp = offlineCardText({
      ...facts,
      deadline: null,
      window: { start: '2026-11-01', end: '2026-12-21' },
    });
    expect(temp).toContain('有效期：2026-11-01 至 2026-12-21');
    expect(await decode(temp)).toBe(temp);
    const url = 'http://192.168.1.23:51234/r/abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-0123';
    expect(await decode(url)).toBe(url);
  });

  it('draws a card whose text is escaped markup, never markup', () => {
    const qr = QRCode.create('x', QR_OPTIONS).modules;
    const svg = cardSvg({ ...facts, fullName: '店:<img src=x onerror=alert(1)>' }, qr, 'offline');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(wrap('一二三四五', 4)).toEqual(['一二', '三四', '五']);
  });
});
