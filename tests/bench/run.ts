// `npm run bench`: speed targets measured against a baseline taken in the same run, printed as ratios.
// Issue-2 figures: the vault's scrypt cost (target about 0.5 s) and what a durable document write
// (electron-store write + generation + fsync'd directory) costs against a raw temp+fsync+rename.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AuditLog } from '../../electron/core/audit/audit-log.ts';
import { calibrate, deriveKey, newParams } from '../../electron/core/crypto/kdf.ts';
import { shopDocSchema } from '../../electron/core/inventory/schemas.ts';
import { systemClock } from '../../electron/core/ports.ts';
import { DocumentStore } from '../../electron/core/storage/document-store.ts';
import { rawDurableWrite } from '../../electron/core/storage/fs-durable.ts';
import { encodeDocument } from '../../electron/core/storage/inspect.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import { buildShops } from '../support/seed.ts';
import { agentsBench } from './agents-bench.ts';
import { backupBench } from './backup-bench.ts';
import { inventoryBench } from './inventory-bench.ts';
import { median, type Row, timeIt } from './measure.ts';
import { syncBench } from './sync-bench.ts';
import { teamBudgetBench } from './team-budget-bench.ts';
import { transferBench } from './transfer-bench.ts';
import { uiBench } from './ui-bench.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-'));
const time = timeIt;
const rows: Row[] = [];

// 1. scrypt: calibrated parameters vs the 500 ms target.
const cost = await calibrate(500);
const params = newParams(cost);
const kdfTimes: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await deriveKey('benchmark master password', params);
  kdfTimes.push(performance.now() - t);
}
const kdfMs = median(kdfTimes);
rows.push([
  `scrypt unlock (calibrated N=2^${Math.log2(cost.N)})`,
  `${kdfMs.toFixed(0)} ms`,
  `${(kdfMs / 500).toFixed(2)}x of 500 ms target`,
]);

// 2. A snapshot of one shop (200 sub-accounts) written durably by electron-store's engine with a generation
// kept (what compaction does), vs a raw durable write of the same bytes.
const data = buildShops(1, 200)[0]!;
const text = encodeDocument(data, new Date().toISOString());
const rawFile = path.join(dir, 'raw.json');
const rawMs = time(() => rawDurableWrite(rawFile, text), 40);
const doc = new DocumentStore(
  { dataDir: dir, backendFactory: confBackendFactory, clock: systemClock, onRecovered: () => {} },
  'shop',
  shopDocSchema,
);
doc.load();
const docMs = time(() => doc.set(data), 40);
rows.push(['durable raw write (temp+fsync+rename+dir fsync)', `${rawMs.toFixed(2)} ms`, 'baseline']);
rows.push([
  'shop snapshot write via electron-store engine + generation',
  `${docMs.toFixed(2)} ms`,
  `${(docMs / rawMs).toFixed(2)}x raw`,
]);

// 3. Cold load of that document (read + checksum + schema) vs a plain JSON.parse of the same text.
const parseMs = time(() => JSON.parse(fs.readFileSync(path.join(dir, 'shop.json'), 'utf8')), 40);
const loadMs = time(() => {
  const d = new DocumentStore(
    { dataDir: dir, backendFactory: confBackendFactory, clock: systemClock, onRecovered: () => {} },
    'shop',
    shopDocSchema,
  );
  d.load();
}, 40);
rows.push([
  'one shop snapshot load (read + checksum + schema)',
  `${loadMs.toFixed(2)} ms`,
  `${(loadMs / parseMs).toFixed(2)}x read+JSON.parse`,
]);

// 4. One audit entry (append + fsync) vs the raw write.
const audit = new AuditLog(dir, systemClock);
const auditMs = time(() => audit.append({ action: 'bench', object: 'x', summary: 'y' }), 40);
audit.close();
rows.push(['audit append (fsync)', `${auditMs.toFixed(2)} ms`, `${(auditMs / rawMs).toFixed(2)}x raw`]);

fs.rmSync(dir, { recursive: true, force: true });
rows.push(...(await inventoryBench()));
rows.push(...(await agentsBench()));
rows.push(...(await backupBench()));
rows.push(...(await transferBench()));
rows.push(...(await syncBench()));
rows.push(...(await teamBudgetBench()));
rows.push(...(await uiBench()));
const w = Math.max(...rows.map((r) => r[0].length));
console.log('Shopwarden benchmark (medians; ratios against baselines measured in this run)');
for (const [name, value, ratio] of rows) console.log(`  ${name.padEnd(w)}  ${value.padStart(10)}  ${ratio}`);
