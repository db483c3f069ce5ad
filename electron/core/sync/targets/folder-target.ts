// A shared folder as a target: a mounted NAS/SMB share or a cloud drive's sync folder. Files are written
// to a temp name, fsync'd and renamed, so another machine reading the folder sees a whole file or none
// (cloud-drive clients copy whole files too); temp names never match REMOTE_NAME and are never listed.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { REMOTE_NAME, type RemoteEntry, type SyncTarget, TargetError } from './target.ts';

function asTargetError(err: unknown, what: string): TargetError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new TargetError('quota', `${what}: the shared folder is full`);
  if (code === 'EACCES' || code === 'EPERM')
    return new TargetError('auth', `${what}: no permission on the shared folder`);
  if (code === 'ENOENT')
    return new TargetError('network', `${what}: the shared folder is not there (not mounted?)`);
  return new TargetError('network', `${what}: ${String(err)}`);
}

export class FolderTarget implements SyncTarget {
  readonly counters = { requests: 0, bytesUp: 0, bytesDown: 0 };

  constructor(private readonly dir: string) {}

  private file(name: string): string {
    if (!REMOTE_NAME.test(name)) throw new TargetError('refused', `not a sync file name: ${name}`);
    return path.join(this.dir, name);
  }

  async ensure(): Promise<void> {
    this.counters.requests++;
    try {
      await fs.mkdir(this.dir, { recursive: true });
    } catch (err) {
      throw asTargetError(err, 'creating the folder');
    }
  }

  async list(): Promise<RemoteEntry[]> {
    this.counters.requests++;
    try {
      const names = (await fs.readdir(this.dir)).filter((n) => REMOTE_NAME.test(n));
      const out: RemoteEntry[] = [];
      for (const name of names) {
        const st = await fs.stat(path.join(this.dir, name)).catch(() => null);
        if (st?.isFile()) out.push({ name, size: st.size, tag: `${st.size}-${st.mtimeMs}-${st.ino}` });
      }
      return out;
    } catch (err) {
      throw asTargetError(err, 'listing the folder');
    }
  }

  async get(name: string): Promise<Buffer | null> {
    const file = this.file(name);
    this.counters.requests++;
    try {
      const data = await fs.readFile(file);
      this.counters.bytesDown += data.length;
      return data;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw asTargetError(err, `reading ${name}`);
    }
  }

  async put(name: string, bytes: Buffer): Promise<void> {
    const file = this.file(name);
    this.counters.requests++;
    const tmp = path.join(this.dir, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      const fh = await fs.open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, file);
      this.counters.bytesUp += bytes.length;
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw asTargetError(err, `writing ${name}`);
    }
  }

  async remove(name: string): Promise<void> {
    const file = this.file(name);
    this.counters.requests++;
    await fs.rm(file, { force: true }).catch((err) => {
      throw asTargetError(err, `removing ${name}`);
    });
  }
}
