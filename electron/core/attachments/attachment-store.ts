// Files attached to a deposit case or a recovery draft (licence, ID photos...): copied into the data
// folder under generated names and sealed with the data key, since they are some of the most sensitive things the app holds. The original
// name is kept only as display text; no part of it ever reaches a path.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors.ts';
import { safeId } from '../../../shared/contract/spec.ts';
import type { Sealer } from '../kernel/sealer.ts';
import { ensurePrivateDir, rawDurableWrite } from '../storage/fs-durable.ts';

const STORED = /^[a-f0-9]{32}\.bin$/;

/** A file attached to a case item or a draft: shown by `name`, stored under `stored` (see AttachmentStore). */
export const attachmentSchema = z.strictObject({
  id: safeId,
  name: z.string().max(200),
  stored: z.string().regex(STORED),
  size: z.number().int().min(0),
  addedAt: z.string().max(40),
});

export const MAX_ATTACHMENT_BYTES = 6 * 1024 * 1024;

/** The name shown to the user: the last path segment, no control characters, at most 120 characters. */
export function displayName(original: string): string {
  const last = original.split(/[\\/]/).pop() ?? '';
  const clean = [...last.normalize('NFC')]
    .filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return c >= 32 && c !== 127 && !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069);
    })
    .join('')
    .trim()
    .slice(0, 120);
  return clean || '附件';
}

export class AttachmentStore {
  readonly root: string;

  constructor(
    dataDir: string,
    private readonly sealer: Sealer,
  ) {
    this.root = path.join(dataDir, 'attachments');
  }

  /** Resolves a stored name inside the root, refusing anything that is not one of ours. */
  private pathOf(stored: string): string {
    if (!STORED.test(stored)) throw new AppError('NOT_FOUND');
    const p = path.resolve(this.root, stored);
    if (path.dirname(p) !== path.resolve(this.root)) throw new AppError('NOT_FOUND');
    return p;
  }

  save(caseId: string, bytes: Buffer): { stored: string; size: number } {
    const stored = `${randomBytes(16).toString('hex')}.bin`;
    this.saveAs(caseId, stored, bytes);
    return { stored, size: bytes.length };
  }

  /** Keeps a file under a given name: one that arrived from the team keeps the name its records give it. */
  saveAs(caseId: string, stored: string, bytes: Buffer): void {
    if (bytes.length > MAX_ATTACHMENT_BYTES)
      throw new AppError('FILE_TOO_LARGE', { details: { maxMiB: MAX_ATTACHMENT_BYTES / 1024 / 1024 } });
    ensurePrivateDir(this.root);
    const sealed = this.sealer.seal(
      `attachments-${caseId}`,
      stored.slice(0, 32),
      'content',
      bytes.toString('base64'),
    );
    rawDurableWrite(this.pathOf(stored), sealed);
  }

  exists(stored: string): boolean {
    try {
      return fs.existsSync(this.pathOf(stored));
    } catch {
      return false;
    }
  }

  read(caseId: string, stored: string): Buffer {
    const file = this.pathOf(stored);
    // Listed by a record from the team but not fetched yet (or refused): said in words, not as a crash.
    if (!fs.existsSync(file)) throw new AppError('ATTACHMENT_NOT_HERE');
    const sealed = fs.readFileSync(file, 'utf8');
    return Buffer.from(
      this.sealer.open(`attachments-${caseId}`, stored.slice(0, 32), 'content', sealed),
      'base64',
    );
  }

  remove(stored: string): void {
    fs.rmSync(this.pathOf(stored), { force: true });
  }
}
