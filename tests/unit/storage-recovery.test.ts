// Every corruption case found at start: the bad file is moved aside (never deleted), the newest good
// generation restored, and the report names the file, the problem and what was restored.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DocumentStore,
  GENERATIONS_KEPT,
  type StorageContext,
} from '../../electron/core/storage/document-store.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import type { RecoveryEvent } from '../../shared/contract/types.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { tempDataDir } from '../support/test-core.ts';

const schema = z.strictObject({ n: z.number().int(), name: z.string() });
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dataDir = tempDataDir('sw-store');
  dirs.push(dataDir);
  const events: RecoveryEvent[] = [];
  const clock = new ManualClock();
  const ctx: StorageContext = {
    dataDir,
    backendFactory: confBackendFactory,
    clock,
    onRecovered: (e) => events.push(e),
  };
  const open = () => {
    const doc = new DocumentStore(ctx, 'things', schema);
    doc.load();
    return doc;
  };
  const file = path.join(dataDir, 'things.json');
  return { dataDir, events, clock, open, file };
}

/** Writes three versions so there are generations to fall back on; the last one written is n=3. */
function writeVersions(s: ReturnType<typeof setup>) {
  const doc = s.open();
  for (let n = 1; n <= 3; n++) {
    doc.set({ n, name: `版本${n}` });
    s.clock.advance(1000);
  }
}

const corruptions: Array<[string, (bytes: Buffer) => Buffer, RecoveryEvent['problem']]> = [
  ['empty', () => Buffer.alloc(0), 'empty'],
  ['NUL-filled', (b) => Buffer.alloc(b.length, 0), 'nul-filled'],
  ['truncated after the header', (b) => b.subarray(0, 20), 'truncated'],
  ['truncated in the middle', (b) => b.subarray(0, Math.floor(b.length / 2)), 'truncated'],
  ['truncated by one byte', (b) => b.subarray(0, b.length - 1), 'truncated'],
  ['not JSON', () => Buffer.from('<html>not json</html>'), 'not-json'],
  [
    'bit flip in a value',
    (b) => {
      const t = Buffer.from(b);
      const at = t.indexOf('版本3') + Buffer.byteLength('版本');
      t[at] = (t[at] ?? 0) ^ 0x01;
      return t;
    },
    'checksum',
  ],
  [
    'schema-invalid but well-formed and checksummed',
    () => {
      const data = JSON.stringify({ n: 'three', name: 3 });
      const sha = createHash('sha256').update(data).digest('hex');
      return Buffer.from(
        `{"format":"shopwarden-doc/1","sha256":"${sha}","writtenAt":"2026-01-01T00:00:00.000Z","data":${data}}`,
      );
    },
    'schema',
  ],
];

describe('corrupted document at start', () => {
  for (const [label, corrupt, problem] of corruptions) {
    it(`${label}: moved aside, newest good generation restored, reported`, () => {
      const s = setup();
      writeVersions(s);
      const original = fs.readFileSync(s.file);
      const bad = corrupt(original);
      fs.writeFileSync(s.file, bad);

      const doc = s.open();
      // The version before the last write is the newest generation (the current file was the damaged one).
      expect(doc.get()).toEqual({ n: 2, name: '版本2' });
      expect(s.events).toHaveLength(1);
      const e = s.events[0]!;
      expect(e).toMatchObject({ file: 'things.json', problem });
      expect(e.restoredFrom).toMatch(/^generations\/things\.g\d{12}-[0-9TZ-]+\.json$/);
      // The bad bytes are kept, byte for byte.
      expect(fs.readFileSync(path.join(s.dataDir, e.movedTo)).equals(bad)).toBe(true);
      // The restored main file is a good document again.
      expect(JSON.parse(fs.readFileSync(s.file, 'utf8')).data).toEqual({ n: 2, name: '版本2' });
    });
  }

  it('skips damaged generations and restores the newest good one', () => {
    const s = setup();
    writeVersions(s);
    const gens = fs.readdirSync(path.join(s.dataDir, 'generations')).sort();
    fs.writeFileSync(path.join(s.dataDir, 'generations', gens.at(-1)!), '{"trunc');
    fs.writeFileSync(s.file, '');
    expect(s.open().get()).toEqual({ n: 1, name: '版本1' });
  });

  it('with no good generation, refuses to start and leaves the file where it is', () => {
    const s = setup();
    s.open().set({ n: 1, name: 'only' });
    fs.writeFileSync(s.file, 'garbage');
    expect(() => s.open()).toThrow(/no good generation/);
    expect(fs.readFileSync(s.file, 'utf8')).toBe('garbage');
  });

  it('a deleted file is restored from its generation rather than silently starting empty', () => {
    const s = setup();
    writeVersions(s);
    fs.rmSync(s.file);
    expect(s.open().get()).toEqual({ n: 2, name: '版本2' });
    expect(s.events[0]).toMatchObject({ problem: 'missing' });
  });
});

