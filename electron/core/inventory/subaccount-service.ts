// Sub-accounts under each platform's rules: names, passwords, permissions (template or hand-picked),
// high-risk confirmation, holder limits, one person one account per shop, and the platform sync state.
import { AppError } from '../../../shared/contract/errors.ts';
import type { SubAccountView } from '../../../shared/contract/inventory-types.ts';
import { applyChecklist, type ChecklistStep, diffPermissions } from '../../../shared/domain/permissions.ts';
import { platform } from '../../../shared/domain/platforms/catalog.ts';
import { normalizePermissions } from '../../../shared/domain/roles.ts';
import {
  checkSubAccountName,
  checkSubAccountPhone,
  fullSubAccountName,
  generateEasyPassword,
  generatePassword,
  suggestFreeName,
} from '../../../shared/domain/subaccount-rules.ts';
import { maskMobile } from '../../../shared/domain/validators.ts';
import type { VerificationState } from '../../../shared/domain/verification.ts';
import { nowIso } from '../kernel/deps.ts';
import { newId } from '../kernel/ids.ts';
import { shopCollection } from '../kernel/sealer.ts';
import type { InventoryDeps } from './deps.ts';
import { checkTypedPassword, FieldCollector, NAME_PROBLEM_CODES } from './field-checks.ts';
import type { ShopDoc, SubAccountRecord } from './schemas.ts';
import type { ShopService } from './shop-service.ts';
import type { StaffDirectory } from './staff-service.ts';
import type { TemplateService } from './template-service.ts';
import { subAccountView, syncState } from './views.ts';

export interface PermissionChoice {
  templateId: string | null;
  permissions: string[];
  nativeRole: string | null;
}

export class SubAccountService {
  constructor(
    private readonly d: InventoryDeps,
    private readonly shops: ShopService,
    private readonly templates: TemplateService,
    private readonly staff: StaffDirectory,
    private readonly verificationOf: (doc: ShopDoc, sub: SubAccountRecord) => VerificationState,
  ) {}

  private view = (doc: ShopDoc, sub: SubAccountRecord): SubAccountView =>
    subAccountView(doc, sub, {
      templateName: (id) => this.templates.nameOf(id),
      staffName: (id) => this.staff.nameOf(id),
      verification: this.verificationOf,
    });

  list(shopId?: string): SubAccountView[] {
    const out: SubAccountView[] = [];
    for (const doc of this.d.store.shops()) {
      if (shopId && doc.shop.id !== shopId) continue;
      for (const sub of Object.values(doc.subAccounts)) out.push(this.view(doc, sub));
    }
    return out;
  }

  /** The first `limit` rows in list order and the total, without building a view for every row. */
  firstPage(limit: number): { total: number; items: SubAccountView[] } {
    const items: SubAccountView[] = [];
    let total = 0;
    for (const doc of this.d.store.shops()) {
      const subs = Object.values(doc.subAccounts);
      total += subs.length;
      for (const sub of subs) {
        if (items.length >= limit) break;
        items.push(this.view(doc, sub));
      }
    }
    return { total, items };
  }

  get(id: string): SubAccountView {
    const { doc, sub } = this.d.store.findSubAccount(id);
    return this.view(doc, sub);
  }

