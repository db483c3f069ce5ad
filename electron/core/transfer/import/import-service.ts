// The import wizard's core: a file is read once and held (in memory, briefly, under a token) while the user
// maps columns and looks at the preview; confirming plans it again against the vault as it is then and
// writes all of it, or only the valid rows when asked, through the import journal (never half an import).
import { AppError } from '../../../../shared/contract/errors.ts';
import type { TemplateView } from '../../../../shared/contract/inventory-types.ts';
import type {
  ImportPreview,
  ImportResult,
  ImportSource,
} from '../../../../shared/contract/transfer-types.ts';
import { PLATFORMS } from '../../../../shared/domain/platforms/catalog.ts';
import { classify } from '../../../../shared/domain/transfer/classify.ts';
import {
  type ColumnMapping,
  candidatesFromTable,
  guessMapping,
} from '../../../../shared/domain/transfer/table-mapping.ts';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { InventoryStore } from '../../inventory/inventory-store.ts';
import { type ShopDoc, verificationSchema } from '../../inventory/schemas.ts';
import type { ShopService } from '../../inventory/shop-service.ts';
import type { StaffService } from '../../inventory/staff-service.ts';
import type { SubAccountService } from '../../inventory/subaccount-service.ts';
import type { TemplateService } from '../../inventory/template-service.ts';
import { newId } from '../../kernel/ids.ts';
import type { Clock } from '../../ports.ts';
import type { ImportJournal } from './import-journal.ts';
import { countsOf, type ImportPlan, type PlanCandidate, planImport } from './import-plan.ts';
import { type RegisterPlan, splitRegister, withPlanned, writeRegister } from './import-register.ts';
import { type ReadResult, readImportFile } from './read-file.ts';

/** How long a read file waits for its confirmation. */
const TOKEN_MS = 30 * 60_000;

export interface ImportDeps {
  store: Pick<InventoryStore, 'shops' | 'staff'>;
  shops: Pick<ShopService, 'prepare'>;
  subAccounts: Pick<SubAccountService, 'prepareImported' | 'phoneHolder'>;
  templates: { list(): TemplateView[] } & Pick<TemplateService, 'create'>;
  staff: Pick<StaffService, 'check' | 'record' | 'addMany' | 'idHashes'>;
  journal: Pick<ImportJournal, 'write'>;
  audit: AuditLog;
  clock: Clock;
}

interface Held {
  read: Exclude<ReadResult, { kind: 'needs-password' }>;
  mapping: ColumnMapping | null;
  at: number;
}

// Shops an import creates get the entity type most of their platform's shops have; it can be changed later.
const ENTERPRISE = new Set(['tmall', 'jd', 'amazon']);

export class ImportService {
  /** One file at a time: reading another replaces it (and the passwords it held). */
  private held: { token: string; value: Held } | null = null;

  constructor(private readonly d: ImportDeps) {}

  async read(file: Buffer, password?: string): Promise<ImportPreview | { needsPassword: true }> {
    const read = await readImportFile(file, password);
    if (read.kind === 'needs-password') return { needsPassword: true };
    const mapping = read.kind === 'table' ? guessMapping(read.table[0] ?? []) : null;
    const token = newId();
    this.held = { token, value: { read, mapping, at: this.d.clock.now() } };
    return this.preview(token, mapping ?? undefined);
  }

  preview(token: string, mapping?: ColumnMapping): ImportPreview {
    const held = this.take(token);
    if (mapping && held.read.kind === 'table') held.mapping = mapping;
    const { plan, register } = this.plan(held);
    return {
      token,
      source: held.read.source as ImportSource,
      encoding: held.read.kind === 'table' ? held.read.encoding : null,
      header: held.read.kind === 'table' ? (held.read.table[0] ?? []) : null,
      mapping: held.mapping,
      rows: plan.rows,
      counts: {
        ...countsOf(plan),
        newPeople: register.people.length,
        newTemplates: register.templates.length,
      },
    };
  }

  /** `beforeWrite` runs once the plan is known good, just before the write (the safety backup). */
  commit(token: string, skipInvalid: boolean, beforeWrite: () => string | null = () => null): ImportResult {
    const held = this.take(token);
    // Planned again: the vault may have changed since the preview (another window, a phone registering).
    const first = this.plan(held);
    const counts = countsOf(first.plan);
    if (counts.errors > 0 && !skipInvalid)
      throw new AppError('IMPORT_HAS_ERRORS', { details: { count: counts.errors } });
    const safetyBackup = beforeWrite();
    // Our own export's staff and templates first; then the accounts, planned again, find them by name.
    const hasRegister = first.register.people.length + first.register.templates.length > 0;
    if (hasRegister) writeRegister(first.register, { staff: this.d.staff, templates: this.d.templates });
    const { plan } = hasRegister ? this.plan(held) : first;
    const { docs, records, created } = this.documents(plan);
    this.d.journal.write([...docs.values()]);
    this.held = null;
    const source = held.read.source;
    this.d.audit.appendMany([
      ...plan.shops.map((s) => ({
        action: 'shop.created',
        object: `shop/${created.get(s.key)?.shop.id ?? ''}`,
        summary: `${PLATFORMS[s.platform].name.zh} / ${PLATFORMS[s.platform].name.en} · ${s.name}（导入 / import）`,
      })),
      ...records.map((r) => ({
        action: 'subaccount.created',
        object: `subaccount/${r.id}`,
        summary: `${r.shop} · ${r.fullName}（导入 / import）`,
      })),
      {
        action: 'transfer.imported',
        object: 'vault',
        summary: `${source}: ${plan.shops.length} 个店铺 / shops, ${plan.subs.length} 个子账号 / sub-accounts${
          counts.errors > 0
            ? `，跳过 ${counts.errors} 行错误 / ${counts.errors} rows with errors skipped`
            : ''
        }`,
      },
    ]);
    return {
      shopsCreated: plan.shops.length,
      subAccountsCreated: plan.subs.length,
      rowsLeftOut: plan.rows.filter((r) => r.status !== 'new').length,
      safetyBackup,
    };
  }

