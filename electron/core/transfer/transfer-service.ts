// Exports that carry every password: each asks for the master password again, is audited, and is built in
// memory and handed to the caller (no file is written here, so no plaintext copy is left on disk).
import { AppError } from '../../../shared/contract/errors.ts';
import type { ExportFile } from '../../../shared/contract/inventory-types.ts';
import { fileStamp } from '../../../shared/domain/china-time.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../ports.ts';
import type { Vault } from '../vault/vault.ts';
import { writeBitwardenJson } from './bitwarden-export.ts';
import {
  accountCount,
  type CredentialSources,
  collectCredentials,
  collectRegister,
  type ExportShop,
} from './credentials.ts';
import { writeKdbx } from './kdbx-export.ts';

export interface TransferDeps {
  vault: Pick<Vault, 'verifyPassword'>;
  sources: CredentialSources;
  audit: AuditLog;
  clock: Clock;
}

type PasswordField = 'password_too_short' | 'password_mismatch';

export class TransferService {
  constructor(private readonly d: TransferDeps) {}

  async exportKdbx(input: {
    masterPassword: string;
    filePassword: { password: string; confirm: string } | null;
    shopId?: string | undefined;
  }): Promise<ExportFile> {
    const custom = input.filePassword;
    if (custom) {
      const fields: Record<string, PasswordField> = {};
      if (Array.from(custom.password).length < 10) fields.filePassword = 'password_too_short';
      if (custom.password !== custom.confirm) fields.fileConfirm = 'password_mismatch';
      if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
    }
    await this.confirmed(input.masterPassword, input.shopId);
    const { shops, file } = await this.kdbxFile(custom?.password ?? input.masterPassword, input.shopId);
    return this.done('kdbx', shops, input.shopId, file);
  }

  /** The .kdbx itself, opened with `password`: every account read from the vault, encrypted, in memory. */
  async kdbxFile(password: string, shopId?: string): Promise<{ shops: ExportShop[]; file: ExportFile }> {
    const shops = collectCredentials(this.d.sources, shopId);
    const now = this.d.clock.now();
    // A whole-vault export carries the staff register and the custom templates too.
    const register = shopId ? undefined : collectRegister(this.d.sources);
    const bytes = await writeKdbx(shops, password, { now, ...(register ? { register } : {}) });
    return {
      shops,
      file: {
        fileName: `店务管家-${fileStamp(now)}.kdbx`,
        mime: 'application/x-keepass2',
        contentBase64: Buffer.from(bytes).toString('base64'),
        rowCount: accountCount(shops),
      },
    };
  }

  async exportBitwarden(input: { masterPassword: string; shopId?: string | undefined }): Promise<ExportFile> {
    const shops = await this.confirmed(input.masterPassword, input.shopId);
    const now = this.d.clock.now();
    return this.done('bitwarden', shops, input.shopId, {
      fileName: `店务管家-bitwarden-${fileStamp(now)}.json`,
      mime: 'application/json',
      contentBase64: Buffer.from(
        writeBitwardenJson(shops, input.shopId ? undefined : collectRegister(this.d.sources)),
        'utf8',
      ).toString('base64'),
      rowCount: accountCount(shops),
    });
  }

  private async confirmed(masterPassword: string, shopId: string | undefined): Promise<ExportShop[]> {
    if (!(await this.d.vault.verifyPassword(masterPassword)))
      throw new AppError('WRONG_PASSWORD', { fields: { masterPassword: 'wrong_password' } });
    if (shopId && !this.d.sources.shops().some((s) => s.id === shopId))
      throw new AppError('NOT_FOUND', { message: `no shop ${shopId}` });
    return collectCredentials(this.d.sources, shopId);
  }

  private done(
    kind: 'kdbx' | 'bitwarden',
    shops: ExportShop[],
    shopId: string | undefined,
    file: ExportFile,
  ) {
    this.d.audit.append({
      action: kind === 'kdbx' ? 'transfer.exportedKdbx' : 'transfer.exportedBitwarden',
      object: shopId ? `shop/${shopId}` : 'vault',
      summary: `${file.fileName}, ${shops.length} 个店铺 / shops, ${file.rowCount} 个账号含密码 / accounts with passwords`,
    });
    return file;
  }
}
