// KeePass KDBX 4: AES-256 for the data, Argon2id for the key, a group per platform and per shop inside it,
// an entry per account. Phone and e-mail go in protected custom fields, as KeePassXC shows them.
import kdbxweb from 'kdbxweb';
import { SW_DATA_FIELD } from '../../../shared/domain/transfer/shopwarden-data.ts';
import type { ExportRegister, ExportShop } from './credentials.ts';
import { setUpKdbxweb } from './kdbxweb-setup.ts';

/** Argon2id at 64 MiB, 3 passes, 2 lanes: KeePassXC's own defaults for a new database are of this order. */
export const KDBX_ARGON2 = { memoryBytes: 64 * 1024 * 1024, iterations: 3, parallelism: 2 };

const { ValueType } = kdbxweb.VarDictionary;

/** The group holding the staff register and custom templates (a whole-vault export only). */
export const REGISTER_GROUP = '店务管家 · 员工与权限模板';

export async function writeKdbx(
  shops: ExportShop[],
  password: string,
  opts: { now: number; kdf?: typeof KDBX_ARGON2; register?: ExportRegister } = { now: Date.now() },
): Promise<Uint8Array> {
  setUpKdbxweb();
  const kdf = opts.kdf ?? KDBX_ARGON2;
  const db = kdbxweb.Kdbx.create(
    new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(password)),
    '店务管家',
  );
  db.setKdf(kdbxweb.Consts.KdfId.Argon2id);
  const params = db.header.kdfParameters;
  if (!params) throw new Error('kdbx header without KDF parameters');
  params.set('M', ValueType.UInt64, kdbxweb.Int64.from(kdf.memoryBytes));
  params.set('I', ValueType.UInt64, kdbxweb.Int64.from(kdf.iterations));
  params.set('P', ValueType.UInt32, kdf.parallelism);
  db.header.dataCipherUuid = new kdbxweb.KdbxUuid(kdbxweb.Consts.CipherId.Aes);

  const root = db.getDefaultGroup();
  const platformGroups = new Map<string, kdbxweb.KdbxGroup>();
  const when = new Date(opts.now);
  for (const shop of shops) {
    let pg = platformGroups.get(shop.platform);
    if (!pg) {
      pg = db.createGroup(root, shop.platformName);
      platformGroups.set(shop.platform, pg);
    }
    const group = db.createGroup(pg, shop.name);
    for (const a of shop.accounts) {
      const entry = db.createEntry(group);
      entry.fields.set('Title', a.title);
      entry.fields.set('UserName', a.userName);
      entry.fields.set('Password', kdbxweb.ProtectedValue.fromString(a.password ?? ''));
      entry.fields.set('URL', a.url);
      entry.fields.set('Notes', a.notes);
      if (a.phone) entry.fields.set('手机 / Phone', kdbxweb.ProtectedValue.fromString(a.phone));
      if (a.email) entry.fields.set('邮箱 / E-mail', kdbxweb.ProtectedValue.fromString(a.email));
      // No secret in it: plain, so KeePassXC shows it and our import reads it back.
      entry.fields.set(SW_DATA_FIELD, a.data);
      entry.times.creationTime = when;
      entry.times.lastModTime = when;
    }
  }
  if (opts.register && (opts.register.people.length || opts.register.templates.length)) {
    const group = db.createGroup(root, REGISTER_GROUP);
    for (const p of opts.register.people) {
      const entry = db.createEntry(group);
      entry.fields.set('Title', `员工：${p.name}`);
      if (p.phone) entry.fields.set('手机 / Phone', kdbxweb.ProtectedValue.fromString(p.phone));
      entry.fields.set(SW_DATA_FIELD, p.data);
      entry.times.creationTime = when;
      entry.times.lastModTime = when;
    }
    for (const t of opts.register.templates) {
      const entry = db.createEntry(group);
      entry.fields.set('Title', `权限模板：${t.name}`);
      entry.fields.set(SW_DATA_FIELD, t.data);
      entry.times.creationTime = when;
      entry.times.lastModTime = when;
    }
  }
  return new Uint8Array(await db.save());
}
