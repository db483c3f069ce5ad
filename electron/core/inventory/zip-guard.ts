// A user-chosen .xlsx is a zip archive, and exceljs (with its old unzip chain) would inflate whatever it
// holds in main. Before any parser sees it, the archive is bounded here: entry count, total uncompressed
// size and compression ratio, each checked against the central directory and then against what the
// entries really inflate to (a bomb can lie in its headers), with zlib stopping at the declared size.
import zlib from 'node:zlib';
import { AppError } from '../../../shared/contract/errors.ts';

export const ZIP_LIMITS = {
  entries: 5_000,
  /** Total uncompressed bytes: a 10,000-row sheet is a few MiB; this leaves room for pictures. */
  totalBytes: 200 * 1024 * 1024,
  /** Per entry larger than 1 MiB: plain XML compresses 10-30x, a bomb thousands of times. */
  ratio: 200,
} as const;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const refuse = (reason: string, extra: Record<string, string | number> = {}) =>
  new AppError('FILE_ARCHIVE_REFUSED', {
    message: `archive refused: ${reason}`,
    details: { reason, ...extra },
  });

/** Lists the central directory, refusing anything malformed, zip64, encrypted or over the limits. */
export function listZip(buf: Buffer, limits = ZIP_LIMITS): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('not-zip');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw refuse('zip64');
  if (count > limits.entries) throw refuse('too-many-entries', { entries: count, limit: limits.entries });
  if (cdOffset + cdSize > buf.length) throw refuse('malformed');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw refuse('malformed');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (flags & 0x1) throw refuse('encrypted');
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw refuse('zip64');
    if (method !== 0 && method !== 8) throw refuse('unsupported-method');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    total += size;
    if (total > limits.totalBytes) throw refuse('too-large', { limitMiB: limits.totalBytes / 1024 / 1024 });
    if (size > 1024 * 1024 && size > limits.ratio * Math.max(1, compressedSize))
      throw refuse('compression-ratio', { entry: name.slice(0, 100), limit: limits.ratio });
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflates one entry, never past its declared size: a header that lies is refused, not believed. */
export function readZipEntry(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw refuse('malformed');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw refuse('malformed');
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (data.length !== e.size) throw refuse('size-mismatch', { entry: e.name.slice(0, 100) });
    return data;
  }
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw refuse(tooBig ? 'size-mismatch' : 'malformed', { entry: e.name.slice(0, 100) });
  }
  if (out.length !== e.size) throw refuse('size-mismatch', { entry: e.name.slice(0, 100) });
  return out;
}

/** Checks a whole archive: headers within limits and every entry inflating to exactly what it declares. */
export function checkZip(buf: Buffer, limits = ZIP_LIMITS): ZipEntry[] {
  const entries = listZip(buf, limits);
  for (const e of entries) readZipEntry(buf, e);
  return entries;
}
