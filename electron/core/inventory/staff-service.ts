// The staff registry: one person, at most one sub-account per shop. Phones are sealed and shown masked;
// an ID number is never stored, only a keyed hash (to refuse a duplicate) and its last 4 characters.
import { AppError } from '../../../shared/contract/errors.ts';
import type { PersonView } from '../../../shared/contract/inventory-types.ts';
import { maskMobile, normalizeIdNumber, normalizeMobile } from '../../../shared/domain/validators.ts';
import { nowIso } from '../kernel/deps.ts';
import { newId } from '../kernel/ids.ts';
import { STAFF_COLLECTION } from '../kernel/sealer.ts';
import type { InventoryDeps } from './deps.ts';
import { FieldCollector } from './field-checks.ts';
import type { PersonRecord, ShopDoc } from './schemas.ts';

export interface StaffDirectory {
  nameOf(id: string): string | null;
  /** Throws unless the person exists, is still employed, and holds no other sub-account in this shop. */
  assertBindable(staffId: string, doc: ShopDoc, subAccountId: string | null): void;
}

export interface PersonInput {
  name: string;
  phone: string;
  position: string;
  notes: string;
  idNumber: string;
}

export class StaffService implements StaffDirectory {
  constructor(
    private readonly d: InventoryDeps,
    private readonly unbindPerson: (staffId: string) => number,
  ) {}

  private people(): Record<string, PersonRecord> {
    return this.d.store.staff().people;
  }

  private person(id: string): PersonRecord | undefined {
    const p = this.people();
    return Object.hasOwn(p, id) ? p[id] : undefined;
  }

  nameOf(id: string): string | null {
    return this.person(id)?.name ?? null;
  }

  assertBindable(staffId: string, doc: ShopDoc, subAccountId: string | null): void {
    const p = this.person(staffId);
    if (!p) throw new AppError('VALIDATION_FAILED', { fields: { staffId: 'unknown_staff' } });
    if (p.status === 'left') throw new AppError('STAFF_LEFT');
    const existing = Object.values(doc.subAccounts).find(
      (s) => s.staffId === staffId && s.id !== subAccountId,
    );
    if (existing)
      throw new AppError('STAFF_ALREADY_BOUND', {
        details: { subAccount: existing.fullName, person: p.name },
      });
  }

  list(): PersonView[] {
    const bindings = new Map<string, PersonView['bindings']>();
    for (const doc of this.d.store.shops()) {
      for (const sub of Object.values(doc.subAccounts)) {
        if (!sub.staffId) continue;
        const b = bindings.get(sub.staffId) ?? [];
        b.push({
          subAccountId: sub.id,
          shopId: doc.shop.id,
          shopName: doc.shop.name,
          fullName: sub.fullName,
        });
        bindings.set(sub.staffId, b);
      }
    }
    return Object.values(this.people())
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((p) => ({
        id: p.id,
        name: p.name,
        phoneMasked: p.phoneMasked,
        position: p.position,
        status: p.status,
        notes: p.notes,
        idLast4: p.idLast4,
        bindings: bindings.get(p.id) ?? [],
        createdAt: p.createdAt,
      }));
  }

  /** Checks one person's input; returns the normalised record parts or the field problems. */
  check(
    input: PersonInput,
    existingIdHashes: ReadonlySet<string>,
  ):
    | { ok: true; phone: string; idHash: string | null; idLast4: string | null }
    | { ok: false; fields: FieldCollector } {
    const f = new FieldCollector();
    if (!input.name.trim()) f.add('name', 'required');
    const phone = normalizeMobile(input.phone);
    if (!phone) f.add('phone', 'invalid_mobile');
    let idHash: string | null = null;
    let idLast4: string | null = null;
    if (input.idNumber.trim()) {
      const id = normalizeIdNumber(input.idNumber, new Date(this.d.clock.now()));
      if (!id) f.add('idNumber', 'invalid_id_number');
      else {
        idHash = this.d.sealer.keyedHash('id-number', id);
        idLast4 = id.slice(-4);
        if (existingIdHashes.has(idHash)) f.add('idNumber', 'invalid');
      }
    }
    if (Object.keys(f.fields).length > 0 || !phone) return { ok: false, fields: f };
    return { ok: true, phone, idHash, idLast4 };
  }

  idHashes(): Set<string> {
    return new Set(Object.values(this.people()).flatMap((p) => (p.idHash ? [p.idHash] : [])));
  }

