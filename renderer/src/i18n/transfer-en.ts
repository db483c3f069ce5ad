// Import & export (issue #11), English.
export const transferEn = {
  title: 'Import & export',
  intro:
    'Take your accounts to another password manager you trust. Every export with passwords asks for the master password again and is recorded in the audit log.',
  scope: 'Scope',
  allShops: 'All shops',
  masterPassword: 'Master password',
  kdbx: {
    title: 'Export to KeePass / KeePassXC (.kdbx)',
    body: 'KDBX 4, AES-256 encryption, Argon2id key derivation. A group per platform and per shop, an entry per account (account name, password, seller-center URL, notes; phone and e-mail as protected fields).',
    passwordMode: 'File password',
    useMaster: 'Use the master password',
    useCustom: 'Set a separate file password',
    filePassword: 'File password (at least 10 characters)',
    fileConfirm: 'File password again',
    run: 'Export .kdbx',
    running: 'Encrypting…',
    done: 'Exported {{count}} accounts: {{file}}',
  },
  bitwarden: {
    title: 'Export to Bitwarden (.json)',
    warning:
      'This file is not encrypted: whoever gets it can read every password. Use it only to import into Bitwarden, delete it right after, and never send it by WeChat, e-mail or a cloud drive.',
    understood: 'I understand this file is not encrypted',
    understoodRequired: 'Confirm that you understand this file is not encrypted',
    run: 'Export .json',
    running: 'Exporting…',
    done: 'Exported {{count}} accounts: {{file}} (unencrypted; delete it after importing)',
  },
} as const;
