// Permission templates: the built-in roles on every platform (read-only) and the user's own.
import { AppError } from '../../../shared/contract/errors.ts';
import type { TemplateView } from '../../../shared/contract/inventory-types.ts';
import { diffPermissions, riskSummary } from '../../../shared/domain/permissions.ts';
import { PLATFORM_IDS } from '../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../shared/domain/platforms/types.ts';
import {
  normalizePermissions,
  ROLE_IDS,
  ROLE_MAPPINGS,
  ROLE_NAMES,
  type RoleId,
} from '../../../shared/domain/roles.ts';
import { nowIso } from '../kernel/deps.ts';
import { newId } from '../kernel/ids.ts';
import type { InventoryDeps } from './deps.ts';
import type { CustomTemplate } from './schemas.ts';
import { syncState } from './views.ts';

export interface ResolvedTemplate {
  id: string;
  platform: PlatformId;
  name: string;
  builtin: boolean;
  role: RoleId | null;
  basedOn: string | null;
  permissions: string[];
  nativeRole: string | null;
}

const builtinId = (p: PlatformId, r: RoleId) => `builtin-${p}-${r}`;

function builtins(): ResolvedTemplate[] {
  return PLATFORM_IDS.flatMap((p) =>
    ROLE_IDS.map((r) => ({
      id: builtinId(p, r),
      platform: p,
      name: ROLE_NAMES[r].zh,
      builtin: true,
      role: r,
      basedOn: null,
      permissions: normalizePermissions(p, ROLE_MAPPINGS[p][r].permissions),
      nativeRole: ROLE_MAPPINGS[p][r].nativeRole ?? null,
    })),
  );
}

const BUILTINS = builtins();
const BUILTIN_BY_ID = new Map(BUILTINS.map((t) => [t.id, t]));

export class TemplateService {
  constructor(private readonly d: InventoryDeps) {}

  resolve(id: string): ResolvedTemplate {
    const b = BUILTIN_BY_ID.get(id);
    if (b) return b;
    const custom = this.d.store.templates().custom;
    const c = Object.hasOwn(custom, id) ? custom[id] : undefined;
    if (!c) throw new AppError('VALIDATION_FAILED', { fields: { templateId: 'unknown_template' } });
    return { ...c, builtin: false, role: null };
  }

  nameOf(id: string): string | null {
    try {
      return this.resolve(id).name;
    } catch {
      return null;
    }
  }

  list(platformFilter?: PlatformId): TemplateView[] {
    const usage = new Map<string, number>();
    for (const doc of this.d.store.shops()) {
      for (const sub of Object.values(doc.subAccounts))
        if (sub.templateId) usage.set(sub.templateId, (usage.get(sub.templateId) ?? 0) + 1);
    }
    const all = [
      ...BUILTINS,
      ...Object.values(this.d.store.templates().custom).map((c) => ({ ...c, builtin: false, role: null })),
    ];
    return all
      .filter((t) => !platformFilter || t.platform === platformFilter)
      .map((t) => {
        const risk = riskSummary(t.platform, t.permissions);
        return { ...t, risk: risk.level, highRiskCount: risk.high.length, usedBy: usage.get(t.id) ?? 0 };
      });
  }

  /** `dates`: an import of our own export keeps the template's dates. */
  create(
    input: {
      platform: PlatformId;
      name: string;
      permissions: string[];
      nativeRole: string | null;
      basedOn: string | null;
    },
    dates?: { createdAt: string; updatedAt: string },
  ): TemplateView {
    const id = newId();
    const now = nowIso(this.d.clock);
    const t: CustomTemplate = {
      id,
      platform: input.platform,
      name: input.name.trim(),
      permissions: normalizePermissions(input.platform, input.permissions),
      nativeRole: input.nativeRole,
      basedOn: input.basedOn,
      createdAt: dates?.createdAt ?? now,
      updatedAt: dates?.updatedAt ?? now,
    };
    const doc = this.d.store.templates();
    this.d.store.setTemplates({ custom: { ...doc.custom, [id]: t } });
    this.d.audit.append({
      action: 'template.created',
      object: `template/${id}`,
      summary: `${t.platform} · ${t.name}`,
    });
    return this.view(id);
  }

