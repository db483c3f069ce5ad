// 团队与同步 in the built UI, with a real Apache mod_dav started by the test: the owner connects and makes
// an invite, a CS lead on another machine joins, both read the same safety code, the owner approves with
// one shop; the lead then sees that shop's sub-accounts and no main-account field, no deposit screen. Then a
// conflict between two members is resolved from the list, and a deposit checklist item's conflict reads as the
// item.
import { getRandomValues } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { subKey } from '../../electron/core/team/record-mapping.ts';
import type { DepositCaseView } from '../../shared/contract/deposit-types.ts';
import type { ConflictView, InviteView, TeamMembersView } from '../../shared/contract/team-types.ts';
import { engineOf } from '../support/hostile-engine.ts';
import { type DavServer, startApache } from '../sync/support/webdav-servers.ts';
import { expect, test } from './fixtures.ts';
import { chooseOption, openUnlocked, seedShopViaCore } from './pages/inventory-pages.ts';
import { secondMember, TeamPage } from './pages/team-pages.ts';
import { ShellPage } from './pages/vault-pages.ts';
import { expectNoSideScroll, WIDTHS } from './pages/work-pages.ts';

// Two members' apps and a real server in one test: more than the default minute.
test.describe.configure({ timeout: 120_000 });

let server: DavServer;
test.beforeAll(async () => {
  server = await startApache();
});
test.afterAll(async () => {
  await server?.stop();
});

/** Each test its own team folder on the one server. */
const place = () => {
  const folder = Buffer.from(getRandomValues(new Uint8Array(6))).toString('hex');
  return { url: `${server.url}-${folder}`, username: server.username, password: server.password };
};

test('connect, invite, approve with the safety code; the lead sees its shop without the main account', async ({
  app,
  page,
  browser,
}) => {
  const owner = await openUnlocked(app, page);
  await seedShopViaCore(owner, '美妆旗舰店', ['小美', '小丽']);
  await seedShopViaCore(owner, '家居专营店', ['小家']);
  const where = place();
  const team = new TeamPage(page);
  await team.open();
  await team.create(where, '老板');
  // The header says it, on every screen.
  await new ShellPage(page).go(/店铺/);
  await team.expectPhase('已同步');
  await team.open();
  const invite = await team.makeInvite();

  const lead = await secondMember(browser);
  try {
    const leadTeam = new TeamPage(lead.page);
    await leadTeam.open();
    const leadCode = await leadTeam.join(invite, '客服主管小李');
    await team.syncNow();
    const request = page.getByRole('group', { name: '客服主管小李' });
    await expect(request.getByTestId('owner-safety-code')).toHaveText(leadCode);
    await chooseOption(page, request.getByLabel('可管理的店铺'), '美妆旗舰店');
    await request.getByRole('button', { name: '安全码一致，批准' }).click();
    await expect(page.getByText('已批准 客服主管小李 加入')).toBeVisible();
    await expect(
      page.getByRole('region', { name: '成员' }).getByRole('row', { name: /客服主管小李/ }),
    ).toContainText('美妆旗舰店');

    await leadTeam.syncNow();
    await expect(lead.page.getByRole('region', { name: '同步状态' })).toContainText('客服主管');
    const shell = new ShellPage(lead.page);
    await expect(shell.nav().getByRole('menuitem', { name: /保证金退还/ })).toHaveCount(0);
    await expect(shell.nav().getByRole('menuitem', { name: /找回申请/ })).toHaveCount(0);
    await shell.go(/店铺/);
    const row = lead.page.getByRole('row', { name: /美妆旗舰店/ });
    await expect(row).toBeVisible();
    await expect(row.getByText('无权查看')).toHaveCount(4);
    await expect(lead.page.getByRole('row', { name: /家居专营店/ })).toHaveCount(0);
    await expect(lead.page.getByRole('button', { name: /新建店铺/ })).toHaveCount(0);
    await shell.go(/子账号/);
    await expect(lead.page.getByText('美妆旗舰店:小美')).toBeVisible();
    await expect(lead.page.getByText('美妆旗舰店:小丽')).toBeVisible();
    await expect(lead.page.getByText('家居专营店:小家')).toHaveCount(0);
    // The screen holds together at every supported width.
    await leadTeam.open();
    for (const width of WIDTHS) {
      await lead.page.setViewportSize({ width, height: 820 });
      await expectNoSideScroll(lead.page);
    }
  } finally {
    await lead.close();
  }
});

