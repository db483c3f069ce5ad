// What the inventory writes since it was last asked, as ids. The renderer patches its lists from the views
// of exactly these records instead of reloading every list after a change (at 50,000 sub-accounts a reload
// is megabytes per click). Records are immutable objects, so a changed record is one whose reference
// differs from the one before the write.
import type { ShopDoc, StaffDoc, SubAccountRecord, TemplatesDoc } from './schemas.ts';

export interface ChangedIds {
  shops: Set<string>;
  subAccounts: Set<string>;
  removedSubAccounts: Set<string>;
  /** People whose view changed (own record, or a binding). */
  staff: Set<string>;
  /** People whose own record changed: the rows bound to them show their name. */
  staffRecords: Set<string>;
  removedStaff: Set<string>;
  templates: Set<string>;
  templateRecords: Set<string>;
  removedTemplates: Set<string>;
  /** A change whose reach is not tracked per record (a restored file): the renderer reloads. */
  everything: boolean;
}

const empty = (): ChangedIds => ({
  shops: new Set(),
  subAccounts: new Set(),
  removedSubAccounts: new Set(),
  staff: new Set(),
  staffRecords: new Set(),
  removedStaff: new Set(),
  templates: new Set(),
  templateRecords: new Set(),
  removedTemplates: new Set(),
  everything: false,
});

export class ChangeLog {
  private pending = empty();
  private dirty = false;
  private readonly listeners = new Set<() => void>();

  /** Called once per first change after a take(), so a transport can push changes made outside a call. */
  onDirty(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  take(): ChangedIds {
    const out = this.pending;
    this.pending = empty();
    this.dirty = false;
    return out;
  }

  everything(): void {
    this.pending.everything = true;
    this.mark();
  }

  shopWritten(before: ShopDoc | undefined, after: ShopDoc): void {
    const p = this.pending;
    p.shops.add(after.shop.id);
    // A renamed shop shows its new name on every sub-account row and every binding of its people.
    const renamed = before !== undefined && before.shop.name !== after.shop.name;
    for (const [id, sub] of Object.entries(after.subAccounts)) {
      const old = before?.subAccounts[id];
      if (!renamed && old === sub) continue;
      p.subAccounts.add(id);
      p.removedSubAccounts.delete(id);
      this.touchLinks(old, sub, renamed);
    }
    if (before)
      for (const [id, old] of Object.entries(before.subAccounts)) {
        if (Object.hasOwn(after.subAccounts, id)) continue;
        p.removedSubAccounts.add(id);
        p.subAccounts.delete(id);
        this.touchLinks(old, undefined, true);
      }
    this.mark();
  }

  staffWritten(before: StaffDoc | undefined, after: StaffDoc): void {
    const p = this.pending;
    for (const id of diffMap(before?.people ?? {}, after.people, p.removedStaff)) {
      p.staff.add(id);
      p.staffRecords.add(id);
    }
    this.mark();
  }

  templatesWritten(before: TemplatesDoc | undefined, after: TemplatesDoc): void {
    const p = this.pending;
    for (const id of diffMap(before?.custom ?? {}, after.custom, p.removedTemplates)) {
      p.templates.add(id);
      p.templateRecords.add(id);
    }
    this.mark();
  }

  /** A person's bindings and a template's use count follow the sub-accounts that point at them. */
  private touchLinks(old: SubAccountRecord | undefined, sub: SubAccountRecord | undefined, all: boolean) {
    const p = this.pending;
    for (const staffId of [old?.staffId, sub?.staffId])
      if (staffId && (all || old?.staffId !== sub?.staffId)) p.staff.add(staffId);
    for (const templateId of [old?.templateId, sub?.templateId])
      if (templateId && (all || old?.templateId !== sub?.templateId)) p.templates.add(templateId);
  }

  private mark(): void {
    if (this.dirty) return;
    this.dirty = true;
    for (const l of this.listeners) l();
  }
}

/** Ids whose value changed or appeared; removed ones go into `removed`. */
function diffMap<T>(before: Record<string, T>, after: Record<string, T>, removed: Set<string>): string[] {
  const changed: string[] = [];
  for (const [id, v] of Object.entries(after)) {
    if (before[id] === v) continue;
    changed.push(id);
    removed.delete(id);
  }
  for (const id of Object.keys(before)) if (!Object.hasOwn(after, id)) removed.add(id);
  return changed;
}
