// Reading what sellers bring (issue #11): every format from files made the way the real tools make them
// (KeePassXC itself; CSVs with the exact headers Bitwarden, 1Password, Chrome/Edge and Firefox write),
// and hostile files refused with a clear error before any costly work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import kdbxweb from 'kdbxweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/core/transfer/import/read-file.ts';
import { KDBX_ARGON2, writeKdbx } from '../../electron/core/transfer/kdbx-export.ts';
import { setUpKdbxweb } from '../../electron/core/transfer/kdbxweb-setup.ts';
import { AppError } from '../../shared/contract/errors.ts';
import { type KxEntry, keepassxc, keepassxcDatabase } from '../support/keepassxc.ts';
import { zipOf } from '../support/zip-of.ts';

const DB_PASSWORD = 'KeePass-库密码-2026';
const ENTRIES: KxEntry[] = [
  {
    group: '淘宝',
    title: '旗舰店',
    user: 'flagship',
    url: 'https://myseller.taobao.com/',
    password: 'Main "pw" <1>',
  },
  {
    group: '淘宝',
    title: '小王',
    user: 'flagship:小王',
    url: 'https://myseller.taobao.com/',
    password: 'Sub,pw;2\tx',
    notes: '售前\n第二行',
  },
  {
    group: '其他',
    title: 'GitHub',
    user: 'me@example.com',
    url: 'https://github.com/login',
    password: 'not-a-shop',
  },
];
let dir: string;
let kxDb: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-import-read-'));
  kxDb = keepassxcDatabase(dir, DB_PASSWORD, ENTRIES);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<{ code: string; details?: unknown }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
}

const pick = (
  cs: Array<{ title: string; userName: string; password: string; url: string; group: string; notes: string }>,
) =>
  cs.map((c) => ({
    title: c.title,
    userName: c.userName,
    password: c.password,
    url: c.url,
    group: c.group,
    notes: c.notes,
  }));

const expected = ENTRIES.map((e) => ({
  title: e.title,
  userName: e.user,
  password: e.password,
  url: e.url,
  group: e.group,
  notes: e.notes ?? '',
}));

describe('KeePass files made by KeePassXC', () => {
  it('a .kdbx asks for its password, then gives every entry exactly (KDBX 3.1, AES-KDF)', async () => {
    const bytes = fs.readFileSync(kxDb);
    expect(await readImportFile(bytes)).toEqual({ kind: 'needs-password', source: 'keepass-kdbx' });
    const r = await readImportFile(bytes, DB_PASSWORD);
    expect(r.kind === 'credentials' && r.source).toBe('keepass-kdbx');
    if (r.kind !== 'credentials') return;
    expect(pick(r.credentials)).toEqual(expected);
    expect((await refusal(readImportFile(bytes, 'wrong password'))).code).toBe('IMPORT_WRONG_PASSWORD');
  }, 60_000);

  it('its XML export and its CSV export give the same entries', async () => {
    const xml = keepassxc(['export', '-f', 'xml', kxDb], `${DB_PASSWORD}\n`);
    const fromXml = await readImportFile(Buffer.from(xml, 'utf8'));
    expect(fromXml.kind === 'credentials' && fromXml.source).toBe('keepass-xml');
    if (fromXml.kind === 'credentials') expect(pick(fromXml.credentials)).toEqual(expected);
    const csv = keepassxc(['export', '-f', 'csv', kxDb], `${DB_PASSWORD}\n`);
    const fromCsv = await readImportFile(Buffer.from(csv, 'utf8'));
    expect(fromCsv.kind === 'credentials' && fromCsv.source).toBe('keepassxc-csv');
    if (fromCsv.kind === 'credentials') expect(pick(fromCsv.credentials)).toEqual(expected);
  }, 60_000);

  it('our own KDBX 4 (Argon2id) export and a KDBX 4 Argon2d file read back identically', async () => {
    const shops = [
      {
        id: 's1',
        name: '旗舰店',
        platform: 'taobao' as const,
        platformName: '淘宝',
        accounts: [
          {
            id: 's1',
            kind: 'main' as const,
            title: '旗舰店 主账号',
            userName: 'flagship',
            password: 'Main "pw" <1>',
            url: 'https://myseller.taobao.com/',
            notes: '主账号 / Main account',
            phone: '13800138000',
            email: 'boss@example.cn',
            data: '{"v":1,"kind":"shop"}',
          },
        ],
      },
    ];
    const ours = await writeKdbx(shops, DB_PASSWORD, {
      now: Date.parse('2026-12-01T00:00:00Z'),
      kdf: { ...KDBX_ARGON2, memoryBytes: 8 * 1024 * 1024 },
    });
    const r = await readImportFile(Buffer.from(ours), DB_PASSWORD);
    expect(r.kind).toBe('credentials');
    if (r.kind === 'credentials')
      expect(r.credentials).toEqual([
        {
          at: 1,
          title: '旗舰店 主账号',
          url: 'https://myseller.taobao.com/',
          userName: 'flagship',
          password: 'Main "pw" <1>',
          notes: '主账号 / Main account',
          group: '淘宝/旗舰店',
          phone: '13800138000',
          email: 'boss@example.cn',
          // Our own record of the entry comes back as it was written.
          data: '{"v":1,"kind":"shop"}',
        },
      ]);

    // kdbxweb's default KDF is Argon2d (as KeeWeb writes it).
    setUpKdbxweb();
    const db = kdbxweb.Kdbx.create(
      new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString(DB_PASSWORD)),
      'KeeWeb',
    );
    expect(Buffer.from(db.header.kdfParameters!.get('$UUID') as ArrayBuffer).toString('base64')).toBe(
      kdbxweb.Consts.KdfId.Argon2d,
    );
    const e = db.createEntry(db.getDefaultGroup());
    e.fields.set('Title', '拼多多店');
    e.fields.set('UserName', 'pdd_boss');
    e.fields.set('Password', kdbxweb.ProtectedValue.fromString('Pdd-密码-3'));
    e.fields.set('URL', 'https://mms.pinduoduo.com/login');
    const argon2d = await readImportFile(Buffer.from(await db.save()), DB_PASSWORD);
    expect(
      argon2d.kind === 'credentials' && argon2d.credentials.map((c) => [c.userName, c.password]),
    ).toEqual([['pdd_boss', 'Pdd-密码-3']]);
  }, 60_000);
});

