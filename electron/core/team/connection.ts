// Where this machine's team folder is and how to reach it, kept in the data folder sealed with a key derived
// from the vault's data key (the WebDAV password, e.g. 坚果云's app password, is a secret like any other).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { teamConnection } from '../../../shared/contract/areas/team.ts';
import { AppError } from '../../../shared/contract/errors.ts';
import type { TeamConnectionView } from '../../../shared/contract/team-types.ts';
import { rawDurableWrite } from '../storage/fs-durable.ts';
import type { LocalSealer } from '../sync/local-store.ts';
import { FolderTarget } from '../sync/targets/folder-target.ts';
import type { SyncTarget } from '../sync/targets/target.ts';
import { checkAddress } from '../sync/targets/target-address.ts';
import { WebdavTarget } from '../sync/targets/webdav-target.ts';

export type Connection = z.infer<typeof teamConnection>;

const storedSchema = z.strictObject({
  connection: teamConnection,
  pollSeconds: z.number().int().min(15).max(3600),
});
export type StoredConnection = z.infer<typeof storedSchema>;

const FILE = 'connection.bin';
const AAD = 'shopwarden/sync/connection';

export function loadConnection(dir: string, sealer: LocalSealer): StoredConnection | null {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(path.join(dir, FILE));
  } catch {
    return null;
  }
  const parsed = storedSchema.safeParse(JSON.parse(sealer.open(raw, AAD).toString('utf8')));
  return parsed.success ? parsed.data : null;
}

export function saveConnection(dir: string, sealer: LocalSealer, value: StoredConnection): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  rawDurableWrite(path.join(dir, FILE), sealer.seal(Buffer.from(JSON.stringify(value), 'utf8'), AAD));
}

/** Checks the address (https, or plain http only locally) and makes the target; a bad one changes nothing. */
export function targetFor(c: Connection): { target: SyncTarget; warning: 'plain-http-local' | null } {
  if (c.kind === 'folder') {
    if (!path.isAbsolute(c.dir))
      throw new AppError('VALIDATION_FAILED', {
        fields: { 'connection.dir': 'invalid' },
        message: 'an absolute folder path is needed',
      });
    return { target: new FolderTarget(c.dir), warning: null };
  }
  const v = checkAddress(c.url);
  if (!v.ok) throw new AppError('SYNC_ADDRESS_REFUSED', { details: { reason: v.reason } });
  return {
    target: new WebdavTarget({ url: v.url.toString(), username: c.username, password: c.password }),
    warning: v.warning,
  };
}

export function connectionView(c: Connection): TeamConnectionView {
  if (c.kind === 'folder') return { kind: 'folder', address: c.dir, username: null, warning: null };
  const v = checkAddress(c.url);
  return { kind: 'webdav', address: c.url, username: c.username, warning: v.ok ? v.warning : null };
}
