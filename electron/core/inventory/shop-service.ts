import { AppError } from '../../../shared/contract/errors.ts';
import type { EntityType, ShopView } from '../../../shared/contract/inventory-types.ts';
import { platform } from '../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../shared/domain/platforms/types.ts';
import { maskEmail, maskMobile, normalizeEmail, normalizeMobile } from '../../../shared/domain/validators.ts';
import { nowIso } from '../kernel/deps.ts';
import { newId } from '../kernel/ids.ts';
import { shopCollection } from '../kernel/sealer.ts';
import type { InventoryDeps } from './deps.ts';
import { FieldCollector } from './field-checks.ts';
import type { ShopDoc, ShopRecord } from './schemas.ts';
import { shopView } from './views.ts';

export interface ShopInput {
  name: string;
  platformShopId: string;
  entityType: EntityType;
  mainLogin: string;
  phone: string;
  email: string;
  depositAmount: number;
  notes: string;
  crossBorder: boolean;
}

export class ShopService {
  constructor(private readonly d: InventoryDeps) {}

  list(includeArchived: boolean): ShopView[] {
    return this.d.store
      .shops()
      .filter((s) => includeArchived || !s.shop.archived)
      .sort((a, b) => a.shop.createdAt.localeCompare(b.shop.createdAt))
      .map(shopView);
  }

  create(input: ShopInput & { platform: PlatformId; mainPassword: string }): ShopView {
    const doc = this.prepare(input);
    this.d.store.writeShop(doc);
    this.d.audit.append({
      action: 'shop.created',
      object: `shop/${doc.shop.id}`,
      summary: `${platform(input.platform).name.zh} / ${platform(input.platform).name.en} · ${doc.shop.name}`,
    });
    return shopView(doc);
  }

  /**
   * A new shop's document with its secrets sealed; nothing is written. A null main password (a shop an
   * import found only through its sub-accounts) stores none.
   */
  prepare(input: ShopInput & { platform: PlatformId; mainPassword: string | null }): ShopDoc {
    const { phone, email } = this.checkContact(input.phone, input.email);
    const id = newId();
    const now = nowIso(this.d.clock);
    const col = shopCollection(id);
    const secrets: Record<string, string> = {};
    if (input.mainPassword !== null)
      secrets.mainPassword = this.d.sealer.seal(col, id, 'mainPassword', input.mainPassword);
    if (phone) secrets.phone = this.d.sealer.seal(col, id, 'phone', phone);
    if (email) secrets.email = this.d.sealer.seal(col, id, 'email', email);
    const shop: ShopRecord = {
      id,
      platform: input.platform,
      name: input.name.trim(),
      platformShopId: input.platformShopId.trim(),
      entityType: input.entityType,
      mainLogin: input.mainLogin.trim(),
      phoneMasked: phone ? maskMobile(phone) : null,
      emailMasked: email ? maskEmail(email) : null,
      depositAmount: Math.round(input.depositAmount * 100) / 100,
      notes: input.notes,
      crossBorder: input.platform === 'tmall' && input.crossBorder,
      archived: false,
      secrets,
      createdAt: now,
      updatedAt: now,
    };
    return { shop, subAccounts: {} };
  }

  update(id: string, patch: Partial<ShopInput> & { mainPassword?: string | undefined }): ShopView {
    const doc = this.d.store.shop(id);
    const shop = { ...doc.shop, secrets: { ...doc.shop.secrets } };
    const col = shopCollection(id);
    const changed: string[] = [];
    const contact = this.checkContact(patch.phone ?? null, patch.email ?? null);
    for (const key of [
      'name',
      'platformShopId',
      'entityType',
      'mainLogin',
      'notes',
      'depositAmount',
      'crossBorder',
    ] as const) {
      const v = patch[key];
      if (v === undefined || v === shop[key]) continue;
      (shop as Record<string, unknown>)[key] =
        key === 'depositAmount'
          ? Math.round((v as number) * 100) / 100
          : typeof v === 'string' && key !== 'notes'
            ? v.trim()
            : v;
      changed.push(key);
    }
    if (patch.phone !== undefined) {
      if (contact.phone) shop.secrets.phone = this.d.sealer.seal(col, id, 'phone', contact.phone);
      else delete shop.secrets.phone;
      shop.phoneMasked = contact.phone ? maskMobile(contact.phone) : null;
      changed.push('phone');
    }
    if (patch.email !== undefined) {
      if (contact.email) shop.secrets.email = this.d.sealer.seal(col, id, 'email', contact.email);
      else delete shop.secrets.email;
      shop.emailMasked = contact.email ? maskEmail(contact.email) : null;
      changed.push('email');
    }
    if (patch.mainPassword !== undefined) {
      shop.secrets.mainPassword = this.d.sealer.seal(col, id, 'mainPassword', patch.mainPassword);
      changed.push('mainPassword');
    }
    if (changed.length === 0) return shopView(doc);
    shop.updatedAt = nowIso(this.d.clock);
    const next = { ...doc, shop };
    this.d.store.writeShop(next);
    this.d.audit.append({
      action: 'shop.updated',
      object: `shop/${id}`,
      summary: `${shop.name}: ${changed.join(', ')}`,
    });
    return shopView(next);
  }

  setArchived(id: string, archived: boolean): ShopView {
    const doc = this.d.store.shop(id);
    if (doc.shop.archived === archived) return shopView(doc);
    const next = { ...doc, shop: { ...doc.shop, archived, updatedAt: nowIso(this.d.clock) } };
    this.d.store.writeShop(next);
    this.d.audit.append({
      action: archived ? 'shop.archived' : 'shop.restored',
      object: `shop/${id}`,
      summary: doc.shop.name,
    });
    return shopView(next);
  }

  sellerCenterUrl(id: string): string {
    return platform(this.d.store.shop(id).shop.platform).sellerCenterUrl;
  }

  requireActive(id: string): ShopDoc {
    const doc = this.d.store.shop(id);
    if (doc.shop.archived) throw new AppError('SHOP_ARCHIVED');
    return doc;
  }

  private checkContact(
    phone: string | null,
    email: string | null,
  ): { phone: string | null; email: string | null } {
    const f = new FieldCollector();
    const p = phone?.trim() ? normalizeMobile(phone) : null;
    const e = email?.trim() ? normalizeEmail(email) : null;
    if (phone?.trim() && !p) f.add('phone', 'invalid_mobile');
    if (email?.trim() && !e) f.add('email', 'invalid_email');
    f.throwIfAny();
    return { phone: p, email: e };
  }
}
