// One suite, two transports: every contract method behaves the same called directly and over HTTP, and
// every malformed payload is refused with VALIDATION_FAILED and changes nothing on disk.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract/methods.ts';
import { GOOD_PASSWORD, shopWithSecret } from '../support/test-core.ts';
import { type ContractClient, directClient, httpClient } from './clients.ts';

function snapshot(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** A valid payload for each method, so each malformation below differs from a good call in one way. */
const valid: Record<string, Record<string, unknown>> = {
  'app.getInfo': {},
  'vault.getStatus': {},
  'vault.setup': { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false },
  'vault.unlock': { password: GOOD_PASSWORD },
  'vault.unlockWithDevice': {},
  'vault.lock': {},
  'vault.changePassword': { current: GOOD_PASSWORD, next: `${GOOD_PASSWORD}2`, confirm: `${GOOD_PASSWORD}2` },
  'session.reportActivity': {},
  'settings.get': {},
  'settings.update': { autoLockMinutes: 7 },
  'settings.setLanguage': { language: 'en-US' },
  'audit.list': { offset: 0, limit: 10 },
  'audit.verify': {},
  'storage.getRecoveryReport': {},
  'secrets.reveal': { ref: { collection: 'shops', recordId: 's1', field: 'password' } },
  'secrets.copy': { ref: { collection: 'shops', recordId: 's1', field: 'password' } },
  'secrets.copyAccountName': { subAccountId: 'sub1' },
  'shops.list': { includeArchived: false },
  'shops.create': {
    platform: 'taobao',
    name: '旗舰店',
    platformShopId: '12345678',
    entityType: 'enterprise',
    mainLogin: 'flagship',
    phone: '13800138000',
    email: 'shop@example.com',
    depositAmount: 1000,
    notes: '',
    crossBorder: false,
    mainPassword: 'Main-Pass-123',
  },
  'shops.update': { id: 'shop1', name: '新名字' },
  'shops.setArchived': { id: 'shop1', archived: true },
  'shops.openSellerCenter': { id: 'shop1' },
  'templates.list': { platform: 'taobao' },
  'templates.create': {
    platform: 'taobao',
    name: '夜班客服',
    permissions: ['cs.chat'],
    nativeRole: null,
    basedOn: null,
  },
  'templates.update': { id: 't1', name: 'x', confirmHighRisk: false },
  'templates.delete': { id: 't1', reassignTo: null },
  'subaccounts.list': { shopId: 'shop1' },
  'subaccounts.create': {
    shopId: 'shop1',
    nickname: '小王',
    password: 'Sub-Pass-123',
    confirm: 'Sub-Pass-123',
    generate: false,
    templateId: 'builtin-taobao-presales',
    permissions: [],
    nativeRole: null,
    staffId: null,
    phone: '',
    confirmHighRisk: false,
  },
  'subaccounts.configure': {
    id: 'sub1',
    templateId: null,
    permissions: ['trade.view'],
    nativeRole: null,
    confirmHighRisk: false,
  },
  'subaccounts.changePassword': {
    id: 'sub1',
    password: 'Sub-Pass-456',
    confirm: 'Sub-Pass-456',
    generate: false,
  },
  'subaccounts.rename': { id: 'sub1', nickname: '小李' },
  'subaccounts.setStatus': { ids: ['sub1'], status: 'disabled' },
  'subaccounts.delete': { ids: ['sub1'] },
  'subaccounts.bulkSetTemplate': {
    ids: ['sub1'],
    templateId: 'builtin-taobao-presales',
    confirmHighRisk: false,
  },
  'subaccounts.bindStaff': { id: 'sub1', staffId: 'p1' },
  'subaccounts.firstPage': { limit: 100 },
  'subaccounts.markSynced': { id: 'sub1' },
  'subaccounts.bulkMarkSynced': { ids: ['sub1'] },
  'subaccounts.getChecklist': { id: 'sub1' },
  'subaccounts.export': { format: 'xlsx', includeSecrets: false },
  'transfer.exportKdbx': { masterPassword: GOOD_PASSWORD, filePassword: null },
  'transfer.exportBitwarden': { masterPassword: GOOD_PASSWORD, plaintextUnderstood: true },
  'transfer.readImport': { fileName: 'a.csv', contentBase64: 'YQ==' },
  'transfer.previewImport': { token: 'tok1', mapping: { shopName: 0, password: 1 } },
  'transfer.commitImport': { token: 'tok1', skipInvalid: false },
  'transfer.discardImport': { token: 'tok1' },
  'transfer.importTemplate': {},
  'team.status': {},
  'team.testConnection': { connection: { kind: 'folder', dir: '/tmp/sw-team-x' } },
  'team.create': { connection: { kind: 'folder', dir: '/tmp/sw-team-x' }, ownerName: '老板' },
  'team.join': {
    connection: { kind: 'folder', dir: '/tmp/sw-team-x' },
    code: 'ABCD-EFGH-JKMN',
    name: '小李',
  },
  'team.joinByInvite': { text: 'SWI1~x~', oneTimeCode: '1234 5678 9012 3456', name: '小李', login: null },
  'team.members': {},
  'team.invite': { minutes: 30, includeLogin: true },
  'team.approve': {
    inviteId: '0123456789abcdef',
    memberId: '0123456789abcdef0123456789abcdef',
    grant: { role: 'lead', shops: [] },
  },
  'team.setGrant': { memberId: '0123456789abcdef0123456789abcdef', grant: { role: 'admin', shops: [] } },
  'team.remove': { memberId: '0123456789abcdef0123456789abcdef' },
  'team.conflicts': {},
  'team.resolveConflict': { cid: '0123456789abcdef', choice: 'keep' },
  'team.syncNow': {},
  'team.setPollSeconds': { seconds: 60 },
  'staff.list': {},
  'staff.create': { name: '王小明', phone: '13800138000', position: '客服', notes: '', idNumber: '' },
  'staff.update': { id: 'p1', name: '王小明' },
  'staff.setStatus': { id: 'p1', status: 'left' },
  'staff.previewImport': { fileName: 'staff.csv', contentBase64: 'YQ==' },
  'staff.commitImport': { token: 'tok', skipInvalid: false },
  'staff.export': { format: 'csv' },
  'verification.list': {},
  'verification.act': { id: 'sub1', action: { type: 'reject', reason: '照片模糊' } },
  'rules.get': {},
  'rules.update': {
    verification: {
      jd: { required: true, verifyWithinDays: 7, graceDays: 2, reviewHours: 48, qrMinutes: 30 },
    },
    purgeAfterDays: 30,
  },
  'cards.get': { ids: ['sub1'] },
  'print.savePdf': {},
  'agents.list': {},
  'agents.previewNames': { shopId: 'shop1', pattern: '双11客服{01}', count: 3 },
  'agents.createBatch': {
    shopId: 'shop1',
    count: 3,
    pattern: '双11客服{01}',
    templateId: null,
    window: { start: '2026-11-01', end: '2026-12-21' },
    confirmHighRisk: false,
  },
  'agents.retire': { ids: ['sub1'], mode: 'disable' },
  'agents.guides': {},
  'agents.confirmGone': { ids: ['sub1'] },
  'agents.exportRoster': { includeSecrets: false },
  'registration.interfaces': {},
  'registration.open': { subAccountIds: ['sub1'], address: '127.0.0.1', minutes: 30 },
  'registration.status': {},
  'registration.resolveConflict': { subAccountId: 'sub1', action: 'dismiss' },
  'registration.close': {},
  'reminders.list': {},
  'reminders.snooze': { key: 'frozen:sub1:1700000000000', hours: 2 },
  'reminders.dismiss': { key: 'frozen:sub1:1700000000000' },
  'deposit.list': {},
  'deposit.get': { id: 'case1' },
  'deposit.create': { shopId: 'shop1', amount: 2000 },
  'deposit.updateItem': { id: 'case1', itemId: 'item1', done: true },
  'deposit.addItem': { id: 'case1', section: 'materials', text: '注销申请书' },
  'deposit.removeItem': { id: 'case1', itemId: 'item1' },
  'deposit.setAccount': {
    id: 'case1',
    kind: 'corporate',
    holder: '某公司',
    bank: '招商银行',
    number: '755912345678901',
  },
  'deposit.revealAccount': { id: 'case1' },
  'deposit.act': { id: 'case1', action: { type: 'submit', date: '2026-02-12' } },
  'deposit.addAttachment': { id: 'case1', itemId: 'item1', fileName: 'a.png', contentBase64: 'YQ==' },
  'deposit.removeAttachment': { id: 'case1', itemId: 'item1', attachmentId: 'att1' },
  'deposit.openAttachment': { id: 'case1', itemId: 'item1', attachmentId: 'att1' },
  'recovery.list': {},
  'recovery.get': { id: 'd1' },
  'recovery.create': { kind: 'jd-password', shopId: null },
  'recovery.update': { id: 'd1', fields: { customerName: '王经理' } },
  'recovery.setState': { id: 'd1', state: 'sent', date: '2026-11-23' },
  'recovery.delete': { id: 'd1' },
  'recovery.addAttachment': { id: 'd1', fileName: 'a.pdf', contentBase64: 'YQ==' },
  'recovery.removeAttachment': { id: 'd1', attachmentId: 'a1' },
  'recovery.exportEml': { id: 'd1' },
  'recovery.copy': { id: 'd1', format: 'rich' },
  'recovery.lockouts': {},
  'recovery.startLockout': { problemId: 'jd-wrong-password' },
  'recovery.cancelLockout': { id: 'l1' },
  'backup.status': {},
  'backup.configure': {
    folder: '/tmp/sw-backups',
    masterPassword: GOOD_PASSWORD,
    password: { password: 'backup-password-1', confirm: 'backup-password-1' },
  },
  'backup.run': {},
  'backup.inspect': { file: '/tmp/sw-backups/x.swbackup', password: GOOD_PASSWORD },
  'backup.restore': { file: '/tmp/sw-backups/x.swbackup', password: GOOD_PASSWORD, confirm: true },
  'backup.pickFolder': {},
  'kit.status': {},
  'kit.create': { masterPassword: GOOD_PASSWORD },
  'vault.unlockWithRecoveryKey': {
    recoveryKey: 'ABCD-EFGH',
    next: `${GOOD_PASSWORD}3`,
    confirm: `${GOOD_PASSWORD}3`,
  },
};

function malformations(method: string): Array<[string, unknown]> {
  const good = valid[method]!;
  const out: Array<[string, unknown]> = [
    ['not an object', 'hello'],
    ['an array', [good]],
    ['null', null],
    ['an extra field', { ...good, extra: 1 }],
    [
      'a __proto__ key',
      JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(good).slice(1)}`.replace(',}', '}')),
    ],
    ['a constructor key', { ...good, constructor: { prototype: { polluted: true } } }],
  ];
  const shape = (
    contract[method as keyof typeof contract].request as unknown as {
      shape: Record<string, { safeParse(v: unknown): { success: boolean } }>;
    }
  ).shape;
  for (const [key, value] of Object.entries(good)) {
    const { [key]: _dropped, ...missing } = good;
    if (!shape[key]?.safeParse(undefined).success) out.push([`missing ${key}`, missing]);
    out.push([
      `wrong type for ${key}`,
      { ...good, [key]: typeof value === 'string' || value === null ? 12345 : 'wrong' },
    ]);
    // Longer than the field's limit: the import file field allows a few MiB, every other string far less.
    const huge = key === 'contentBase64' ? 9_000_000 : 200_000;
    if (typeof value === 'string') out.push([`a huge ${key}`, { ...good, [key]: 'x'.repeat(huge) }]);
    if (typeof value === 'object' && value !== null) {
      out.push([
        `a huge nested ${key}`,
        { ...good, [key]: Object.fromEntries(Object.keys(value).map((k) => [k, 'y'.repeat(10_000)])) },
      ]);
      out.push([`a path in ${key}`, { ...good, [key]: { ...(value as object), collection: '../vault' } }]);
    }
  }
  // Nested objects get the same treatment at every depth, so a nested schema that lost `strict` (or its
  // types) is caught, not only the top level.
  const setAt = (obj: unknown, p: string[], v: unknown): unknown => {
    if (p.length === 0) return v;
    const [head, ...rest] = p as [string, ...string[]];
    if (Array.isArray(obj)) return obj.map((x, i) => (String(i) === head ? setAt(x, rest, v) : x));
    return { ...(obj as object), [head]: setAt((obj as Record<string, unknown>)[head], rest, v) };
  };
  const walk = (value: unknown, p: string[]) => {
    if (typeof value !== 'object' || value === null) return;
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    if (p.length > 0 && !Array.isArray(value)) {
      out.push([`an extra field in ${p.join('.')}`, setAt(good, p, { ...value, extra: 1 })]);
    }
    for (const [k, v] of entries) {
      const here = [...p, k];
      if (p.length > 0)
        out.push([
          `wrong type at ${here.join('.')}`,
          setAt(good, here, typeof v === 'string' || v === null ? { nested: 'object' } : 'wrong'),
        ]);
      walk(v, here);
    }
  };
  walk(good, []);
  return out;
}

for (const [transport, make] of [
  ['direct', directClient],
  ['http', httpClient],
] as const) {
  describe(`contract over ${transport}`, () => {
    let c: ContractClient;
    beforeEach(async () => {
      c = await make();
    });
    afterEach(async () => {
      await c.close();
      fs.rmSync(c.tc.dataDir, { recursive: true, force: true });
    });

    it('covers every method with a payload fixture', () => {
      expect(Object.keys(valid).sort()).toEqual([...methodNames].sort());
    });

    it('an unknown method is refused', async () => {
      expect(await c.call('vault.exportEverything', {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_METHOD' },
      });
      expect(await c.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    });

    it('the vault life cycle answers the same on every transport', async () => {
      expect(await c.call('vault.getStatus', {})).toMatchObject({
        ok: true,
        value: { state: 'uninitialized' },
      });
      expect(await c.call('settings.update', { autoLockMinutes: 3 })).toMatchObject({
        ok: false,
        error: { code: 'VAULT_LOCKED' },
      });
      expect(await c.call('vault.setup', valid['vault.setup'])).toMatchObject({
        ok: true,
        value: { state: 'unlocked' },
      });
      const { ref } = await shopWithSecret(c.tc.core, '主账号密码');
      expect(await c.call('secrets.reveal', { ref })).toEqual({
        ok: true,
        value: { value: '主账号密码', hideAfterMs: 30_000 },
      });
      expect(await c.call('secrets.reveal', { ref: { ...ref, recordId: 's2' } })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await c.call('settings.update', { autoLockMinutes: 7 })).toMatchObject({
        ok: true,
        value: { autoLockMinutes: 7 },
      });
      expect(await c.call('settings.setLanguage', { language: 'en-US' })).toMatchObject({
        ok: true,
        value: { language: 'en-US' },
      });
      expect(await c.call('vault.lock', {})).toMatchObject({
        ok: true,
        value: { state: 'locked', lockReason: 'manual' },
      });
      expect(await c.call('secrets.reveal', { ref })).toMatchObject({
        ok: false,
        error: { code: 'VAULT_LOCKED' },
      });
      expect(await c.call('vault.unlock', { password: 'wrong password' })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PASSWORD', fields: { password: 'wrong_password' } },
      });
      expect(await c.call('vault.unlock', valid['vault.unlock'])).toMatchObject({
        ok: true,
        value: { state: 'unlocked' },
      });
      expect(await c.call('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
    });

    for (const method of methodNames) {
      it(`${method}: every malformed payload is refused and changes nothing`, async () => {
        await c.call('vault.setup', valid['vault.setup']);
        await shopWithSecret(c.tc.core, 'pw-123456');
        const before = snapshot(c.tc.dataDir);
        for (const [label, payload] of malformations(method)) {
          const r = await c.call(method, payload);
          expect(r.ok, `${method} with ${label}`).toBe(false);
          if (!r.ok) expect(r.error.code, `${method} with ${label}`).toBe('VALIDATION_FAILED');
        }
        expect(snapshot(c.tc.dataDir)).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      });
    }

    it('field errors name the field', async () => {
      const r = await c.call('vault.setup', { password: 1, rememberOnDevice: false, extra: true });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          fields: { password: 'invalid_type', confirm: 'required', extra: 'unknown_field' },
        },
      });
    });
  });
}

describe('contract declaration', () => {
  it('every method is area.verbNoun and declares whether it works while locked', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-z]+[A-Za-z]*$/);
      expect(typeof spec.whileLocked).toBe('boolean');
    }
  });
});
