// The fault suite's workload: mixed writes through the contract (sub-accounts, staff, deposit checklist
// items, recovery drafts, settings; every one also an audit append), each reported as an acknowledgement
// only after the call returned, and a check that every acknowledged write is present in a data folder.
import type { Core } from '../../../electron/core/create-core.ts';
import type { DepositCaseView } from '../../../shared/contract/deposit-types.ts';
import type { PersonView, ShopView, SubAccountView } from '../../../shared/contract/inventory-types.ts';
import type { DraftView } from '../../../shared/contract/recovery-types.ts';
import type { RecoveryEvent, Settings } from '../../../shared/contract/types.ts';
import { generatedSub, taobaoShop } from '../../support/payloads.ts';
import { GOOD_PASSWORD } from '../../support/test-core.ts';

export type Ack =
  | { kind: 'sub'; nickname: string }
  | { kind: 'staff'; name: string }
  | { kind: 'item'; text: string }
  | { kind: 'draft'; id: string }
  | { kind: 'draftField'; id: string; seq: number }
  | { kind: 'settings'; minutes: number };

async function call<T>(core: Core, method: string, payload: unknown = {}): Promise<T> {
  const r = await core.dispatch(method, payload);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as T;
}

/** Sets the vault up (first run) or unlocks it, and makes sure the shop, case and draft to write into exist. */
export async function openWorkspace(
  core: Core,
): Promise<{ shopId: string; caseId: string; draftId: string }> {
  const status = await call<{ state: string }>(core, 'vault.getStatus');
  if (status.state === 'uninitialized')
    await call(core, 'vault.setup', {
      password: GOOD_PASSWORD,
      confirm: GOOD_PASSWORD,
      rememberOnDevice: false,
    });
  else await call(core, 'vault.unlock', { password: GOOD_PASSWORD });
  await call(core, 'settings.update', { autoLockMinutes: 240 });
  const shops = await call<ShopView[]>(core, 'shops.list', { includeArchived: false });
  const shopId = shops[0]?.id ?? (await call<ShopView>(core, 'shops.create', taobaoShop('故障店'))).id;
  const cases = await call<DepositCaseView[]>(core, 'deposit.list');
  const caseId =
    cases[0]?.id ?? (await call<DepositCaseView>(core, 'deposit.create', { shopId, amount: 2000 })).id;
  const drafts = await call<DraftView[]>(core, 'recovery.list');
  const draftId =
    drafts[0]?.id ?? (await call<DraftView>(core, 'recovery.create', { kind: 'generic', shopId: null })).id;
  return { shopId, caseId, draftId };
}

/** One write chosen by `pick` (0-99); returns its acknowledgement once the call has returned. */
export async function oneWrite(
  core: Core,
  ws: { shopId: string; caseId: string; draftId: string },
  tag: string,
  n: number,
  pick: number,
): Promise<Ack> {
  if (pick < 40) {
    const nickname = `k${tag}x${n}`;
    await call<SubAccountView>(core, 'subaccounts.create', generatedSub(ws.shopId, nickname));
    return { kind: 'sub', nickname };
  }
  if (pick < 60) {
    const name = `员工${tag}-${n}`;
    const phone = `139${String(Number(tag) * 100_000 + n).padStart(8, '0')}`;
    await call<PersonView>(core, 'staff.create', {
      name,
      phone,
      position: '客服',
      notes: '',
      idNumber: '',
    });
    return { kind: 'staff', name };
  }
  if (pick < 75) {
    const text = `清单项${tag}-${n}`;
    await call(core, 'deposit.addItem', { id: ws.caseId, section: 'materials', text });
    return { kind: 'item', text };
  }
  if (pick < 85) {
    const d = await call<DraftView>(core, 'recovery.create', { kind: 'generic', shopId: null });
    return { kind: 'draft', id: d.id };
  }
  if (pick < 95) {
    // Monotonic across trials (tag is the trial number), so "stored >= last acknowledged" is meaningful.
    const seq = Number(tag) * 100_000 + n;
    await call(core, 'recovery.update', {
      id: ws.draftId,
      fields: { subject: `客户-${tag}-${String(seq).padStart(6, '0')}` },
    });
    return { kind: 'draftField', id: ws.draftId, seq };
  }
  const minutes = 5 + (n % 200);
  await call(core, 'settings.update', { autoLockMinutes: minutes });
  return { kind: 'settings', minutes };
}

/** Every acknowledged write is present (a later, unacknowledged update may have overwritten an acked value). */
export async function missingAcks(core: Core, acks: Ack[]): Promise<string[]> {
  const subs = new Set((await call<SubAccountView[]>(core, 'subaccounts.list', {})).map((s) => s.nickname));
  const staff = new Set((await call<PersonView[]>(core, 'staff.list')).map((p) => p.name));
  const cases = await call<DepositCaseView[]>(core, 'deposit.list');
  const items = new Set(cases.flatMap((c) => c.items.map((i) => i.text.zh)));
  const drafts = await call<DraftView[]>(core, 'recovery.list');
  const draftIds = new Set(drafts.map((d) => d.id));
  const missing: string[] = [];
  for (const a of acks) {
    if (a.kind === 'sub' && !subs.has(a.nickname)) missing.push(`sub-account ${a.nickname}`);
    if (a.kind === 'staff' && !staff.has(a.name)) missing.push(`person ${a.name}`);
    if (a.kind === 'item' && !items.has(a.text)) missing.push(`checklist item ${a.text}`);
    if (a.kind === 'draft' && !draftIds.has(a.id)) missing.push(`draft ${a.id}`);
  }
  // Updates: what is stored is the last acknowledged value or a newer one (written, killed before its ack).
  const lastField = acks.filter((a) => a.kind === 'draftField').at(-1);
  if (lastField?.kind === 'draftField') {
    const d = drafts.find((x) => x.id === lastField.id);
    const stored = Number((d?.fields.subject ?? '').split('-').at(-1) ?? 'NaN');
    if (!(stored >= lastField.seq)) missing.push(`draft field update ${lastField.seq} (stored ${stored})`);
  }
  return missing;
}

export async function recoveryReport(core: Core): Promise<RecoveryEvent[]> {
  return call<RecoveryEvent[]>(core, 'storage.getRecoveryReport');
}

export async function settingsOf(core: Core): Promise<Settings> {
  return call<Settings>(core, 'settings.get');
}
