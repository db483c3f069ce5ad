// Password CSVs as the tools write them, told apart by their header rows:
//   Bitwarden   folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
//   1Password   Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes (1Password 8; 7 wrote website)
//   Chrome/Edge name,url,username,password[,note]
//   Firefox     "url","username","password","httpRealm","formActionOrigin","guid","timeCreated",...
//   KeePassXC   "Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"
// A CSV with none of these headers is a seller's own sheet (the column-mapping path).
import {
  blankCredential,
  type CredentialSource,
  type ImportedCredential,
  isEmailField,
  isPhoneField,
} from '../../../../shared/domain/transfer/credential.ts';
import type { Table } from '../../inventory/tabular.ts';

type Field = 'title' | 'url' | 'userName' | 'password' | 'notes' | 'group' | 'fields';

interface Format {
  source: CredentialSource;
  /** Header names (lower case) that must all be present. */
  needs: string[];
  columns: Partial<Record<Field, string[]>>;
}

const FORMATS: Format[] = [
  {
    source: 'bitwarden-csv',
    needs: ['login_uri', 'login_username', 'login_password'],
    columns: {
      title: ['name'],
      url: ['login_uri'],
      userName: ['login_username'],
      password: ['login_password'],
      notes: ['notes'],
      group: ['folder'],
      fields: ['fields'],
    },
  },
  {
    source: 'firefox-csv',
    needs: ['url', 'username', 'password', 'formactionorigin'],
    columns: { url: ['url'], userName: ['username'], password: ['password'] },
  },
  {
    source: 'keepassxc-csv',
    needs: ['group', 'title', 'username', 'password', 'url'],
    columns: {
      title: ['title'],
      url: ['url'],
      userName: ['username'],
      password: ['password'],
      notes: ['notes'],
      group: ['group'],
    },
  },
  {
    source: '1password-csv',
    needs: ['title', 'username', 'password'],
    columns: {
      title: ['title'],
      url: ['url', 'website', 'urls'],
      userName: ['username'],
      password: ['password'],
      notes: ['notes', 'notesplain'],
    },
  },
  {
    source: 'chrome-csv',
    needs: ['name', 'url', 'username', 'password'],
    columns: {
      title: ['name'],
      url: ['url'],
      userName: ['username'],
      password: ['password'],
      notes: ['note'],
    },
  },
];

/** Which password tool wrote this table, by its header; null for anything else. */
export function credentialFormat(table: Table): Format | null {
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  return FORMATS.find((f) => f.needs.every((n) => header.includes(n))) ?? null;
}

export function credentialsFromCsv(table: Table, format: Format): ImportedCredential[] {
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (f: Field) => {
    for (const name of format.columns[f] ?? []) {
      const i = header.indexOf(name);
      if (i >= 0) return i;
    }
    return -1;
  };
  const idx = Object.fromEntries(
    (['title', 'url', 'userName', 'password', 'notes', 'group', 'fields'] as const).map((f) => [f, col(f)]),
  ) as Record<Field, number>;
  return table.slice(1).map((row, i) => {
    const cell = (f: Field) => (idx[f] >= 0 ? (row[idx[f]] ?? '') : '');
    const c = blankCredential(i + 1);
    c.title = cell('title');
    c.url = cell('url');
    c.userName = cell('userName');
    c.password = cell('password');
    c.notes = cell('notes');
    // KeePassXC writes its root group too ("Passwords/淘宝"): paths start below it, as in the .kdbx.
    c.group = format.source === 'keepassxc-csv' ? cell('group').split('/').slice(1).join('/') : cell('group');
    // Bitwarden's custom fields: one "name: value" per line.
    for (const line of cell('fields').split(/\r?\n/)) {
      const m = /^([^:]+):\s?(.*)$/.exec(line);
      if (!m) continue;
      if (!c.phone && isPhoneField(m[1]!)) c.phone = m[2]!;
      else if (!c.email && isEmailField(m[1]!)) c.email = m[2]!;
    }
    return c;
  });
}
