// The per-shop change journal: one fsync'd line per changed record, replayed at start, compacted into the
// electron-store snapshot; torn tails dropped, damaged lines moved aside and reported.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InventoryStore } from '../../electron/core/inventory/inventory-store.ts';
import type { ShopDoc } from '../../electron/core/inventory/schemas.ts';
import { BULK_CHANGE, COMPACT_AFTER } from '../../electron/core/inventory/shop-journal.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import type { RecoveryEvent } from '../../shared/contract/types.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { buildShops } from '../support/seed.ts';
import { tempDataDir } from '../support/test-core.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dataDir = tempDataDir('sw-journal');
  dirs.push(dataDir);
  const events: RecoveryEvent[] = [];
  const ctx = {
    dataDir,
    backendFactory: confBackendFactory,
    clock: new ManualClock(),
    onRecovered: (e: RecoveryEvent) => events.push(e),
  };
  const open = () => new InventoryStore(ctx, (d) => d.load());
  const store = open();
  const [doc] = buildShops(1, 40);
  store.writeShop(doc!);
  const id = doc!.shop.id;
  const files = {
    snapshot: path.join(dataDir, 'shops', `${id}.json`),
    journal: path.join(dataDir, 'shops', `${id}.journal`),
  };
  return { dataDir, events, open, store, id, files };
}

/** Disables the n-th sub-account, keeping every other record's identity (as the services do). */
function disable(doc: ShopDoc, n: number): ShopDoc {
  const sub = Object.values(doc.subAccounts)[n]!;
  return { ...doc, subAccounts: { ...doc.subAccounts, [sub.id]: { ...sub, status: 'disabled' } } };
}
const disabledCount = (doc: ShopDoc) =>
  Object.values(doc.subAccounts).filter((s) => s.status === 'disabled').length;

describe('shop change journal', () => {
  it('one change appends one line (the snapshot is untouched) and a restart replays it', () => {
    const s = setup();
    const snapshotBefore = fs.readFileSync(s.files.snapshot);
    const before = disabledCount(s.store.shop(s.id));
    s.store.writeShop(disable(s.store.shop(s.id), 1));
    expect(fs.readFileSync(s.files.journal, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(s.files.snapshot).equals(snapshotBefore)).toBe(true);
    expect(disabledCount(s.open().shop(s.id))).toBe(before + 1);
    expect(s.events).toEqual([]);
  });

  it(`compacts into the snapshot after ${COMPACT_AFTER} entries, and bulk changes go straight to a snapshot`, () => {
    const s = setup();
    for (let i = 0; i < COMPACT_AFTER + 1; i++) {
      const doc = s.store.shop(s.id);
      const sub = Object.values(doc.subAccounts)[i % 40]!;
      s.store.writeShop({
        ...doc,
        subAccounts: { ...doc.subAccounts, [sub.id]: { ...sub, nickname: `n${i}` } },
      });
    }
    expect(
      fs.existsSync(s.files.journal) ? fs.readFileSync(s.files.journal, 'utf8').trim().split('\n').length : 0,
    ).toBeLessThan(COMPACT_AFTER);
    const reopened = s.open().shop(s.id);
    expect(Object.values(reopened.subAccounts).filter((x) => x.nickname.startsWith('n'))).toHaveLength(40);

    let bulk = s.store.shop(s.id);
    for (let i = 0; i <= BULK_CHANGE; i++) bulk = disable(bulk, i);
    s.store.writeShop(bulk);
    expect(fs.existsSync(s.files.journal)).toBe(false);
    expect(JSON.parse(fs.readFileSync(s.files.snapshot, 'utf8')).data.subAccounts).toEqual(bulk.subAccounts);
  });

  it('a torn last line (a write that never returned) is dropped without a report', () => {
    const s = setup();
    s.store.writeShop(disable(s.store.shop(s.id), 1));
    const after = s.store.shop(s.id);
    fs.appendFileSync(s.files.journal, '{"h":"0123","e":{"k":"sub","v":{"id":"x"');
    expect(s.open().shop(s.id)).toEqual(after);
    expect(s.events).toEqual([]);
  });

  it('a damaged line is moved aside and reported; what came before it is kept', () => {
    const s = setup();
    s.store.writeShop(disable(s.store.shop(s.id), 1));
    const kept = s.store.shop(s.id);
    s.store.writeShop(disable(kept, 2));
    const lines = fs.readFileSync(s.files.journal, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('disabled', 'disabl3d');
    fs.writeFileSync(s.files.journal, lines.join('\n'));
    const reopened = s.open().shop(s.id);
    expect(disabledCount(reopened)).toBe(disabledCount(kept));
    expect(s.events[0]).toMatchObject({
      file: `shops/${s.id}.journal`,
      problem: 'checksum',
      restoredFrom: `shops/${s.id}.json`,
    });
    expect(fs.readFileSync(path.join(s.dataDir, s.events[0]!.movedTo), 'utf8')).toContain('disabl3d');
    // What was kept is in the snapshot now; the journal starts afresh.
    expect(fs.existsSync(s.files.journal)).toBe(false);
    expect(JSON.parse(fs.readFileSync(s.files.snapshot, 'utf8')).data.subAccounts).toEqual(
      reopened.subAccounts,
    );
  });
});
