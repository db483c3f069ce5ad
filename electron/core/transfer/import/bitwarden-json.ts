// Bitwarden's unencrypted .json export: folders, and items of which type 1 are logins. An encrypted export
// ("encrypted": true) cannot be read without the account's key and is refused with what to do instead.
import { AppError } from '../../../../shared/contract/errors.ts';
import {
  blankCredential,
  type ImportedCredential,
  isEmailField,
  isPhoneField,
} from '../../../../shared/domain/transfer/credential.ts';
import { SW_DATA_FIELD } from '../../../../shared/domain/transfer/shopwarden-data.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function credentialsFromBitwardenJson(text: string): ImportedCredential[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('IMPORT_WRONG_KIND', { details: { reason: 'not-json' } });
  }
  if ((data as { encrypted?: unknown } | null)?.encrypted === true)
    throw new AppError('IMPORT_ENCRYPTED_EXPORT');
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { items?: unknown }).items))
    throw new AppError('IMPORT_WRONG_KIND', { details: { reason: 'not-bitwarden-json' } });
  const d = data as { folders?: unknown; items: unknown[] };
  const folders = new Map<string, string>();
  if (Array.isArray(d.folders))
    for (const f of d.folders) {
      const o = f as { id?: unknown; name?: unknown };
      folders.set(str(o?.id), str(o?.name));
    }
  const out: ImportedCredential[] = [];
  d.items.forEach((raw, i) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    // Logins; and secure notes only when they are our own export's staff and templates.
    const fields = Array.isArray(item.fields) ? item.fields : [];
    const ours = fields.some((f) => str((f as { name?: unknown } | null)?.name) === SW_DATA_FIELD);
    if (item.type !== 1 && !(item.type === 2 && ours)) return;
    const login = (item.login ?? {}) as Record<string, unknown>;
    const c = blankCredential(i + 1);
    c.title = str(item.name);
    c.notes = str(item.notes);
    c.group = folders.get(str(item.folderId)) ?? '';
    c.userName = str(login.username);
    c.password = str(login.password);
    const uris = Array.isArray(login.uris) ? login.uris : [];
    c.url = str((uris[0] as { uri?: unknown } | undefined)?.uri);
    for (const f of fields) {
      const o = (f ?? {}) as { name?: unknown; value?: unknown };
      if (str(o.name) === SW_DATA_FIELD) c.data = str(o.value);
      else if (!c.phone && isPhoneField(str(o.name))) c.phone = str(o.value);
      else if (!c.email && isEmailField(str(o.name))) c.email = str(o.value);
    }
    out.push(c);
  });
  return out;
}
