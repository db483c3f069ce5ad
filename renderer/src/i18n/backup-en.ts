// Strings of backups, restore and the recovery kit (en-US).
export const backupEn = {
  title: 'Backup and restore',
  intro:
    'A backup is one encrypted .swbackup file holding every shop, sub-account, person, deposit case, recovery draft, attachment and the audit log. Without the backup password nobody can open it. Put the backup folder on another disk: a USB disk, a NAS share or a cloud-drive folder, so the data outlives this computer.',
  change: 'Change the backup settings',
  folder: 'Backup folder',
  folderHint: 'Full path, e.g. D:\\ShopBackups or /Volumes/USB/ShopBackups',
  passwordMode: 'Backup password',
  useMaster: 'Use the master password (default)',
  useCustom: 'Use a separate backup password',
  backupPassword: 'Backup password (at least 10 characters)',
  backupConfirm: 'Backup password again',
  masterPassword: 'Current master password (to confirm it is you)',
  save: 'Save and back up now',
  saving: 'Backing up…',
  runNow: 'Back up now',
  running: 'Backing up…',
  notConfigured: 'Automatic backups are not set up. The data is on this computer only.',
  schedule:
    'Backs up once a day while unlocked, and before a restore, a master-password change, bulk deletes and imports. Keeps every backup of the last 24 hours, one a day for 7 days and one a week for 4 weeks.',
  lastSuccess: 'Last successful backup',
  never: 'never',
  lastError: 'Last backup failed',
  overdue: 'No successful backup for more than 2 days.',
  files: 'Backups in the folder',
  noFiles: 'No backup files in the folder yet.',
  made: 'Backup made: {{file}}',
  verify: 'Verify a backup',
  verifyIntro: 'Opens a backup file and checks every part, without restoring or changing anything.',
  restore: 'Restore from a backup',
  restoreIntro:
    "Replaces this computer's data with a backup. The current data is backed up first and moved to a replaced-… folder in the data folder (never deleted). Afterwards, unlock with the master password the backup had.",
  file: 'Backup file',
  fileHint: 'Full path of the backup file (.swbackup)',
  password: 'Backup password',
  check: 'Check the backup file',
  checking: 'Checking…',
  holds: 'This backup was made on {{date}} (version {{version}}) and holds:',
  counts:
    '{{shops}} shops, {{subAccounts}} sub-accounts, {{staff}} people, {{cases}} deposit cases, {{drafts}} recovery drafts, {{attachments}} attachments, {{auditEntries}} audit entries',
  verified: 'Verified: every part is complete and intact.',
  confirmRestore: 'Replace the current data with this backup',
  restoring: 'Restoring…',
  restored: 'Restored from the backup. Unlock with the master password the backup had.',
  firstRun: 'On a new computer? Restore from a backup',
  size: 'Size',
  time: 'Time',
};

export const kitEn = {
  title: 'Recovery kit',
  intro:
    'The recovery kit is one A4 sheet with a random recovery key. If you forget the master password, it opens the vault and lets you set a new one. Whoever holds the sheet plus this computer or a backup file can open all the data: print it and lock it away with your business licence and company seal; never photograph it or keep it on a computer, phone or cloud drive.',
  none: 'No recovery kit yet.',
  createdAt: 'The current kit was made on {{date}}. Making a new one voids the old.',
  create: 'Create a recovery kit',
  replace: 'Replace the recovery kit',
  masterPassword: 'Current master password',
  make: 'Make the recovery key',
  shownOnce:
    'The recovery key is shown this once. Print it now (or save as PDF and print), then leave this page.',
  done: 'Printed: close',
  sheetTitle: 'Shopwarden · Recovery kit',
  sheetWhat:
    'The recovery key on this sheet opens your Shopwarden vault if the master password is forgotten, and lets you set a new one.',
  sheetWhere:
    'Keep it locked away with your business licence and company seal. Never photograph it or store it on a computer, phone or cloud drive. If it is lost, replace it under Settings → Recovery kit.',
  sheetHow:
    'To use it: on the lock screen choose "Forgot the master password? Use the recovery kit", type the key below (case and dashes do not matter) and set a new master password.',
  sheetKey: 'Recovery key',
  sheetCreated: 'Created (Beijing time)',
  sheetVault: 'Data folder',
  print: 'Print',
  savePdf: 'Save as PDF',
  useKit: 'Forgot the master password? Use the recovery kit',
  useTitle: 'Use the recovery kit',
  useIntro:
    'Type the recovery key from the sheet and set a new master password. The old master password stops working.',
  key: 'Recovery key',
  newPassword: 'New master password (at least 10 characters)',
  confirm: 'New master password again',
  unlock: 'Unlock and set the new master password',
};
