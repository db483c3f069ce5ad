// The lists inside a deposit case and a recovery draft as record fields of their own: each checklist item,
// each timeline entry, each draft field and each check is one field, so two people ticking different items
// of one case, or filling different fields of one draft, while apart both keep their change (one field for
// the whole list would keep one of them and put the other in the conflict list). Field names are stable on
// every computer: a hash of the item's id or of the timeline entry, or the draft's own key.
// Records written before this split hold the list as one JSON field (`items`, `timeline`, `fields`,
// `checks`); they are still read, and the first write after it replaces them.
import { createHash } from 'node:crypto';
import type { FieldValue } from '../../../shared/domain/sync/records.ts';
import type { Fields } from './record-mapping.ts';

type Values = Readonly<Record<string, FieldValue>>;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * JSON with every object's keys sorted: the same item reads back from another computer's record with its
 * keys in another order, and must compare equal, or editing one item would rewrite all the others.
 */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    isRecord(x) && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}
const json = canonical;
/** A JSON field's value, or undefined when it is absent or not JSON. */
export const parse = (v: unknown): unknown => {
  if (typeof v !== 'string') return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
};
const hashed = (prefix: string, s: string) =>
  prefix + createHash('sha256').update(s).digest('hex').slice(0, 40);

const ITEM = 'i_';
const ENTRY = 't_';
const CHECK = 'c_';
const FIELD = 'f_';

/** Where an item's order lives. Concurrent reorders are not worth a person's look: see QUIET_FIELDS. */
export const ITEM_ORDER = 'itemOrder';

interface Identified {
  readonly id: string;
}

/**
 * A case's items and timeline as fields. An item this edit removed (in `before`, not in `after`) is set to
 * null; an item this computer merely does not know is never touched, and timeline entries are only added.
 */
export function caseListFields(
  after: { items: readonly Identified[]; timeline: readonly unknown[] },
  before: { items: readonly Identified[] } | undefined,
  legacy: readonly string[],
): Fields {
  const out: Fields = {};
  // The one-field lists of an older record are cleared by the first write in this form.
  for (const f of legacy) if (f === 'items' || f === 'timeline') out[f] = null;
  for (const item of after.items) out[hashed(ITEM, item.id)] = json(item);
  const kept = new Set(after.items.map((i) => i.id));
  for (const item of before?.items ?? []) if (!kept.has(item.id)) out[hashed(ITEM, item.id)] = null;
  out[ITEM_ORDER] = after.items.map((i) => i.id);
  for (const entry of after.timeline) out[hashed(ENTRY, json(entry))] = json(entry);
  return out;
}

/** Items in their order (items the order does not name yet after it, by id), or undefined when none are readable. */
export function itemsFrom(v: Values): unknown {
  if (!Array.isArray(v[ITEM_ORDER])) return parse(v.items);
  const order = new Map((v[ITEM_ORDER] as readonly string[]).map((id, i) => [id, i]));
  const items = Object.entries(v)
    .filter(([f]) => f.startsWith(ITEM))
    .map(([, x]) => parse(x))
    .filter((x): x is Record<string, unknown> & Identified => isRecord(x) && typeof x.id === 'string');
  const pos = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => pos(a.id) - pos(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every timeline entry any computer added, oldest first (the same order everywhere). */
export function timelineFrom(v: Values): unknown {
  const old = parse(v.timeline);
  const entries = [
    ...(Array.isArray(old) ? old : []),
    ...Object.entries(v)
      .filter(([f]) => f.startsWith(ENTRY))
      .map(([, x]) => parse(x)),
  ].filter(isRecord);
  const unique = new Map(entries.map((e) => [json(e), e]));
  const key = (e: Record<string, unknown>) => `${String(e.at)}\u0000${json(e)}`;
  return [...unique.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A draft's fields and checks as fields; a key this edit removed is set to null. */
export function draftListFields(
  after: { fields: Readonly<Record<string, string>>; checks: Readonly<Record<string, boolean>> },
  before: { fields: Readonly<Record<string, string>> } | undefined,
  legacy: readonly string[],
): Fields {
  const out: Fields = {};
  for (const f of legacy) if (f === 'fields' || f === 'checks') out[f] = null;
  for (const [k, v] of Object.entries(after.fields)) out[FIELD + k] = v;
  for (const k of Object.keys(before?.fields ?? {}))
    if (!Object.hasOwn(after.fields, k)) out[FIELD + k] = null;
  // Check keys are lower-case letters, digits and hyphens; a field name cannot hold a hyphen.
  for (const [k, v] of Object.entries(after.checks)) out[CHECK + k.replaceAll('-', '_')] = v;
  return out;
}

/** Keys of the draft's form as one object: the older one-field form under the newer per-key fields. */
export function draftFieldsFrom(v: Values): unknown {
  const old = parse(v.fields);
  const out: Record<string, unknown> = isRecord(old) ? { ...old } : {};
  for (const [f, x] of Object.entries(v)) {
    if (!f.startsWith(FIELD)) continue;
    const k = f.slice(FIELD.length);
    if (x === null) delete out[k];
    else out[k] = x;
  }
  return out;
}

export function draftChecksFrom(v: Values): unknown {
  const old = parse(v.checks);
  const out: Record<string, unknown> = isRecord(old) ? { ...old } : {};
  for (const [f, x] of Object.entries(v))
    if (f.startsWith(CHECK) && typeof x === 'boolean') out[f.slice(CHECK.length).replaceAll('_', '-')] = x;
  return out;
}

/** The name a person sees for a field in the conflict list: the list it belongs to, or the form key. */
export function listFieldLabel(field: string): string {
  if (field.startsWith(ITEM)) return 'items';
  if (field.startsWith(ENTRY)) return 'timeline';
  if (field.startsWith(CHECK)) return 'checks';
  if (field.startsWith(FIELD)) return field.slice(FIELD.length);
  return field;
}
