// Reveal and copy: the only two paths by which a secret leaves the core. Each is an audit entry naming
// the record and field, never the value.
import { AppError } from '../../../shared/contract/errors.ts';
import type { CopiedSecret, RevealedSecret } from '../../../shared/contract/types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { fieldAad } from '../crypto/aead.ts';
import type { ClipboardGuard } from '../session/clipboard-guard.ts';
import { REVEAL_SECONDS } from '../settings/settings-schema.ts';

export interface SecretRef {
  collection: string;
  recordId: string;
  field: string;
}

/** Finds the sealed value a reference points at, or undefined when there is none. */
export type SealedResolver = (ref: SecretRef) => string | undefined;

export class SecretAccess {
  constructor(
    private readonly resolve: SealedResolver,
    private readonly open_: (sealed: string, aad: string) => string,
    private readonly audit: AuditLog,
    private readonly clipboard: ClipboardGuard,
    private readonly clipboardSeconds: () => number,
  ) {}

  reveal(ref: SecretRef): RevealedSecret {
    const value = this.open(ref);
    this.audit.append({
      action: 'secret.revealed',
      object: objectOf(ref),
      summary: `查看 ${ref.field} / revealed ${ref.field}`,
    });
    return { value, hideAfterMs: REVEAL_SECONDS * 1000 };
  }

  async copy(ref: SecretRef): Promise<CopiedSecret> {
    const value = this.open(ref);
    const clearAfterMs = this.clipboardSeconds() * 1000;
    try {
      await this.clipboard.copy(value, clearAfterMs);
    } catch {
      throw new AppError('CLIPBOARD_UNAVAILABLE');
    }
    this.audit.append({
      action: 'secret.copied',
      object: objectOf(ref),
      summary: `复制 ${ref.field} / copied ${ref.field}`,
    });
    return { clearAfterMs };
  }

  /**
   * A name (not a secret) through the same clipboard path, so it is cleared after the same time and the
   * page never needs clipboard permission of its own.
   */
  async copyText(text: string): Promise<CopiedSecret> {
    const clearAfterMs = this.clipboardSeconds() * 1000;
    try {
      await this.clipboard.copy(text, clearAfterMs);
    } catch {
      throw new AppError('CLIPBOARD_UNAVAILABLE');
    }
    return { clearAfterMs };
  }

  private open(ref: SecretRef): string {
    const sealed = this.resolve(ref);
    if (sealed === undefined) throw new AppError('NOT_FOUND');
    return this.open_(sealed, fieldAad(ref.collection, ref.recordId, ref.field));
  }
}

const objectOf = (ref: SecretRef) => `${ref.collection}/${ref.recordId}`;
