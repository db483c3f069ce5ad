// Leaving the vault (issue #11): a KeePass KDBX 4 file that the real KeePassXC (Debian's keepassxc-cli)
// opens, lists and reads back byte for byte, and Bitwarden's unencrypted .json. Both ask for the master
// password again, are audited, and leave no plaintext anywhere on disk.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import { callers } from '../support/contract-calls.ts';
import { taobaoShop, typedSub } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

const CLI = ['/usr/bin/keepassxc-cli', '/usr/local/bin/keepassxc-cli'].find((p) => fs.existsSync(p));
let tc: TestCore;
let dir: string;
const { ok, refused } = callers(() => tc.core);

/** Printable, quote- and space-bearing passwords: what a byte-exact export must survive. A fresh canary each run. */
const canary = () => `Cx${randomBytes(6).toString('hex')}"' <&>`;

interface Seeded {
  taobao: ShopView;
  jd: ShopView;
  subs: Array<{ view: SubAccountView; password: string }>;
  mainPassword: string;
}

async function seed(): Promise<Seeded> {
  const mainPassword = canary();
  const taobao = await ok<ShopView>(
    'shops.create',
    taobaoShop('旗舰店', {
      mainLogin: 'flagship',
      mainPassword,
      phone: '13800138000',
      email: 'boss@example.cn',
    }),
  );
  const jd = await ok<ShopView>(
    'shops.create',
    taobaoShop('京东自营店', { platform: 'jd', mainLogin: 'jd_main', mainPassword: canary() }),
  );
  const subs: Seeded['subs'] = [];
  for (const [shop, nick] of [
    [taobao, '小王'],
    [taobao, '小李'],
    [jd, 'kefu01'],
  ] as const) {
    const password = canary();
    subs.push({
      view: await ok<SubAccountView>('subaccounts.create', typedSub(shop.id, nick, password)),
      password,
    });
  }
  return { taobao, jd, subs, mainPassword };
}

function cli(args: string[], password: string) {
  if (!CLI) throw new Error('keepassxc-cli is missing: apt-get install keepassxc (.ci/run does)');
  return spawnSync(CLI, args, { input: `${password}\n`, encoding: 'utf8', timeout: 60_000 });
}

function saveFile(file: { fileName: string; contentBase64: string }): string {
  const p = path.join(dir, file.fileName);
  fs.writeFileSync(p, Buffer.from(file.contentBase64, 'base64'));
  return p;
}

