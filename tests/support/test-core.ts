import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, type CoreOptions, createCore } from '../../electron/core/create-core.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import { FakeProtector, MemoryClipboard, RecordingNotifier, RecordingOpener } from './fake-ports.ts';
import { ManualClock } from './manual-clock.ts';
import { taobaoShop } from './payloads.ts';

/** Cheap scrypt for tests: the product calibrates to ~0.5 s, which the benchmark checks instead. */
export const TEST_KDF = async () => ({ N: 2 ** 12, r: 8, p: 1 });

export function tempDataDir(label = 'sw'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

export interface TestCore {
  core: Core;
  /** The core's dispatch as is: an unlock replies before the background authentication finishes. */
  rawDispatch: Core['dispatch'];
  dataDir: string;
  clock: ManualClock;
  clipboard: MemoryClipboard;
  protector: FakeProtector;
  opener: RecordingOpener;
  notifier: RecordingNotifier;
}

export function makeTestCore(
  overrides: Partial<CoreOptions> & { dataDir?: string; clock?: ManualClock } = {},
): TestCore {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const clock = overrides.clock ?? new ManualClock();
  const clipboard = (overrides.clipboard as MemoryClipboard | undefined) ?? new MemoryClipboard();
  const protector = (overrides.protector as FakeProtector | undefined) ?? new FakeProtector();
  const opener = (overrides.opener as RecordingOpener | undefined) ?? new RecordingOpener();
  const notifier = (overrides.notifier as RecordingNotifier | undefined) ?? new RecordingNotifier();
  const created = createCore({
    backendFactory: confBackendFactory,
    kdfCost: TEST_KDF,
    info: { version: '0.0.0-test', platform: process.platform, transport: 'http' },
    // An INTERNAL error in a test is a bug; show its cause.
    logError: (where, err) => console.error(`[core:${where}]`, err),
    ...overrides,
    dataDir,
    clock,
    clipboard,
    protector,
    opener,
    notifier,
  });
  // Sealed fields are authenticated after the unlock reply, in the background. Tests reading what that
  // check found (recoveries, reminders) get a dispatch that returns once it is done; a test of the
  // reply's own timing uses `rawDispatch`.
  const settled: Core['dispatch'] = async (method, payload) => {
    const r = await created.dispatch(method, payload);
    if (typeof method === 'string' && (method.startsWith('vault.unlock') || method === 'vault.setup'))
      await created.whenAuthenticated();
    return r;
  };
  const core = new Proxy(created, {
    get: (target, key, receiver) => (key === 'dispatch' ? settled : Reflect.get(target, key, receiver)),
  });
  return { core, rawDispatch: created.dispatch, dataDir, clock, clipboard, protector, opener, notifier };
}

export const GOOD_PASSWORD = '正确的马电池订书钉-42';

/** Creates a shop holding `secret` as its main-account password; returns the reference that reveals it. */
export async function shopWithSecret(core: Core, secret: string, name = '旗舰店') {
  const r = await core.dispatch('shops.create', taobaoShop(name, { mainPassword: secret }));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const id = (r.value as { id: string }).id;
  return { id, ref: { collection: `shop-${id}`, recordId: id, field: 'mainPassword' } };
}

/** First-run setup with the test master password. */
export async function setUpVault(core: Core, rememberOnDevice = false): Promise<void> {
  const r = await core.dispatch('vault.setup', {
    password: GOOD_PASSWORD,
    confirm: GOOD_PASSWORD,
    rememberOnDevice,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}
