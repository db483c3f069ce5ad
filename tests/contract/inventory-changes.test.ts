// A reply carries what the call changed; the renderer patches its lists with it instead of reloading. The
// property: after any sequence of calls, lists patched only from replies equal the lists loaded afresh.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyChanges,
  type InventoryLists,
  type SeenSets,
} from '../../renderer/src/inventory/apply-changes.ts';
import type { InventoryChanges } from '../../shared/contract/changes.ts';
import type { WireResult } from '../../shared/contract/errors.ts';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD } from '../support/test-core.ts';
import { type ContractClient, directClient } from './clients.ts';

let c: ContractClient;
afterEach(async () => {
  await c.close();
  fs.rmSync(c.tc.dataDir, { recursive: true, force: true });
});

async function fresh(): Promise<InventoryLists> {
  const get = async (m: string, p: unknown) => {
    const r = await c.call(m, p);
    if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
    return r.value as never;
  };
  return {
    shops: await get('shops.list', { includeArchived: true }),
    subAccounts: await get('subaccounts.list', {}),
    templates: await get('templates.list', {}),
    staff: await get('staff.list', {}),
  };
}

const byId = (l: InventoryLists) => {
  const sort = <T extends { id: string }>(a: T[]) => [...a].sort((x, y) => x.id.localeCompare(y.id));
  return {
    shops: sort(l.shops),
    subAccounts: sort(l.subAccounts),
    templates: sort(l.templates),
    staff: sort(l.staff),
  };
};

