import { chromium } from '@playwright/test';
import path from 'node:path';
import { calibrate } from '../../electron/core/crypto/kdf.ts';
import { startHost } from '../../electron/host/server.ts';
import { CHROMIUM_ARGS, findChromium } from '../chromium.ts';
import { coreAt, seed } from './ui-bench.ts';
const PASSWORD = '正确的马电池订书钉-42';
const count = Number(process.argv[2] ?? 10000);
const kdf = await calibrate(500);
const dataDir = await seed(count, kdf);
const core = coreAt(dataDir, kdf);
const host = await startHost({ core, staticDir: path.resolve('out/renderer') });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
await page.goto(host.launchUrl);
await page.getByLabel(/^(主密码|Master password)$/).fill(PASSWORD);
await page.getByRole('button', { name: /^(解\s?锁|Unlock)$/ }).click();
await page.evaluate(() => { window.location.hash = '#/subaccounts'; });
await page.getByText(new RegExp(`共 ${count} 条`)).waitFor({ timeout: 60000 });
const keys = process.argv[3] === 'same' ? Array.from({ length: 16 }, (_, i) => (i % 2 ? '客服0' : '客服00')) : ['0042', '', '店铺17:', '', '客服019', '', '店铺3', '', '客服00', '', 'zz', '', '客服0042', '', '店铺1:', ''];
const res: string[] = [];
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
for (const k of keys) {
  const r = await page.evaluate(async (v) => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="搜索"]')!;
    const count = document.querySelector('[data-testid="row-count"]')!;
    const before = count.textContent;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    return new Promise<string>((resolve) => {
      const obs = new MutationObserver(() => {
        if (count.textContent === before) return;
        obs.disconnect();
        const commit = performance.now() - t0;
        const els = document.querySelectorAll('*').length;
        void getComputedStyle(document.querySelector('.vt-row .vt-c') ?? document.body).color;
        const st = performance.now() - t0;
        void document.body.offsetHeight;
        const all = performance.now() - t0;
        resolve(`${v || '∅'} js=${commit.toFixed(1)} style=${(st - commit).toFixed(1)} layout=${(all - st).toFixed(1)} total=${all.toFixed(1)} els=${els}`);
      });
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      const t0 = performance.now();
      setter.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }, k);
  res.push(r);
}
console.log(res.join('\n'));
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas ?? [];
profile.samples?.forEach((id, i) => {
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*\//, '')}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log([...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n'));
// Style sheets: rule count
console.log(await page.evaluate(() => { let n = 0; let attr = 0; for (const s of document.styleSheets) { try { for (const r of s.cssRules) { n++; if (/\[class/.test((r as CSSStyleRule).selectorText ?? '')) attr++; } } catch {} } return `rules=${n} attr-selector rules=${attr} sheets=${document.styleSheets.length}`; }));
await browser.close(); process.exit(0);
