// 20 distinct secrets go in through the vault; afterwards no file in the data folder, generation,
// damaged copy or audit log may contain any of them in the clear (nor in base64 or hex).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, makeTestCore, setUpVault, shopWithSecret } from '../support/test-core.ts';

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? allFiles(p) : [p];
  });
}

describe('secret canaries', () => {
  it('no plaintext canary is anywhere in the data folder or the log', async () => {
    const tc = makeTestCore();
    await setUpVault(tc.core, true);
    // 20 distinct secrets through the product's own paths: 4 shop main passwords (snapshots), 12
    // sub-account passwords (journal lines, then a compacting bulk change), 4 staff phones.
    const tag = Math.random().toString(36).slice(2, 8);
    const shopSecrets = Array.from({ length: 4 }, (_, i) => `SHOP-${i}-金丝雀-${tag}`);
    const subSecrets = Array.from({ length: 12 }, (_, i) => `SUB-${i}-Canary-${tag}`);
    const phones = Array.from(
      { length: 4 },
      (_, i) => `1390${tag.replace(/\D/g, '').padEnd(3, '7').slice(0, 3)}${String(4000 + i)}`,
    );
    const canaries = [...shopSecrets, ...subSecrets, ...phones];
    expect(new Set(canaries).size).toBe(20);
    const shops = [];
    for (const secret of shopSecrets) shops.push(await shopWithSecret(tc.core, secret, `店${shops.length}`));
    const subs: Array<{ id: string; shop: string }> = [];
    for (let i = 0; i < subSecrets.length; i++) {
      const shop = shops[i % 4]!;
      const r = await tc.core.dispatch('subaccounts.create', {
        shopId: shop.id,
        nickname: `客服${i}`,
        password: subSecrets[i],
        confirm: subSecrets[i],
        generate: false,
        templateId: 'builtin-taobao-presales',
        permissions: [],
        nativeRole: null,
        staffId: null,
        phone: '',
        confirmHighRisk: false,
      });
      expect(r.ok).toBe(true);
      subs.push({ id: (r as { value: { id: string } }).value.id, shop: shop.id });
    }
    for (const phone of phones) {
      expect(
        (
          await tc.core.dispatch('staff.create', {
            name: '员工',
            phone,
            position: '客服',
            notes: '',
            idNumber: '',
          })
        ).ok,
      ).toBe(true);
    }
    // Reveal and copy some: the audit trail must still hold no value.
    for (let i = 0; i < 12; i += 3) {
      const ref = { collection: `shop-${subs[i]!.shop}`, recordId: subs[i]!.id, field: 'password' };
      expect(await tc.core.dispatch('secrets.reveal', { ref })).toMatchObject({
        ok: true,
        value: { value: subSecrets[i] },
      });
      await tc.core.dispatch('secrets.copy', { ref });
    }
    // A bulk change compacts journals into new snapshots (and keeps the old ones as generations).
    await tc.core.dispatch('subaccounts.bulkSetTemplate', {
      ids: subs.map((x) => x.id),
      templateId: 'builtin-taobao-warehouse',
      confirmHighRisk: false,
    });
    await tc.core.dispatch('subaccounts.export', {
      format: 'csv',
      includeSecrets: true,
      masterPassword: GOOD_PASSWORD,
    });
    await tc.core.dispatch('vault.changePassword', {
      current: GOOD_PASSWORD,
      next: `${GOOD_PASSWORD}-2`,
      confirm: `${GOOD_PASSWORD}-2`,
    });
    await tc.core.shutdown();

    const files = allFiles(tc.dataDir);
    expect(files.some((f) => f.endsWith('audit.log'))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}generations${path.sep}`))).toBe(true);
    expect(files.some((f) => f.endsWith('.journal'))).toBe(true);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const text = bytes.toString('utf8');
      for (const c of [...canaries, GOOD_PASSWORD]) {
        const forms = [
          c,
          Buffer.from(c).toString('base64'),
          Buffer.from(c).toString('hex'),
          Buffer.from(c).toString('base64url'),
        ];
        for (const form of forms) expect(text.includes(form), `${form} found in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from(c, 'utf16le')), `UTF-16 ${c} in ${file}`).toBe(false);
      }
    }
    fs.rmSync(tc.dataDir, { recursive: true, force: true });
  });
});