  create(
    input: PermissionChoice & {
      shopId: string;
      nickname: string;
      password?: string | undefined;
      confirm?: string | undefined;
      generate: boolean;
      staffId: string | null;
      phone: string;
      confirmHighRisk: boolean;
    },
  ): SubAccountView {
    const doc = this.shops.requireActive(input.shopId);
    const spec = platform(doc.shop.platform);
    const f = new FieldCollector();
    const nickname = input.nickname.trim();
    const taken = this.takenNames(doc);
    const nameProblem = checkSubAccountName(spec.id, doc.shop.mainLogin, nickname, taken);
    if (nameProblem) f.add('nickname', NAME_PROBLEM_CODES[nameProblem]);
    if (!input.generate) checkTypedPassword(f, spec.password, input.password, input.confirm);
    const phone = this.checkPhone(f, doc, input.phone, null);
    if (nameProblem === 'taken') {
      // Every field problem at once, plus a free name to offer.
      const suggestion = suggestFreeName(spec.id, doc.shop.mainLogin, nickname, taken);
      throw new AppError('NAME_TAKEN', { fields: f.fields, details: suggestion ? { suggestion } : {} });
    }
    f.throwIfAny();

    const choice = this.resolveChoice(doc, input);
    this.checkRiskAndLimits(doc, null, [], choice.permissions, input.confirmHighRisk);
    if (input.staffId) this.staff.assertBindable(input.staffId, doc, null);

    const password = input.generate
      ? generatePassword(spec.id, this.d.randomInt)
      : (input.password as string);
    const sub = this.newRecord(doc, nickname, choice, password, { staffId: input.staffId, phone });
    const id = sub.id;
    const next = { ...doc, subAccounts: { ...doc.subAccounts, [id]: sub } };
    this.d.store.writeShop(next);
    this.d.audit.append({
      action: 'subaccount.created',
      object: `subaccount/${id}`,
      summary: `${doc.shop.name} · ${sub.fullName}${input.generate ? ' (生成密码 / generated password)' : ''}`,
    });
    this.auditHighRisk(sub, [], sub.permissions, doc);
    return this.view(next, sub);
  }

  /**
   * Checks a batch of new names against the shop and each other. Returns each problem by name; an empty
   * map means the whole batch can be created.
   */
  checkBatchNames(shopId: string, nicknames: string[]): Map<string, string> {
    const doc = this.shops.requireActive(shopId);
    const spec = platform(doc.shop.platform);
    const taken = this.takenNames(doc);
    const problems = new Map<string, string>();
    for (const nick of nicknames) {
      const problem = checkSubAccountName(spec.id, doc.shop.mainLogin, nick, taken);
      if (problem) problems.set(nick, NAME_PROBLEM_CODES[problem]);
      taken.add(fullSubAccountName(spec.id, doc.shop.mainLogin, nick).toLowerCase());
    }
    return problems;
  }

  /** A permission choice for a batch, with risk and holder limits checked for every new holder. */
  batchChoice(
    shopId: string,
    choice: PermissionChoice,
    count: number,
    confirmHighRisk: boolean,
  ): PermissionChoice {
    const doc = this.shops.requireActive(shopId);
    const resolved = this.resolveChoice(doc, choice);
    const incoming = Array.from({ length: count }, (_, i) => `incoming-${i}`);
    this.checkRiskAndLimits(doc, null, [], resolved.permissions, confirmHighRisk, incoming);
    return resolved;
  }

  /** One new record with a generated password, sealed; nothing is written yet. */
  prepareGenerated(
    shopId: string,
    nickname: string,
    choice: PermissionChoice,
    extra: Pick<SubAccountRecord, 'temp'>,
    easy = false,
  ): SubAccountRecord {
    const doc = this.d.store.shop(shopId);
    const password = easy
      ? generateEasyPassword(doc.shop.platform, this.d.randomInt)
      : generatePassword(doc.shop.platform, this.d.randomInt);
    return { ...this.newRecord(doc, nickname, choice, password, { staffId: null, phone: null }), ...extra };
  }

  /**
   * An imported account as a record of `doc` (which may be a shop not written yet): the template resolved
   * by the caller, the password exactly as the file held it (none when the file had none); nothing is written.
   */
  prepareImported(
    doc: ShopDoc,
    nickname: string,
    choice: PermissionChoice,
    password: string | null,
    person: { staffId: string | null; phone: string | null },
  ): SubAccountRecord {
    return this.newRecord(doc, nickname, choice, password, person);
  }

