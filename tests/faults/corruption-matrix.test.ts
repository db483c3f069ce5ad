// Guarantee: damage to any data file is found (at start, or at unlock for what only GCM can see), the
// damaged file is quarantined in damaged/ (never deleted), the user is told which file, what was restored
// and what was lost, and the loss is bounded: the state after recovery is compared with the expected one.
// Every data file kind x {truncated, NUL-filled, one flipped byte, emptied, valid JSON of the wrong
// shape, a GCM tag flipped under a recomputed checksum}.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { UNREADABLE_CHANGES } from '../../electron/core/inventory/shop-journal.ts';
import type { RecoveryEvent } from '../../shared/contract/types.ts';
import { generatedSub } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, tempDataDir } from '../support/test-core.ts';
import { openWorkspace, recoveryReport } from './support/workload.ts';

type Ws = Awaited<ReturnType<typeof openWorkspace>>;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function call<T>(core: Core, method: string, payload: unknown = {}): Promise<T> {
  const r = await core.dispatch(method, payload);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

type Damage = 'truncated' | 'NUL-filled' | 'flipped byte' | 'emptied' | 'wrong shape' | 'GCM tag flip';
const DAMAGES: Damage[] = [
  'truncated',
  'NUL-filled',
  'flipped byte',
  'emptied',
  'wrong shape',
  'GCM tag flip',
];

/** A sealed value ("v1.<base64url>") with one tag character changed: still well-formed, fails GCM. */
const SEALED = /"(v1\.[A-Za-z0-9_-]{20,})"/;
function flipTag(text: string): string | null {
  const m = SEALED.exec(text);
  if (!m) return null;
  const v = m[1]!;
  // The third character from the end lies inside the tag's bytes; the very last one may be only base64
  // padding bits, which decode to the same bytes (a "flip" there would change nothing).
  const at = v.length - 3;
  return text.replace(v, v.slice(0, at) + (v[at] === 'A' ? 'B' : 'A') + v.slice(at + 1));
}

/** Re-seals a document envelope's checksum over new data, so only a deeper check can find the damage. */
function envelope(data: string, writtenAt = '2026-11-23T01:00:00.000Z'): string {
  const sha = createHash('sha256').update(data).digest('hex');
  return `{"format":"shopwarden-doc/1","sha256":"${sha}","writtenAt":"${writtenAt}","data":${data}}`;
}
const dataOf = (text: string) => text.slice(text.indexOf(',"data":') + 8, text.lastIndexOf('}'));

/** Damage for one JSON document (an envelope). Null when the kind has nothing to damage that way. */
function damageDocument(text: string, d: Damage): string | null {
  switch (d) {
    case 'truncated':
      return text.slice(0, Math.floor(text.length * 0.6));
    case 'NUL-filled':
      return '\u0000'.repeat(text.length);
    case 'flipped byte': {
      const at = Math.floor(text.length * 0.7);
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 0x01) + text.slice(at + 1);
    }
    case 'emptied':
      return '';
    case 'wrong shape':
      return envelope('{"unexpected":true}');
    case 'GCM tag flip': {
      const flipped = flipTag(dataOf(text));
      return flipped ? envelope(flipped) : null;
    }
  }
}

interface Kind {
  file: (ws: Ws) => string;
  /** The second-to-last and the last write to the file; `view` is read after each. */
  first(core: Core, ws: Ws): Promise<unknown>;
  last(core: Core, ws: Ws): Promise<unknown>;
  view(core: Core, dataDir: string, restoredFrom?: string | null): Promise<unknown>;
  /** Which state recovery must give back: the one before the last write (a generation), or the last. */
  expect: 'previous' | 'last';
  /** Holds GCM-sealed values, so a tag flipped under a good checksum is a case to test. */
  sealed?: boolean;
}

