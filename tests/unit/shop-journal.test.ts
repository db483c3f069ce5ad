// The per-shop change journal: one fsync'd line per changed record, replayed at start, compacted into the
// electron-store snapshot; torn tails dropped, damaged lines moved aside and reported.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeLog } from '../../electron/core/inventory/change-log.ts';
import { InventoryStore } from '../../electron/core/inventory/inventory-store.ts';
import type { ShopDoc } from '../../electron/core/inventory/schemas.ts';
import { BULK_CHANGE, COMPACT_AFTER, encodeEntry } from '../../electron/core/inventory/shop-journal.ts';
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
  const open = () => new InventoryStore(ctx, (d) => d.load(), new ChangeLog());
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
    // The header naming the snapshot it continues, then the one change.
    expect(fs.readFileSync(s.files.journal, 'utf8').trim().split('\n')).toHaveLength(2);
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

  it('a torn last line is quarantined and reported, and the next acknowledged change survives (defect 1)', () => {
    const s = setup();
    for (const n of [1, 2, 3]) s.store.writeShop(disable(s.store.shop(s.id), n));
    const afterThree = s.store.shop(s.id);
    // Power cut half-way through a fourth append: half of a real line, no newline.
    const fourth = encodeEntry({
      k: 'sub',
      v: { ...Object.values(afterThree.subAccounts)[4]!, nickname: 'torn' },
    });
    fs.appendFileSync(s.files.journal, fourth.slice(0, Math.floor(fourth.length / 2)));
    const second = s.open();
    expect(second.shop(s.id)).toEqual(afterThree);
    expect(s.events).toEqual([
      expect.objectContaining({ file: `shops/${s.id}.journal`, problem: 'torn-tail', lost: [] }),
    ]);
    expect(fs.readFileSync(path.join(s.dataDir, s.events[0]!.movedTo), 'utf8')).toContain(
      fourth.slice(0, 20),
    );
    // The next change is acknowledged, and it is there after another restart.
    second.writeShop(disable(second.shop(s.id), 5));
    const acknowledged = second.shop(s.id);
    expect(s.open().shop(s.id)).toEqual(acknowledged);
    expect(disabledCount(acknowledged)).toBe(disabledCount(afterThree) + 1);
    expect(s.events).toHaveLength(1);
  });

  it('a damaged line loses only its own record: every good line before and after it is kept', () => {
    const s = setup();
    for (const n of [1, 2, 3]) s.store.writeShop(disable(s.store.shop(s.id), n));
    const expected = s.store.shop(s.id);
    const damagedSub = Object.values(expected.subAccounts)[2]!;
    const lines = fs.readFileSync(s.files.journal, 'utf8').split('\n');
    // Line 0 is the header naming the snapshot; lines 1-3 are the three changes. Damage the middle one.
    lines[2] = lines[2]!.replace('disabled', 'disabl3d');
    fs.writeFileSync(s.files.journal, lines.join('\n'));
    const reopened = s.open().shop(s.id);
    expect(reopened.subAccounts[damagedSub.id]!.status).toBe('active');
    const others = (d: ShopDoc) => Object.values(d.subAccounts).filter((x) => x.id !== damagedSub.id);
    expect(others(reopened)).toEqual(others(expected));
    expect(s.events[0]).toMatchObject({
      file: `shops/${s.id}.journal`,
      problem: 'checksum',
      restoredFrom: `shops/${s.id}.json`,
      lost: [damagedSub.nickname],
    });
    expect(fs.readFileSync(path.join(s.dataDir, s.events[0]!.movedTo), 'utf8')).toContain('disabl3d');
    // What was kept is in the snapshot now; the journal starts afresh.
    expect(fs.existsSync(s.files.journal)).toBe(false);
    expect(JSON.parse(fs.readFileSync(s.files.snapshot, 'utf8')).data.subAccounts).toEqual(
      reopened.subAccounts,
    );
  });

  describe('a damaged journal is reported and quarantined, never silently dropped (defect 2)', () => {
    const damage: Record<string, (text: string) => string> = {
      'truncated mid-line': (t) => t.slice(0, Math.floor(t.length * 0.6)),
      'NUL-filled': (t) => '\u0000'.repeat(t.length),
      emptied: () => '',
    };
    for (const [name, spoil] of Object.entries(damage)) {
      it(name, () => {
        const s = setup();
        for (const n of [1, 2, 3]) s.store.writeShop(disable(s.store.shop(s.id), n));
        const original = fs.readFileSync(s.files.journal, 'utf8');
        fs.writeFileSync(s.files.journal, spoil(original));
        const second = s.open();
        expect(s.events).toHaveLength(1);
        expect(s.events[0]!.file).toBe(`shops/${s.id}.journal`);
        expect(['torn-tail', 'nul-filled', 'empty']).toContain(s.events[0]!.problem);
        // The damaged bytes are kept in damaged/, and gone from the live folder (no NUL left to spoil appends).
        expect(fs.readFileSync(path.join(s.dataDir, s.events[0]!.movedTo), 'utf8')).toBe(spoil(original));
        expect(fs.existsSync(s.files.journal)).toBe(false);
        second.writeShop(disable(second.shop(s.id), 6));
        const acknowledged = second.shop(s.id);
        expect(s.open().shop(s.id)).toEqual(acknowledged);
      });
    }
  });

  it('one flipped byte in the snapshot loses nothing: the generation is restored and every later change replayed (defect 3)', () => {
    const s = setup();
    // Several compactions (bulk changes and the every-64 rule), then changes still in the journal.
    let doc = s.store.shop(s.id);
    for (let i = 0; i <= BULK_CHANGE; i++) doc = disable(doc, i);
    s.store.writeShop(doc);
    for (let i = 0; i < COMPACT_AFTER + 5; i++) {
      const d = s.store.shop(s.id);
      const sub = Object.values(d.subAccounts)[i % 40]!;
      s.store.writeShop({ ...d, subAccounts: { ...d.subAccounts, [sub.id]: { ...sub, nickname: `r${i}` } } });
    }
    const expected = s.store.shop(s.id);
    expect(fs.readFileSync(s.files.journal, 'utf8').split('\n').length).toBeGreaterThan(3);
    const bytes = fs.readFileSync(s.files.snapshot);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    fs.writeFileSync(s.files.snapshot, bytes);
    const reopened = s.open();
    expect(reopened.shop(s.id)).toEqual(expected);
    expect(s.events).toEqual([
      expect.objectContaining({ file: `shops/${s.id}.json`, problem: 'checksum', lost: [] }),
    ]);
    expect(s.events[0]!.replayed).toBeGreaterThan(0);
    expect(s.events[0]!.restoredFrom).toMatch(/^generations\//);
    // And the recovered state is durable: another start reads it back without any report.
    expect(s.open().shop(s.id)).toEqual(expected);
    expect(s.events).toHaveLength(1);
  });

  it('a crash after a compaction wrote its snapshot but before it emptied the journal loses nothing and reverts nothing', () => {
    const s = setup();
    s.store.writeShop(disable(s.store.shop(s.id), 1));
    const journalBefore = fs.readFileSync(s.files.journal);
    // A bulk change compacts: the snapshot now holds both the journal's change and the bulk change.
    let bulk = s.store.shop(s.id);
    for (let i = 0; i <= BULK_CHANGE; i++) bulk = { ...bulk, subAccounts: { ...bulk.subAccounts } };
    const sub1 = Object.values(bulk.subAccounts)[1]!;
    bulk.subAccounts[sub1.id] = { ...sub1, nickname: 'changed-again' };
    for (let i = 2; i <= BULK_CHANGE + 2; i++) bulk = disable(bulk, i);
    s.store.writeShop(bulk);
    // Put the old journal back, as if the process died before the journal was removed.
    fs.writeFileSync(s.files.journal, journalBefore);
    expect(s.open().shop(s.id)).toEqual(bulk);
    expect(s.events).toEqual([]);
  });

  it('a damaged snapshot whose journal was already folded into a continuation does not replay it twice', () => {
    const s = setup();
    // The journal changes sub 1; a bulk change then changes sub 1 again and compacts.
    const first = s.store.shop(s.id);
    const sub1 = Object.values(first.subAccounts)[1]!;
    s.store.writeShop({
      ...first,
      subAccounts: { ...first.subAccounts, [sub1.id]: { ...sub1, nickname: 'v1' } },
    });
    const journalBefore = fs.readFileSync(s.files.journal);
    let bulk = s.store.shop(s.id);
    bulk = {
      ...bulk,
      subAccounts: { ...bulk.subAccounts, [sub1.id]: { ...bulk.subAccounts[sub1.id]!, nickname: 'v2' } },
    };
    for (let i = 2; i <= BULK_CHANGE + 2; i++) bulk = disable(bulk, i);
    s.store.writeShop(bulk);
    // Power cut: the journal was never emptied, and the new snapshot is torn.
    fs.writeFileSync(s.files.journal, journalBefore);
    const snap = fs.readFileSync(s.files.snapshot);
    fs.writeFileSync(s.files.snapshot, snap.subarray(0, snap.length / 2));
    const reopened = s.open().shop(s.id);
    expect(reopened.subAccounts[sub1.id]!.nickname).toBe('v2');
    expect(reopened).toEqual(bulk);
    expect(s.events).toEqual([expect.objectContaining({ file: `shops/${s.id}.json`, lost: [] })]);
  });

  it('a shop whose snapshot file went missing is found by its generations, restored and brought up to date', () => {
    const s = setup();
    let doc = s.store.shop(s.id);
    for (let i = 0; i <= BULK_CHANGE; i++) doc = disable(doc, i);
    s.store.writeShop(doc);
    s.store.writeShop(disable(s.store.shop(s.id), 30));
    const expected = s.store.shop(s.id);
    fs.rmSync(s.files.snapshot);
    const reopened = s.open();
    expect(reopened.shopIds()).toEqual([s.id]);
    expect(reopened.shop(s.id)).toEqual(expected);
    expect(s.events).toEqual([
      expect.objectContaining({ file: `shops/${s.id}.json`, problem: 'missing', lost: [] }),
    ]);
  });
});
