// A hostile member: holds a real member's keys (read from its own data folder, as someone with that
// computer could) and writes whatever it likes straight to the server, signed with that member's key and
// sealed with the scope keys it holds, bypassing every check of the app.
import fs from 'node:fs';
import path from 'node:path';
import type { PrivateIdentity } from '../../../electron/core/sync/crypto/identity.ts';
import type { ScopeKey } from '../../../electron/core/sync/crypto/scope-keys.ts';
import { encodeSegment, segmentHash } from '../../../electron/core/sync/segment.ts';
import type { SyncState } from '../../../electron/core/sync/sync-state.ts';
import { type SyncTarget, segmentName } from '../../../electron/core/sync/targets/target.ts';
import type { Machine } from './team-cores.ts';

export interface ForgedChange {
  readonly scope: string;
  readonly kind: string;
  readonly id: string;
  readonly set: Record<string, unknown>;
  /** Another member's id to stamp the change with (default: the signer's own). */
  readonly stampAs?: string;
}

export interface Hostile {
  readonly state: SyncState;
  readonly me: PrivateIdentity;
  /** The newest key the member holds for each scope. */
  readonly keys: Map<string, ScopeKey>;
  /**
   * Writes one segment of `changes`, by default as the member's next one (the app's numbering goes on after
   * it, as after a crash between upload and saving the state). `as` names another author in the header and
   * file name while signing with this member's key.
   */
  segment(
    target: SyncTarget,
    changes: readonly ForgedChange[],
    opts?: { seq?: number; prev?: string | null; as?: string },
  ): Promise<{ name: string; bytes: Buffer }>;
}

export function hostile(m: Machine): Hostile {
  const state = JSON.parse(
    m.sealer.open(fs.readFileSync(path.join(m.dir, 'state.bin')), 'shopwarden/sync/state').toString(),
  ) as SyncState;
  const keys = new Map<string, ScopeKey>();
  for (const k of state.keys) if ((keys.get(k.scope)?.epoch ?? -1) < k.epoch) keys.set(k.scope, k);
  let seq = state.mySeq;
  let prev = state.myHead;
  let tick = 0;
  return {
    state,
    me: state.me,
    keys,
    async segment(target, changes, opts = {}) {
      const q = opts.seq ?? seq + 1;
      const author = { ...state.me, id: opts.as ?? state.me.id };
      const bytes = encodeSegment({
        team: state.team as string,
        author,
        seq: q,
        prev: opts.prev === undefined ? prev : opts.prev,
        changes: changes.map((c) => ({
          scope: c.scope,
          kind: c.kind,
          id: c.id,
          h: { w: Date.now() + 3600_000, c: tick++, n: c.stampAs ?? state.me.id },
          set: Object.fromEntries(Object.entries(c.set).map(([f, v]) => [f, { v, b: null }])),
        })) as never,
        keys: new Map(changes.map((c) => [c.scope, keys.get(c.scope) as ScopeKey])),
      });
      const name = segmentName(author.id, q);
      await target.put(name, bytes);
      if (opts.seq === undefined && !opts.as) {
        seq = q;
        prev = segmentHash(bytes);
      }
      return { name, bytes };
    },
  };
}
