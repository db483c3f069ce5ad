import type { zhCN } from './zh-CN.ts';

type Shape<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends readonly string[]
      ? readonly string[]
      : Shape<T[K]>;
};

export const enUS: Shape<typeof zhCN> = {
  app: { name: 'Shopwarden', tagline: 'Encrypted keeper of shops and sub-accounts across platforms' },
  nav: {
    overview: 'Overview',
    shops: 'Shops',
    subaccounts: 'Sub-accounts',
    templates: 'Permission templates',
    staff: 'Staff',
    verification: 'Verification',
    tempAgents: 'Temporary agents',
    deposit: 'Deposit refund',
    recovery: 'Recovery requests',
    audit: 'Audit log',
    settings: 'Settings',
  },
  common: {
    lock: 'Lock',
    save: 'Save',
    saved: 'Saved',
    language: 'Language',
    loading: 'Loading…',
    comingSoon: 'This feature is being built and will come in a later version.',
    retry: 'Retry',
  },
  setup: {
    title: 'First run: set a master password',
    intro:
      'The master password encrypts every credential kept on this computer. It is never uploaded and cannot be recovered.',
    password: 'Master password',
    confirm: 'Repeat master password',
    remember: 'Remember on this device (skip the password at start)',
    rememberHint:
      'The key is protected by the OS key store; after a manual, idle or sleep lock the password is still needed.',
    rememberUnavailable: 'This device has no usable OS encryption, so the password cannot be remembered.',
    submit: 'Create vault',
    working: 'Generating keys…',
    strength: 'Strength',
    levels: ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'],
    minLength: 'At least 10 characters',
  },
  lock: {
    title: 'Vault locked',
    password: 'Master password',
    submit: 'Unlock',
    deviceUnlock: 'Unlock with this device',
    reasons: {
      start: 'Enter the master password to unlock.',
      manual: 'You locked the vault.',
      idle: 'Locked automatically after being idle.',
      suspend: 'Locked when the system went to sleep.',
      'screen-lock': 'Locked when the screen was locked.',
      quit: 'Locked.',
    },
    throttled: 'Too many attempts; try again in {{seconds}} s.',
  },
  recovery: {
    title: 'A damaged data file was found and recovered',
    item: '{{file}} ({{problem}}) was moved to {{movedTo}}; the version saved at {{restoredAt}} was restored ({{restoredFrom}}).',
    itemMissing: '{{file}} was missing; the version saved at {{restoredAt}} was restored ({{restoredFrom}}).',
    unrecoverableTitle: 'A data file is damaged and no good backup exists',
    unrecoverable:
      '{{file}} ({{problem}}) cannot be read. To avoid overwriting your data the app stopped. The file is left in place: {{dataDir}}',
    problems: {
      empty: 'the file is empty',
      'nul-filled': 'the file is filled with NUL bytes',
      truncated: 'the file is truncated',
      'not-json': 'the content is not valid JSON',
      schema: 'the content has the wrong structure',
      checksum: 'the checksum does not match',
      authentication: 'encrypted data failed authentication',
      missing: 'the file is missing',
    },
  },
  settings: {
    title: 'Settings',
    autoLock: 'Auto-lock after idle (minutes)',
    clipboard: 'Clear clipboard after (seconds)',
    language: 'Language',
    remember: 'Remember the master password on this device',
    rememberUnsupported: 'Not supported here (no usable OS encryption)',
    changePassword: 'Change master password',
    current: 'Current master password',
    next: 'New master password',
    confirm: 'Repeat new master password',
    changed: 'Master password changed',
    clipboardHistory: {
      excluded: 'Copied passwords are kept out of the system clipboard history.',
      'not-excludable':
        'Note: Windows clipboard history (Win+V) may keep copied passwords. You can turn it off in Windows settings.',
      'no-history': 'This system keeps no clipboard history; copied passwords are cleared on time.',
    },
    dataDir: 'Data folder',
  },
  audit: {
    title: 'Audit log',
    time: 'Time',
    action: 'Action',
    object: 'Object',
    summary: 'Summary',
    verify: 'Verify integrity',
    verifyOk: 'The log is intact: {{count}} entries, hash chain unbroken.',
    verifyBroken:
      'The chain breaks at entry {{at}} ({{reason}}): that entry or one before it was edited or removed.',
  },
  secret: {
    reveal: 'Show',
    hide: 'Hide',
    copy: 'Copy',
    copied: 'Copied; cleared from the clipboard in {{seconds}} s',
  },
  overview: {
    title: 'Overview',
    welcome: 'Welcome to Shopwarden',
    body: 'Shops, sub-accounts, verification reminders and more arrive in coming versions. Every module is listed in the menu.',
  },
};