  /** Builds a record from checked input (used by create and by import). */
  record(
    input: PersonInput,
    checked: { phone: string; idHash: string | null; idLast4: string | null },
  ): PersonRecord {
    const id = newId();
    const now = nowIso(this.d.clock);
    return {
      id,
      name: input.name.trim(),
      position: input.position.trim(),
      status: 'active',
      notes: input.notes,
      phoneMasked: maskMobile(checked.phone),
      idHash: checked.idHash,
      idLast4: checked.idLast4,
      secrets: { phone: this.d.sealer.seal(STAFF_COLLECTION, id, 'phone', checked.phone) },
      leftAt: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  create(input: PersonInput): PersonView {
    const hashes = this.idHashes();
    const checked = this.check(input, hashes);
    if (!checked.ok) {
      if (checked.fields.fields.idNumber === 'invalid')
        throw new AppError('ID_ALREADY_REGISTERED', { fields: { idNumber: 'invalid' } });
      checked.fields.throwIfAny();
      throw new AppError('VALIDATION_FAILED');
    }
    const rec = this.record(input, checked);
    this.d.store.setStaff({ people: { ...this.people(), [rec.id]: rec } });
    this.d.audit.append({
      action: 'staff.created',
      object: `staff/${rec.id}`,
      summary: `${rec.name} · ${rec.position}`,
    });
    return this.view(rec.id);
  }

  addMany(records: PersonRecord[]): void {
    const people = { ...this.people() };
    for (const r of records) people[r.id] = r;
    this.d.store.setStaff({ people });
    for (const r of records)
      this.d.audit.append({
        action: 'staff.imported',
        object: `staff/${r.id}`,
        summary: `${r.name} · ${r.position}`,
      });
  }

  update(id: string, patch: Partial<Omit<PersonInput, 'idNumber'>>): PersonView {
    const p = this.person(id);
    if (!p) throw new AppError('NOT_FOUND');
    const next: PersonRecord = { ...p, secrets: { ...p.secrets }, updatedAt: nowIso(this.d.clock) };
    const changed: string[] = [];
    if (patch.phone !== undefined) {
      const phone = normalizeMobile(patch.phone);
      if (!phone) throw new AppError('VALIDATION_FAILED', { fields: { phone: 'invalid_mobile' } });
      next.secrets.phone = this.d.sealer.seal(STAFF_COLLECTION, id, 'phone', phone);
      next.phoneMasked = maskMobile(phone);
      changed.push('phone');
    }
    for (const key of ['name', 'position', 'notes'] as const) {
      const v = patch[key];
      if (v !== undefined && v !== p[key]) {
        next[key] = key === 'notes' ? v : v.trim();
        changed.push(key);
      }
    }
    if (!next.name) throw new AppError('VALIDATION_FAILED', { fields: { name: 'required' } });
    this.d.store.setStaff({ people: { ...this.people(), [id]: next } });
    this.d.audit.append({
      action: 'staff.updated',
      object: `staff/${id}`,
      summary: `${next.name}: ${changed.join(', ') || '-'}`,
    });
    return this.view(id);
  }

  /** Leaving unbinds every sub-account of the person; those keep their permissions and show as unbound. */
  setStatus(id: string, status: 'active' | 'left'): { person: PersonView; unbound: number } {
    const p = this.person(id);
    if (!p) throw new AppError('NOT_FOUND');
    if (p.status === status) return { person: this.view(id), unbound: 0 };
    const unbound = status === 'left' ? this.unbindPerson(id) : 0;
    const now = nowIso(this.d.clock);
    this.d.store.setStaff({
      people: {
        ...this.people(),
        [id]: { ...p, status, leftAt: status === 'left' ? now : null, updatedAt: now },
      },
    });
    this.d.audit.append({
      action: status === 'left' ? 'staff.left' : 'staff.rejoined',
      object: `staff/${id}`,
      summary:
        status === 'left'
          ? `${p.name} 离职，解绑 ${unbound} 个子账号 / left, ${unbound} unbound`
          : `${p.name} 在职 / active`,
    });
    return { person: this.view(id), unbound };
  }

  /** The employed person with this mobile number, if any (phones are sealed, so each is opened). */
  findByPhone(phone: string): PersonView | null {
    for (const p of Object.values(this.people())) {
      if (p.status !== 'active' || !p.secrets.phone) continue;
      if (this.d.sealer.open(STAFF_COLLECTION, p.id, 'phone', p.secrets.phone) === phone)
        return this.view(p.id);
    }
    return null;
  }

  /** Deletes people (and their sealed phone) who hold no sub-account any more: a purge, not a departure. */
  removeIfUnbound(ids: string[]): number {
    const bound = new Set(this.list().flatMap((p) => (p.bindings.length > 0 ? [p.id] : [])));
    const people = { ...this.people() };
    const removed = ids.filter((id) => Object.hasOwn(people, id) && !bound.has(id));
    if (removed.length === 0) return 0;
    for (const id of removed) delete people[id];
    this.d.store.setStaff({ people });
    this.d.audit.appendMany(
      removed.map((id) => ({
        action: 'staff.purged',
        object: `staff/${id}`,
        summary: '个人信息已清除 / personal data purged',
      })),
    );
    return removed.length;
  }

  private view(id: string): PersonView {
    const v = this.list().find((p) => p.id === id);
    if (!v) throw new AppError('NOT_FOUND');
    return v;
  }
}