describe('password CSVs with the headers the tools write', () => {
  const cases: Array<[string, string, string]> = [
    [
      'bitwarden-csv',
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\r\n' +
        '淘宝,,login,小王,"售前\n第二行","手机: 13800138000\nnote: x",0,https://myseller.taobao.com/,flagship:小王,"Sub,pw;2",\r\n',
      'Sub,pw;2',
    ],
    [
      '1password-csv',
      'Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n小王,https://myseller.taobao.com/,flagship:小王,"Sub,pw;2",,false,false,,"售前\n第二行"\n',
      'Sub,pw;2',
    ],
    [
      'chrome-csv',
      'name,url,username,password,note\nmyseller.taobao.com,https://myseller.taobao.com/,flagship:小王,"Sub,pw;2",售前\n',
      'Sub,pw;2',
    ],
    [
      'chrome-csv',
      'name,url,username,password\nmyseller.taobao.com,https://myseller.taobao.com/,flagship:小王,"Sub,pw;2"\n',
      'Sub,pw;2',
    ],
    [
      'firefox-csv',
      '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"\n' +
        '"https://myseller.taobao.com","flagship:小王","Sub,pw;2",,"https://myseller.taobao.com","{a1}","1700000000000","1700000000000","1700000000000"\n',
      'Sub,pw;2',
    ],
  ];
  for (const [source, text, password] of cases)
    it(`${source}: the login, its URL and its password exactly`, async () => {
      const r = await readImportFile(Buffer.from(text, 'utf8'));
      expect(r.kind === 'credentials' && r.source).toBe(source);
      if (r.kind !== 'credentials') return;
      expect(r.credentials).toHaveLength(1);
      expect(r.credentials[0]).toMatchObject({ userName: 'flagship:小王', password });
      expect(r.credentials[0]!.url).toMatch(/^https:\/\/myseller\.taobao\.com/);
    });

  it('Bitwarden .json: logins only, folders as groups, phone from a custom field; an encrypted export is refused', async () => {
    const json = {
      encrypted: false,
      folders: [{ id: 'f1', name: '淘宝/旗舰店' }],
      items: [
        {
          id: 'i1',
          type: 1,
          folderId: 'f1',
          name: '小王',
          notes: null,
          fields: [{ name: '手机 / Phone', value: '13800138000', type: 1 }],
          login: {
            uris: [{ match: null, uri: 'https://myseller.taobao.com/' }],
            username: 'flagship:小王',
            password: 'Sub,pw;2',
            totp: null,
          },
        },
        { id: 'i2', type: 2, name: 'a secure note', notes: 'x', secureNote: { type: 0 } },
      ],
    };
    const r = await readImportFile(Buffer.from(JSON.stringify(json), 'utf8'));
    expect(r.kind === 'credentials' && r.credentials).toEqual([
      expect.objectContaining({
        at: 1,
        group: '淘宝/旗舰店',
        userName: 'flagship:小王',
        password: 'Sub,pw;2',
        phone: '13800138000',
      }),
    ]);
    const enc = await refusal(
      readImportFile(Buffer.from(JSON.stringify({ encrypted: true, passwordProtected: true, data: 'x' }))),
    );
    expect(enc.code).toBe('IMPORT_ENCRYPTED_EXPORT');
  });

  it("a seller's own sheet is a table for the mapping step, in UTF-8, UTF-8 BOM or GBK", async () => {
    const text = '店铺名称,平台,主账号,子账号,密码\r\n旗舰店,淘宝,flagship,小王,Sub-Pass-1\r\n';
    for (const bytes of [
      Buffer.from(text, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      iconv.encode(text, 'gb18030'),
    ]) {
      const r = await readImportFile(bytes);
      expect(r.kind === 'table' && r.table).toEqual([
        ['店铺名称', '平台', '主账号', '子账号', '密码'],
        ['旗舰店', '淘宝', 'flagship', '小王', 'Sub-Pass-1'],
      ]);
    }
  });
});

/** Overwrites a KDBX 3.1 header field (id, 8-byte little-endian value) in place. */
function patchV3Field(bytes: Buffer, fieldId: number, value: bigint): Buffer {
  const out = Buffer.from(bytes);
  let pos = 12;
  while (pos < out.length) {
    const id = out[pos]!;
    const len = out.readUInt16LE(pos + 1);
    if (id === fieldId) {
      out.writeBigUInt64LE(value, pos + 3);
      return out;
    }
    if (id === 0) break;
    pos += 3 + len;
  }
  throw new Error(`no header field ${fieldId}`);
}

describe('hostile files: a clear refusal, before any costly work', () => {
  it('a KeePass file asking for 2^40 AES rounds, or 64 GiB of Argon2 memory, is refused at once', async () => {
    const absurd = patchV3Field(fs.readFileSync(kxDb), 6, 2n ** 40n);
    const t = Date.now();
    expect((await refusal(readImportFile(absurd, DB_PASSWORD))).code).toBe('IMPORT_KDF_TOO_COSTLY');
    expect(Date.now() - t).toBeLessThan(5_000);

    const ours = Buffer.from(
      await writeKdbx([], DB_PASSWORD, { now: 0, kdf: { ...KDBX_ARGON2, memoryBytes: 8 * 1024 * 1024 } }),
    );
    // The Argon2 memory (8 MiB) sits in the header's dictionary as a UInt64 after the key "M".
    const at = ours.indexOf(Buffer.concat([Buffer.from('M'), Buffer.from([8, 0, 0, 0])]));
    expect(at).toBeGreaterThan(0);
    const patched = Buffer.from(ours);
    patched.writeBigUInt64LE(64n * 2n ** 30n, at + 5);
    expect((await refusal(readImportFile(patched, DB_PASSWORD))).code).toBe('IMPORT_KDF_TOO_COSTLY');
  });

  it('KeePass XML with entity expansion ("billion laughs") is refused without parsing', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      '<KeePassFile><Root><Group><Name>&lol2;</Name></Group></Root></KeePassFile>';
    expect((await refusal(readImportFile(Buffer.from(xml)))).code).toBe('IMPORT_XML_DTD_REFUSED');
  });

  it('files of the wrong kind, empty files and files over 6 MB are refused with what they are', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await refusal(readImportFile(png))).toEqual({
      code: 'IMPORT_WRONG_KIND',
      details: { reason: 'binary' },
    });
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(100),
    ]);
    expect(await refusal(readImportFile(xls))).toEqual({
      code: 'IMPORT_WRONG_KIND',
      details: { reason: 'xls' },
    });
    expect((await refusal(readImportFile(Buffer.alloc(0)))).code).toBe('IMPORT_WRONG_KIND');
    expect((await refusal(readImportFile(Buffer.alloc(6 * 1024 * 1024 + 1, 0x41)))).code).toBe(
      'IMPORT_FILE_TOO_LARGE',
    );
    expect((await refusal(readImportFile(Buffer.from('{"items": 3}')))).code).toBe('IMPORT_WRONG_KIND');
    expect((await refusal(readImportFile(Buffer.from('<html><body>hi</body></html>')))).code).toBe(
      'IMPORT_WRONG_KIND',
    );
  });

  it('a zip bomb posing as .xlsx is refused before anything inflates it', async () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x41) }]);
    expect((await refusal(readImportFile(bomb))).code).toBe('FILE_ARCHIVE_REFUSED');
  });

  it('a KDBX 4 whose body is cut short says the file is unreadable, not that the password is wrong', async () => {
    const ours = Buffer.from(
      await writeKdbx(
        [{ id: 's', name: '店', platform: 'jd', platformName: '京东', accounts: [] }],
        DB_PASSWORD,
        { now: 0, kdf: { ...KDBX_ARGON2, memoryBytes: 8 * 1024 * 1024 } },
      ),
    );
    const cut = ours.subarray(0, Math.floor(ours.length * 0.7));
    expect((await refusal(readImportFile(cut, DB_PASSWORD))).code).toBe('IMPORT_WRONG_KIND');
  }, 30_000);
});