  /**
   * Editing a template changes every sub-account that uses it (they become 待在平台操作 with only the
   * difference to apply). Granting a high-risk permission needs the caller's explicit confirmation.
   */
  update(
    id: string,
    patch: {
      name?: string | undefined;
      permissions?: string[] | undefined;
      nativeRole?: string | null | undefined;
      confirmHighRisk: boolean;
    },
  ): TemplateView {
    if (BUILTIN_BY_ID.has(id)) throw new AppError('BUILTIN_READ_ONLY');
    const doc = this.d.store.templates();
    const t = Object.hasOwn(doc.custom, id) ? doc.custom[id] : undefined;
    if (!t) throw new AppError('NOT_FOUND');
    const permissions = patch.permissions
      ? normalizePermissions(t.platform, patch.permissions)
      : t.permissions;
    const diff = diffPermissions(t.platform, t.permissions, permissions);
    if (diff.newlyHighRisk.length > 0 && !patch.confirmHighRisk) {
      throw new AppError('HIGH_RISK_CONFIRMATION_REQUIRED', {
        details: { permissions: diff.newlyHighRisk.join(',') },
      });
    }
    const next: CustomTemplate = {
      ...t,
      name: patch.name?.trim() ?? t.name,
      permissions,
      nativeRole: patch.nativeRole === undefined ? t.nativeRole : patch.nativeRole,
      updatedAt: nowIso(this.d.clock),
    };
    this.d.store.setTemplates({ custom: { ...doc.custom, [id]: next } });
    this.d.audit.append({
      action: 'template.updated',
      object: `template/${id}`,
      summary: `${next.name}: +${diff.added.join(',') || '-'} -${diff.removed.join(',') || '-'}`,
    });
    if (diff.newlyHighRisk.length > 0) {
      this.d.audit.append({
        action: 'template.highRiskGranted',
        object: `template/${id}`,
        summary: diff.newlyHighRisk.join(', '),
      });
    }
    this.applyToUsers(id, (sub) => ({ ...sub, permissions: next.permissions, nativeRole: next.nativeRole }));
    return this.view(id);
  }

  /** Deletes a custom template; its sub-accounts move to `reassignTo`, or keep their permissions as hand-picked. */
  delete(id: string, reassignTo: string | null): { reassigned: number } {
    if (BUILTIN_BY_ID.has(id)) throw new AppError('BUILTIN_READ_ONLY');
    const doc = this.d.store.templates();
    const t = Object.hasOwn(doc.custom, id) ? doc.custom[id] : undefined;
    if (!t) throw new AppError('NOT_FOUND');
    const target = reassignTo ? this.resolve(reassignTo) : null;
    if (target && target.platform !== t.platform) throw new AppError('PLATFORM_MISMATCH');
    const reassigned = this.applyToUsers(id, (sub) =>
      target
        ? { ...sub, templateId: target.id, permissions: target.permissions, nativeRole: target.nativeRole }
        : { ...sub, templateId: null },
    );
    const { [id]: _gone, ...rest } = doc.custom;
    this.d.store.setTemplates({ custom: rest });
    this.d.audit.append({
      action: 'template.deleted',
      object: `template/${id}`,
      summary: `${t.name}; ${reassigned} → ${target ? target.name : '手选权限 / hand-picked'}`,
    });
    return { reassigned };
  }

  private applyToUsers(
    templateId: string,
    change: (sub: import('./schemas.ts').SubAccountRecord) => import('./schemas.ts').SubAccountRecord,
  ): number {
    let n = 0;
    const now = nowIso(this.d.clock);
    for (const doc of this.d.store.shops()) {
      const users = Object.values(doc.subAccounts).filter((s) => s.templateId === templateId);
      if (users.length === 0) continue;
      const subAccounts = { ...doc.subAccounts };
      for (const sub of users) {
        const next = { ...change(sub), updatedAt: now };
        subAccounts[sub.id] = next;
        n++;
        if (syncState(next) !== syncState(sub)) {
          this.d.audit.append({
            action: 'subaccount.templateChanged',
            object: `subaccount/${sub.id}`,
            summary: `${sub.fullName} 待在平台操作 / to do on the platform`,
          });
        }
      }
      this.d.store.writeShop({ ...doc, subAccounts });
    }
    return n;
  }

  private view(id: string): TemplateView {
    const v = this.list().find((t) => t.id === id);
    if (!v) throw new AppError('NOT_FOUND');
    return v;
  }
}
