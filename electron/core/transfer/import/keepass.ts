// KeePass: .kdbx (KDBX 3.1 and 4; AES-KDF, Argon2d, Argon2id) through kdbxweb, and KeePass 2 XML exports.
// The key derivation's cost is written in the file, so a hostile file could ask for any amount of memory
// or hours of work: the header is read first and refused over the caps, before any derivation runs.
import kdbxweb from 'kdbxweb';
import { AppError } from '../../../../shared/contract/errors.ts';
import {
  blankCredential,
  type ImportedCredential,
  isEmailField,
  isPhoneField,
} from '../../../../shared/domain/transfer/credential.ts';
import { SW_DATA_FIELD } from '../../../../shared/domain/transfer/shopwarden-data.ts';
import { setUpKdbxweb } from '../kdbxweb-setup.ts';

export const KDF_CAPS = {
  argon2MemoryBytes: 1024 * 1024 * 1024,
  /** Memory × passes, in bytes: 64 MiB × 256 passes, or 1 GiB × 16. */
  argon2Work: 16 * 1024 * 1024 * 1024,
  argon2Parallelism: 16,
  aesRounds: 200_000_000,
} as const;

const tooCostly = (detail: Record<string, number | string>) =>
  new AppError('IMPORT_KDF_TOO_COSTLY', { details: detail });

const num = (v: unknown): number =>
  typeof v === 'number' ? v : v instanceof kdbxweb.Int64 ? v.value : Number.NaN;

/** Reads the header alone and refuses a KDF over the caps (or one we do not know). */
export function checkKdbxCost(bytes: Uint8Array): void {
  let header: kdbxweb.KdbxHeader;
  try {
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    header = kdbxweb.KdbxHeader.read(
      new kdbxweb.BinaryStream(ab),
      new kdbxweb.KdbxContext({ kdbx: {} as never }),
    );
  } catch {
    throw new AppError('IMPORT_WRONG_KIND', { details: { reason: 'kdbx-header' } });
  }
  if (header.versionMajor < 4) {
    const rounds = header.keyEncryptionRounds ?? Number.NaN;
    if (!(rounds <= KDF_CAPS.aesRounds)) throw tooCostly({ kdf: 'aes', rounds });
    return;
  }
  const p = header.kdfParameters;
  const uuid = p?.get('$UUID');
  const id = uuid instanceof ArrayBuffer ? Buffer.from(uuid).toString('base64') : '';
  if (id === kdbxweb.Consts.KdfId.Aes) {
    const rounds = num(p?.get('R'));
    if (!(rounds <= KDF_CAPS.aesRounds)) throw tooCostly({ kdf: 'aes', rounds });
    return;
  }
  if (id !== kdbxweb.Consts.KdfId.Argon2d && id !== kdbxweb.Consts.KdfId.Argon2id)
    throw tooCostly({ kdf: 'unknown' });
  const memory = num(p?.get('M'));
  const passes = num(p?.get('I'));
  const lanes = num(p?.get('P'));
  if (
    !(memory <= KDF_CAPS.argon2MemoryBytes) ||
    !(memory * passes <= KDF_CAPS.argon2Work) ||
    !(lanes >= 1 && lanes <= KDF_CAPS.argon2Parallelism)
  )
    throw tooCostly({ kdf: 'argon2', memory, passes, lanes });
  // hash-wasm computes Argon2 version 1.3 only; a 1.0 file would fail as a "wrong password".
  if (num(p?.get('V')) !== 0x13) throw tooCostly({ kdf: 'argon2', version: num(p?.get('V')) });
}

const text = (v: kdbxweb.KdbxEntryField | undefined): string =>
  v === undefined ? '' : typeof v === 'string' ? v : v.getText();

function credentialsOf(db: kdbxweb.Kdbx): ImportedCredential[] {
  const out: ImportedCredential[] = [];
  const root = db.getDefaultGroup();
  const recycle = db.meta.recycleBinUuid?.id;
  const walk = (group: kdbxweb.KdbxGroup, path: string[]) => {
    if (recycle && group.uuid.id === recycle) return;
    for (const e of group.entries) {
      const c = blankCredential(out.length + 1);
      c.title = text(e.fields.get('Title'));
      c.userName = text(e.fields.get('UserName'));
      c.password = text(e.fields.get('Password'));
      c.url = text(e.fields.get('URL'));
      c.notes = text(e.fields.get('Notes'));
      c.group = path.join('/');
      for (const [name, value] of e.fields) {
        if (['Title', 'UserName', 'Password', 'URL', 'Notes'].includes(name)) continue;
        if (name === SW_DATA_FIELD) c.data = text(value);
        else if (!c.phone && isPhoneField(name)) c.phone = text(value);
        else if (!c.email && isEmailField(name)) c.email = text(value);
      }
      out.push(c);
    }
    for (const g of group.groups) walk(g, [...path, g.name ?? '']);
  };
  // The root group is the database itself ("Passwords", "Root"): paths start below it.
  walk(root, []);
  return out;
}

export async function readKdbx(bytes: Uint8Array, password: string): Promise<ImportedCredential[]> {
  checkKdbxCost(bytes);
  setUpKdbxweb();
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let db: kdbxweb.Kdbx;
  try {
    db = await kdbxweb.Kdbx.load(ab, new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(password)));
  } catch (err) {
    if (err instanceof kdbxweb.KdbxError && err.code === kdbxweb.Consts.ErrorCodes.InvalidKey)
      throw new AppError('IMPORT_WRONG_PASSWORD');
    throw new AppError('IMPORT_WRONG_KIND', { details: { reason: 'kdbx-damaged' } });
  }
  return credentialsOf(db);
}

/** KeePass 2 XML export. Any DTD is refused before the parser sees the text (no entity expansion at all). */
export async function readKeepassXml(xml: string): Promise<ImportedCredential[]> {
  setUpKdbxweb();
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new AppError('IMPORT_XML_DTD_REFUSED');
  if (!/<KeePassFile[\s>]/.test(xml))
    throw new AppError('IMPORT_WRONG_KIND', { details: { reason: 'not-keepass-xml' } });
  let db: kdbxweb.Kdbx;
  try {
    db = await kdbxweb.Kdbx.loadXml(xml, new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString('')));
  } catch {
    throw new AppError('IMPORT_WRONG_KIND', { details: { reason: 'keepass-xml-damaged' } });
  }
  return credentialsOf(db);
}
