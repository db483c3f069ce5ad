// A WebDAV folder as a target (坚果云, Nextcloud, Synology/QNAP), through the `webdav` client library. Each
// call is one HTTP request with a deadline, so a server that stops answering is a timeout, not a hang; the
// status codes that mean "slow down" (429, 503, 507) carry the server's Retry-After to the engine's backoff.
import { createClient, type FileStat, type WebDAVClient } from 'webdav';
import { REMOTE_NAME, type RemoteEntry, type SyncTarget, TargetError } from './target.ts';

export interface WebdavTargetOptions {
  /** The team folder's URL, checked by checkAddress first. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Per-request deadline; large uploads get more (see put). */
  readonly timeoutMs?: number;
}

function retryAfterMs(
  res: { headers?: { get(name: string): string | null } } | undefined,
): number | undefined {
  const v = res?.headers?.get('retry-after');
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.min(Math.max(s, 0), 3600) * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.min(Math.max(at - Date.now(), 0), 3_600_000) : undefined;
}

/** Node's codes for a certificate that does not verify, or a TLS handshake that fails. */
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME|ALTNAME/;

/** The system error code under a fetch failure (it sits in `cause`, sometimes one level deeper). */
function errorCode(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e.code === 'string' && e.code !== 'ERR_FETCH_FAILED') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/**
 * A connection the server closed while it sat idle in the pool (rclone and many NAS servers close kept-alive
 * connections after a few seconds) fails the next request before any answer. Every request here is
 * idempotent (a listing, a read, a whole-file write, a delete), so such a failure is tried once more on a
 * new connection.
 */
const STALE_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
function staleConnection(err: unknown): boolean {
  const e = err as { status?: number; name?: string; message?: unknown } | undefined;
  if (e?.status !== undefined || e?.name === 'TimeoutError' || e?.name === 'AbortError') return false;
  const code = errorCode(err);
  if (code && STALE_CODES.has(code)) return true;
  let c = err as { message?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i < 4 && c; i++) {
    if (typeof c.message === 'string' && /socket hang up|other side closed/i.test(c.message)) return true;
    c = c.cause as typeof c;
  }
  return false;
}

function asTargetError(err: unknown, what: string): TargetError {
  if (err instanceof TargetError) return err;
  const e = err as {
    status?: number;
    response?: { headers?: { get(n: string): string | null } };
    name?: string;
  };
  const status = e?.status;
  if (status === 401 || status === 403)
    return new TargetError('auth', `${what}: the server refused the user name or password (${status})`);
  if (status === 404 || status === 409)
    return new TargetError('not-found', `${what}: the folder is not there (${status})`);
  if (status === 507)
    return new TargetError('quota', `${what}: the storage is full (507)`, retryAfterMs(e.response));
  if (status === 429 || status === 503)
    return new TargetError(
      'busy',
      `${what}: the server asks to slow down (${status})`,
      retryAfterMs(e.response),
    );
  if (status !== undefined && status >= 500)
    return new TargetError('server', `${what}: server error ${status}`);
  if (status !== undefined) return new TargetError('refused', `${what}: unexpected answer ${status}`);
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return new TargetError('network', `${what}: no answer in time`);
  const code = errorCode(err);
  if (code && TLS_CODES.test(code))
    return new TargetError('tls', `${what}: the server's certificate could not be verified (${code})`);
  return new TargetError('network', `${what}: ${String((err as Error)?.message ?? err)}`);
}

/**
 * A file's tag from its listing. Apache marks the ETag of a file written less than a second ago as weak
 * (`W/"…"`) and the same file's later listings strong: the same content, so the prefix is dropped (else every
 * fresh file would look rewritten at the next poll and be fetched again).
 */
const tagOf = (i: FileStat) => (i.etag ? i.etag.replace(/^W\//, '') : `${i.size}-${i.lastmod}`);

export class WebdavTarget implements SyncTarget {
  readonly counters = { requests: 0, bytesUp: 0, bytesDown: 0 };
  private readonly client: WebDAVClient;
  private readonly timeoutMs: number;

  constructor(opts: WebdavTargetOptions) {
    this.client = createClient(opts.url.endsWith('/') ? opts.url : `${opts.url}/`, {
      username: opts.username,
      password: opts.password,
    });
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  private signal(bytes = 0): AbortSignal {
    // A slow uplink gets one more second per 64 KiB on top of the base deadline.
    return AbortSignal.timeout(this.timeoutMs + Math.ceil(bytes / 65_536) * 1000);
  }

  /** One request (counted), tried once more when it failed on a connection the server had closed. */
  private async send<T>(request: () => Promise<T>): Promise<T> {
    this.counters.requests++;
    try {
      return await request();
    } catch (err) {
      if (!staleConnection(err)) throw err;
      this.counters.requests++;
      return await request();
    }
  }

  private path(name: string): string {
    if (!REMOTE_NAME.test(name)) throw new TargetError('refused', `not a sync file name: ${name}`);
    return `/${name}`;
  }

  async ensure(): Promise<void> {
    try {
      await this.send(() => this.client.getDirectoryContents('/', { details: false, signal: this.signal() }));
    } catch (err) {
      const te = asTargetError(err, 'opening the folder');
      if (te.kind !== 'not-found') throw te;
      try {
        await this.send(() => this.client.createDirectory('/', { signal: this.signal() }));
      } catch (err2) {
        throw asTargetError(err2, 'creating the folder');
      }
    }
  }

  async list(): Promise<RemoteEntry[]> {
    try {
      const items: FileStat[] = await this.send(() =>
        this.client.getDirectoryContents('/', { details: false, signal: this.signal() }),
      );
      return items
        .filter((i) => i.type === 'file' && REMOTE_NAME.test(i.basename))
        .map((i) => ({ name: i.basename, size: i.size, tag: tagOf(i) }));
    } catch (err) {
      throw asTargetError(err, 'listing the folder');
    }
  }

  async get(name: string): Promise<Buffer | null> {
    const p = this.path(name);
    try {
      const data = (await this.send(() =>
        this.client.getFileContents(p, { format: 'binary', signal: this.signal() }),
      )) as ArrayBuffer | Buffer;
      const buf = Buffer.isBuffer(data) ? data : Buffer.from(data);
      this.counters.bytesDown += buf.length;
      return buf;
    } catch (err) {
      const te = asTargetError(err, `reading ${name}`);
      if (te.kind === 'not-found') return null;
      throw te;
    }
  }

  async put(name: string, bytes: Buffer): Promise<void> {
    const p = this.path(name);
    try {
      const ok = await this.send(() =>
        this.client.putFileContents(p, bytes, {
          overwrite: true,
          contentLength: bytes.length,
          signal: this.signal(bytes.length),
        }),
      );
      if (ok === false) throw new TargetError('refused', `writing ${name}: refused`);
      this.counters.bytesUp += bytes.length;
    } catch (err) {
      throw asTargetError(err, `writing ${name}`);
    }
  }

  async remove(name: string): Promise<void> {
    const p = this.path(name);
    try {
      await this.send(() => this.client.deleteFile(p, { signal: this.signal() }));
    } catch (err) {
      const te = asTargetError(err, `removing ${name}`);
      if (te.kind !== 'not-found') throw te;
    }
  }
}