  /** A new record with its password (and phone, if any) sealed; nothing is written. */
  private newRecord(
    doc: ShopDoc,
    nickname: string,
    choice: PermissionChoice,
    password: string | null,
    person: { staffId: string | null; phone: string | null },
  ): SubAccountRecord {
    const id = newId();
    const now = nowIso(this.d.clock);
    const col = shopCollection(doc.shop.id);
    const { phone } = person;
    const secrets: Record<string, string> = {};
    if (password !== null) secrets.password = this.d.sealer.seal(col, id, 'password', password);
    if (phone) secrets.phone = this.d.sealer.seal(col, id, 'phone', phone);
    return {
      id,
      nickname,
      fullName: fullSubAccountName(doc.shop.platform, doc.shop.mainLogin, nickname),
      status: 'active',
      templateId: choice.templateId,
      permissions: choice.permissions,
      nativeRole: choice.nativeRole,
      staffId: person.staffId,
      phoneMasked: phone ? maskMobile(phone) : null,
      phoneHash: phone ? this.d.sealer.keyedHash(`phone/${doc.shop.id}`, phone) : null,
      applied: null,
      secrets,
      createdAt: now,
      updatedAt: now,
    };
  }

  /**
   * Writes prepared records in one durable write, after checking the names again against the shop as it
   * is now (it may have changed while the batch was prepared): all of them or none.
   */
  commitMany(shopId: string, records: SubAccountRecord[], auditNote: string): SubAccountView[] {
    const problems = this.checkBatchNames(
      shopId,
      records.map((r) => r.nickname),
    );
    if (problems.size > 0)
      throw new AppError('NAME_TAKEN', {
        fields: { pattern: 'name_taken' },
        details: { names: [...problems.keys()].slice(0, 5).join('、'), count: problems.size },
      });
    const doc = this.d.store.shop(shopId);
    const subAccounts = { ...doc.subAccounts };
    for (const r of records) subAccounts[r.id] = r;
    const next = { ...doc, subAccounts };
    this.d.store.writeShop(next);
    this.d.audit.appendMany(
      records.map((r) => ({
        action: 'subaccount.created',
        object: `subaccount/${r.id}`,
        summary: `${doc.shop.name} · ${r.fullName} (${auditNote})`,
      })),
    );
    return records.map((r) => this.view(next, r));
  }

  configure(id: string, choice: PermissionChoice & { confirmHighRisk: boolean }): SubAccountView {
    const { doc, sub } = this.d.store.findSubAccount(id);
    const resolved = this.resolveChoice(doc, choice);
    this.checkRiskAndLimits(doc, sub.id, sub.permissions, resolved.permissions, choice.confirmHighRisk);
    const diff = diffPermissions(doc.shop.platform, sub.permissions, resolved.permissions);
    const next = { ...sub, ...resolved, updatedAt: nowIso(this.d.clock) };
    this.writeSub(doc, next);
    this.d.audit.append({
      action: 'subaccount.configured',
      object: `subaccount/${id}`,
      summary: `${sub.fullName}: +${diff.added.join(',') || '-'} -${diff.removed.join(',') || '-'}`,
    });
    this.auditHighRisk(next, sub.permissions, next.permissions, doc);
    return this.get(id);
  }

  changePassword(
    id: string,
    input: { password?: string | undefined; confirm?: string | undefined; generate: boolean },
  ): SubAccountView {
    const { doc, sub } = this.d.store.findSubAccount(id);
    const spec = platform(doc.shop.platform);
    const col = shopCollection(doc.shop.id);
    let password: string;
    if (input.generate) {
      password = generatePassword(spec.id, this.d.randomInt);
    } else {
      const f = new FieldCollector();
      checkTypedPassword(f, spec.password, input.password, input.confirm);
      const current = sub.secrets.password
        ? this.d.sealer.open(col, id, 'password', sub.secrets.password)
        : null;
      if (input.password && input.password === current) f.add('password', 'password_unchanged');
      f.throwIfAny();
      password = input.password as string;
    }
    // A new password settles what a leaver knew.
    const { leaver: _settled, ...rest } = sub;
    const next = {
      ...rest,
      secrets: { ...sub.secrets, password: this.d.sealer.seal(col, id, 'password', password) },
      updatedAt: nowIso(this.d.clock),
    };
    this.writeSub(doc, next);
    this.d.audit.append({
      action: 'subaccount.passwordChanged',
      object: `subaccount/${id}`,
      summary: sub.fullName,
    });
    return this.get(id);
  }