/** Small deterministic generator: every seed gives one fixed sequence of calls. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick<T>(a: T[]): T | undefined {
      return a.length === 0 ? undefined : a[Math.floor(next() * a.length)];
    },
  };
}

describe('inventory changes in replies', () => {
  it('one status change at 200 sub-accounts carries that row and its shop, nothing else', async () => {
    c = await directClient();
    await c.call('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
    const shop = (await c.call('shops.create', taobaoShop('旗舰店'))) as { ok: true; value: { id: string } };
    for (let i = 0; i < 200; i++) await c.call('subaccounts.create', generatedSub(shop.value.id, `客服${i}`));
    const before = await fresh();
    const target = before.subAccounts[123]!;
    const r = await c.call('subaccounts.setStatus', { ids: [target.id], status: 'disabled' });
    if (!r.ok || !r.changes) throw new Error('no changes in the reply');
    expect(r.changes.subAccounts.map((s) => s.id)).toEqual([target.id]);
    expect(r.changes.subAccounts[0]!.status).toBe('disabled');
    expect(r.changes.shops.map((s) => s.id)).toEqual([shop.value.id]);
    expect(r.changes.staff).toEqual([]);
    expect(r.changes.templates).toEqual([]);
    // What the renderer shows afterwards is exactly what a reload would show.
    expect(byId(applyChanges(before, r.changes, new Map()))).toEqual(byId(await fresh()));
    // A read carries nothing.
    expect((await c.call('subaccounts.list', {})).changes).toBeUndefined();
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`lists patched from replies equal a fresh load after 45 random calls (seed ${seed})`, async () => {
      c = await directClient();
      await c.call('vault.setup', {
        password: GOOD_PASSWORD,
        confirm: GOOD_PASSWORD,
        rememberOnDevice: false,
      });
      const r = rng(seed);
      let mirror = await fresh();
      let subChanges = 0;
      const seen: SeenSets = new Map();
      // Every set also goes out as an event; here each event arrives one call late, after a newer reply,
      // and must change nothing that reply already made newer.
      const events: InventoryChanges[] = [];
      c.tc.core.bus.subscribe((name, payload) => {
        if (name === 'inventory.changed') events.push(payload as InventoryChanges);
      });
      let late: InventoryChanges[] = [];
      const call = async (m: string, p: unknown) => {
        const res: WireResult<unknown> = await c.call(m, p);
        const changes = res.changes as InventoryChanges | undefined;
        if (changes) mirror = changes.reload ? await fresh() : applyChanges(mirror, changes, seen);
        for (const e of late) if (!e.reload) mirror = applyChanges(mirror, e, seen);
        late = events.splice(0);
        if (changes && changes.subAccounts.length + changes.removedSubAccounts.length > 0) subChanges++;
        return res;
      };
      const platforms = ['taobao', 'jd', 'pinduoduo', 'douyin'] as const;
      for (let step = 0; step < 45; step++) {
        const sub = r.pick(mirror.subAccounts);
        const shop = r.pick(mirror.shops);
        const person = r.pick(mirror.staff);
        const custom = r.pick(mirror.templates.filter((t) => !t.builtin));
        const op = mirror.shops.length === 0 ? 0 : r.int(16);
        const n = `${step}`;
        if (op === 0) {
          const platform = platforms[r.int(platforms.length)]!;
          await call('shops.create', taobaoShop(`店${n}`, { platform, mainLogin: `店${n}` }));
        } else if (op <= 3 && shop) {
          await call('subaccounts.create', {
            ...generatedSub(shop.id, `客服${n}`),
            staffId: person && r.int(2) === 0 ? person.id : null,
            templateId: r.pick(mirror.templates.filter((t) => t.platform === shop.platform))?.id ?? null,
          });
        } else if (op === 4 && sub) {
          await call('subaccounts.setStatus', {
            ids: mirror.subAccounts
              .filter(() => r.int(3) === 0)
              .map((s) => s.id)
              .concat(sub.id),
            status: r.int(2) ? 'disabled' : 'active',
          });
        } else if (op === 5 && sub) {
          await call('subaccounts.delete', { ids: [sub.id] });
        } else if (op === 6 && sub) {
          const t = r.pick(mirror.templates.filter((x) => x.platform === sub.platform));
          if (t)
            await call('subaccounts.bulkSetTemplate', {
              ids: [sub.id],
              templateId: t.id,
              confirmHighRisk: true,
            });
        } else if (op === 7 && sub) {
          await call('subaccounts.bindStaff', {
            id: sub.id,
            staffId: r.int(3) === 0 ? null : (person?.id ?? null),
          });
        } else if (op === 8) {
          await call('staff.create', {
            name: `员工${n}`,
            phone: `1380013${String(step).padStart(4, '0')}`,
            position: '',
            notes: '',
            idNumber: '',
          });
        } else if (op === 9 && person) {
          await call('staff.update', { id: person.id, name: `改名${n}` });
        } else if (op === 10 && person) {
          await call('staff.setStatus', { id: person.id, status: 'left' });
        } else if (op === 11 && shop) {
          await call('templates.create', {
            platform: shop.platform,
            name: `模板${n}`,
            permissions: [],
            nativeRole: null,
            basedOn: null,
          });
        } else if (op === 12 && custom) {
          if (r.int(2))
            await call('templates.update', { id: custom.id, name: `新模板${n}`, confirmHighRisk: true });
          else await call('templates.delete', { id: custom.id, reassignTo: null });
        } else if (op === 13 && shop) {
          await call('shops.update', { id: shop.id, name: `新店${n}` });
        } else if (op === 14 && sub) {
          await call('subaccounts.markSynced', { id: sub.id });
        } else if (op === 15 && shop) {
          if (r.int(2))
            await call('verification.act', { id: sub?.id ?? 'none', action: { type: 'handOut' } });
          else
            await call('agents.createBatch', {
              shopId: shop.id,
              count: 1 + r.int(3),
              pattern: `临${n}客服{01}`,
              templateId: null,
              window: { start: '2026-11-01', end: '2026-12-21' },
              confirmHighRisk: true,
            });
        }
        expect(byId(mirror), `after step ${step} (op ${op})`).toEqual(byId(await fresh()));
      }
      // The sequence must have exercised the patching, not just refusals.
      expect(subChanges).toBeGreaterThanOrEqual(10);
    });
  }
});
