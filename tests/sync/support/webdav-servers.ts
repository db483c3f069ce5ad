// Real WebDAV servers for the sync tests, started and stopped by the tests on random loopback ports:
// Apache httpd with mod_dav_fs and Basic auth from an htpasswd file (Debian apache2 + apache2-utils), and
// `rclone serve webdav` (Debian rclone). Two implementations on purpose: servers differ in ETags, status
// codes and how they treat collections, and sync breaks on such differences.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForHttp } from './free-port.ts';

export interface DavServer {
  readonly kind: 'apache' | 'rclone';
  /** The team folder's URL (it exists, empty). */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** The server's storage on disk: what the canary scans read. */
  readonly root: string;
  stop(): Promise<void>;
}

export const USER = 'shop-team';
export const PASS = 'app-password-9f3K';

/** Debian puts apache2 in /usr/sbin, which a non-root PATH often lacks. */
const APACHE = fs.existsSync('/usr/sbin/apache2') ? '/usr/sbin/apache2' : 'apache2';

/**
 * Which servers this machine has. Under CI (`CI=true`, where .ci/run installs them) a missing server is
 * never a skip: the tests run and fail, so a broken install cannot pass unnoticed.
 */
export function serversAvailable(): { apache: boolean; rclone: boolean } {
  const has = (cmd: string) => {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  const ci = process.env.CI === 'true';
  return { apache: ci || (has(APACHE) && has('htpasswd')), rclone: ci || has('rclone') };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

const MODULES = '/usr/lib/apache2/modules';

export async function startApache(): Promise<DavServer> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-apache-'));
  const www = path.join(base, 'www');
  const team = path.join(www, 'dav', 'team');
  fs.mkdirSync(team, { recursive: true });
  execFileSync('htpasswd', ['-b', '-c', '-B', path.join(base, 'htpasswd'), USER, PASS], { stdio: 'ignore' });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'www-data:www-data', www, base]);
  const port = await freePort();
  const conf = path.join(base, 'httpd.conf');
  fs.writeFileSync(
    conf,
    [
      ...[
        'mpm_event',
        'authz_core',
        'authn_core',
        'authn_file',
        'auth_basic',
        'authz_user',
        'dav',
        'dav_fs',
      ].map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
      `ServerRoot "${base}"`,
      'ServerName 127.0.0.1',
      `Listen 127.0.0.1:${port}`,
      asRoot ? 'User www-data\nGroup www-data' : '',
      `PidFile "${base}/httpd.pid"`,
      `DefaultRuntimeDir "${base}"`,
      `ErrorLog "${base}/error.log"`,
      'LogLevel warn',
      `DavLockDB "${base}/davlock"`,
      `DocumentRoot "${www}"`,
      `<Directory "${www}">`,
      '  Require all granted',
      '</Directory>',
      '<Location /dav>',
      '  Dav On',
      '  AuthType Basic',
      '  AuthName "shopwarden-test"',
      `  AuthUserFile "${base}/htpasswd"`,
      '  Require valid-user',
      '</Location>',
      // mod_dav refuses bodies over LimitXMLRequestBody for PROPFIND; uploads are not limited by default.
      'LimitRequestBody 0',
      '',
    ].join('\n'),
  );
  const child = spawn(APACHE, ['-f', conf, '-DFOREGROUND'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const log = () =>
    `${out}\n${fs.existsSync(`${base}/error.log`) ? fs.readFileSync(`${base}/error.log`, 'utf8') : ''}`;
  await waitForHttp(`http://127.0.0.1:${port}/`, () => child.exitCode === null, log);
  return {
    kind: 'apache',
    url: `http://127.0.0.1:${port}/dav/team`,
    username: USER,
    password: PASS,
    root: www,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

export async function startRclone(): Promise<DavServer> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-rclone-'));
  fs.mkdirSync(path.join(base, 'team'));
  const port = await freePort();
  const child = spawn(
    'rclone',
    [
      'serve',
      'webdav',
      base,
      '--addr',
      `127.0.0.1:${port}`,
      '--user',
      USER,
      '--pass',
      PASS,
      '--config',
      '/dev/null',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  await waitForHttp(
    `http://127.0.0.1:${port}/`,
    () => child.exitCode === null,
    () => out,
  );
  return {
    kind: 'rclone',
    url: `http://127.0.0.1:${port}/team`,
    username: USER,
    password: PASS,
    root: base,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
