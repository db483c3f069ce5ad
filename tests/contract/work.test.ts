// Verification, temporary agents, reminders and cards through the contract, with the clock moved by hand.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type {
  CardInfo,
  ReminderView,
  RetireGuide,
  TempAgentView,
  VerificationList,
  VerificationRow,
} from '../../shared/contract/work-types.ts';
import { callers } from '../support/contract-calls.ts';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let tc: TestCore;
const { ok, refused } = callers(() => tc.core);

async function unlockFresh(dataDir?: string) {
  tc = makeTestCore(dataDir ? { dataDir } : {});
  const status = await ok<{ state: string }>('vault.getStatus');
  if (status.state === 'uninitialized')
    await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  else await ok('vault.unlock', { password: GOOD_PASSWORD });
}

const shop = (over: Record<string, unknown> = {}) =>
  ok<ShopView>('shops.create', taobaoShop(String(over.name ?? '旗舰店'), over));
const sub = (shopId: string, nickname: string) =>
  ok<SubAccountView>('subaccounts.create', generatedSub(shopId, nickname));
const batch = (shopId: string, over: Record<string, unknown> = {}) =>
  ok<{ created: TempAgentView[] }>('agents.createBatch', {
    shopId,
    count: 30,
    pattern: '双11客服{01}',
    templateId: null,
    window: { start: '2026-11-01', end: '2026-12-21' },
    confirmHighRisk: false,
    ...over,
  });

/** Moves the clock; the vault auto-locks when idle that long, so unlock again as the user would. */
async function later(ms: number) {
  tc.clock.advance(ms);
  if ((await ok<{ state: string }>('vault.getStatus')).state === 'locked')
    await ok('vault.unlock', { password: GOOD_PASSWORD });
}

beforeEach(() => unlockFresh());
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
});

describe('verification through the contract', () => {
  it('lists Taobao sub-accounts as pending with a 7-day deadline, Tmall Global and JD as not required', async () => {
    const tb = await shop();
    const global = await shop({
      platform: 'tmall',
      name: '海外旗舰店',
      mainLogin: '海外旗舰店',
      crossBorder: true,
    });
    const jd = await shop({ platform: 'jd', name: '京东店', mainLogin: 'jdshop' });
    const a = await sub(tb.id, '小王');
    await sub(global.id, '小李');
    await sub(jd.id, 'xiaozhang');
    const list = await ok<VerificationList>('verification.list');
    expect(list.rows.map((r) => r.fullName)).toEqual([a.fullName]);
    expect(list.rows[0]!.verification.state).toBe('pending');
    expect(list.rows[0]!.verification.deadline).toBe(tc.clock.now() + 7 * DAY);
    const subs = await ok<SubAccountView[]>('subaccounts.list', {});
    expect(Object.fromEntries(subs.map((s) => [s.nickname, s.verification]))).toEqual({
      小王: 'pending',
      小李: 'not-required',
      xiaozhang: 'not-required',
    });
  });

  it('freezes at the deadline, unfreezes for 2 days, and refuses an action the state does not allow', async () => {
    const tb = await shop();
    const a = await sub(tb.id, '小王');
    await later(7 * DAY);
    const frozen = (await ok<VerificationList>('verification.list')).rows[0]!;
    expect(frozen.verification.state).toBe('frozen');
    const err = await refused('verification.act', { id: a.id, action: { type: 'verify' } });
    expect(err.code).toBe('VERIFICATION_NOT_ALLOWED');
    const row = await ok<VerificationRow>('verification.act', { id: a.id, action: { type: 'unfreeze' } });
    expect(row.verification).toMatchObject({
      state: 'temporarily-unfrozen',
      deadline: tc.clock.now() + 2 * DAY,
    });
    await ok('verification.act', { id: a.id, action: { type: 'handOut' } });
    await ok('verification.act', { id: a.id, action: { type: 'submit' } });
    await later(49 * HOUR);
    const review = (await ok<VerificationList>('verification.list')).rows[0]!;
    expect(review).toMatchObject({ reviewOverdue: true, verification: { state: 'under-review' } });
    const rejected = await ok<VerificationRow>('verification.act', {
      id: a.id,
      action: { type: 'reject', reason: '照片模糊' },
    });
    // Under review the account stays usable past the grace deadline; rejected after it, it freezes again.
    expect(rejected.verification).toMatchObject({ state: 'frozen', rejectedReason: '照片模糊' });
    const audit = await ok<{ entries: Array<{ action: string }> }>('audit.list', { offset: 0, limit: 10 });
    expect(audit.entries.map((e) => e.action)).toContain('verification.reject');
  });

  it('follows the settings: a platform made "required" gets deadlines; changed numbers apply', async () => {
    const jd = await shop({ platform: 'jd', name: '京东店', mainLogin: 'jdshop' });
    await sub(jd.id, 'xiaozhang');
    const rules = await ok<{ verification: Record<string, { required: boolean }> }>('rules.get');
    expect(rules.verification.jd!.required).toBe(false);
    await ok('rules.update', {
      verification: {
        jd: { required: true, verifyWithinDays: 3, graceDays: 1, reviewHours: 24, qrMinutes: 15 },
      },
    });
    const row = (await ok<VerificationList>('verification.list')).rows[0]!;
    expect(row.verification.deadline).toBe(tc.clock.now() + 3 * DAY);
    const id = row.subAccountId;
    // QR minutes: a handed-out QR lapses after 15 minutes (not the default 30).
    const handed = await ok<VerificationRow>('verification.act', { id, action: { type: 'handOut' } });
    expect(handed.verification.qrExpiresAt).toBe(tc.clock.now() + 15 * 60_000);
    await later(15 * 60_000);
    expect((await ok<VerificationList>('verification.list')).rows[0]!.verification.state).toBe('pending');
    // Review hours: under review for more than 24 hours (not 48) is overdue.
    await ok('verification.act', { id, action: { type: 'handOut' } });
    await ok('verification.act', { id, action: { type: 'submit' } });
    await later(24 * HOUR - 60_000);
    expect((await ok<VerificationList>('verification.list')).rows[0]!.reviewOverdue).toBe(false);
    await later(60_000);
    expect((await ok<VerificationList>('verification.list')).rows[0]!.reviewOverdue).toBe(true);
    // Grace days: rejected after the 3-day deadline it freezes; unfrozen, it has 1 day (not 2).
    await later(2 * DAY);
    await ok('verification.act', { id, action: { type: 'reject', reason: '照片模糊' } });
    const unfrozen = await ok<VerificationRow>('verification.act', { id, action: { type: 'unfreeze' } });
    expect(unfrozen.verification).toMatchObject({
      state: 'temporarily-unfrozen',
      deadline: tc.clock.now() + DAY,
    });
    const bad = await refused('rules.update', { purgeAfterDays: -1 });
    expect(bad.code).toBe('VALIDATION_FAILED');
  });
});

