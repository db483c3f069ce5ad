// THE cross-process API. Channel names, the preload bridge, IPC registration, the HTTP host and the
// renderer bridges are all loops over this object: a call is declared here once and nowhere else.
import { z } from 'zod';
import { backupMethods } from './areas/backup.ts';
import { depositMethods } from './areas/deposit.ts';
import { recoveryMethods } from './areas/recovery.ts';
import { registrationMethods } from './areas/registration.ts';
import { reminderMethods } from './areas/reminders.ts';
import { shopMethods } from './areas/shops.ts';
import { staffMethods } from './areas/staff.ts';
import { subAccountMethods } from './areas/subaccounts.ts';
import { teamMethods } from './areas/team.ts';
import { tempAgentMethods } from './areas/temp-agents.ts';
import { templateMethods } from './areas/templates.ts';
import { transferMethods } from './areas/transfer.ts';
import { verificationMethods } from './areas/verification.ts';
import { empty, password, returns, safeId } from './spec.ts';
import type {
  AppInfo,
  AuditPage,
  AuditVerifyResult,
  CopiedSecret,
  RecoveryEvent,
  RevealedSecret,
  Settings,
  VaultStatus,
} from './types.ts';

export { safeId };

export const secretRef = z.strictObject({
  collection: safeId,
  recordId: safeId,
  field: safeId,
});

export const settingsPatch = z.strictObject({
  autoLockMinutes: z.number().int().min(1).max(240).optional(),
  clipboardSeconds: z.number().int().min(5).max(600).optional(),
  rememberOnDevice: z.boolean().optional(),
});

export const contract = {
  'app.getInfo': { request: empty, response: returns<AppInfo>(), whileLocked: true },
  'vault.getStatus': { request: empty, response: returns<VaultStatus>(), whileLocked: true },
  'vault.setup': {
    request: z.strictObject({ password, confirm: password, rememberOnDevice: z.boolean() }),
    response: returns<VaultStatus>(),
    whileLocked: true,
  },
  'vault.unlock': {
    request: z.strictObject({ password }),
    response: returns<VaultStatus>(),
    whileLocked: true,
  },
  'vault.unlockWithDevice': { request: empty, response: returns<VaultStatus>(), whileLocked: true },
  'vault.lock': { request: empty, response: returns<VaultStatus>(), whileLocked: true },
  'vault.changePassword': {
    request: z.strictObject({ current: password, next: password, confirm: password }),
    response: returns<VaultStatus>(),
    whileLocked: false,
  },
  'session.reportActivity': { request: empty, response: returns<null>(), whileLocked: true },
  'settings.get': { request: empty, response: returns<Settings>(), whileLocked: true },
  'settings.update': { request: settingsPatch, response: returns<Settings>(), whileLocked: false },
  // The language is a display preference, not a secret: it can be switched on the lock screen too.
  'settings.setLanguage': {
    request: z.strictObject({ language: z.enum(['zh-CN', 'en-US']) }),
    response: returns<Settings>(),
    whileLocked: true,
  },
  'audit.list': {
    request: z.strictObject({
      offset: z.number().int().min(0).max(1_000_000_000),
      limit: z.number().int().min(1).max(500),
    }),
    response: returns<AuditPage>(),
    whileLocked: false,
  },
  'audit.verify': { request: empty, response: returns<AuditVerifyResult>(), whileLocked: false },
  'storage.getRecoveryReport': { request: empty, response: returns<RecoveryEvent[]>(), whileLocked: true },
  'secrets.reveal': {
    request: z.strictObject({ ref: secretRef }),
    response: returns<RevealedSecret>(),
    whileLocked: false,
  },
  'secrets.copy': {
    request: z.strictObject({ ref: secretRef }),
    response: returns<CopiedSecret>(),
    whileLocked: false,
  },
  /** The sub-account's name (what is typed on the platform) to the clipboard, cleared like a secret. */
  'secrets.copyAccountName': {
    request: z.strictObject({ subAccountId: safeId }),
    response: returns<CopiedSecret>(),
    whileLocked: false,
  },
  ...shopMethods,
  ...templateMethods,
  ...transferMethods,
  ...teamMethods,
  ...subAccountMethods,
  ...staffMethods,
  ...verificationMethods,
  ...tempAgentMethods,
  ...registrationMethods,
  ...reminderMethods,
  ...depositMethods,
  ...recoveryMethods,
  ...backupMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = Contract[M]['response'];

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
