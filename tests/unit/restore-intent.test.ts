// Replacing the data folder with a backup's files, looked at file by file: what is kept through a restore
// (the replaced data, the safety backups, this machine's backup setting), what a failure in the middle leaves
// (exactly what was there), what the next start makes of an intent a crash left at each point, and of one it
// cannot read (left in place and said, never acted on by guess).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RESTORE_INTENT,
  replaceDataFolder,
  rollBackInterruptedRestore,
} from '../../electron/core/backup/restore-intent.ts';
import { tempDataDir } from '../support/test-core.ts';

/** Every file under `dir` by its path, with its text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** A data folder as a vault in use has it, with an earlier restore's replaced data and safety backups. */
function dataFolder(): string {
  const dir = tempDataDir('restore-intent');
  const files: Record<string, string> = {
    'vault.json': 'old vault',
    'backup.json': 'this machine’s backup folder',
    'shops/s1.json': 'old shop 1',
    'shops/s2.json': 'old shop 2',
    'attachments/old.bin': 'old file',
    'safety/safety-1.swbackup': 'a safety backup',
    'replaced-20261201-1/vault.json': 'replaced earlier',
  };
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const parts = [
  { path: 'vault.json', bytes: Buffer.from('new vault') },
  { path: 'shops/s1.json', bytes: Buffer.from('new shop 1') },
  { path: 'shops/s3.json', bytes: Buffer.from('new shop 3') },
  { path: 'attachments/new.bin', bytes: Buffer.from('new file'), sealed: true },
];
const when = new Date('2026-12-07T10:00:00.000Z');

describe('replacing the data folder', () => {
  it('writes the backup’s files, keeps the old aside, the safety backups, earlier replaced data and this machine’s setting', () => {
    const dir = dataFolder();
    const before = tree(dir);
    replaceDataFolder(dir, 'replaced-x', parts, ['backup.json'], when);
    const after = tree(dir);
    expect(after).toEqual({
      'vault.json': 'new vault',
      'shops/s1.json': 'new shop 1',
      'shops/s3.json': 'new shop 3',
      'attachments/new.bin': 'new file',
      'backup.json': before['backup.json'],
      'safety/safety-1.swbackup': 'a safety backup',
      'replaced-20261201-1/vault.json': 'replaced earlier',
      'replaced-x/vault.json': 'old vault',
      'replaced-x/backup.json': before['backup.json'],
      'replaced-x/shops/s1.json': 'old shop 1',
      'replaced-x/shops/s2.json': 'old shop 2',
      'replaced-x/attachments/old.bin': 'old file',
    });
    expect(fs.existsSync(path.join(dir, RESTORE_INTENT))).toBe(false);
    // No temporary file is left beside any written one.
    expect(Object.keys(after).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a failure after any part leaves exactly what was there, the intent removed', () => {
    for (let stop = 0; stop < parts.length; stop++) {
      const dir = dataFolder();
      const before = tree(dir);
      let n = 0;
      expect(() =>
        replaceDataFolder(dir, 'replaced-x', parts, ['backup.json'], when, {
          afterPart: () => {
            if (n++ === stop) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
          },
        }),
      ).toThrow('ENOSPC');
      expect(tree(dir), `stopped after part ${stop}`).toEqual(before);
      expect(fs.readdirSync(dir).sort()).toEqual([
        'attachments',
        'backup.json',
        'replaced-20261201-1',
        'safety',
        'shops',
        'vault.json',
      ]);
    }
  });
});

describe('an intent found at the next start', () => {
  it('left after the old entries were moved and some parts written: the old data comes back, and is said', () => {
    const dir = dataFolder();
    const before = tree(dir);
    // The disk as a crash after the second part leaves it (the hook stands for the power going).
    let n = 0;
    const crash = new Error('power cut');
    try {
      replaceDataFolder(dir, 'replaced-x', parts, [], when, {
        afterPart: () => {
          if (++n === 2) {
            // What the rollback would do is what a crash never gets to: the intent is copied away first.
            fs.copyFileSync(path.join(dir, RESTORE_INTENT), path.join(dir, 'intent.copy'));
            fs.cpSync(dir, `${dir}-crashed`, { recursive: true });
            throw crash;
          }
        },
      });
    } catch (e) {
      expect(e).toBe(crash);
    }
    const crashed = `${dir}-crashed`;
    fs.rmSync(path.join(crashed, 'intent.copy'));
    expect(tree(crashed)['replaced-x/vault.json']).toBe('old vault');
    expect(tree(crashed)['vault.json']).toBe('new vault');
    const event = rollBackInterruptedRestore(crashed, when);
    expect(event).toEqual({
      file: RESTORE_INTENT,
      problem: 'interrupted-restore',
      movedTo: '',
      restoredFrom: RESTORE_INTENT,
      restoredVersionAt: when.toISOString(),
      at: when.toISOString(),
    });
    expect(tree(crashed)).toEqual(before);
    // A second start finds nothing to do.
    expect(rollBackInterruptedRestore(crashed, when)).toBeNull();
  });

  it('left before anything was moved: what is there stays, nothing is taken for the backup’s', () => {
    const dir = dataFolder();
    const before = tree(dir);
    fs.writeFileSync(
      path.join(dir, RESTORE_INTENT),
      JSON.stringify({
        aside: 'replaced-y',
        existing: ['attachments', 'backup.json', 'shops', 'vault.json'],
        startedAt: when.toISOString(),
      }),
    );
    expect(rollBackInterruptedRestore(dir, when)?.restoredFrom).toBe(RESTORE_INTENT);
    expect(tree(dir)).toEqual(before);
  });

  it('one it cannot read is left in place and said as a loss, and nothing is moved', () => {
    const intent = (aside: string) => JSON.stringify({ aside, existing: ['vault.json'], startedAt: '' });
    // An aside folder name that would lead out of the data folder is not one the app writes.
    for (const text of [
      intent('../x'),
      intent('replaced-x/../../evil'),
      intent('x/replaced-y'),
      '{not json',
      '',
    ]) {
      const dir = dataFolder();
      fs.writeFileSync(path.join(dir, RESTORE_INTENT), text);
      const before = tree(dir);
      const event = rollBackInterruptedRestore(dir, when);
      expect(event).toEqual({
        file: RESTORE_INTENT,
        problem: 'interrupted-restore',
        movedTo: '',
        restoredFrom: '',
        restoredVersionAt: null,
        at: when.toISOString(),
        lost: ['未完成的恢复 / an unfinished restore'],
      });
      expect(tree(dir)).toEqual(before);
    }
  });
});
