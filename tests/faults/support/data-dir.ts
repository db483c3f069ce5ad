// Whole-folder snapshots for the fault suite: take one, put one back, and tell which files one write
// changed and in which order the product writes them.
import fs from 'node:fs';
import path from 'node:path';

export type DirSnapshot = Map<string, Buffer>;

export function snapshotDir(dir: string): DirSnapshot {
  const out: DirSnapshot = new Map();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export function restoreDir(dir: string, snap: DirSnapshot): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, bytes] of snap) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true, mode: 0o700 });
    fs.writeFileSync(p, bytes, { mode: 0o600 });
  }
}

export interface Change {
  file: string;
  kind: 'appended' | 'replaced' | 'created' | 'removed';
  before: Buffer | undefined;
  after: Buffer | undefined;
}

/**
 * The files one operation changed, in the order the product writes them: a generation's continuation,
 * then the generation itself (a hard link of the old file), then the document or journal, then the
 * audit log, then its anchor. (The code paths are journaled-shop compact(), DocumentStore.set(), and the
 * services' audit append after their write.)
 */
export function changes(before: DirSnapshot, after: DirSnapshot): Change[] {
  const files = new Set([...before.keys(), ...after.keys()]);
  const out: Change[] = [];
  for (const file of files) {
    const b = before.get(file);
    const a = after.get(file);
    if (b && a && b.equals(a)) continue;
    const kind: Change['kind'] = !a
      ? 'removed'
      : !b
        ? 'created'
        : a.length > b.length && a.subarray(0, b.length).equals(b)
          ? 'appended'
          : 'replaced';
    out.push({ file, kind, before: b, after: a });
  }
  const rank = (c: Change) =>
    c.file.startsWith('generations/') && c.file.endsWith('.journal')
      ? 0
      : c.file.startsWith('generations/')
        ? 1
        : c.file === 'audit.log'
          ? 4
          : c.file === 'audit-anchor.json'
            ? 5
            : c.file.endsWith('.journal')
              ? 3
              : 2;
  return out.sort((x, y) => rank(x) - rank(y));
}
