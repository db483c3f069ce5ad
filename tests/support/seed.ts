// Writes shop documents straight to a data folder, for tests and benchmarks that need thousands of
// sub-accounts without creating them one by one. Records carry no secrets, so no key is needed.
import fs from 'node:fs';
import path from 'node:path';
import type { ShopDoc, SubAccountRecord } from '../../electron/core/inventory/schemas.ts';
import { encodeDocument } from '../../electron/core/storage/inspect.ts';
import { rolePermissions } from '../../shared/domain/roles.ts';

export function buildShops(shopCount: number, perShop: number, now = '2026-11-01T08:00:00.000Z'): ShopDoc[] {
  const shops: ShopDoc[] = [];
  for (let s = 0; s < shopCount; s++) {
    const id = `shop${String(s).padStart(3, '0')}`;
    const subAccounts: Record<string, SubAccountRecord> = {};
    for (let i = 0; i < perShop; i++) {
      const sid = `${id}s${String(i).padStart(4, '0')}`;
      const nickname = `客服${String(i).padStart(4, '0')}`;
      subAccounts[sid] = {
        id: sid,
        nickname,
        fullName: `店铺${s}:${nickname}`,
        status: i % 7 === 0 ? 'disabled' : 'active',
        templateId: i % 2 === 0 ? 'builtin-taobao-presales' : 'builtin-taobao-aftersales',
        permissions: rolePermissions('taobao', i % 2 === 0 ? 'presales' : 'aftersales'),
        nativeRole: null,
        staffId: null,
        phoneMasked: null,
        phoneHash: null,
        applied: null,
        secrets: {},
        createdAt: now,
        updatedAt: now,
      };
    }
    shops.push({
      shop: {
        id,
        platform: 'taobao',
        name: `店铺${s}`,
        platformShopId: String(100000 + s),
        entityType: 'enterprise',
        mainLogin: `店铺${s}`,
        phoneMasked: null,
        emailMasked: null,
        depositAmount: 1000,
        notes: '',
        crossBorder: false,
        archived: false,
        secrets: {},
        createdAt: now,
        updatedAt: now,
      },
      subAccounts,
    });
  }
  return shops;
}

export function seedShops(dataDir: string, shops: ShopDoc[]): void {
  const dir = path.join(dataDir, 'shops');
  fs.mkdirSync(dir, { recursive: true });
  for (const doc of shops)
    fs.writeFileSync(path.join(dir, `${doc.shop.id}.json`), encodeDocument(doc, new Date().toISOString()), {
      mode: 0o600,
    });
}
