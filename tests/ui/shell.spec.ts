// The window's own identity: the browser tab / taskbar shows the app's icon, served like any asset.
import { expect, test } from './fixtures.ts';

test('the page has a favicon, served as an image from the app itself', async ({ app, page }) => {
  const running = await app.start();
  await running.open(page);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toMatch(/^\.?\/favicon\.svg$/);
  const res = await page.request.get(new URL(href!, `${running.host.url}/`).href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/svg+xml');
  expect(await res.text()).toContain('<title>店务管家 Shopwarden</title>');
});