  rename(id: string, nickname: string): SubAccountView {
    const { doc, sub } = this.d.store.findSubAccount(id);
    const spec = platform(doc.shop.platform);
    if (spec.name_rule.immutable) throw new AppError('NAME_IMMUTABLE');
    const taken = this.takenNames(doc, id);
    const problem = checkSubAccountName(spec.id, doc.shop.mainLogin, nickname, taken);
    if (problem === 'taken') {
      const suggestion = suggestFreeName(spec.id, doc.shop.mainLogin, nickname, taken);
      throw new AppError('NAME_TAKEN', {
        fields: { nickname: 'name_taken' },
        details: suggestion ? { suggestion } : {},
      });
    }
    if (problem)
      throw new AppError('VALIDATION_FAILED', { fields: { nickname: NAME_PROBLEM_CODES[problem] } });
    const next = {
      ...sub,
      nickname: nickname.trim(),
      fullName: fullSubAccountName(spec.id, doc.shop.mainLogin, nickname.trim()),
      updatedAt: nowIso(this.d.clock),
    };
    this.writeSub(doc, next);
    this.d.audit.append({
      action: 'subaccount.renamed',
      object: `subaccount/${id}`,
      summary: `${sub.fullName} → ${next.fullName}`,
    });
    return this.get(id);
  }

  setStatus(ids: string[], status: 'active' | 'disabled'): { changed: number } {
    let changed = 0;
    this.perShop(ids, (doc, subs) => {
      const now = nowIso(this.d.clock);
      const updated = { ...doc.subAccounts };
      for (const sub of subs) {
        if (sub.status === status) continue;
        // Disabling settles a leaver's follow-up too.
        const { leaver: _settled, ...rest } = sub;
        updated[sub.id] = { ...(status === 'disabled' ? rest : sub), status, updatedAt: now };
        changed++;
        this.d.audit.append({
          action: status === 'disabled' ? 'subaccount.disabled' : 'subaccount.enabled',
          object: `subaccount/${sub.id}`,
          summary: sub.fullName,
        });
      }
      return { ...doc, subAccounts: updated };
    });
    return { changed };
  }

  delete(ids: string[]): { deleted: number } {
    let deleted = 0;
    this.perShop(ids, (doc, subs) => {
      const updated = { ...doc.subAccounts };
      for (const sub of subs) {
        delete updated[sub.id];
        deleted++;
        this.d.audit.append({
          action: 'subaccount.deleted',
          object: `subaccount/${sub.id}`,
          summary: `${doc.shop.name} · ${sub.fullName}`,
        });
      }
      return { ...doc, subAccounts: updated };
    });
    return { deleted };
  }

  bulkSetTemplate(ids: string[], templateId: string, confirmHighRisk: boolean): { changed: number } {
    const t = this.templates.resolve(templateId);
    // Check everything first: a bulk change applies to all or none.
    for (const id of ids) {
      const { doc, sub } = this.d.store.findSubAccount(id);
      if (doc.shop.platform !== t.platform)
        throw new AppError('PLATFORM_MISMATCH', { details: { subAccount: sub.fullName } });
      this.checkRiskAndLimits(doc, sub.id, sub.permissions, t.permissions, confirmHighRisk, ids);
    }
    let changed = 0;
    this.perShop(ids, (doc, subs) => {
      const now = nowIso(this.d.clock);
      const updated = { ...doc.subAccounts };
      for (const sub of subs) {
        updated[sub.id] = {
          ...sub,
          templateId: t.id,
          permissions: t.permissions,
          nativeRole: t.nativeRole,
          updatedAt: now,
        };
        changed++;
        this.d.audit.append({
          action: 'subaccount.configured',
          object: `subaccount/${sub.id}`,
          summary: `${sub.fullName} → ${t.name}`,
        });
        this.auditHighRisk(updated[sub.id]!, sub.permissions, t.permissions, doc);
      }
      return { ...doc, subAccounts: updated };
    });
    return { changed };
  }