const kinds: Record<string, Kind> = {
  'vault.json': {
    file: () => 'vault.json',
    // Every unlock rewrites it (the attempt counter), so it has generations with the same wrapped key.
    first: async () => null,
    last: async () => null,
    // The owner's password still opens the vault and every record is there.
    view: async (core) => (await call<unknown[]>(core, 'shops.list', { includeArchived: false })).length,
    expect: 'last',
    sealed: true,
  },
  'settings.json': {
    file: () => 'settings.json',
    first: (core) => call(core, 'settings.update', { clipboardSeconds: 20 }),
    last: (core) => call(core, 'settings.update', { clipboardSeconds: 40 }),
    view: async (core) => (await call<{ clipboardSeconds: number }>(core, 'settings.get')).clipboardSeconds,
    expect: 'previous',
  },
  'staff.json': {
    file: () => 'staff.json',
    first: (core) =>
      call(core, 'staff.create', {
        name: '甲',
        phone: '13800138001',
        position: '客服',
        notes: '',
        idNumber: '',
      }),
    last: (core) =>
      call(core, 'staff.create', {
        name: '乙',
        phone: '13800138002',
        position: '客服',
        notes: '',
        idNumber: '',
      }),
    view: async (core) => (await call<Array<{ name: string }>>(core, 'staff.list')).map((p) => p.name).sort(),
    expect: 'previous',
    sealed: true,
  },
  'templates.json': {
    file: () => 'templates.json',
    first: (core) =>
      call(core, 'templates.create', {
        platform: 'taobao',
        name: '模板甲',
        permissions: [],
        nativeRole: null,
        basedOn: null,
      }),
    last: (core) =>
      call(core, 'templates.create', {
        platform: 'taobao',
        name: '模板乙',
        permissions: [],
        nativeRole: null,
        basedOn: null,
      }),
    view: async (core) =>
      (await call<Array<{ name: string; builtin: boolean }>>(core, 'templates.list', {}))
        .filter((t) => !t.builtin)
        .map((t) => t.name)
        .sort(),
    expect: 'previous',
  },
  'work-rules.json': {
    file: () => 'work-rules.json',
    first: (core) => call(core, 'rules.update', { purgeAfterDays: 20 }),
    last: (core) => call(core, 'rules.update', { purgeAfterDays: 40 }),
    view: async (core) => (await call<{ purgeAfterDays: number }>(core, 'rules.get')).purgeAfterDays,
    expect: 'previous',
  },
  'reminders.json': {
    file: () => 'reminders.json',
    first: (core) => call(core, 'reminders.dismiss', { key: 'frozen:sub1:1700000000000' }),
    last: (core) => call(core, 'reminders.dismiss', { key: 'frozen:sub2:1700000000000' }),
    // The scheduler forgets these made-up keys at its first tick after unlock (they are not due), so the
    // version recovery gave back is read where it came from: the generation restored.
    view: async (_core, dataDir, restoredFrom) =>
      Object.keys(
        JSON.parse(fs.readFileSync(path.join(dataDir, restoredFrom ?? 'reminders.json'), 'utf8')).data
          .dismissed,
      ).sort(),
    expect: 'previous',
  },
  'deposits.json': {
    file: () => 'deposits.json',
    first: (core, ws) =>
      call(core, 'deposit.setAccount', {
        id: ws.caseId,
        kind: 'corporate',
        holder: '某公司',
        bank: '招商银行',
        number: '755912345678901',
      }),
    last: (core, ws) =>
      call(core, 'deposit.addItem', { id: ws.caseId, section: 'materials', text: '最后一项' }),
    view: async (core) => {
      const [c] = await call<
        Array<{ items: Array<{ text: { zh: string } }>; account: { masked: string } | null }>
      >(core, 'deposit.list');
      return { items: c!.items.map((i) => i.text.zh), account: c!.account?.masked ?? null };
    },
    expect: 'previous',
    sealed: true,
  },
  'recovery.json': {
    file: () => 'recovery.json',
    first: (core, ws) => call(core, 'recovery.update', { id: ws.draftId, fields: { subject: '第一版' } }),
    last: (core, ws) => call(core, 'recovery.update', { id: ws.draftId, fields: { subject: '第二版' } }),
    view: async (core) =>
      (await call<Array<{ fields: Record<string, string> }>>(core, 'recovery.list')).map(
        (d) => d.fields.subject,
      ),
    expect: 'previous',
  },
  'shops/<id>.json (snapshot)': {
    file: (ws) => `shops/${ws.shopId}.json`,
    first: (core, ws) => batch(core, ws, '甲{01}'),
    last: (core, ws) => batch(core, ws, '乙{01}'),
    view: async (core) =>
      (await call<Array<{ nickname: string }>>(core, 'subaccounts.list', {})).map((s) => s.nickname).sort(),
    // Each generation keeps the changes that followed it: nothing is lost.
    expect: 'last',
    sealed: true,
  },
};

