// Issue-3 figures with 10,000 sub-accounts over 50 shops, each against a baseline measured here:
// one change persisted vs a raw durable write of the bytes that changed, vs the naive whole-store
// electron-store pattern; cold load vs plain JSON.parse; one search keystroke vs a 16 ms frame.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { ChangeLog } from '../../electron/core/inventory/change-log.ts';
import { InventoryStore } from '../../electron/core/inventory/inventory-store.ts';
import type { ShopDoc } from '../../electron/core/inventory/schemas.ts';
import { encodeEntry } from '../../electron/core/inventory/shop-journal.ts';
import { subAccountView } from '../../electron/core/inventory/views.ts';
import { systemClock } from '../../electron/core/ports.ts';
import { rawDurableWrite } from '../../electron/core/storage/fs-durable.ts';
import { encodeDocument } from '../../electron/core/storage/inspect.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import type { SubAccountView } from '../../shared/contract/inventory-types.ts';
import { filterSubAccounts } from '../../shared/domain/subaccount-filter.ts';
import { buildShops, seedShops } from '../support/seed.ts';
import { median, pairedRatio, type Row, timeIt } from './measure.ts';

export async function inventoryBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-inv-'));
  const shops = buildShops(50, 200);
  seedShops(dir, shops);
  const ctx = { dataDir: dir, backendFactory: confBackendFactory, clock: systemClock, onRecovered: () => {} };
  const load = () => new InventoryStore(ctx, (d) => d.load(), new ChangeLog());

  // Cold load: every shop document read, checksummed and schema-checked, vs reading the same files and
  // JSON.parse-ing them (what a plain JSON store does at start).
  const files = fs.readdirSync(path.join(dir, 'shops')).map((f) => path.join(dir, 'shops', f));
  const cold = pairedRatio(
    () => {
      for (const f of files) JSON.parse(fs.readFileSync(f, 'utf8'));
    },
    () => void load(),
    31,
  );
  rows.push(['read + JSON.parse of the same 50 files', `${cold.base.toFixed(1)} ms`, 'baseline']);
  rows.push([
    'cold load, 10,000 sub-accounts / 50 shops',
    `${cold.cand.toFixed(1)} ms`,
    `${cold.ratio.toFixed(2)}x (median of paired runs); target <= 2x`,
  ]);

  // One change: one sub-account edited. It is persisted as one fsync'd journal line (the snapshot is
  // compacted every 64 changes, inside the measured runs), against a raw durable write (temp, fsync,
  // rename, dir fsync) of the bytes that had to change: that one record.
  const store = load();
  const shopId = shops[17]!.shop.id;
  let flip = false;
  const changed = (): ShopDoc => {
    const doc = store.shop(shopId);
    const sub = Object.values(doc.subAccounts)[42]!;
    flip = !flip;
    return {
      ...doc,
      subAccounts: { ...doc.subAccounts, [sub.id]: { ...sub, status: flip ? 'disabled' : 'active' } },
    };
  };
  const sample = changed();
  const recordBytes = encodeEntry({ k: 'sub', v: Object.values(sample.subAccounts)[42]! });
  const rawFile = path.join(dir, 'raw-record.json');
  const rawMs = timeIt(() => rawDurableWrite(rawFile, recordBytes), 200);
  const oneMs = timeIt(() => store.writeShop(changed()), 200);
  const shopBytes = encodeDocument(sample, new Date().toISOString());
  const rawShopMs = timeIt(() => rawDurableWrite(path.join(dir, 'raw-shop.json'), shopBytes), 60);
  rows.push([
    'raw durable write of the changed record',
    `${rawMs.toFixed(2)} ms`,
    `baseline (${Buffer.byteLength(recordBytes)} bytes)`,
  ]);
  rows.push([
    'persist one sub-account change',
    `${oneMs.toFixed(2)} ms`,
    `${(oneMs / rawMs).toFixed(2)}x raw; target <= 1.5x`,
  ]);
  rows.push([
    '(for scale) raw durable write of a whole shop file',
    `${rawShopMs.toFixed(2)} ms`,
    `${(Buffer.byteLength(shopBytes) / 1024).toFixed(0)} KiB`,
  ]);

  // The naive pattern: one electron-store JSON holding everything, re-read and rewritten on every call.
  const naiveDir = path.join(dir, 'naive');
  const naive = new Conf<Record<string, unknown>>({
    cwd: naiveDir,
    configName: 'all',
    projectVersion: '0.0.0',
  });
  naive.store = { shops: Object.fromEntries(shops.map((s) => [s.shop.id, s])) };
  const naiveMs = timeIt(() => {
    const all = naive.store as { shops: Record<string, ShopDoc> };
    const doc = all.shops[shopId]!;
    const sub = Object.values(doc.subAccounts)[42]!;
    doc.subAccounts[sub.id] = { ...sub, status: sub.status === 'active' ? 'disabled' : 'active' };
    naive.store = all;
  }, 8);
  rows.push([
    'naive: re-read + rewrite one whole electron-store JSON',
    `${naiveMs.toFixed(1)} ms`,
    `${(naiveMs / oneMs).toFixed(1)}x slower than ours; target >= 10x`,
  ]);

  // One search keystroke over 10,000 rows (the renderer's filter, same code).
  const views: SubAccountView[] = [];
  for (const doc of store.shops()) {
    for (const sub of Object.values(doc.subAccounts))
      views.push(
        subAccountView(doc, sub, {
          templateName: () => '售前客服',
          staffName: () => null,
          verification: () => 'pending',
        }),
      );
  }
  const queries = ['客', '客服', '客服00', '客服004', '客服0042', '店铺17:客服0042'];
  const keyMs = median(queries.map((q) => timeIt(() => void filterSubAccounts(views, { search: q }), 15)));
  rows.push([
    'search keystroke over 10,000 rows',
    `${keyMs.toFixed(2)} ms`,
    `${(keyMs / 16).toFixed(2)}x of a 16 ms frame; target < 1x`,
  ]);

  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}
