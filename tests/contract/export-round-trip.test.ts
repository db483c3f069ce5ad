// Our own export, imported into a new, empty vault, gives the same vault back: every field a user can see
// of the shops, sub-accounts (state, template, person, permissions, dates, passwords), the staff register
// and the custom templates, for KeePass .kdbx and for Bitwarden .json.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  PersonView,
  ShopView,
  SubAccountView,
  TemplateView,
} from '../../shared/contract/inventory-types.ts';
import type { ImportPreview } from '../../shared/contract/transfer-types.ts';
import { callers } from '../support/contract-calls.ts';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const tc of cores.splice(0)) {
    await tc.core.shutdown();
    fs.rmSync(tc.dataDir, { recursive: true, force: true });
  }
});

async function empty() {
  const tc = makeTestCore();
  cores.push(tc);
  const c = callers(() => tc.core);
  await c.ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  return { tc, ...c };
}

async function vault() {
  const { tc, ...c } = await empty();
  const person = await c.ok<PersonView>('staff.create', {
    name: '王小二',
    phone: '13912345678',
    position: '客服',
    notes: '',
    idNumber: '',
  });
  const template = await c.ok<TemplateView>('templates.create', {
    platform: 'taobao',
    name: '夜班售后',
    permissions: [],
    nativeRole: null,
    basedOn: null,
  });
  return { tc, ...c, person, template };
}

/** Everything the lists show, ids of records replaced by what the user sees of them. */
async function visible(ok: ReturnType<typeof callers>['ok']) {
  const shops = (await ok<ShopView[]>('shops.list', { includeArchived: true }))
    .map(({ id: _id, updatedAt: _u, subAccountCount, ...s }) => ({ ...s, subAccountCount }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const subs = (await ok<SubAccountView[]>('subaccounts.list', {}))
    .map(({ id: _id, shopId: _s, staffId: _p, templateId: _t, updatedAt: _u, ...s }) => s)
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
  const secrets: string[] = [];
  for (const s of await ok<SubAccountView[]>('subaccounts.list', {}))
    secrets.push(
      (
        await ok<{ value: string }>('secrets.reveal', {
          ref: { collection: `shop-${s.shopId}`, recordId: s.id, field: 'password' },
        })
      ).value,
    );
  const people = (await ok<PersonView[]>('staff.list', {}))
    .map(({ id: _id, bindings, ...p }) => ({ ...p, bindings: bindings.map((x) => x.fullName) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const phones: string[] = [];
  for (const p of await ok<PersonView[]>('staff.list', {}))
    phones.push(
      (
        await ok<{ value: string }>('secrets.reveal', {
          ref: { collection: 'staff', recordId: p.id, field: 'phone' },
        })
      ).value,
    );
  const templates = (await ok<TemplateView[]>('templates.list', {}))
    .filter((t) => !t.builtin)
    .map(({ id: _id, ...t }) => t);
  return { shops, subs, secrets: secrets.sort(), people, phones: phones.sort(), templates };
}

describe.each([
  ['KeePass .kdbx', 'transfer.exportKdbx', 'export.kdbx'],
  ['Bitwarden .json', 'transfer.exportBitwarden', 'export.json'],
] as const)('our own %s, exported and imported into another vault', (_name, method, fileName) => {
  it('gives back every shop and sub-account as the user sees them', async () => {
    const a = await vault();
    const shop = await a.ok<ShopView>(
      'shops.create',
      taobaoShop('往返旗舰店', {
        notes: '店铺备注：周末不发货',
        platformShopId: '123456',
        depositAmount: 5000,
        phone: '13800138000',
      }),
    );
    const night = await a.ok<SubAccountView>('subaccounts.create', {
      ...generatedSub(shop.id, '夜班'),
      templateId: a.template.id,
      staffId: a.person.id,
    });
    const off = await a.ok<SubAccountView>('subaccounts.create', generatedSub(shop.id, '停用的'));
    await a.ok('subaccounts.setStatus', { ids: [off.id], status: 'disabled' });
    // The night account's holder verified on the platform already.
    await a.ok('verification.act', { id: night.id, action: { type: 'confirmVerified' } });
    await a.ok('shops.create', taobaoShop('已归档的店'));
    const archived = (await a.ok<ShopView[]>('shops.list', { includeArchived: false })).find(
      (s) => s.name === '已归档的店',
    )!;
    await a.ok('shops.setArchived', { id: archived.id, archived: true });
    expect(night.templateName).toBe('夜班售后');
    const verified = (await a.ok<SubAccountView[]>('subaccounts.list', {})).find((x) => x.id === night.id);
    expect(verified?.verification).toBe('verified');
    const before = await visible(a.ok);

    const file = await a.ok<{ contentBase64: string }>(
      method,
      method === 'transfer.exportKdbx'
        ? { masterPassword: GOOD_PASSWORD, filePassword: null }
        : { masterPassword: GOOD_PASSWORD, plaintextUnderstood: true },
    );
    // A day later, on another computer, into a vault with nothing in it.
    const b = await empty();
    b.tc.clock.advance(24 * 3600_000);
    await b.ok('vault.unlock', { password: GOOD_PASSWORD });
    const read = await b.ok<ImportPreview | { needsPassword: true }>('transfer.readImport', {
      fileName,
      contentBase64: file.contentBase64,
      ...(method === 'transfer.exportKdbx' ? { password: GOOD_PASSWORD } : {}),
    });
    const preview = read as ImportPreview;
    expect(preview.counts).toMatchObject({ errors: 0, newPeople: 1, newTemplates: 1 });
    await b.ok('transfer.commitImport', { token: preview.token, skipInvalid: false });
    expect(await visible(b.ok)).toEqual(before);
  });
});
