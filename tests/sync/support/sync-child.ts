// A member's machine in its own process, for kill -9: opens the engine on a data folder and a shared-folder
// target, writes changes as fast as it can and prints each one's id the moment put() has returned (the
// change is acknowledged), syncing now and then. The parent kills it at a random moment.
import { openBytes, seal } from '../../../electron/core/crypto/aead.ts';
import { systemClock } from '../../../electron/core/ports.ts';
import { SyncEngine } from '../../../electron/core/sync/sync-engine.ts';
import { FolderTarget } from '../../../electron/core/sync/targets/folder-target.ts';
import { staffScope } from '../../../shared/domain/sync/scopes.ts';

const [dir, targetDir, keyHex, tag] = process.argv.slice(2) as [string, string, string, string];
const key = Buffer.from(keyHex, 'hex');
const engine = new SyncEngine({
  dir,
  target: new FolderTarget(targetDir),
  clock: systemClock,
  sealer: {
    seal: (plain, aad) => Buffer.from(seal(key, plain, aad), 'latin1'),
    open: (sealed, aad) => openBytes(key, sealed.toString('latin1'), aad),
  },
});
let i = 0;
for (;;) {
  const id = `${tag}-${i++}`;
  engine.put(
    { scope: staffScope('shopA'), kind: 'subaccount', id },
    { name: `a:${id}`, password: `pw-${id}` },
  );
  process.stdout.write(`${id}\n`);
  if (i % 7 === 0) await engine.syncNow().catch(() => undefined);
}