beforeEach(async () => {
  tc = makeTestCore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-kdbx-'));
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
});
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('KeePass KDBX 4 export, opened by keepassxc-cli', () => {
  it('lists every platform, shop and account, and gives every password, phone and e-mail exactly', async () => {
    const s = await seed();
    const filePassword = '导出文件密码-2026';
    const file = await ok<{ fileName: string; contentBase64: string; rowCount: number }>(
      'transfer.exportKdbx',
      {
        masterPassword: GOOD_PASSWORD,
        filePassword: { password: filePassword, confirm: filePassword },
      },
    );
    expect(file.fileName).toMatch(/\.kdbx$/);
    expect(file.rowCount).toBe(5);
    const db = saveFile(file);

    const info = cli(['db-info', db], filePassword);
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toMatch(/Cipher:\s+AES 256-bit/);
    expect(info.stdout).toMatch(/KDF:\s+Argon2id/);

    const ls = cli(['ls', '-R', '-f', db], filePassword);
    expect(ls.status, ls.stderr).toBe(0);
    const listed = ls.stdout.split('\n').map((l) => l.trim());
    for (const entry of [
      '淘宝/',
      '淘宝/旗舰店/',
      '淘宝/旗舰店/旗舰店 主账号',
      '淘宝/旗舰店/flagship:小王',
      '淘宝/旗舰店/flagship:小李',
      '京东/',
      '京东/京东自营店/',
      '京东/京东自营店/京东自营店 主账号',
      '京东/京东自营店/kefu01',
    ])
      expect(listed).toContain(entry);

    const show = (entry: string, attr: string) => {
      const r = cli(['show', '-s', '-a', attr, db, entry], filePassword);
      expect(r.status, r.stderr).toBe(0);
      // keepassxc-cli ends the value with one newline of its own.
      return r.stdout.replace(/\n$/, '');
    };
    for (const { view, password } of s.subs) {
      const group = view.platform === 'jd' ? '京东/京东自营店' : '淘宝/旗舰店';
      expect(show(`${group}/${view.fullName}`, 'Password')).toBe(password);
      expect(show(`${group}/${view.fullName}`, 'UserName')).toBe(view.fullName);
    }
    const main = '淘宝/旗舰店/旗舰店 主账号';
    expect(show(main, 'Password')).toBe(s.mainPassword);
    expect(show(main, 'UserName')).toBe('flagship');
    expect(show(main, 'URL')).toBe('https://myseller.taobao.com/');
    expect(show(main, '手机 / Phone')).toBe('13800138000');
    expect(show(main, '邮箱 / E-mail')).toBe('boss@example.cn');
    // Phone, e-mail and password are protected fields: KeePassXC hides them unless asked to show them.
    const shown = cli(['show', '--all', db, main], filePassword);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).not.toContain('13800138000');
    expect(shown.stdout).not.toContain('boss@example.cn');
    expect(shown.stdout).not.toContain(s.mainPassword);
    expect(shown.stdout).toMatch(/Password: PROTECTED/);
    expect(shown.stdout).toMatch(/手机 \/ Phone: PROTECTED/);
    expect(shown.stdout).toMatch(/邮箱 \/ E-mail: PROTECTED/);

    // The export is in the audit log, without any secret in it.
    const audit = await ok<{ entries: Array<{ action: string; summary: string }> }>('audit.list', {
      offset: 0,
      limit: 5,
    });
    const entry = audit.entries.find((e) => e.action === 'transfer.exportedKdbx');
    expect(entry?.summary).toContain('5 个账号');
    expect(JSON.stringify(audit.entries)).not.toContain(s.mainPassword);
  }, 120_000);

  it('without a file password, the file opens with the master password; one shop exports alone', async () => {
    const s = await seed();
    const file = await ok<{ fileName: string; contentBase64: string; rowCount: number }>(
      'transfer.exportKdbx',
      {
        masterPassword: GOOD_PASSWORD,
        filePassword: null,
        shopId: s.jd.id,
      },
    );
    expect(file.rowCount).toBe(2);
    const db = saveFile(file);
    expect(cli(['ls', '-R', '-f', db], 'not the password').status).not.toBe(0);
    const ls = cli(['ls', '-R', '-f', db], GOOD_PASSWORD);
    expect(ls.status, ls.stderr).toBe(0);
    expect(ls.stdout).toContain('京东自营店');
    expect(ls.stdout).not.toContain('旗舰店');
  }, 120_000);

  it('a wrong master password, a short or mismatched file password or an unknown shop is refused and writes nothing', async () => {
    const s = await seed();
    const before = (await ok<{ total: number }>('audit.list', { offset: 0, limit: 1 })).total;
    const wrong = await refused('transfer.exportKdbx', {
      masterPassword: 'wrong-password',
      filePassword: null,
    });
    expect(wrong.code).toBe('WRONG_PASSWORD');
    expect(wrong.fields).toEqual({ masterPassword: 'wrong_password' });
    const short = await refused('transfer.exportKdbx', {
      masterPassword: GOOD_PASSWORD,
      filePassword: { password: 'short', confirm: 'other' },
    });
    expect(short.code).toBe('VALIDATION_FAILED');
    expect(short.fields).toEqual({ filePassword: 'password_too_short', fileConfirm: 'password_mismatch' });
    const unknown = await refused('transfer.exportKdbx', {
      masterPassword: GOOD_PASSWORD,
      filePassword: null,
      shopId: 'no-such-shop',
    });
    expect(unknown.code).toBe('NOT_FOUND');
    const bw = await refused('transfer.exportBitwarden', {
      masterPassword: GOOD_PASSWORD,
      plaintextUnderstood: false,
    });
    expect(bw.code).toBe('VALIDATION_FAILED');
    expect((await ok<{ total: number }>('audit.list', { offset: 0, limit: 1 })).total).toBe(before);
    expect(s.subs).toHaveLength(3);
  });
});