describe('generations and durable writes', () => {
  it(`keeps the last ${GENERATIONS_KEPT} good generations, mode 0600`, () => {
    const s = setup();
    const doc = s.open();
    for (let n = 1; n <= 9; n++) doc.set({ n, name: `v${n}` });
    const gens = fs.readdirSync(path.join(s.dataDir, 'generations')).sort();
    expect(gens).toHaveLength(GENERATIONS_KEPT);
    const kept = gens.map(
      (g) => JSON.parse(fs.readFileSync(path.join(s.dataDir, 'generations', g), 'utf8')).data.n,
    );
    expect(kept).toEqual([4, 5, 6, 7, 8]);
    if (process.platform !== 'win32') expect(fs.statSync(s.file).mode & 0o777).toBe(0o600);
  });

  it('generations continue across restarts even when the clock repeats', () => {
    const s = setup();
    s.open().set({ n: 1, name: 'a' });
    s.open().set({ n: 2, name: 'b' });
    // A new process at the same clock reading (or a clock set back) must not collide with old names.
    const third = s.open();
    third.set({ n: 3, name: 'c' });
    third.set({ n: 4, name: 'd' });
    const gens = fs.readdirSync(path.join(s.dataDir, 'generations')).sort();
    expect(
      gens.map((g) => JSON.parse(fs.readFileSync(path.join(s.dataDir, 'generations', g), 'utf8')).data.n),
    ).toEqual([1, 2, 3]);
  });

  it('never turns a file damaged behind our back into a backup', () => {
    const s = setup();
    const doc = s.open();
    doc.set({ n: 1, name: 'good' });
    fs.writeFileSync(s.file, 'damaged while running');
    doc.set({ n: 2, name: 'next' });
    for (const g of fs.readdirSync(path.join(s.dataDir, 'generations'))) {
      expect(fs.readFileSync(path.join(s.dataDir, 'generations', g), 'utf8')).not.toContain(
        'damaged while running',
      );
    }
    expect(fs.readdirSync(path.join(s.dataDir, 'damaged')).length).toBe(1);
  });

  it('a failed write (disk full) leaves the file and the in-memory data unchanged', () => {
    const s = setup();
    let failNext = false;
    const ctx: StorageContext = {
      dataDir: s.dataDir,
      clock: s.clock,
      onRecovered: () => {},
      backendFactory: (o) => {
        const real = confBackendFactory(o);
        return {
          path: real.path,
          writeText: (t) => {
            if (failNext)
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            real.writeText(t);
          },
        };
      },
    };
    const doc = new DocumentStore(ctx, 'things', schema);
    doc.load();
    doc.set({ n: 1, name: 'kept' });
    const before = fs.readFileSync(s.file);
    failNext = true;
    expect(() => doc.set({ n: 2, name: 'lost' })).toThrow(/ENOSPC/);
    expect(doc.get()).toEqual({ n: 1, name: 'kept' });
    expect(fs.readFileSync(s.file).equals(before)).toBe(true);
    expect(fs.readdirSync(s.dataDir).filter((f) => f.includes('tmp'))).toEqual([]);
  });
});

describe('a deeper check failing later (GCM at unlock)', () => {
  it('recheck moves the file aside and restores the newest generation that passes the check', () => {
    const s = setup();
    writeVersions(s);
    const doc = s.open();
    expect(doc.get()).toEqual({ n: 3, name: '版本3' });
    // Stand-in for GCM: versions 3 and 2 "fail authentication", version 1 passes.
    const authentic = (d: { n: number }) => {
      if (d.n > 1) throw new Error('authentication failed');
    };
    doc.recheck(authentic);
    expect(doc.get()).toEqual({ n: 1, name: '版本1' });
    expect(doc.recovered).toBe(true);
    expect(s.events.at(-1)).toMatchObject({ file: 'things.json', problem: 'authentication' });
    expect(JSON.parse(fs.readFileSync(s.file, 'utf8')).data).toEqual({ n: 1, name: '版本1' });
    expect(fs.readdirSync(path.join(s.dataDir, 'damaged')).some((f) => f.includes('authentication'))).toBe(
      true,
    );
  });
});
