// The body of a segment or a snapshot: items grouped by scope, each group sealed with that scope's key, so a
// member opens exactly the groups whose keys they hold. Groups are ordered by key id, not by scope, and the
// header names only key ids, so the storage learns nothing about which shop a group belongs to.
import { keyId, openWith, type ScopeKey, sealWith } from './crypto/scope-keys.ts';
import { packPlain, unpackPlain } from './signed-file.ts';

export interface GroupHeader {
  readonly k: string;
  readonly n: string;
  readonly l: number;
}

/** Seals `items` by scope with `keys` (newest key per scope); `aad` binds each group to its file. */
export function sealGroups<T extends { readonly scope: string }>(
  items: readonly T[],
  keys: ReadonlyMap<string, ScopeKey>,
  aad: (kid: string) => string,
): { groups: GroupHeader[]; body: Buffer } {
  const byScope = new Map<string, T[]>();
  for (const item of items) {
    const list = byScope.get(item.scope) ?? [];
    list.push(item);
    byScope.set(item.scope, list);
  }
  const sealed = [...byScope].map(([scope, list]) => {
    const key = keys.get(scope);
    if (!key) throw new Error(`no key for scope ${scope}`);
    return { kid: keyId(key), key, list };
  });
  sealed.sort((x, y) => (x.kid < y.kid ? -1 : 1));
  const groups: GroupHeader[] = [];
  const bodies: Buffer[] = [];
  for (const s of sealed) {
    const { nonce, body } = sealWith(s.key, packPlain(s.list), aad(s.kid));
    groups.push({ k: s.kid, n: nonce.toString('base64url'), l: body.length });
    bodies.push(body);
  }
  return { groups, body: Buffer.concat(bodies) };
}

/** Checks the shape of a header's group list against the body length; null when it does not add up. */
export function readGroups(g: unknown, bodyLength: number): GroupHeader[] | null {
  if (!Array.isArray(g)) return null;
  let total = 0;
  for (const x of g as Array<Record<string, unknown>>) {
    if (
      typeof x?.k !== 'string' ||
      !/^[0-9a-f]{16}$/.test(x.k) ||
      typeof x.n !== 'string' ||
      !Number.isSafeInteger(x.l) ||
      (x.l as number) < 16
    )
      return null;
    total += x.l as number;
  }
  return total === bodyLength ? (g as GroupHeader[]) : null;
}

export interface OpenedGroups<T> {
  readonly groups: Array<{ key: ScopeKey; items: T[] }>;
  /** Key ids of groups this reader holds no key for. */
  readonly unopened: string[];
}

/**
 * Opens the groups this reader holds keys for. A group that fails authentication or holds malformed items
 * makes the whole file unreadable (null): a signed file with a bad group was made wrongly or altered.
 */
export function openGroups<T>(
  groups: readonly GroupHeader[],
  body: Buffer,
  keysById: ReadonlyMap<string, ScopeKey>,
  aad: (kid: string) => string,
  parse: (value: unknown) => T[] | null,
): OpenedGroups<T> | null {
  const out: Array<{ key: ScopeKey; items: T[] }> = [];
  const unopened: string[] = [];
  let off = 0;
  for (const g of groups) {
    const sealed = body.subarray(off, off + g.l);
    off += g.l;
    const key = keysById.get(g.k);
    if (!key) {
      unopened.push(g.k);
      continue;
    }
    const plain = openWith(key, Buffer.from(g.n, 'base64url'), sealed, aad(g.k));
    if (!plain) return null;
    const items = parse(unpackPlain(plain));
    if (!items) return null;
    out.push({ key, items });
  }
  return { groups: out, unopened };
}