describe('temporary sale agents', () => {
  it('creates 30 agents all at once with generated passwords, one audit entry each, exempt from verification', async () => {
    const tb = await shop();
    const { created } = await batch(tb.id);
    expect(created).toHaveLength(30);
    expect(created[0]!.fullName).toBe('旗舰店:双11客服01');
    expect(created[29]!.fullName).toBe('旗舰店:双11客服30');
    expect(created.every((a) => a.phase === 'active')).toBe(true);
    const subs = await ok<SubAccountView[]>('subaccounts.list', {});
    expect(subs.every((s) => s.verification === 'not-required' && s.temporary)).toBe(true);
    expect(subs[0]!.templateName).toBe('临时客服');
    const audit = await ok<{ entries: Array<{ action: string }>; total: number }>('audit.list', {
      offset: 0,
      limit: 100,
    });
    expect(audit.entries.filter((e) => e.action === 'subaccount.created')).toHaveLength(30);
    // Each password is a real, different, generated one.
    const pw = new Set<string>();
    for (const a of created.slice(0, 5)) {
      const r = await ok<{ value: string }>('secrets.reveal', {
        ref: { collection: `shop-${tb.id}`, recordId: a.id, field: 'password' },
      });
      pw.add(r.value);
    }
    expect(pw.size).toBe(5);
  });

  it('checks every name first: one clash refuses the whole batch and creates nothing', async () => {
    const tb = await shop();
    await sub(tb.id, '双11客服07');
    const err = await refused('agents.createBatch', {
      shopId: tb.id,
      count: 10,
      pattern: '旗舰店:双11客服{01}',
      templateId: null,
      window: { start: '2026-11-01', end: '2026-12-21' },
      confirmHighRisk: false,
    });
    expect(err.code).toBe('NAME_TAKEN');
    expect(err.details?.names).toContain('双11客服07');
    expect(await ok<TempAgentView[]>('agents.list')).toHaveLength(0);
    const preview = await ok<Array<{ fullName: string; problem: string | null }>>('agents.previewNames', {
      shopId: tb.id,
      pattern: '双11客服{01}',
      count: 10,
    });
    expect(preview.filter((p) => p.problem).map((p) => p.fullName)).toEqual(['旗舰店:双11客服07']);
    const noPlaceholder = await refused('agents.createBatch', {
      shopId: tb.id,
      count: 3,
      pattern: '双11客服',
      templateId: null,
      window: { start: '2026-11-01', end: '2026-12-21' },
      confirmHighRisk: false,
    });
    expect(noPlaceholder.fields).toEqual({ pattern: 'no_placeholder' });
    const backwards = await refused('agents.createBatch', {
      shopId: tb.id,
      count: 3,
      pattern: '双11客服{1}',
      templateId: null,
      window: { start: '2026-12-21', end: '2026-11-01' },
      confirmHighRisk: false,
    });
    expect(backwards.fields).toEqual({ window: 'end_before_start' });
  });

  it('marks agents ending, then expired after 12-21; retires, guides, confirms gone, purges after 30 days', async () => {
    const tb = await shop();
    const { created } = await batch(tb.id, { count: 3 });
    const ids = created.map((a) => a.id);
    const person = await ok<{ id: string }>('staff.create', {
      name: '临时工甲',
      phone: '13800138000',
      position: '客服',
      notes: '',
      idNumber: '',
    });
    await ok('subaccounts.bindStaff', { id: ids[0], staffId: person.id });
    await later(Date.parse('2026-12-21T23:59:00+08:00') - tc.clock.now());
    expect((await ok<TempAgentView[]>('agents.list')).map((a) => a.phase)).toEqual([
      'ending',
      'ending',
      'ending',
    ]);
    await later(60_000);
    expect((await ok<TempAgentView[]>('agents.list')).map((a) => a.phase)).toEqual([
      'expired',
      'expired',
      'expired',
    ]);
    const reminders = await ok<ReminderView[]>('reminders.list');
    expect(reminders.filter((r) => r.kind === 'temp-ended')).toHaveLength(3);

    const gone = await refused('agents.confirmGone', { ids });
    expect(gone.code).toBe('NOT_RETIRED');
    const { retired, guides } = await ok<{ retired: number; guides: RetireGuide[] }>('agents.retire', {
      ids,
      mode: 'delete',
    });
    expect(retired).toBe(3);
    expect(guides).toHaveLength(1);
    expect(guides[0]!.pending).toHaveLength(3);
    expect(guides[0]!.steps.map((s) => s.text.zh).join('\n')).toContain('千牛');
    const subs = await ok<SubAccountView[]>('subaccounts.list', {});
    expect(subs.every((s) => s.status === 'disabled')).toBe(true);
    expect(await ok<ReminderView[]>('reminders.list')).toHaveLength(0);
    await ok('agents.confirmGone', { ids: ids.slice(0, 2) });
    expect((await ok<RetireGuide[]>('agents.guides'))[0]!.pending.map((p) => p.id)).toEqual([ids[2]]);

    const list = await ok<TempAgentView[]>('agents.list');
    expect(list[0]!.purgeAt).toBe(new Date(tc.clock.now() + 30 * DAY).toISOString());
    await later(30 * DAY);
    const after = await ok<TempAgentView[]>('agents.list');
    // Deleted on the platform and confirmed: no record left; the unconfirmed one stays, without personal data.
    expect(after.map((a) => a.id)).toEqual([ids[2]]);
    expect(after[0]!.purged).toBe(true);
    const staff = await ok<Array<{ id: string }>>('staff.list');
    expect(staff.map((p) => p.id)).not.toContain(person.id);
  });

  it('exports the roster as .xlsx without passwords, and with them only after the master password', async () => {
    const tb = await shop();
    const { created } = await batch(tb.id, { count: 4 });
    const file = await ok<{ fileName: string; contentBase64: string }>('agents.exportRoster', {
      includeSecrets: false,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('有效期结束');
    expect(rows[0]).not.toContain('密码');
    expect(rows.slice(1).map((r) => r[3])).toEqual(created.map((a) => a.fullName));
    expect(rows[1]![5]).toBe('2026-12-21');
    const wrong = await refused('agents.exportRoster', { includeSecrets: true, masterPassword: 'nope' });
    expect(wrong.code).toBe('WRONG_PASSWORD');
    const withPw = await ok<{ contentBase64: string }>('agents.exportRoster', {
      includeSecrets: true,
      masterPassword: GOOD_PASSWORD,
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(withPw.contentBase64, 'base64') as unknown as ArrayBuffer);
    const revealed = await ok<{ value: string }>('secrets.reveal', {
      ref: { collection: `shop-${tb.id}`, recordId: created[0]!.id, field: 'password' },
    });
    expect(wb2.worksheets[0]!.getRow(2).getCell(8).value).toBe(revealed.value);
  });
});

describe('reminders', () => {
  it('announces each due item once, keeps that across a restart, and honours snooze and dismiss', async () => {
    const tb = await shop();
    const a = await sub(tb.id, '小王');
    await sub(tb.id, '小李');
    // Locked meanwhile (idle): nothing is announced on the lock screen; unlocking announces what is due.
    await later(6 * DAY + HOUR);
    const due = await ok<ReminderView[]>('reminders.list');
    expect(due.map((r) => r.kind)).toEqual(['verify-soon', 'verify-soon']);
    expect(tc.notifier.shown).toHaveLength(2);
    expect(tc.notifier.shown[0]!.title).toBe('实人认证即将到期');
    await ok('settings.update', { autoLockMinutes: 240 });
    tc.clock.advance(10 * 60_000); // ten scheduler ticks
    expect(tc.notifier.shown).toHaveLength(2);

    // Restart on the same data: nothing is announced twice, and what fell due meanwhile is announced at unlock.
    const dir = tc.dataDir;
    const at = tc.clock.now();
    await tc.core.shutdown();
    tc = makeTestCore({ dataDir: dir });
    tc.clock.advance(at + DAY - tc.clock.now());
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    const frozen = await ok<ReminderView[]>('reminders.list');
    expect(frozen.map((r) => r.kind)).toEqual(['frozen', 'frozen']);
    expect(tc.notifier.shown.map((n) => n.title)).toEqual([
      '子账号已冻结（未完成实人认证）',
      '子账号已冻结（未完成实人认证）',
    ]);

    const key = frozen.find((r) => r.subjectId === a.id)!.key;
    await ok('reminders.snooze', { key, hours: 2 });
    expect((await ok<ReminderView[]>('reminders.list')).map((r) => r.subjectId)).not.toContain(a.id);
    tc.clock.advance(2 * HOUR + 60_000);
    expect((await ok<ReminderView[]>('reminders.list')).map((r) => r.subjectId)).toContain(a.id);
    expect(tc.notifier.shown).toHaveLength(3);
    await ok('reminders.dismiss', { key });
    expect((await ok<ReminderView[]>('reminders.list')).map((r) => r.subjectId)).not.toContain(a.id);
    const bad = await refused('reminders.dismiss', { key: '../../etc' });
    expect(bad.code).toBe('VALIDATION_FAILED');
  });
});

describe('cards', () => {
  it('gives the facts a card shows; PDF saving says plainly when this environment cannot', async () => {
    const tb = await shop();
    const a = await sub(tb.id, '小王');
    const { created } = await batch(tb.id, { count: 1 });
    const cards = await ok<CardInfo[]>('cards.get', { ids: [a.id, created[0]!.id] });
    expect(cards[0]).toMatchObject({
      fullName: '旗舰店:小王',
      deadline: tc.clock.now() + 7 * DAY,
      window: null,
      qrMinutes: 30,
    });
    expect(cards[1]).toMatchObject({ deadline: null, window: { start: '2026-11-01', end: '2026-12-21' } });
    expect((await refused('print.savePdf', {})).code).toBe('PDF_UNAVAILABLE');
  });
});

describe('reminder floods', () => {
  it('announces many new items at once as one summary, and still only once', async () => {
    const tb = await shop();
    for (const n of ['甲', '乙', '丙', '丁', '戊', '己']) await sub(tb.id, n);
    await later(8 * DAY);
    expect(await ok<ReminderView[]>('reminders.list')).toHaveLength(6);
    expect(tc.notifier.shown).toEqual([
      { title: '6 项新提醒', body: '子账号已冻结（未完成实人认证）：旗舰店 · 旗舰店:甲 等，请打开概览查看' },
    ]);
    await ok('settings.update', { autoLockMinutes: 240 });
    tc.clock.advance(5 * 60_000);
    expect(tc.notifier.shown).toHaveLength(1);
  });
});
