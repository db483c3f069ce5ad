// Small file-system helpers whose point is durability: a rename is only durable once its directory is.
import fs from 'node:fs';
import path from 'node:path';

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
