// Small file-system helpers whose point is durability: a rename is only durable once its directory is.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors.ts';

/**
 * The calls every append-only file (journals, the audit log) makes, behind one object so the fault suite
 * can inject ENOSPC, EIO and short writes exactly where the real disk would produce them.
 */
export interface AppendIo {
  openSync(file: string, flags: string, mode: number): number;
  fstatSize(fd: number): number;
  writeSync(fd: number, data: Buffer, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, len: number): void;
  closeSync(fd: number): void;
}

export const realAppendIo: AppendIo = {
  openSync: (f, flags, mode) => fs.openSync(f, flags, mode),
  fstatSize: (fd) => fs.fstatSync(fd).size,
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  ftruncateSync: (fd, len) => fs.ftruncateSync(fd, len),
  closeSync: (fd) => fs.closeSync(fd),
};

/** Swappable only by tests (the fault suite); the product always uses the real calls. */
export const appendIo: { current: AppendIo } = { current: realAppendIo };

/** A storage failure as the user reads it: disk full and I/O errors named, in both languages. */
export function storageError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const message = `${what} failed: ${String(err)}`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', { message });
  if (code === 'EIO') return new AppError('IO_ERROR', { message });
  return new AppError('STORAGE_WRITE_FAILED', { message });
}

/**
 * Appends all of `data` and fsyncs, or changes nothing: a short write is continued, and any failure
 * (disk full, I/O error) cuts the file back to its old length before the error is thrown, so no fragment
 * is left for the next append to be glued onto. Returns the file's new length.
 */
export function appendFully(file: string, data: Buffer): void {
  const io = appendIo.current;
  let fd: number;
  try {
    fd = io.openSync(file, 'a', 0o600);
  } catch (err) {
    throw storageError(err, `opening ${path.basename(file)}`);
  }
  let start = -1;
  try {
    start = io.fstatSize(fd);
    let off = 0;
    while (off < data.length) {
      const n = io.writeSync(fd, data, off, data.length - off);
      if (!(n > 0)) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
      off += n;
    }
    io.fsyncSync(fd);
  } catch (err) {
    if (start >= 0) {
      try {
        io.ftruncateSync(fd, start);
        io.fsyncSync(fd);
      } catch {
        // The next start finds the fragment as a torn tail and quarantines it; nothing acknowledged is in it.
      }
    }
    throw storageError(err, `appending to ${path.basename(file)}`);
  } finally {
    io.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Keep an old version by hard link (no copy, its own inode after the next rename); copy where links fail. */
export function preserve(src: string, dest: string): void {
  try {
    fs.linkSync(src, dest);
  } catch {
    fs.copyFileSync(src, dest, fs.constants.COPYFILE_EXCL);
  }
}

/** Raw durable write (temp, fsync, rename, fsync dir): the baseline the benchmark compares against. */
export function rawDurableWrite(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

export function timestampForName(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/**
 * Writes in slices of at most 256 KiB: one write of several MiB into a new file measured three to four
 * times slower here than the same bytes in slices (and than `cp`), so a backup with attachments pays for it.
 */
export function writeAll(fd: number, chunks: readonly Buffer[]): void {
  for (const c of chunks)
    for (let at = 0; at < c.length; ) at += fs.writeSync(fd, c, at, Math.min(WRITE_SLICE, c.length - at));
}
const WRITE_SLICE = 256 * 1024;
