// What the import wizard shows: every row of the file, what we read it as, and why it would or would not
// be written. Passwords never travel to the page: only whether a row has one.
import type { PlatformId } from '../domain/platforms/ids.ts';
import type { CredentialSource } from '../domain/transfer/credential.ts';
import type { ColumnMapping } from '../domain/transfer/table-mapping.ts';

export type ImportSource = CredentialSource | 'xlsx' | 'csv';

export type ImportProblemCode =
  | 'not_shop_account'
  | 'no_login'
  | 'no_platform'
  | 'no_shop'
  | 'shop_unknown'
  | 'name_empty'
  | 'name_too_long'
  | 'name_bad_chars'
  | 'name_all_digits'
  | 'duplicate_in_file'
  | 'no_password'
  | 'staff_two_accounts'
  | 'phone_required'
  | 'phone_invalid'
  | 'phone_in_use'
  | 'email_invalid';

export type ImportAdviceCode =
  | 'password_platform'
  | 'password_advice'
  | 'template_unknown'
  | 'staff_unknown'
  | 'formula_like';

export interface ImportPreviewRow {
  /** The row (sheet/CSV data row) or entry number in the file, from 1. */
  at: number;
  kind: 'main' | 'sub' | 'skip';
  platform: PlatformId | null;
  shopName: string;
  /** What is typed on the platform: the main login, or the sub-account's full name. */
  login: string;
  /** new: written on confirm; exists: already in the vault, left alone; error: not written; skipped: not a shop account. */
  status: 'new' | 'exists' | 'error' | 'skipped';
  /** `row` names the earlier row a duplicate repeats, or the row the person is already bound on. */
  problems: Array<{ code: ImportProblemCode; row?: number }>;
  advice: ImportAdviceCode[];
  /** Writing this row creates its shop (none in the vault, none earlier in the file). */
  createsShop: boolean;
  hasPassword: boolean;
  /** What the file called it (title, sheet cell), shown beside our reading. */
  title: string;
}

export interface ImportPreview {
  token: string;
  source: ImportSource;
  /** CSV only: how the bytes were read (UTF-8, UTF-8 (BOM), GBK/GB18030). */
  encoding: string | null;
  /** Sheets only: the header row and which column is which (the user can change it). */
  header: string[] | null;
  mapping: ColumnMapping | null;
  rows: ImportPreviewRow[];
  counts: {
    rows: number;
    newShops: number;
    newSubAccounts: number;
    exists: number;
    errors: number;
    skipped: number;
    /** From our own whole-vault export: people and custom templates not in the vault yet, created first. */
    newPeople: number;
    newTemplates: number;
  };
}

export interface ImportResult {
  shopsCreated: number;
  subAccountsCreated: number;
  /** Rows left out: errors (when only the valid rows were asked for), existing and skipped ones. */
  rowsLeftOut: number;
  /** The safety backup made just before (restorable; null on a first run with nothing to keep). */
  safetyBackup: string | null;
}