function batch(core: Core, ws: Ws, pattern: string) {
  return call(core, 'agents.createBatch', {
    shopId: ws.shopId,
    count: 20,
    pattern,
    templateId: null,
    window: { start: '2026-11-01', end: '2026-12-21' },
    confirmHighRisk: false,
  });
}

async function reopen(dataDir: string): Promise<{ core: Core; events: RecoveryEvent[] }> {
  const tc = makeTestCore({ dataDir });
  const r = await tc.core.dispatch('vault.unlock', { password: GOOD_PASSWORD });
  if (!r.ok) {
    await tc.core.shutdown();
    throw new Error(`unlock after damage: ${JSON.stringify(r.error)}`);
  }
  return { core: tc.core, events: await recoveryReport(tc.core) };
}

function expectQuarantined(dataDir: string, events: RecoveryEvent[], file: string, label: string) {
  const e = events.find((x) => x.file === file);
  expect(e, `${label}: no report names ${file}: ${JSON.stringify(events)}`).toBeDefined();
  expect(e!.movedTo, label).toMatch(/^damaged\//);
  expect(fs.existsSync(path.join(dataDir, e!.movedTo)), `${label}: quarantined copy`).toBe(true);
  return e!;
}

describe('corruption matrix: every data file kind x every kind of damage', () => {
  for (const [name, kind] of Object.entries(kinds)) {
    for (const damage of DAMAGES.filter((d) => d !== 'GCM tag flip' || kind.sealed)) {
      it(`${name}: ${damage}`, async () => {
        const dataDir = tempDataDir('sw-matrix');
        dirs.push(dataDir);
        const tc = makeTestCore({ dataDir });
        const ws = await openWorkspace(tc.core);
        await kind.first(tc.core, ws);
        const previous = await kind.view(tc.core, dataDir);
        await kind.last(tc.core, ws);
        const last = await kind.view(tc.core, dataDir);
        await tc.core.shutdown();
        const file = path.join(dataDir, kind.file(ws));
        const spoilt = damageDocument(fs.readFileSync(file, 'utf8'), damage);
        if (spoilt === null) throw new Error(`${name} holds no sealed value to flip`);
        fs.writeFileSync(file, spoilt);

        const { core, events } = await reopen(dataDir);
        try {
          const label = `${name} ${damage}`;
          const e = expectQuarantined(dataDir, events, kind.file(ws), label);
          expect(e.restoredFrom, label).toMatch(/^generations\//);
          expect(await kind.view(core, dataDir, e.restoredFrom), label).toEqual(
            kind.expect === 'last' ? last : previous,
          );
          expect(e.lost ?? [], label).toEqual([]);
        } finally {
          await core.shutdown();
        }
      });
    }
  }

  // The journal holds one line per change: damage loses only the damaged lines' records, by name.
  for (const damage of DAMAGES) {
    it(`shops/<id>.journal: ${damage}`, async () => {
      const dataDir = tempDataDir('sw-matrix');
      dirs.push(dataDir);
      const tc = makeTestCore({ dataDir });
      const ws = await openWorkspace(tc.core);
      for (const n of ['甲', '乙', '丙'])
        await call(tc.core, 'subaccounts.create', generatedSub(ws.shopId, n));
      await tc.core.shutdown();
      const file = path.join(dataDir, `shops/${ws.shopId}.journal`);
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n'); // [header, 甲, 乙, 丙, '']
      let spoilt: string;
      let expected: string[];
      let lost: string[];
      switch (damage) {
        case 'truncated':
          spoilt = text.slice(0, text.indexOf(lines[3]!) + 40);
          expected = ['甲', '乙'];
          lost = [];
          break;
        case 'NUL-filled':
          spoilt = '\u0000'.repeat(text.length);
          expected = [];
          lost = [UNREADABLE_CHANGES];
          break;
        case 'flipped byte':
          // In 乙's line hash: the record's name stays readable, so the report can name it.
          lines[2] = lines[2]!.replace(/"h":"(.)/, (_m, c: string) => `"h":"${c === 'a' ? 'b' : 'a'}`);
          spoilt = lines.join('\n');
          expected = ['甲', '丙'];
          lost = ['乙'];
          break;
        case 'emptied':
          spoilt = '';
          expected = [];
          lost = [UNREADABLE_CHANGES];
          break;
        case 'wrong shape': {
          const e = '{"k":"sub","v":{"id":"x"}}';
          lines[2] = `{"h":"${createHash('sha256').update(e).digest('hex').slice(0, 32)}","e":${e}}`;
          spoilt = lines.join('\n');
          expected = ['甲', '丙'];
          lost = ['line 3'];
          break;
        }
        case 'GCM tag flip': {
          const o = JSON.parse(lines[2]!);
          const flipped = JSON.parse(flipTag(JSON.stringify(o.e))!);
          const json = JSON.stringify(flipped);
          lines[2] = `{"h":"${createHash('sha256').update(json).digest('hex').slice(0, 32)}","e":${json}}`;
          spoilt = lines.join('\n');
          expected = ['甲', '丙'];
          lost = ['乙'];
          break;
        }
      }
      fs.writeFileSync(file, spoilt);
      const { core, events } = await reopen(dataDir);
      try {
        const e = expectQuarantined(dataDir, events, `shops/${ws.shopId}.journal`, damage);
        expect(e.lost ?? []).toEqual(lost);
        const subs = (await call<Array<{ nickname: string }>>(core, 'subaccounts.list', {})).map(
          (s) => s.nickname,
        );
        expect(subs.sort()).toEqual(expected.sort());
      } finally {
        await core.shutdown();
      }
    });
  }

  // The audit log keeps every entry that verifies, and the live log verifies again afterwards.
  for (const damage of DAMAGES.filter((d) => d !== 'GCM tag flip')) {
    it(`audit.log: ${damage}`, async () => {
      const dataDir = tempDataDir('sw-matrix');
      dirs.push(dataDir);
      const tc = makeTestCore({ dataDir });
      const ws = await openWorkspace(tc.core);
      await call(tc.core, 'subaccounts.create', generatedSub(ws.shopId, '甲'));
      await tc.core.shutdown();
      const file = path.join(dataDir, 'audit.log');
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.trimEnd().split('\n');
      const spoilt =
        damage === 'wrong shape'
          ? `${[lines[0], '{"seq":"two"}', ...lines.slice(2)].join('\n')}\n`
          : damage === 'flipped byte'
            ? text.replace(lines[1]!, lines[1]!.replace('"summary":"', '"summary":"!'))
            : damageDocument(text, damage)!;
      fs.writeFileSync(file, spoilt);
      const { core, events } = await reopen(dataDir);
      try {
        const e = expectQuarantined(dataDir, events, 'audit.log', damage);
        expect(e.problem).not.toBe('authentication');
        expect(await call(core, 'audit.verify')).toMatchObject({ ok: true });
        const entries = (
          await call<{ entries: Array<{ action: string; summary: string }> }>(core, 'audit.list', {
            offset: 0,
            limit: 500,
          })
        ).entries;
        expect(entries.some((x) => x.action === 'audit.recovered')).toBe(true);
        // Entries that were not damaged are still there, with their own text.
        if (damage === 'flipped byte' || damage === 'wrong shape') {
          const keptSummaries = entries.map((x) => x.summary);
          for (const l of [lines[0]!, ...lines.slice(2)])
            expect(keptSummaries).toContain(JSON.parse(l).summary);
        }
        // The records themselves are untouched by audit damage.
        expect((await call<unknown[]>(core, 'subaccounts.list', {})).length).toBe(1);
      } finally {
        await core.shutdown();
      }
    });
  }
});