describe('Bitwarden unencrypted .json export', () => {
  it("is Bitwarden's documented shape: a folder per shop, a login item per account, passwords exact", async () => {
    const s = await seed();
    const file = await ok<{ fileName: string; contentBase64: string; mime: string }>(
      'transfer.exportBitwarden',
      {
        masterPassword: GOOD_PASSWORD,
        plaintextUnderstood: true,
      },
    );
    expect(file.fileName).toMatch(/\.json$/);
    const data = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as {
      encrypted: boolean;
      folders: Array<{ id: string; name: string }>;
      items: Array<{
        id: string;
        type: number;
        folderId: string;
        name: string;
        login: { username: string; password: string; uris: Array<{ uri: string }> };
        fields: Array<{ name: string; value: string; type: number }>;
      }>;
    };
    expect(data.encrypted).toBe(false);
    expect(data.folders.map((f) => f.name).sort()).toEqual(['京东/京东自营店', '淘宝/旗舰店']);
    expect(data.items).toHaveLength(5);
    expect(new Set(data.items.map((i) => i.id)).size).toBe(5);
    for (const item of data.items) {
      expect(item.type).toBe(1);
      expect(data.folders.some((f) => f.id === item.folderId)).toBe(true);
      expect(item.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    for (const { view, password } of s.subs) {
      const item = data.items.find((i) => i.login.username === view.fullName);
      expect(item?.login.password).toBe(password);
    }
    const main = data.items.find((i) => i.login.username === 'flagship');
    expect(main?.login.password).toBe(s.mainPassword);
    expect(main?.login.uris[0]?.uri).toBe('https://myseller.taobao.com/');
    expect(main?.fields.find((f) => f.name === '手机 / Phone')).toMatchObject({
      value: '13800138000',
      type: 1,
    });
  });
});

describe('no plaintext left behind', () => {
  it('after both exports, no file in the data folder or the temp folder holds a password', async () => {
    const started = Date.now() - 1000;
    const s = await seed();
    await ok('transfer.exportKdbx', { masterPassword: GOOD_PASSWORD, filePassword: null });
    await ok('transfer.exportBitwarden', { masterPassword: GOOD_PASSWORD, plaintextUnderstood: true });
    const needles = [s.mainPassword, ...s.subs.map((x) => x.password)].map((p) => Buffer.from(p, 'utf8'));
    const hits: string[] = [];
    const scan = (root: string, depth: number) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(root, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(root, e.name);
        if (e.isDirectory() && depth > 0) scan(p, depth - 1);
        else if (e.isFile()) {
          try {
            const st = fs.statSync(p);
            if (st.mtimeMs < started || st.size > 64 * 2 ** 20) continue;
            const bytes = fs.readFileSync(p);
            if (needles.some((n) => bytes.includes(n))) hits.push(p);
          } catch {
            // Another test's file that came and went while scanning.
          }
        }
      }
    };
    scan(tc.dataDir, 8);
    scan(os.tmpdir(), 4);
    expect(hits).toEqual([]);
    // The scan can find what it looks for: the passwords are there, sealed, and a plaintext copy would show.
    const probe = path.join(dir, 'probe.txt');
    fs.writeFileSync(probe, needles[0]!);
    scan(dir, 0);
    expect(hits).toEqual([probe]);
  });
});
