// Staff self-registration over loopback: a real HTTP server per session, the phone's requests made with fetch.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract/events.ts';
import type { PersonView, ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type { RegistrationSession, VerificationList } from '../../shared/contract/work-types.ts';
import { callers } from '../support/contract-calls.ts';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

let tc: TestCore;
let events: Array<{ name: EventName; payload: unknown }>;
const { ok } = callers(() => tc.core);

let subs: SubAccountView[];
beforeEach(async () => {
  tc = makeTestCore();
  events = [];
  tc.core.bus.subscribe((name, payload) => events.push({ name, payload }));
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  await ok('settings.update', { autoLockMinutes: 240 });
  const shop = await ok<ShopView>('shops.create', taobaoShop());
  subs = [];
  for (const nickname of ['小王', '小李', '小张'])
    subs.push(await ok<SubAccountView>('subaccounts.create', generatedSub(shop.id, nickname)));
});
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
});

const open = (ids = subs.map((s) => s.id)) =>
  ok<RegistrationSession>('registration.open', { subAccountIds: ids, address: '127.0.0.1' });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (url: string, body: string, type = 'application/x-www-form-urlencoded') =>
  fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
const good = { name: '王小明', mobile: '138 0013 8000', position: '售前客服', consent: 'yes' };

describe('registration session over loopback', () => {
  it('serves a script-free Chinese page, binds the person, moves to "QR handed out", and reports progress', async () => {
    const session = await open();
    expect(session.total).toBe(3);
    const entry = session.entries[0]!;
    // 43 base64url characters: 256 random bits.
    expect(entry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43}$/);
    const page = await fetch(entry.url);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).toContain('旗舰店:小王');
    expect(html).toContain('手机淘宝');
    expect(html).not.toMatch(/<script|https?:\/\//i);

    const res = await post(entry.url, form(good));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('登记成功');
    const people = await ok<PersonView[]>('staff.list');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: '王小明', position: '售前客服', phoneMasked: '138****8000' });
    expect(people[0]!.bindings.map((b) => b.fullName)).toEqual(['旗舰店:小王']);
    const v = await ok<VerificationList>('verification.list');
    expect(v.rows.find((r) => r.subAccountId === entry.subAccountId)!.verification.state).toBe(
      'qr-handed-out',
    );
    expect(events.filter((e) => e.name === 'registration.progressed').map((e) => e.payload)).toEqual([
      { sessionId: session.id, subAccountId: entry.subAccountId, registered: 1, total: 3 },
    ]);
    expect((await ok<RegistrationSession>('registration.status')).registered).toBe(1);
  });

  it('refuses a used token, an expired session, a token from another session and malformed requests, changing nothing', async () => {
    const first = await open();
    const [a, b] = first.entries;
    await post(a!.url, form(good));
    const reused = await post(a!.url, form({ ...good, name: '冒名者', mobile: '13900139000' }));
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain('二维码已使用');

    const noConsent = await post(b!.url, form({ ...good, consent: '', mobile: '13900139000' }));
    expect(noConsent.status).toBe(400);
    expect(await noConsent.text()).toContain('请阅读并勾选同意');
    const badMobile = await post(b!.url, form({ ...good, mobile: '12345' }));
    expect(await badMobile.text()).toContain('请输入有效的中国大陆手机号');
    const extraField = await post(b!.url, form({ ...good, mobile: '13900139000', staffId: 'x' }));
    expect(extraField.status).toBe(400);
    const json = await post(b!.url, JSON.stringify(good), 'application/json');
    expect(json.status).toBe(400);
    const huge = await post(b!.url, form({ ...good, name: 'x'.repeat(10_000) }));
    expect(huge.status).toBe(413);
    const unknown = await fetch(`${new URL(a!.url).origin}/r/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect((await fetch(`${new URL(a!.url).origin}/api/secrets.reveal`)).status).toBe(404);

    // A new session: the old cards' tokens now belong to "another session".
    const second = await open([subs[1]!.id]);
    const old = await fetch(b!.url.replace(/:\d+\//, `:${second.port}/`));
    expect(old.status).toBe(410);
    expect(await old.text()).toContain('另一次登记');

    tc.clock.advance(30 * 60_000 - 1);
    const late = await fetch(second.entries[0]!.url);
    expect(late.status).toBe(200);
    tc.clock.advance(1);
    // At expiry the session closes itself and the server is gone.
    await expect(fetch(second.entries[0]!.url)).rejects.toThrow();
    expect(await ok('registration.status')).toBeNull();
    expect(
      events
        .filter((e) => e.name === 'registration.closed')
        .map((e) => (e.payload as { reason: string }).reason),
    ).toEqual(['replaced', 'expired']);
    // Nothing but the one good registration was written.
    expect((await ok<PersonView[]>('staff.list')).map((p) => p.name)).toEqual(['王小明']);
  });

  it('reports expiry on the page when a request arrives after the deadline but before the timer', async () => {
    const s = await open();
    // Move the clock without running timers: the request itself must see the session as over.
    (tc.clock as unknown as { current: number }).current += 31 * 60_000;
    const res = await fetch(s.entries[0]!.url);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('登记已过期');
  });

  it('keeps one person to one account per shop', async () => {
    const s = await open();
    await post(s.entries[0]!.url, form(good));
    const again = await post(s.entries[1]!.url, form({ ...good, name: '王小明' }));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('一人一号');
    expect((await ok<PersonView[]>('staff.list'))[0]!.bindings).toHaveLength(1);
  });

  it("never binds an existing colleague from a phone: a colleague's mobile is a conflict the desktop resolves (defect 8)", async () => {
    const colleague = await ok<PersonView>('staff.create', {
      name: '李老员工',
      phone: '13900139000',
      position: '售后客服',
      notes: '',
      idNumber: '',
    });
    const s = await open();
    const [a, b] = s.entries;
    const res = await post(a!.url, form({ ...good, name: '陌生人', mobile: '139 0013 9000' }));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('为防止绑定错人，本次登记没有生效');
    // Nothing bound, no new person, and the desktop sees the two names side by side.
    expect((await ok<PersonView[]>('staff.list')).map((p) => [p.name, p.bindings.length])).toEqual([
      ['李老员工', 0],
    ]);
    const status = await ok<RegistrationSession>('registration.status');
    expect(status.registered).toBe(0);
    expect(status.entries[0]!.conflict).toEqual({ typedName: '陌生人', existingName: '李老员工' });
    expect(JSON.stringify(status)).not.toContain(colleague.id);
    // The desktop dismisses one and binds the other after checking with the colleague.
    await ok('registration.resolveConflict', { subAccountId: a!.subAccountId, action: 'dismiss' });
    expect((await ok<RegistrationSession>('registration.status')).entries[0]!.conflict).toBeNull();
    expect((await ok<PersonView[]>('staff.list'))[0]!.bindings).toHaveLength(0);
    await post(b!.url, form({ ...good, name: '李老员工', mobile: '13900139000' }));
    const bound = await ok<RegistrationSession>('registration.resolveConflict', {
      subAccountId: b!.subAccountId,
      action: 'bind-existing',
    });
    expect(bound.registered).toBe(1);
    expect((await ok<PersonView[]>('staff.list'))[0]!.bindings.map((x) => x.fullName)).toEqual([
      '旗舰店:小李',
    ]);
    const none = await tc.core.dispatch('registration.resolveConflict', {
      subAccountId: a!.subAccountId,
      action: 'dismiss',
    });
    expect(!none.ok && none.error.code).toBe('NOT_FOUND');
  });

  it('the phone page escapes the shop name and what was typed (no markup from data reaches the page)', async () => {
    const shop = await ok<ShopView>('shops.create', taobaoShop('<b>坏</b>店"&'));
    const sub = await ok<SubAccountView>('subaccounts.create', generatedSub(shop.id, '小赵'));
    const s = await open([sub.id]);
    const html = await (await fetch(s.entries[0]!.url)).text();
    expect(html).not.toContain('<b>坏</b>');
    expect(html).toContain('&#60;b&#62;坏&#60;/b&#62;店&#34;&#38;');
    const res = await post(s.entries[0]!.url, form({ ...good, name: '<i>x</i>', mobile: '12' }));
    const answer = await res.text();
    // The typed name comes back in the form (so nothing typed is lost), as text.
    expect(answer).toContain('value="&#60;i&#62;x&#60;/i&#62;"');
    expect(answer).not.toContain('<i>x</i>');
  });

  it('rate-limits each address', async () => {
    const s = await open();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await fetch(s.entries[0]!.url)).status);
    expect(statuses.slice(0, 30).every((st) => st === 200)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    tc.clock.advance(60_000);
    expect((await fetch(s.entries[0]!.url)).status).toBe(200);
  });

  it('closes when asked and when the vault locks; refuses an address this machine does not have', async () => {
    const s = await open();
    expect(await ok('registration.close')).toEqual({ closed: true });
    await expect(fetch(s.entries[0]!.url)).rejects.toThrow();
    const s2 = await open();
    await ok('vault.lock');
    await expect(fetch(s2.entries[0]!.url)).rejects.toThrow();
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    const r = await tc.core.dispatch('registration.open', {
      subAccountIds: [subs[0]!.id],
      address: '203.0.113.9',
    });
    expect(!r.ok && r.error.code).toBe('REGISTRATION_ADDRESS_UNAVAILABLE');
  });
});