  bindStaff(id: string, staffId: string | null): SubAccountView {
    const { doc, sub } = this.d.store.findSubAccount(id);
    if (staffId) this.staff.assertBindable(staffId, doc, id);
    this.writeSub(doc, { ...sub, staffId, updatedAt: nowIso(this.d.clock) });
    this.d.audit.append({
      action: staffId ? 'subaccount.staffBound' : 'subaccount.staffUnbound',
      object: `subaccount/${id}`,
      summary: `${sub.fullName}${staffId ? ` ← ${this.staff.nameOf(staffId) ?? staffId}` : ''}`,
    });
    return this.get(id);
  }

  markSynced(id: string): SubAccountView {
    const { doc, sub } = this.d.store.findSubAccount(id);
    this.writeSub(doc, {
      ...sub,
      applied: { permissions: sub.permissions, nativeRole: sub.nativeRole, status: sub.status },
    });
    this.d.audit.append({
      action: 'subaccount.synced',
      object: `subaccount/${id}`,
      summary: `${sub.fullName} 已在平台完成 / done on the platform`,
    });
    return this.get(id);
  }

  /** Marks every selected sub-account that is still to do on the platform as done there; all or nothing. */
  markSyncedMany(ids: string[]): { changed: number } {
    let changed = 0;
    this.perShop(ids, (doc, subs) => {
      const updated = { ...doc.subAccounts };
      for (const sub of subs) {
        if (syncState(sub) === 'synced') continue;
        updated[sub.id] = {
          ...sub,
          applied: { permissions: sub.permissions, nativeRole: sub.nativeRole, status: sub.status },
        };
        changed++;
        this.d.audit.append({
          action: 'subaccount.synced',
          object: `subaccount/${sub.id}`,
          summary: `${sub.fullName} 已在平台完成 / done on the platform`,
        });
      }
      return { ...doc, subAccounts: updated };
    });
    return { changed };
  }

  checklist(id: string): { steps: ChecklistStep[]; sync: 'pending' | 'synced' } {
    const { doc, sub } = this.d.store.findSubAccount(id);
    const view = this.view(doc, sub);
    const steps = applyChecklist({
      platformId: doc.shop.platform,
      fullName: sub.fullName,
      permissions: sub.permissions,
      nativeRole: sub.nativeRole ?? undefined,
      applied: sub.applied?.permissions ?? null,
      isNew: sub.applied === null,
    });
    if (sub.applied && sub.applied.status !== sub.status) {
      steps.splice(steps.length - 1, 0, {
        text:
          sub.status === 'disabled'
            ? { zh: '停用该子账号', en: 'Disable the sub-account' }
            : { zh: '启用该子账号', en: 'Enable the sub-account' },
      });
    }
    return { steps, sync: view.sync };
  }

  /** Unbinds a person everywhere (they left); sub-accounts keep every permission and setting. */
  /**
   * Unbinds everything a person used. With `leaverName` (the person left), every active account they used
   * is marked for follow-up: its password should change or it should be disabled, and until then it is a
   * reminder.
   */
  unbindPerson(staffId: string, leaverName?: string): number {
    let n = 0;
    const now = nowIso(this.d.clock);
    for (const doc of this.d.store.shops()) {
      const bound = Object.values(doc.subAccounts).filter((s) => s.staffId === staffId);
      if (bound.length === 0) continue;
      const updated = { ...doc.subAccounts };
      for (const sub of bound) {
        const followUp = leaverName !== undefined && sub.status === 'active';
        updated[sub.id] = {
          ...sub,
          staffId: null,
          updatedAt: now,
          ...(followUp ? { leaver: { name: leaverName.slice(0, 40), at: now } } : {}),
        };
        n++;
        this.d.audit.append({
          action: 'subaccount.staffUnbound',
          object: `subaccount/${sub.id}`,
          summary: `${sub.fullName} (员工离职 / person left)`,
        });
      }
      this.d.store.writeShop({ ...doc, subAccounts: updated });
    }
    return n;
  }

