// Shops, sub-accounts, templates and staff as the renderer sees them: never a secret, only masks.
import type { PlatformId } from '../domain/platforms/types.ts';
import type { RoleId } from '../domain/roles.ts';
import type { VerificationState } from '../domain/verification.ts';

export type EntityType = 'individual' | 'enterprise';

export interface ShopView {
  id: string;
  platform: PlatformId;
  name: string;
  platformShopId: string;
  entityType: EntityType;
  mainLogin: string;
  phoneMasked: string | null;
  emailMasked: string | null;
  depositAmount: number;
  notes: string;
  crossBorder: boolean;
  archived: boolean;
  /** Team sync: the main account's password, phone, e-mail and deposit are not available to this member's role. */
  mainHidden?: boolean;
  subAccountCount: number;
  createdAt: string;
  updatedAt: string;
}

export type SyncState = 'pending' | 'synced';
export type SubAccountStatus = 'active' | 'disabled';

export interface SubAccountView {
  id: string;
  shopId: string;
  shopName: string;
  platform: PlatformId;
  fullName: string;
  nickname: string;
  status: SubAccountStatus;
  templateId: string | null;
  templateName: string | null;
  permissions: string[];
  nativeRole: string | null;
  staffId: string | null;
  staffName: string | null;
  phoneMasked: string | null;
  sync: SyncState;
  /** Real-name verification state now; 'not-required' where the platform or the settings need none. */
  verification: VerificationState;
  /** A temporary sale agent (临时客服), managed on its own screen. */
  temporary: boolean;
  /** Who left (离职) while using this account, until its password is changed or it is disabled. */
  leaverOf: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateView {
  id: string;
  platform: PlatformId;
  name: string;
  builtin: boolean;
  role: RoleId | null;
  basedOn: string | null;
  permissions: string[];
  nativeRole: string | null;
  risk: 'low' | 'medium' | 'high';
  highRiskCount: number;
  usedBy: number;
}

export interface PersonView {
  id: string;
  name: string;
  phoneMasked: string;
  position: string;
  status: 'active' | 'left';
  notes: string;
  idLast4: string | null;
  bindings: Array<{ subAccountId: string; shopId: string; shopName: string; fullName: string }>;
  createdAt: string;
}

export interface ImportRowView {
  row: number;
  name: string;
  phoneMasked: string | null;
  position: string;
  idLast4: string | null;
  /** `field:code` or, for a repeat within the file, `field:duplicate_in_file:<row it repeats>`. */
  errors: string[];
  /** What was typed in each bad cell (an ID number only by its last 4 characters). */
  typed: Record<string, string>;
}

export interface ImportPreview {
  token: string;
  rows: ImportRowView[];
  validCount: number;
  invalidCount: number;
  /** 'xlsx' for a workbook, else the CSV's text encoding (UTF-8, UTF-8 BOM, GB18030). */
  encoding: string;
}

export interface ExportFile {
  fileName: string;
  mime: string;
  contentBase64: string;
  rowCount: number;
}
