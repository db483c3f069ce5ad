// Temporary sale agents (临时客服): created in batches (all or nothing), shown with their window, retired
// in bulk with a back-end checklist until each is confirmed gone, and their personal data purged a set
// number of days after retirement.
import { AppError } from '../../../shared/contract/errors.ts';
import type { RetireGuide, TempAgentView } from '../../../shared/contract/work-types.ts';
import { type RetireMode, retireChecklist } from '../../../shared/domain/retire-checklist.ts';
import { checkWindow, type SaleWindow, windowPhase } from '../../../shared/domain/sale-window.ts';
import { expandNamePattern, nicknamePattern } from '../../../shared/domain/temp-agent-names.ts';
import type { EventBus } from '../event-bus.ts';
import type { InventoryDeps } from '../inventory/deps.ts';
import type { ShopDoc, SubAccountRecord, TempRecord } from '../inventory/schemas.ts';
import type { StaffService } from '../inventory/staff-service.ts';
import type { SubAccountService } from '../inventory/subaccount-service.ts';
import { nowIso } from '../kernel/deps.ts';
import { newId } from '../kernel/ids.ts';
import type { WorkRulesService } from '../verification/work-rules-service.ts';

const DAY = 24 * 3600_000;
/** Records sealed between progress reports; small enough for a smooth bar, large enough to stay fast. */
const CHUNK = 25;

export interface BatchInput {
  shopId: string;
  count: number;
  pattern: string;
  templateId: string | null;
  window: SaleWindow;
  confirmHighRisk: boolean;
  /** Easy-to-type passwords (no look-alike characters) that still meet the platform's advised policy. */
  easyPasswords?: boolean | undefined;
}

type Agent = { doc: ShopDoc; sub: SubAccountRecord & { temp: TempRecord } };

export class TempAgentService {
  constructor(
    private readonly d: InventoryDeps,
    private readonly subAccounts: SubAccountService,
    private readonly staff: StaffService,
    private readonly rules: WorkRulesService,
    private readonly bus: EventBus,
    /** Batches allowed through the contract are 1-200; the benchmark goes further through this. */
    private readonly maxBatch = 200,
  ) {}

  private agents(): Agent[] {
    const out: Agent[] = [];
    for (const doc of this.d.store.shops())
      for (const sub of Object.values(doc.subAccounts))
        if (sub.temp) out.push({ doc, sub: sub as Agent['sub'] });
    return out;
  }

  private purgeAt(t: TempRecord): number | null {
    return t.retiredAt ? Date.parse(t.retiredAt) + this.rules.get().purgeAfterDays * DAY : null;
  }

  private view({ doc, sub }: Agent, now: number): TempAgentView {
    const t = sub.temp;
    const purgeAt = this.purgeAt(t);
    return {
      id: sub.id,
      batchId: t.batchId,
      shopId: doc.shop.id,
      shopName: doc.shop.name,
      platform: doc.shop.platform,
      fullName: sub.fullName,
      status: sub.status,
      window: { start: t.start, end: t.end },
      phase: t.goneAt ? 'gone' : t.retiredAt ? 'retired' : windowPhase(t, now),
      staffName: sub.staffId ? this.staff.nameOf(sub.staffId) : null,
      retiredAt: t.retiredAt,
      retireMode: t.retireMode,
      goneAt: t.goneAt,
      purgeAt: purgeAt === null ? null : new Date(purgeAt).toISOString(),
      purged: t.purgedAt !== null,
    };
  }

  list(): TempAgentView[] {
    const now = this.d.clock.now();
    return this.agents()
      .map((a) => this.view(a, now))
      .sort((a, b) => a.shopName.localeCompare(b.shopName) || a.fullName.localeCompare(b.fullName));
  }