type Core = Awaited<ReturnType<typeof openUnlocked>>['core'];

/** One contract call on a member's core; a refusal fails the test with its error. */
async function call<T>(core: Core, method: string, payload: unknown = {}): Promise<T> {
  const r = await core.dispatch(method, payload);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The owner makes a team on the server; a second member joins and is approved as admin. */
async function teamWithAdmin(owner: Core, browser: Browser, where: ReturnType<typeof place>) {
  const connection = { kind: 'webdav', ...where };
  await call(owner, 'team.create', { connection, ownerName: '老板' });
  const admin = await secondMember(browser);
  const inv = await call<InviteView>(owner, 'team.invite', { minutes: 30, includeLogin: true });
  await call(admin.core, 'team.join', { connection, code: inv.code, name: '管理员小王' });
  await call(owner, 'team.syncNow');
  const join = (await call<TeamMembersView>(owner, 'team.members')).joins[0];
  await call(owner, 'team.approve', {
    inviteId: join?.inviteId,
    memberId: join?.memberId,
    grant: { role: 'admin', shops: [] },
  });
  await call(admin.core, 'team.syncNow');
  return admin;
}

test('a sub-account another member sent against the platform rules is not listed, and the owner reads why', async ({
  app,
  page,
  browser,
}) => {
  const owner = await openUnlocked(app, page);
  const shopId = await seedShopViaCore(owner, '美妆旗舰店', ['小美']);
  const admin = await teamWithAdmin(owner.core, browser, place());
  try {
    const [first] = await call<Array<{ id: string }>>(owner.core, 'subaccounts.list', { shopId });
    // The admin's app, modified, writes a Taobao sub-account named only with digits straight into the sync.
    const engine = engineOf(admin.core);
    const fields = engine.get(subKey(shopId, first?.id ?? ''))?.fields ?? {};
    const values = Object.fromEntries(Object.entries(fields).map(([k, c]) => [k, c.v]));
    engine.put(subKey(shopId, 'sub-digits'), { ...values, nickname: '12345', fullName: '美妆旗舰店:12345' });
    await call(admin.core, 'team.syncNow');

    const team = new TeamPage(page);
    await team.open();
    await team.syncNow();
    await expect(page.getByRole('region', { name: '同步状态' })).toContainText(
      '管理员小王 同步来的更改不符合平台规则，未写入本机：子账号「美妆旗舰店 · 12345」：子账号名：不能全是数字。',
    );
    await new ShellPage(page).go(/子账号/);
    await expect(page.getByText('美妆旗舰店:小美')).toBeVisible();
    await expect(page.getByText('美妆旗舰店:12345')).toHaveCount(0);
  } finally {
    await admin.close();
  }
});

test('a conflict between two members is resolved from the list', async ({ app, page, browser }) => {
  const owner = await openUnlocked(app, page);
  const shopId = await seedShopViaCore(owner, '美妆旗舰店', ['小美']);
  const admin = await teamWithAdmin(owner.core, browser, place());
  try {
    const subs = await call<Array<{ id: string; fullName: string }>>(owner.core, 'subaccounts.list', {
      shopId,
    });
    const subId = subs[0]?.id;
    // Both give the sub-account another template at the same moment: one wins everywhere, the other is listed.
    await call(owner.core, 'subaccounts.bulkSetTemplate', {
      ids: [subId],
      templateId: 'builtin-taobao-operations',
      confirmHighRisk: true,
    });
    await call(admin.core, 'subaccounts.bulkSetTemplate', {
      ids: [subId],
      templateId: 'builtin-taobao-aftersales',
      confirmHighRisk: true,
    });
    await call(owner.core, 'team.syncNow');
    await call(admin.core, 'team.syncNow');
    await call(owner.core, 'team.syncNow');
    const ownerList = await call<ConflictView[]>(owner.core, 'team.conflicts');
    const holder = ownerList.length ? { core: owner.core, page } : { core: admin.core, page: admin.page };
    const c = (await call<ConflictView[]>(holder.core, 'team.conflicts')).find(
      (x) => x.field === 'templateId',
    );
    expect(c).toBeTruthy();

    const team = new TeamPage(holder.page);
    await team.open();
    const conflicts = holder.page.getByRole('region', { name: '冲突记录' });
    const rowOf = conflicts.getByRole('row', { name: /templateId/ });
    await expect(rowOf).toContainText('美妆旗舰店:小美');
    await expect(rowOf).toContainText(c?.lost ?? '');
    await rowOf.getByRole('button', { name: '恢复被覆盖的值' }).click();
    await expect(holder.page.getByText('已恢复，其他成员下次同步时生效')).toBeVisible();
    await expect(conflicts.getByRole('row', { name: /templateId/ })).toHaveCount(0);
    // Everyone ends on the restored template.
    await call(holder.core, 'team.syncNow');
    await call(owner.core, 'team.syncNow');
    await call(admin.core, 'team.syncNow');
    for (const core of [owner.core, admin.core]) {
      const list = await call<Array<{ templateId: string | null }>>(core, 'subaccounts.list', { shopId });
      expect(list[0]?.templateId).toBe(c?.lost);
    }
  } finally {
    await admin.close();
  }
});

test('a checklist item both members noted at once reads as the item in the conflict list, and restores', async ({
  app,
  page,
  browser,
}) => {
  const owner = await openUnlocked(app, page);
  const shopId = await seedShopViaCore(owner, '美妆旗舰店', ['小美']);
  const c = await call<DepositCaseView>(owner.core, 'deposit.create', { shopId, amount: 5000 });
  const item = c.items[0];
  const admin = await teamWithAdmin(owner.core, browser, place());
  try {
    await call(owner.core, 'deposit.updateItem', { id: c.id, itemId: item?.id, note: '老板的说明' });
    await call(admin.core, 'deposit.updateItem', {
      id: c.id,
      itemId: item?.id,
      done: true,
      note: '管理员的说明',
    });
    for (let i = 0; i < 2; i++) for (const core of [owner.core, admin.core]) await call(core, 'team.syncNow');

    const team = new TeamPage(page);
    await team.open();
    const conflicts = page.getByRole('region', { name: '冲突记录' });
    const row = conflicts.getByRole('row', { name: /美妆旗舰店/ });
    // The item's own words, not its data: its text, whether it is done, the note.
    await expect(row).toContainText(`${item?.text.zh} · 未完成 · 老板的说明`);
    await expect(row).toContainText(`${item?.text.zh} · 已完成 · 管理员的说明`);
    await expect(row).not.toContainText('{');
    const kept = (await call<ConflictView[]>(owner.core, 'team.conflicts'))[0]?.kept ?? '';
    await row.getByRole('button', { name: '恢复被覆盖的值' }).click();
    await expect(page.getByText('已恢复，其他成员下次同步时生效')).toBeVisible();
    await expect(conflicts.getByRole('row', { name: /美妆旗舰店/ })).toHaveCount(0);
    // Both end on the note that had been overwritten.
    for (let i = 0; i < 2; i++) for (const core of [owner.core, admin.core]) await call(core, 'team.syncNow');
    const wanted = kept.includes('老板的说明') ? '管理员的说明' : '老板的说明';
    for (const core of [owner.core, admin.core]) {
      const now = await call<DepositCaseView>(core, 'deposit.get', { id: c.id });
      expect(now.items.find((i) => i.id === item?.id)?.note).toBe(wanted);
    }
  } finally {
    await admin.close();
  }
});
