// Guarantee: a power cut during the last write of any file kind loses nothing that was acknowledged.
// For each kind (journal append, shop snapshot, every document, the audit log and its anchor) one write is
// made, the files it changed are put in the order the product writes them, and the cut is simulated at
// many byte offsets of each: files written before it complete, it torn (an append cut short, an overwrite
// left as a prefix, as a file system without rename ordering can), those after it untouched. Then the app
// starts, must report the torn part (quarantined, the user told), keep every acknowledged record, take a
// new write, and have it after another restart.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import { generatedSub } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, tempDataDir } from '../support/test-core.ts';
import { type Change, changes, restoreDir, snapshotDir } from './support/data-dir.ts';
import { type Ack, missingAcks, oneWrite, openWorkspace, recoveryReport } from './support/workload.ts';

const NEW_PASSWORD = `${GOOD_PASSWORD}-新`;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function unlock(core: Core): Promise<void> {
  // A cut after vault.json was rewritten by an unacknowledged password change leaves the new password in
  // force; the person who typed it knows it. Either of the two opens the vault.
  for (const password of [GOOD_PASSWORD, NEW_PASSWORD]) {
    const r = await core.dispatch('vault.unlock', { password });
    if (r.ok) return;
  }
  throw new Error('neither password opens the vault');
}

interface Scenario {
  name: string;
  op(core: Core, ws: { shopId: string; caseId: string; draftId: string }): Promise<unknown>;
}

const must = async (p: Promise<{ ok: boolean }>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
};

const scenarios: Scenario[] = [
  {
    name: 'a sub-account change (journal append)',
    op: (core, ws) => must(core.dispatch('subaccounts.create', generatedSub(ws.shopId, 'cut'))),
  },
  {
    name: 'a bulk change (a new shop snapshot and its generation continuation)',
    op: (core, ws) =>
      must(
        core.dispatch('agents.createBatch', {
          shopId: ws.shopId,
          count: 20,
          pattern: '切断{01}',
          templateId: null,
          window: { start: '2026-11-01', end: '2026-12-21' },
          confirmHighRisk: false,
        }),
      ),
  },
  {
    name: 'a person (staff.json)',
    op: (core) =>
      must(
        core.dispatch('staff.create', {
          name: '切断员工',
          phone: '13700137000',
          position: '客服',
          notes: '',
          idNumber: '',
        }),
      ),
  },
  {
    name: 'a checklist item (deposits.json)',
    op: (core, ws) =>
      must(core.dispatch('deposit.addItem', { id: ws.caseId, section: 'materials', text: '切断项' })),
  },
  {
    name: 'a draft edit (recovery.json)',
    op: (core, ws) =>
      must(core.dispatch('recovery.update', { id: ws.draftId, fields: { body: '切断正文' } })),
  },
  {
    name: 'settings (settings.json)',
    op: (core) => must(core.dispatch('settings.update', { clipboardSeconds: 45 })),
  },
  {
    name: 'a master password change (vault.json)',
    op: (core) =>
      must(
        core.dispatch('vault.changePassword', {
          current: GOOD_PASSWORD,
          next: NEW_PASSWORD,
          confirm: NEW_PASSWORD,
        }),
      ),
  },
];

/** Byte offsets to cut at: the edges and a spread between them. */
function offsets(len: number): number[] {
  const picks = new Set([
    0,
    1,
    2,
    Math.floor(len / 4),
    Math.floor(len / 2),
    Math.floor((3 * len) / 4),
    len - 2,
    len - 1,
  ]);
  return [...picks].filter((k) => k >= 0 && k < len).sort((a, b) => a - b);
}

/** What the torn file holds when the cut comes `k` bytes into its write. */
function torn(c: Change, k: number): Buffer {
  if (c.kind === 'appended')
    return Buffer.concat([c.before!, c.after!.subarray(c.before!.length, c.before!.length + k)]);
  return c.after!.subarray(0, k);
}

/** Lengths of the part of the write that can be torn. */
const tearable = (c: Change) =>
  c.kind === 'appended' ? c.after!.length - c.before!.length : c.after!.length;

describe('power cut during the last write of each file kind', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const dataDir = tempDataDir('sw-cut');
      dirs.push(dataDir);
      // Some history first: journal lines, generations of every document, audit entries.
      const acks: Ack[] = [];
      let tc = makeTestCore({ dataDir });
      const ws = await openWorkspace(tc.core);
      for (let n = 0; n < 30; n++) acks.push(await oneWrite(tc.core, ws, '1', n, (n * 37) % 100));
      const before = snapshotDir(dataDir);
      await s.op(tc.core, ws);
      const after = snapshotDir(dataDir);
      await tc.core.shutdown();
      // Links and files written whole by rename appear or not; what can be torn is a write into a file.
      const targets = changes(before, after).filter(
        (c) => c.kind !== 'removed' && !c.file.startsWith('generations/'),
      );
      expect(targets.length).toBeGreaterThan(0);
      const ordered = changes(before, after);
      let cases = 0;
      for (const target of targets) {
        for (const k of offsets(tearable(target))) {
          cases++;
          const state = new Map(before);
          const at = ordered.indexOf(target);
          for (const c of ordered.slice(0, at)) {
            if (c.after) state.set(c.file, c.after);
            else state.delete(c.file);
          }
          state.set(target.file, torn(target, k));
          restoreDir(dataDir, state);
          const label = `${s.name}: ${target.file} (${target.kind}) cut at ${k}/${tearable(target)}`;

          tc = makeTestCore({ dataDir });
          try {
            await unlock(tc.core);
            expect(await missingAcks(tc.core, acks), label).toEqual([]);
            const events = await recoveryReport(tc.core);
            // An append cut at a line boundary (0 bytes, or whole entries of a batch) left a valid shorter
            // file, the same as if the unacknowledged write had not begun: nothing to report. Anything else
            // is told.
            const wholeLines = target.kind === 'appended' && torn(target, k).at(-1) === 0x0a;
            if (!wholeLines) {
              expect(
                events.some((e) => e.file === target.file),
                `${label}: ${JSON.stringify(events)}`,
              ).toBe(true);
            }
            for (const e of events) {
              expect(e.lost ?? [], label).toEqual([]);
              if (e.movedTo) expect(fs.existsSync(`${dataDir}/${e.movedTo}`), label).toBe(true);
            }
            // Keep working, then restart: the new write is there too.
            acks.push(await oneWrite(tc.core, ws, '2', cases, 10));
          } finally {
            await tc.core.shutdown();
          }
          tc = makeTestCore({ dataDir });
          try {
            await unlock(tc.core);
            expect(await missingAcks(tc.core, acks), `${label}, after another restart`).toEqual([]);
          } finally {
            await tc.core.shutdown();
          }
          acks.pop();
        }
      }
      expect(cases).toBeGreaterThan(5);
      console.log(`power cut, ${s.name}: ${cases} cuts over ${targets.length} files`);
    });
  }
});