  /** Names the pattern would give, each with its problem if any: the wizard's preview. */
  previewNames(
    shopId: string,
    pattern: string,
    count: number,
  ): Array<{ fullName: string; problem: string | null }> {
    const doc = this.d.store.shop(shopId);
    const { names, problem } = expandNamePattern(
      nicknamePattern(pattern, doc.shop.mainLogin),
      count,
      this.maxBatch,
    );
    if (problem) throw new AppError('VALIDATION_FAILED', { fields: { pattern: problem } });
    const problems = this.subAccounts.checkBatchNames(shopId, names);
    const prefix =
      doc.shop.platform === 'taobao' || doc.shop.platform === 'tmall' ? `${doc.shop.mainLogin}:` : '';
    return names.map((n) => ({ fullName: `${prefix}${n}`, problem: problems.get(n) ?? null }));
  }

  async createBatch(input: BatchInput): Promise<{ created: TempAgentView[] }> {
    const doc = this.d.store.shop(input.shopId);
    const windowProblem = checkWindow(input.window);
    if (windowProblem)
      throw new AppError('VALIDATION_FAILED', {
        fields: { window: windowProblem === 'too_long' ? 'too_long_window' : windowProblem },
      });
    const expanded = expandNamePattern(
      nicknamePattern(input.pattern, doc.shop.mainLogin),
      input.count,
      this.maxBatch,
    );
    if (expanded.problem) throw new AppError('VALIDATION_FAILED', { fields: { pattern: expanded.problem } });
    // Every name is checked before anything is created.
    const problems = this.subAccounts.checkBatchNames(input.shopId, expanded.names);
    if (problems.size > 0)
      throw new AppError('NAME_TAKEN', {
        fields: { pattern: 'name_taken' },
        details: { names: [...problems.keys()].slice(0, 5).join('、'), count: problems.size },
      });
    const choice = this.subAccounts.batchChoice(
      input.shopId,
      {
        templateId: input.templateId ?? `builtin-${doc.shop.platform}-temp-cs`,
        permissions: [],
        nativeRole: null,
      },
      expanded.names.length,
      input.confirmHighRisk,
    );
    const batchId = newId();
    const temp: TempRecord = {
      batchId,
      start: input.window.start,
      end: input.window.end,
      retiredAt: null,
      retireMode: null,
      goneAt: null,
      purgedAt: null,
    };
    const total = expanded.names.length;
    const records: SubAccountRecord[] = [];
    for (const nickname of expanded.names) {
      records.push(
        this.subAccounts.prepareGenerated(input.shopId, nickname, choice, { temp }, input.easyPasswords),
      );
      if (records.length % CHUNK === 0 && records.length < total) {
        this.bus.emit('agents.progressed', { batchId, done: records.length, total });
        // Let the progress event go out before sealing the next chunk.
        await new Promise((r) => setImmediate(r));
      }
    }
    const views = this.subAccounts.commitMany(
      input.shopId,
      records,
      `临时客服 / temporary agent ${temp.start}~${temp.end}`,
    );
    this.bus.emit('agents.progressed', { batchId, done: total, total });
    const now = this.d.clock.now();
    const next = this.d.store.shop(input.shopId);
    return {
      created: views.map((v) => this.view({ doc: next, sub: next.subAccounts[v.id] as Agent['sub'] }, now)),
    };
  }

  private require(ids: string[]): Agent[] {
    return [...new Set(ids)].map((id) => {
      const { doc, sub } = this.d.store.findSubAccount(id);
      if (!sub.temp) throw new AppError('NOT_TEMPORARY', { details: { subAccount: sub.fullName } });
      return { doc, sub: sub as Agent['sub'] };
    });
  }

