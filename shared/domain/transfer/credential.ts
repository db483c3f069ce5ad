// One saved login as another password manager or a browser exported it, before we decide what it is.

export type CredentialSource =
  | 'bitwarden-json'
  | 'bitwarden-csv'
  | '1password-csv'
  | 'keepass-kdbx'
  | 'keepass-xml'
  | 'chrome-csv'
  | 'firefox-csv'
  | 'keepassxc-csv';

export interface ImportedCredential {
  /** The entry's place in the file, from 1 (a CSV's data row, an item's position), for messages. */
  at: number;
  title: string;
  url: string;
  userName: string;
  /** Exactly as the file holds it: never trimmed or normalised. */
  password: string;
  notes: string;
  /** Folder or group path, '/'-joined; '' at the root. */
  group: string;
  /** From a custom field named like a phone or e-mail field, when the source has one. */
  phone: string;
  email: string;
  /** Our own export's record of the entry (shopwarden-data.ts), raw; '' from anything else. */
  data: string;
}

export const blankCredential = (at: number): ImportedCredential => ({
  at,
  title: '',
  url: '',
  userName: '',
  password: '',
  notes: '',
  group: '',
  phone: '',
  email: '',
  data: '',
});

/** A custom field's name that holds a phone (手机, 电话, phone, mobile...). */
export const isPhoneField = (name: string) => /手机|电话|phone|mobile|tel/i.test(name);
/** A custom field's name that holds an e-mail address. */
export const isEmailField = (name: string) => /邮箱|e-?mail/i.test(name);