  /** Forgets the file and the passwords it held (the wizard was closed). */
  discard(token: string): void {
    if (this.held?.token === token) this.held = null;
  }

  /** At a lock: a file read while unlocked holds passwords in the clear, so it goes with the key. */
  forget(): void {
    this.held = null;
  }

  private take(token: string): Held {
    const held = this.held;
    if (!held || held.token !== token || this.d.clock.now() - held.value.at > TOKEN_MS) {
      if (held && held.token === token) this.held = null;
      throw new AppError('IMPORT_EXPIRED');
    }
    return held.value;
  }

  private plan(held: Held): { plan: ImportPlan; register: RegisterPlan } {
    const shops = this.d.store.shops();
    const vault = { staff: this.d.store.staff(), templates: this.d.templates.list() };
    const { accounts, register } =
      held.read.kind === 'table'
        ? { accounts: [], register: { people: [], templates: [] } }
        : splitRegister(held.read.credentials, vault);
    const candidates: PlanCandidate[] =
      held.read.kind === 'table'
        ? candidatesFromTable(held.read.table, held.mapping ?? {})
        : classify(
            accounts,
            shops.map((d) => ({ platform: d.shop.platform, name: d.shop.name, mainLogin: d.shop.mainLogin })),
          );
    const planned = withPlanned(vault, register);
    const plan = planImport(candidates, {
      shops,
      templates: planned.templates,
      staff: planned.staff,
      phoneTaken: (shopId, phone) => {
        const doc = shops.find((d) => d.shop.id === shopId);
        return !!doc && this.d.subAccounts.phoneHolder(doc, phone) !== null;
      },
    });
    return { plan, register };
  }

  /** The shop documents the plan changes or creates, secrets sealed, nothing written. */
  private documents(plan: ImportPlan): {
    docs: Map<string, ShopDoc>;
    records: Array<{ id: string; shop: string; fullName: string }>;
    created: Map<string, ShopDoc>;
  } {
    const docs = new Map<string, ShopDoc>();
    const records: Array<{ id: string; shop: string; fullName: string }> = [];
    const created = new Map<string, ShopDoc>();
    for (const s of plan.shops) {
      const prepared = this.d.shops.prepare({
        platform: s.platform,
        name: s.name.slice(0, 60),
        platformShopId: s.data?.platformShopId ?? '',
        entityType: s.data?.entityType ?? (ENTERPRISE.has(s.platform) ? 'enterprise' : 'individual'),
        mainLogin: s.mainLogin.slice(0, 64),
        phone: s.phone,
        email: s.email,
        depositAmount: s.data?.depositAmount ?? 0,
        notes: s.notes.slice(0, 2000),
        crossBorder: s.data?.crossBorder ?? false,
        mainPassword: s.mainPassword,
      });
      // Our own export: archived or not, and the date it was made, as they were.
      const doc = s.data
        ? { ...prepared, shop: { ...prepared.shop, archived: s.data.archived, createdAt: s.data.createdAt } }
        : prepared;
      created.set(s.key, doc);
      docs.set(doc.shop.id, doc);
    }
    const existing = new Map(this.d.store.shops().map((d) => [d.shop.id, d]));
    for (const sub of plan.subs) {
      const shopId = 'existing' in sub.shop ? sub.shop.existing : created.get(sub.shop.created)?.shop.id;
      // The document as this import has it so far (earlier rows may have added to it).
      const base = shopId ? (docs.get(shopId) ?? existing.get(shopId)) : undefined;
      if (!base) throw new AppError('NOT_FOUND', { message: 'import shop vanished' });
      const template = sub.templateId
        ? this.d.templates.list().find((t) => t.id === sub.templateId)
        : undefined;
      const made = this.d.subAccounts.prepareImported(
        base,
        sub.nickname,
        {
          templateId: template?.id ?? null,
          // Our own export's permissions are the account's own (a template may have changed since).
          permissions: sub.data?.permissions ?? template?.permissions ?? [],
          nativeRole: sub.data ? sub.data.nativeRole : (template?.nativeRole ?? null),
        },
        sub.password,
        { staffId: sub.staffId, phone: sub.phone },
      );
      // Verification as our export stored it, if it passes the store's own schema.
      const verification = verificationSchema.safeParse(sub.data?.verification);
      const record = sub.data
        ? {
            ...made,
            status: sub.data.status,
            createdAt: sub.data.createdAt,
            ...(verification.success ? { verification: verification.data } : {}),
          }
        : made;
      docs.set(base.shop.id, { ...base, subAccounts: { ...base.subAccounts, [record.id]: record } });
      records.push({ id: record.id, shop: base.shop.name, fullName: record.fullName });
    }
    return { docs, records, created };
  }
}
