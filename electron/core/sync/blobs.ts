// Moving attached files: this machine's new ones go up before the segment whose records name them (so a
// reader who sees a record finds its file), and files named by records that this machine lacks come down
// once they are listed. Each is checked like everything else on the target: the author's signature, a key
// the author may write with, and the sealed content; a file that fails is refused, reported and not saved.
import { mayDo } from '../../../shared/domain/sync/authorisation.ts';
import { encodeBlob, openBlob, readBlob } from './blob.ts';
import { latestKeys } from './crypto/scope-keys.ts';
import { addReport, displayName, type EngineContext, keysById, memberOf, myGrant } from './engine-context.ts';
import { signatureHolds } from './signed-file.ts';
import { report } from './sync-reports.ts';
import { blobName, type RemoteEntry } from './targets/target.ts';

/** Where the app keeps the files (the engine never holds them longer than one upload or download). */
export interface BlobIO {
  /** The file's bytes, or null when it no longer exists (nothing to upload). */
  read(id: string): Buffer | null;
  /** Keeps a file that arrived (sealed with this machine's key). */
  write(id: string, bytes: Buffer): void;
  /**
   * The ids of every attached file the local records name, or null when that cannot be told now (the
   * documents are not loaded, or this member may not read them). The owner deletes from the target only
   * files missing from this set (see blob-sweep.ts), so it must cover every record that can name a file.
   */
  named(): ReadonlySet<string> | null;
}

export async function pushBlobs(ctx: EngineContext, io: BlobIO | null): Promise<number> {
  const { state } = ctx;
  const grant = myGrant(ctx);
  if (!state.team || !io || !grant || state.blobsOut.length === 0) return 0;
  const keys = latestKeys(state.keys);
  let sent = 0;
  for (const out of [...state.blobsOut]) {
    const bytes = io.read(out.id);
    const key = keys.get(out.scope);
    if (bytes && key && mayDo(grant, { scope: out.scope, kind: 'attachment', id: out.id }, 'create')) {
      await ctx.target.put(
        blobName(out.id),
        encodeBlob({ team: state.team, author: state.me, id: out.id, key, bytes }),
      );
      sent++;
    }
    state.blobsOut = state.blobsOut.filter((b) => b.id !== out.id);
    ctx.store.saveState(state);
  }
  return sent;
}

export async function pullBlobs(
  ctx: EngineContext,
  entries: readonly RemoteEntry[],
  io: BlobIO | null,
): Promise<number> {
  const { state } = ctx;
  if (!state.team || !io || state.blobsIn.length === 0) return 0;
  const keys = keysById(ctx);
  let got = 0;
  for (const id of [...state.blobsIn]) {
    const name = blobName(id);
    const entry = entries.find((e) => e.name === name);
    // Not there yet (its author has not uploaded it), or this very copy was already refused.
    if (!entry || state.tags[name] === entry.tag) continue;
    const bytes = await ctx.target.get(name);
    if (!bytes) continue;
    const blob = readBlob(bytes);
    const author = blob ? memberOf(ctx, blob.header.a) : undefined;
    const key = blob ? keys.get(blob.header.k) : undefined;
    const authentic =
      blob &&
      author &&
      key &&
      blob.header.team === state.team &&
      blob.header.id === id &&
      signatureHolds(blob.parsed, author.sign) &&
      mayDo(author, { scope: key.scope, kind: 'attachment', id }, 'create');
    const plain = blob && key && authentic ? openBlob(blob, key) : null;
    if (!plain) {
      const who = blob ? displayName(ctx, blob.header.a) : '?';
      addReport(ctx, report(blob ? 'tampered' : 'incomplete', ctx.now(), who, name));
      state.tags[name] = entry.tag;
      continue;
    }
    io.write(id, plain);
    state.blobsIn = state.blobsIn.filter((x) => x !== id);
    got++;
  }
  return got;
}
