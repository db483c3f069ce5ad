// A vault with a bit of everything, and everything a user can see of one (secrets revealed as a user
// would): what the backup suites fill, back up, restore and compare.
import fs from 'node:fs';
import { afterEach } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import type { BackupStatus } from '../../shared/contract/backup-types.ts';
import type { DepositCaseView } from '../../shared/contract/deposit-types.ts';
import type { PersonView, ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type { DraftView } from '../../shared/contract/recovery-types.ts';
import { callers } from './contract-calls.ts';
import { generatedSub, taobaoShop } from './payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore, tempDataDir } from './test-core.ts';

const dirs: string[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  for (const tc of cores.splice(0)) await tc.core.shutdown();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function fresh(dataDir?: string): TestCore {
  const tc = makeTestCore(dataDir ? { dataDir } : {});
  cores.push(tc);
  if (!dataDir) dirs.push(tc.dataDir);
  return tc;
}
export const folder = () => {
  const d = tempDataDir('sw-backups');
  dirs.push(d);
  return d;
};

export const SECRETS = [
  'Main-Pass-机密-001',
  '13912345678',
  '6222021234567890123',
  'Attachment 营业执照 PNG bytes',
] as const;
export const NAMES = ['机密旗舰店', '秘密员工', '机密客服'] as const;

/** A vault with a bit of everything: shop secret, sub-accounts, staff, a case with an account and a file. */
export async function populate(core: Core) {
  const { ok } = callers(() => core);
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  await ok('settings.update', { autoLockMinutes: 240 });
  const shop = await ok<ShopView>('shops.create', taobaoShop(NAMES[0], { mainPassword: SECRETS[0] }));
  for (const n of [NAMES[2], '小王', '小李']) await ok('subaccounts.create', generatedSub(shop.id, n));
  await ok('staff.create', { name: NAMES[1], phone: SECRETS[1], position: '客服', notes: '', idNumber: '' });
  const c = await ok<DepositCaseView>('deposit.create', { shopId: shop.id, amount: 5000 });
  await ok('deposit.setAccount', {
    id: c.id,
    kind: 'corporate',
    holder: '某公司',
    bank: '招商银行',
    number: SECRETS[2],
  });
  const item = c.items.find((i) => i.attachable)!;
  await ok('deposit.addAttachment', {
    id: c.id,
    itemId: item.id,
    fileName: 'licence.png',
    contentBase64: Buffer.from(SECRETS[3]).toString('base64'),
  });
  await ok('recovery.create', { kind: 'generic', shopId: shop.id });
  await ok('templates.create', {
    platform: 'taobao',
    name: '备份模板',
    permissions: [],
    nativeRole: null,
    basedOn: null,
  });
  await ok('rules.update', { purgeAfterDays: 45 });
  return { shopId: shop.id, caseId: c.id, itemId: item.id };
}

/** A populated vault with backups set up (which makes the first backup at once). */
export async function backedUp(out = folder()) {
  const a = fresh();
  await populate(a.core);
  const status = await callers(() => a.core).ok<BackupStatus>('backup.configure', {
    folder: out,
    masterPassword: GOOD_PASSWORD,
    password: null,
  });
  return { a, status };
}

/** Everything a user can see, secrets included (each revealed as the user would). */
export async function everything(core: Core) {
  const { ok } = callers(() => core);
  const shops = await ok<ShopView[]>('shops.list', { includeArchived: true });
  const subs = await ok<SubAccountView[]>('subaccounts.list', {});
  const staff = await ok<PersonView[]>('staff.list');
  const cases = await ok<DepositCaseView[]>('deposit.list');
  const drafts = await ok<DraftView[]>('recovery.list');
  const templates = await ok<unknown[]>('templates.list', {});
  // Rows only: the list also carries the current time, which moves between two reads.
  const verification = (await ok<{ rows: unknown[] }>('verification.list')).rows;
  const agents = await ok<unknown>('agents.list');
  const rules = await ok<unknown>('rules.get');
  const reveal = (collection: string, recordId: string, field: string) =>
    ok<{ value: string }>('secrets.reveal', { ref: { collection, recordId, field } }).then((r) => r.value);
  const secrets: string[] = [];
  for (const s of shops) secrets.push(await reveal(`shop-${s.id}`, s.id, 'mainPassword'));
  for (const s of subs) secrets.push(await reveal(`shop-${s.shopId}`, s.id, 'password'));
  for (const p of staff) secrets.push(await reveal('staff', p.id, 'phone'));
  for (const c of cases) {
    secrets.push((await ok<{ value: string }>('deposit.revealAccount', { id: c.id })).value);
    for (const i of c.items)
      for (const a of i.attachments ?? [])
        secrets.push(
          Buffer.from(
            (
              await ok<{ contentBase64: string }>('deposit.openAttachment', {
                id: c.id,
                itemId: i.id,
                attachmentId: a.id,
              })
            ).contentBase64,
            'base64',
          ).toString(),
        );
  }
  return { shops, subs, staff, cases, drafts, templates, verification, agents, rules, secrets };
}

/** A core the test shut down itself: not shut down again after the test. */
export function forget(tc: TestCore): void {
  cores.splice(cores.indexOf(tc), 1);
}

/**
 * `everything` with each list in a fixed order: records made in the same millisecond (the tests' clock
 * stands still) list in the order their files are read, which a restore may change.
 */
export function canonical(v: Awaited<ReturnType<typeof everything>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    out[k] = Array.isArray(x) ? [...x].map((e) => JSON.stringify(e)).sort() : x;
  return out;
}
