// The kinds of sync target a suite runs against, each started fresh by the suite: Apache mod_dav and
// rclone's WebDAV server on loopback, and a shared folder in a temp directory.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { davTarget, folderTarget, type TargetMaker, tempDir } from './team-cores.ts';
import { type DavServer, serversAvailable, startApache, startRclone } from './webdav-servers.ts';

export interface TargetKind {
  readonly name: string;
  readonly available: boolean;
  start(): Promise<{ makeTarget: TargetMaker; root: string; stop(): Promise<void> }>;
}

const dav = (s: DavServer) => ({ makeTarget: davTarget(s), root: s.root, stop: () => s.stop() });

export function targetKinds(which: ReadonlyArray<'apache' | 'rclone' | 'folder'>): TargetKind[] {
  const have = serversAvailable();
  const all: Record<'apache' | 'rclone' | 'folder', TargetKind> = {
    apache: {
      name: 'Apache httpd mod_dav',
      available: have.apache,
      start: async () => dav(await startApache()),
    },
    rclone: {
      name: 'rclone serve webdav',
      available: have.rclone,
      start: async () => dav(await startRclone()),
    },
    folder: {
      name: 'shared folder',
      available: true,
      start: async () => {
        const dir = tempDir('shared');
        return {
          makeTarget: folderTarget(path.join(dir, 'team')),
          root: dir,
          stop: async () => fs.rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
  };
  // `SW_SYNC_TARGETS=folder` (mutation testing) runs the suites on those kinds only, for speed.
  const only = process.env.SW_SYNC_TARGETS?.split(',');
  return which.filter((w) => !only || only.includes(w)).map((w) => all[w]);
}

export type StartedTarget = Awaited<ReturnType<TargetKind['start']>>;

/**
 * Called inside a describe: starts the kind's server before the suite and stops it after. `server()` is the
 * started one; `skipReason` says why a test is skipped when the kind is not installed (never under CI).
 */
export function useTarget(kind: TargetKind): { server(): StartedTarget; skipReason: string } {
  let started: StartedTarget | undefined;
  beforeAll(async () => {
    if (kind.available) started = await kind.start();
  }, 60_000);
  afterAll(async () => {
    await started?.stop();
  });
  return {
    server: () => {
      if (!started) throw new Error(`${kind.name} was not started`);
      return started;
    },
    skipReason: kind.available ? '' : `${kind.name} is not installed here`,
  };
}
