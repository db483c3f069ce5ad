// A real child process that imports a sheet of shops with their sub-accounts and is killed (SIGKILL,
// by itself) at its Nth fsync after the confirm: every moment of the write, from the intent file through
// each shop file to the audit. "ACK" is printed only after the confirm returned. Run with
// node --experimental-transform-types.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { GOOD_PASSWORD, makeTestCore } from '../../support/test-core.ts';

const [dataDir, killAtArg, shopsArg, subsArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: import-child <dataDir> <killAtFsync> <shops> <subsPerShop>');
const killAt = Number(killAtArg) || 0;
const SHOPS = Number(shopsArg);
const SUBS_PER_SHOP = Number(subsArg);
if (!(SHOPS > 0 && SUBS_PER_SHOP > 0)) throw new Error('shops and sub-accounts per shop must be positive');

const tc = makeTestCore({ dataDir });
await tc.core.dispatch('vault.setup', {
  password: GOOD_PASSWORD,
  confirm: GOOD_PASSWORD,
  rememberOnDevice: false,
});
const lines = ['店铺名称,平台,主账号,子账号,密码'];
for (let s = 0; s < SHOPS; s++) {
  lines.push(`导入店${s},淘宝,main${s},,Main-Pass-${s}`);
  for (let k = 0; k < SUBS_PER_SHOP; k++) lines.push(`导入店${s},淘宝,main${s},客服${k},Sub-Pass-${s}-${k}`);
}
const read = await tc.core.dispatch('transfer.readImport', {
  fileName: 'import.csv',
  contentBase64: Buffer.from(lines.join('\n')).toString('base64'),
});
if (!read.ok) throw new Error(JSON.stringify(read.error));
const { token } = read.value as { token: string };

// The safety backup made first is not the import's write: its fsyncs are not counted (a crash during it
// leaves nothing of the import on disk, which the safety-backup suites check on their own).
let inSafety = false;
const backup = tc.core.backup;
const safety = backup.safetyBackup.bind(backup);
backup.safetyBackup = (...a: Parameters<typeof safety>) => {
  inSafety = true;
  try {
    return safety(...a);
  } finally {
    inSafety = false;
  }
};
let n = 0;
const fsync = fs.fsyncSync;
fs.fsyncSync = (fd: number) => {
  fsync(fd);
  if (!inSafety && killAt > 0 && ++n >= killAt) process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
process.stdout.write('COMMIT\n');
const r = await tc.core.dispatch('transfer.commitImport', { token, skipInvalid: false });
if (!r.ok) throw new Error(JSON.stringify(r.error));
process.stdout.write(`ACK ${JSON.stringify(r.value)}\n`);
process.exit(0);