  private resolveChoice(doc: ShopDoc, choice: PermissionChoice): PermissionChoice {
    if (choice.templateId) {
      const t = this.templates.resolve(choice.templateId);
      if (t.platform !== doc.shop.platform) throw new AppError('PLATFORM_MISMATCH');
      return { templateId: t.id, permissions: t.permissions, nativeRole: t.nativeRole };
    }
    return {
      templateId: null,
      permissions: normalizePermissions(doc.shop.platform, choice.permissions),
      nativeRole: choice.nativeRole,
    };
  }

  private checkRiskAndLimits(
    doc: ShopDoc,
    selfId: string | null,
    before: string[],
    after: string[],
    confirmed: boolean,
    batch: string[] = [],
  ): void {
    const diff = diffPermissions(doc.shop.platform, before, after);
    if (diff.newlyHighRisk.length > 0 && !confirmed) {
      throw new AppError('HIGH_RISK_CONFIRMATION_REQUIRED', {
        details: { permissions: diff.newlyHighRisk.join(',') },
      });
    }
    const limits = platform(doc.shop.platform).holderLimits;
    for (const perm of diff.added) {
      const limit = limits[perm];
      if (limit === undefined) continue;
      const holders = Object.values(doc.subAccounts)
        .filter((s) => s.id !== selfId && s.permissions.includes(perm))
        .map((s) => s.id);
      const incoming = batch.length > 0 ? batch.filter((id) => !holders.includes(id)).length : 1;
      if (holders.length + incoming > limit)
        throw new AppError('HOLDER_LIMIT_REACHED', { details: { permission: perm, limit } });
    }
  }

  private auditHighRisk(sub: SubAccountRecord, before: string[], after: string[], doc: ShopDoc): void {
    const { newlyHighRisk } = diffPermissions(doc.shop.platform, before, after);
    if (newlyHighRisk.length > 0) {
      this.d.audit.append({
        action: 'subaccount.highRiskGranted',
        object: `subaccount/${sub.id}`,
        summary: `${sub.fullName}: ${newlyHighRisk.join(', ')}`,
      });
    }
  }

  private checkPhone(
    f: FieldCollector,
    doc: ShopDoc,
    phoneInput: string,
    selfId: string | null,
  ): string | null {
    const { phone, problem } = checkSubAccountPhone(
      doc.shop.platform,
      phoneInput,
      (p) => this.phoneHolder(doc, p, selfId) !== null,
    );
    if (problem === 'in_use')
      throw new AppError('PHONE_IN_USE', {
        fields: { phone: 'invalid' },
        details: { subAccount: this.phoneHolder(doc, phone!, selfId)?.fullName ?? '' },
      });
    if (problem) f.add('phone', problem);
    return problem ? null : phone;
  }

  /** The sub-account of this shop (other than `selfId`) bound to `phone`, if any (compared by keyed hash). */
  phoneHolder(doc: ShopDoc, phone: string, selfId: string | null = null): SubAccountRecord | null {
    const hash = this.d.sealer.keyedHash(`phone/${doc.shop.id}`, phone);
    return Object.values(doc.subAccounts).find((s) => s.id !== selfId && s.phoneHash === hash) ?? null;
  }

  private takenNames(doc: ShopDoc, exceptId?: string): Set<string> {
    return new Set(
      Object.values(doc.subAccounts)
        .filter((s) => s.id !== exceptId)
        .map((s) => s.fullName.toLowerCase()),
    );
  }

  private writeSub(doc: ShopDoc, sub: SubAccountRecord): void {
    this.d.store.writeShop({ ...doc, subAccounts: { ...doc.subAccounts, [sub.id]: sub } });
  }

  /** Groups ids by shop, checks they all exist first (all or nothing), then writes each shop once. */
  private perShop(ids: string[], change: (doc: ShopDoc, subs: SubAccountRecord[]) => ShopDoc): void {
    const groups = new Map<string, SubAccountRecord[]>();
    for (const id of new Set(ids)) {
      const { doc, sub } = this.d.store.findSubAccount(id);
      groups.set(doc.shop.id, [...(groups.get(doc.shop.id) ?? []), sub]);
    }
    for (const [shopId, subs] of groups) this.d.store.writeShop(change(this.d.store.shop(shopId), subs));
  }
}
