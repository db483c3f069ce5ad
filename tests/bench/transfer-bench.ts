// Issue-11 figures, each against a baseline measured in this run on the same data:
// - importing a seller's .xlsx of 10,000 sub-accounts (50 shops), preview included, against exceljs reading
//   the same file alone;
// - confirming that import (50 new shops, 10,000 sealed sub-accounts, through the import journal) against
//   the bulk-create path of temporary agents for the same count (the same 50 shops, 200 each);
// - a KeePass KDBX 4 export of those 10,000 entries (reading and opening every password, building the
//   database, Argon2id and encryption) against kdbxweb saving the same database with the same KDF.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import kdbxweb from 'kdbxweb';
import { KDBX_ARGON2 } from '../../electron/core/transfer/kdbx-export.ts';
import { setUpKdbxweb } from '../../electron/core/transfer/kdbxweb-setup.ts';
import { taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';
import { median, type Row } from './measure.ts';

const SHOPS = 50;
const PER_SHOP = 200;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const progress = (what: string) => process.stderr.write(`  transfer bench: ${what}\n`);

async function sheetBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('账号');
  ws.addRow(['店铺名称', '平台', '主账号', '子账号', '密码', '岗位', '备注']);
  for (let s = 0; s < SHOPS; s++) {
    ws.addRow([`导入店${s}`, '淘宝', `main${s}`, '', `Main-Pass-${s}-2026`, '', '']);
    for (let k = 0; k < PER_SHOP; k++)
      ws.addRow([`导入店${s}`, '淘宝', `main${s}`, `客服${k}`, `Sub-Pass-${s}-${k}-Aa`, '售前客服', '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** exceljs alone: open the workbook and read every cell as text (what any import of the file must do). */
async function exceljsRead(bytes: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let cells = 0;
  wb.worksheets[0]!.eachRow({ includeEmpty: false }, (r) => {
    for (let c = 1; c <= r.cellCount; c++) cells += String(r.getCell(c).text).length > 0 ? 1 : 0;
  });
  return cells;
}

async function freshVault(): Promise<TestCore> {
  const tc = makeTestCore({ maxBatch: 500 });
  await tc.core.dispatch('vault.setup', {
    password: GOOD_PASSWORD,
    confirm: GOOD_PASSWORD,
    rememberOnDevice: false,
  });
  await tc.core.dispatch('settings.update', { autoLockMinutes: 240 });
  return tc;
}

async function call<T>(tc: TestCore, m: string, p: unknown): Promise<T> {
  const r = await tc.core.dispatch(m, p);
  if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function done(tc: TestCore) {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
}

export async function transferBench(): Promise<Row[]> {
  progress('building a sheet of 10,000 sub-accounts');
  const bytes = await sheetBytes();
  const contentBase64 = bytes.toString('base64');

  // Preview: paired runs of exceljs alone and of our read + preview, on one vault.
  progress('preview');
  const viewer = await freshVault();
  const base: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < 6; i++) {
    gc();
    let t = performance.now();
    await exceljsRead(bytes);
    const b = performance.now() - t;
    gc();
    t = performance.now();
    const p = await call<{ counts: { newSubAccounts: number } }>(viewer, 'transfer.readImport', {
      fileName: 'accounts.xlsx',
      contentBase64,
    });
    const c = performance.now() - t;
    if (p.counts.newSubAccounts !== SHOPS * PER_SHOP) throw new Error('preview incomplete');
    if (i > 0) {
      base.push(b);
      ours.push(c);
    }
  }
  await done(viewer);
  const excelMs = median(base);
  const previewMs = median(ours);

  // Commit vs the temporary-agent bulk path, each on a fresh vault per run.
  progress('commit');
  const commits: number[] = [];
  const batches: number[] = [];
  let exportCore: TestCore | null = null;
  for (let i = 0; i < 3; i++) {
    const a = await freshVault();
    const { token } = await call<{ token: string }>(a, 'transfer.readImport', {
      fileName: 'a.xlsx',
      contentBase64,
    });
    gc();
    let t = performance.now();
    const r = await call<{ subAccountsCreated: number }>(a, 'transfer.commitImport', {
      token,
      skipInvalid: false,
    });
    commits.push(performance.now() - t);
    if (r.subAccountsCreated !== SHOPS * PER_SHOP) throw new Error('commit incomplete');
    if (i === 0) exportCore = a;
    else await done(a);

    const b = await freshVault();
    const shops: string[] = [];
    for (let s = 0; s < SHOPS; s++)
      shops.push(
        (await call<{ id: string }>(b, 'shops.create', taobaoShop(`大促店${s}`, { mainLogin: `m${s}` }))).id,
      );
    gc();
    t = performance.now();
    for (const shopId of shops)
      await b.core.work.tempAgents.createBatch({
        shopId,
        count: PER_SHOP,
        pattern: '客服{001}',
        templateId: null,
        window: { start: '2026-11-01', end: '2026-12-21' },
        confirmHighRisk: false,
      });
    batches.push(performance.now() - t);
    await done(b);
  }
  const commitMs = median(commits);
  const batchMs = median(batches);

  // KDBX export of the imported vault vs kdbxweb saving the same entries with the same KDF.
  progress('kdbx export');
  const core = exportCore!;
  setUpKdbxweb();
  const exportsMs: number[] = [];
  const savesMs: number[] = [];
  let entries = 0;
  for (let i = 0; i < 3; i++) {
    gc();
    let t = performance.now();
    const { file, shops } = await core.core.transfer.kdbxFile(GOOD_PASSWORD);
    exportsMs.push(performance.now() - t);
    entries = file.rowCount;

    const db = kdbxweb.Kdbx.create(
      new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(GOOD_PASSWORD)),
      'base',
    );
    db.setKdf(kdbxweb.Consts.KdfId.Argon2id);
    db.header.kdfParameters!.set(
      'M',
      kdbxweb.VarDictionary.ValueType.UInt64,
      kdbxweb.Int64.from(KDBX_ARGON2.memoryBytes),
    );
    db.header.kdfParameters!.set(
      'I',
      kdbxweb.VarDictionary.ValueType.UInt64,
      kdbxweb.Int64.from(KDBX_ARGON2.iterations),
    );
    db.header.kdfParameters!.set('P', kdbxweb.VarDictionary.ValueType.UInt32, KDBX_ARGON2.parallelism);
    for (const s of shops) {
      const g = db.createGroup(db.getDefaultGroup(), s.name);
      for (const a of s.accounts) {
        const e = db.createEntry(g);
        e.fields.set('Title', a.title);
        e.fields.set('UserName', a.userName);
        e.fields.set('Password', kdbxweb.ProtectedValue.fromString(a.password ?? ''));
        e.fields.set('URL', a.url);
        e.fields.set('Notes', a.notes);
      }
    }
    gc();
    t = performance.now();
    await db.save();
    savesMs.push(performance.now() - t);
  }
  await done(core);
  const exportMs = median(exportsMs);
  const saveMs = median(savesMs);

  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    ['exceljs reading the 10,000-row .xlsx alone', `${excelMs.toFixed(0)} ms`, 'baseline'],
    [
      'import 10,000 sub-accounts from .xlsx, preview included',
      `${previewMs.toFixed(0)} ms`,
      `${(previewMs / excelMs).toFixed(2)}x exceljs alone; target <= 3x (${verdict(previewMs / excelMs <= 3)})`,
    ],
    ['temporary-agent bulk create, 10,000 in 50 shops', `${batchMs.toFixed(0)} ms`, 'baseline'],
    [
      'confirm that import (50 shops, 10,000 sub-accounts)',
      `${commitMs.toFixed(0)} ms`,
      `${(commitMs / batchMs).toFixed(2)}x bulk create; target <= 2x (${verdict(commitMs / batchMs <= 2)})`,
    ],
    [
      `kdbxweb saving the same ${entries} entries (Argon2id 64 MiB x3)`,
      `${saveMs.toFixed(0)} ms`,
      'baseline',
    ],
    [
      `KDBX 4 export of ${entries} entries`,
      `${exportMs.toFixed(0)} ms`,
      `${(exportMs / saveMs).toFixed(2)}x kdbxweb alone; target <= 1.5x (${verdict(exportMs / saveMs <= 1.5)})`,
    ],
  ];
}
