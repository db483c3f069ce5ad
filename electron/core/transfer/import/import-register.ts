// The staff register and custom templates a whole-vault export of ours carries (shopwarden-data.ts): taken
// out of the file's entries before the accounts are planned, matched by name against what the vault has,
// and what is missing created under the same rules as the staff form (phone checked) before the shops
// are written, so the sub-accounts find their template and person by name as they did.
import type { TemplateView } from '../../../../shared/contract/inventory-types.ts';
import type { ImportedCredential } from '../../../../shared/domain/transfer/credential.ts';
import {
  knownPermissions,
  type PersonData,
  parseSwData,
  type TemplateData,
} from '../../../../shared/domain/transfer/shopwarden-data.ts';
import type { StaffDoc } from '../../inventory/schemas.ts';
import type { StaffService } from '../../inventory/staff-service.ts';
import type { TemplateService } from '../../inventory/template-service.ts';

export interface RegisterPlan {
  people: Array<{ data: PersonData; phone: string }>;
  templates: TemplateData[];
}

/** The entries that are accounts, and the register entries that are not in the vault yet. */
export function splitRegister(
  creds: readonly ImportedCredential[],
  vault: { staff: StaffDoc; templates: readonly TemplateView[] },
): { accounts: ImportedCredential[]; register: RegisterPlan } {
  const names = new Set(Object.values(vault.staff.people).map((p) => p.name.trim()));
  const tkey = (platform: string, name: string) => `${platform}\u0000${name.trim().toLowerCase()}`;
  const tnames = new Set(vault.templates.map((t) => tkey(t.platform, t.name)));
  const accounts: ImportedCredential[] = [];
  const register: RegisterPlan = { people: [], templates: [] };
  for (const c of creds) {
    const data = parseSwData(c.data);
    if (data?.kind === 'person') {
      if (!names.has(data.name.trim())) register.people.push({ data, phone: c.phone });
      names.add(data.name.trim());
    } else if (data?.kind === 'template') {
      const k = tkey(data.platform, data.name);
      if (!tnames.has(k))
        register.templates.push({ ...data, permissions: knownPermissions(data.platform, data.permissions) });
      tnames.add(k);
    } else accounts.push(c);
  }
  return { accounts, register };
}

/** What the planner sees of the register entries to be created: names, so the accounts resolve to them. */
export function withPlanned(
  vault: { staff: StaffDoc; templates: readonly TemplateView[] },
  register: RegisterPlan,
): { staff: StaffDoc; templates: TemplateView[] } {
  const people = { ...vault.staff.people };
  register.people.forEach((p, i) => {
    const id = `planned-person-${i}`;
    people[id] = {
      id,
      name: p.data.name,
      position: p.data.position,
      status: p.data.status,
      notes: p.data.notes,
      phoneMasked: '',
      idHash: null,
      idLast4: p.data.idLast4,
      secrets: {},
      leftAt: null,
      createdAt: p.data.createdAt,
      updatedAt: p.data.createdAt,
    };
  });
  const templates: TemplateView[] = [
    ...vault.templates,
    ...register.templates.map((t, i) => ({
      id: `planned-template-${i}`,
      platform: t.platform,
      name: t.name,
      builtin: false,
      role: null,
      basedOn: null,
      permissions: t.permissions,
      nativeRole: t.nativeRole,
      risk: 'low' as const,
      highRiskCount: 0,
      usedBy: 0,
    })),
  ];
  return { staff: { people }, templates };
}

/**
 * Creates the planned people and templates. A person whose phone the staff form would refuse is not
 * created (counted in `refused`); the accounts naming them are then imported without the binding.
 */
export function writeRegister(
  register: RegisterPlan,
  deps: {
    staff: Pick<StaffService, 'check' | 'record' | 'addMany' | 'idHashes'>;
    templates: Pick<TemplateService, 'create'>;
  },
): { people: number; templates: number; refused: number } {
  for (const t of register.templates)
    deps.templates.create(
      {
        platform: t.platform,
        name: t.name,
        permissions: t.permissions,
        nativeRole: t.nativeRole,
        basedOn: null,
      },
      { createdAt: t.createdAt, updatedAt: t.updatedAt },
    );
  const hashes = deps.staff.idHashes();
  const records = [];
  let refused = 0;
  for (const p of register.people) {
    const input = {
      name: p.data.name,
      phone: p.phone,
      position: p.data.position,
      notes: p.data.notes,
      idNumber: '',
    };
    const checked = deps.staff.check(input, hashes);
    if (!checked.ok) {
      refused++;
      continue;
    }
    const r = deps.staff.record(input, { ...checked, idLast4: p.data.idLast4 });
    records.push({
      ...r,
      status: p.data.status,
      createdAt: p.data.createdAt,
      leftAt: p.data.status === 'left' ? r.updatedAt : null,
    });
  }
  if (records.length) deps.staff.addMany(records);
  return { people: records.length, templates: register.templates.length, refused };
}