  /** Applies a change to each agent, grouped so each shop is written once; one audit entry per agent. */
  private change(
    agents: Agent[],
    fn: (a: Agent['sub'], now: string) => SubAccountRecord | null,
    action: string,
    note: string,
  ): number {
    const now = nowIso(this.d.clock);
    const byShop = new Map<string, Agent[]>();
    for (const a of agents) byShop.set(a.doc.shop.id, [...(byShop.get(a.doc.shop.id) ?? []), a]);
    const entries: Array<{ action: string; object: string; summary: string }> = [];
    for (const [shopId, list] of byShop) {
      const doc = this.d.store.shop(shopId);
      const subAccounts = { ...doc.subAccounts };
      for (const { sub } of list) {
        const next = fn(sub, now);
        if (next === null) delete subAccounts[sub.id];
        else subAccounts[sub.id] = next;
        entries.push({
          action,
          object: `subaccount/${sub.id}`,
          summary: `${doc.shop.name} · ${sub.fullName} ${note}`,
        });
      }
      this.d.store.writeShop({ ...doc, subAccounts });
    }
    this.d.audit.appendMany(entries);
    return entries.length;
  }

  /** Retiring disables the agents here at once; the guide says what to do on the platform. */
  retire(ids: string[], mode: RetireMode): { retired: number; guides: RetireGuide[] } {
    const agents = this.require(ids).filter((a) => a.sub.temp.retiredAt === null);
    const retired = this.change(
      agents,
      (sub, now) => ({
        ...sub,
        status: 'disabled',
        temp: { ...sub.temp, retiredAt: now, retireMode: mode },
        updatedAt: now,
      }),
      'tempAgent.retired',
      mode === 'delete' ? '(删除 / delete)' : '(停用 / disable)',
    );
    return { retired, guides: this.guides() };
  }

  /** Per shop and mode, the back-end steps and the agents not yet confirmed gone. */
  guides(): RetireGuide[] {
    const groups = new Map<string, RetireGuide>();
    for (const { doc, sub } of this.agents()) {
      const t = sub.temp;
      if (!t.retiredAt || t.goneAt || !t.retireMode) continue;
      const key = `${doc.shop.id}/${t.retireMode}`;
      const g = groups.get(key) ?? {
        shopId: doc.shop.id,
        shopName: doc.shop.name,
        platform: doc.shop.platform,
        mode: t.retireMode,
        steps: [],
        pending: [],
      };
      g.pending.push({ id: sub.id, fullName: sub.fullName });
      groups.set(key, g);
    }
    return [...groups.values()].map((g) => ({
      ...g,
      steps: retireChecklist(
        g.platform,
        g.mode,
        g.pending.map((p) => p.fullName),
      ),
    }));
  }

  confirmGone(ids: string[]): { confirmed: number } {
    const agents = this.require(ids);
    const open = agents.filter((a) => a.sub.temp.goneAt === null);
    const notRetired = open.find((a) => a.sub.temp.retiredAt === null);
    if (notRetired) throw new AppError('NOT_RETIRED', { details: { subAccount: notRetired.sub.fullName } });
    const confirmed = this.change(
      open,
      (sub, now) => ({ ...sub, temp: { ...sub.temp, goneAt: now }, updatedAt: now }),
      'tempAgent.confirmedGone',
      '已在平台处理 / done on the platform',
    );
    return { confirmed };
  }

  /**
   * Removes the personal data of agents retired more than the set days ago: the bound person (unless they
   * hold another account), the phone. An agent deleted on the platform and confirmed gone leaves no record.
   */
  purgeDue(): number {
    const now = this.d.clock.now();
    const due = this.agents().filter(({ sub }) => {
      const at = this.purgeAt(sub.temp);
      return at !== null && now >= at && sub.temp.purgedAt === null;
    });
    if (due.length === 0) return 0;
    const people = new Set(due.flatMap(({ sub }) => (sub.staffId ? [sub.staffId] : [])));
    const n = this.change(
      due,
      (sub, nowIsoText) => {
        if (sub.temp.retireMode === 'delete' && sub.temp.goneAt) return null;
        const { phone: _phone, ...secrets } = sub.secrets;
        return {
          ...sub,
          staffId: null,
          phoneMasked: null,
          phoneHash: null,
          secrets,
          temp: { ...sub.temp, purgedAt: nowIsoText },
          updatedAt: nowIsoText,
        };
      },
      'tempAgent.purged',
      '个人信息已清除 / personal data purged',
    );
    this.staff.removeIfUnbound([...people]);
    return n;
  }
}
