// KeePass databases made by the real KeePassXC (Debian's keepassxc-cli), the way a seller's own would be.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const KEEPASSXC_CLI = ['/usr/bin/keepassxc-cli', '/usr/local/bin/keepassxc-cli'].find((p) =>
  fs.existsSync(p),
);

export function keepassxc(args: string[], input: string) {
  if (!KEEPASSXC_CLI) throw new Error('keepassxc-cli is missing: apt-get install keepassxc (.ci/run does)');
  const r = spawnSync(KEEPASSXC_CLI, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`keepassxc-cli ${args[0]}: ${r.stderr}`);
  return r.stdout;
}

export interface KxEntry {
  group: string;
  title: string;
  user: string;
  url: string;
  password: string;
  notes?: string;
}

/** A database created and filled by keepassxc-cli (KDBX 3.1, AES-KDF: what its `db-create` makes). */
export function keepassxcDatabase(dir: string, dbPassword: string, entries: KxEntry[]): string {
  const db = path.join(dir, `kx-${entries.length}.kdbx`);
  keepassxc(['db-create', '-p', '-t', '100', db], `${dbPassword}\n${dbPassword}\n`);
  const groups = new Set<string>();
  for (const e of entries) {
    const parts = e.group.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const g = parts.slice(0, i).join('/');
      if (groups.has(g)) continue;
      keepassxc(['mkdir', db, g], `${dbPassword}\n`);
      groups.add(g);
    }
    keepassxc(
      [
        'add',
        '-p',
        '-u',
        e.user,
        '--url',
        e.url,
        ...(e.notes ? ['--notes', e.notes] : []),
        db,
        `${e.group}/${e.title}`,
      ],
      `${dbPassword}\n${e.password}\n`,
    );
  }
  return db;
}
