// What an import reads from a file it did not write: Bitwarden's JSON export item by item (logins, our own
// secure notes, folders, custom phone and e-mail fields, junk in every place), each password tool's CSV by its
// header, and the register record our own exports carry, refused whole when any part of it is out of shape.
import { describe, expect, it } from 'vitest';
import { credentialsFromBitwardenJson } from '../../electron/core/transfer/import/bitwarden-json.ts';
import { credentialFormat, credentialsFromCsv } from '../../electron/core/transfer/import/credential-csv.ts';
import {
  knownPermissions,
  parseSwData,
  SW_DATA_FIELD,
} from '../../shared/domain/transfer/shopwarden-data.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'read';
  } catch (e) {
    return `${(e as { code?: string }).code}:${JSON.stringify((e as { details?: unknown }).details ?? {})}`;
  }
};

describe('Bitwarden JSON', () => {
  it('refuses what is not an unencrypted Bitwarden export, each with its reason', () => {
    expect(codeOf(() => credentialsFromBitwardenJson('{nope'))).toBe(
      'IMPORT_WRONG_KIND:{"reason":"not-json"}',
    );
    expect(codeOf(() => credentialsFromBitwardenJson('{"encrypted":true,"items":[]}'))).toBe(
      'IMPORT_ENCRYPTED_EXPORT:{}',
    );
    for (const text of ['null', '[]', '{"items":{}}', '{"folders":[]}', '"x"'])
      expect(
        codeOf(() => credentialsFromBitwardenJson(text)),
        text,
      ).toBe('IMPORT_WRONG_KIND:{"reason":"not-bitwarden-json"}');
    expect(credentialsFromBitwardenJson('{"encrypted":false,"items":[]}')).toEqual([]);
    // No folders at all (an export of items only) reads the same.
    expect(credentialsFromBitwardenJson('{"items":[{"type":1,"name":"n","folderId":"f"}]}')[0]?.group).toBe(
      '',
    );
  });

  it('reads logins with their folder, first URI, custom phone and e-mail, and our register record', () => {
    const file = {
      folders: [{ id: 'f1', name: '淘宝店' }, { id: 'f2', name: 7 }, null],
      items: [
        {
          type: 1,
          name: '美妆旗舰店',
          notes: '备注',
          folderId: 'f1',
          login: {
            username: 'mz',
            password: ' Pw 1 ',
            uris: [{ uri: 'https://myseller.taobao.com' }, { uri: 'https://other.example' }],
          },
          fields: [
            { name: '绑定手机', value: '13800138000' },
            { name: 'Phone 2', value: '13900139000' },
            { name: 'E-mail', value: 'a@b.cn' },
            { name: 'email', value: 'second@b.cn' },
            { name: SW_DATA_FIELD, value: '{"v":1}' },
            null,
          ],
        },
        { type: 2, name: 'a note of someone else' },
        { type: 2, name: 'another', fields: [null, { name: 'PIN', value: '1' }] },
        { type: 2, name: '员工', fields: [null, { name: SW_DATA_FIELD, value: '{"kind":"person"}' }] },
        { type: 3, name: 'a card' },
        // Only logins and secure notes are read, whatever fields another kind carries.
        { type: 4, name: 'an identity', fields: [{ name: SW_DATA_FIELD, value: '{"v":1}' }] },
        null,
        { type: 1, name: 5, folderId: 'f2', login: { username: 7, password: null, uris: 'x' }, fields: 'x' },
        { type: 1, folderId: 'missing' },
      ],
    };
    const read = credentialsFromBitwardenJson(JSON.stringify(file));
    expect(read).toEqual([
      {
        at: 1,
        title: '美妆旗舰店',
        url: 'https://myseller.taobao.com',
        userName: 'mz',
        password: ' Pw 1 ',
        notes: '备注',
        group: '淘宝店',
        phone: '13800138000',
        email: 'a@b.cn',
        data: '{"v":1}',
      },
      {
        at: 4,
        title: '员工',
        url: '',
        userName: '',
        password: '',
        notes: '',
        group: '',
        phone: '',
        email: '',
        data: '{"kind":"person"}',
      },
      {
        at: 8,
        title: '',
        url: '',
        userName: '',
        password: '',
        notes: '',
        group: '',
        phone: '',
        email: '',
        data: '',
      },
      {
        at: 9,
        title: '',
        url: '',
        userName: '',
        password: '',
        notes: '',
        group: '',
        phone: '',
        email: '',
        data: '',
      },
    ]);
  });
});

describe('the register record in our own exports', () => {
  const shop = {
    v: 1,
    kind: 'shop',
    platformShopId: '123',
    entityType: 'enterprise',
    depositAmount: 4000,
    notes: '',
    crossBorder: false,
    archived: true,
    createdAt: '2026-12-01T08:00:00.000Z',
  };
  const sub = {
    v: 1,
    kind: 'sub',
    status: 'disabled',
    template: '售前',
    permissions: ['item.view'],
    nativeRole: null,
    staff: '王小二',
    createdAt: '2026-12-01T08:00:00Z',
  };
  const person = {
    v: 1,
    kind: 'person',
    name: '王小二',
    position: '客服',
    status: 'left',
    notes: '',
    idLast4: '123X',
    createdAt: '2026-12-01T08:00:00.5Z',
  };
  const template = {
    v: 1,
    kind: 'template',
    platform: 'jd',
    name: '售后',
    permissions: [],
    nativeRole: null,
    createdAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-02T08:00:00.000Z',
  };

  it('reads each kind exactly as written', () => {
    const others = [
      { ...shop, entityType: 'individual' },
      { ...sub, status: 'active', nativeRole: 'kefu' },
      { ...person, status: 'active', idLast4: null },
      { ...template, nativeRole: 'admin', permissions: ['order.export'] },
    ];
    for (const r of [shop, sub, person, template, ...others])
      expect(parseSwData(JSON.stringify(r))).toEqual(r);
  });

  it('a record longer than 20,000 characters is not read, however well formed', () => {
    // A sub-account record of exactly n characters, made long by permission names (each at most 80).
    const sized = (n: number) => {
      const perms: string[] = [];
      const text = () => JSON.stringify({ ...sub, permissions: perms });
      while (text().length < n) perms.push('p'.repeat(Math.max(0, Math.min(79, n - text().length - 3))));
      // An element adds at least 3 characters: an overshoot of 1 or 2 is taken off the first name.
      while (text().length > n) perms[0] = perms[0]!.slice(1);
      return text();
    };
    expect(sized(20_000)).toHaveLength(20_000);
    expect(parseSwData(sized(20_000))).not.toBeNull();
    expect(parseSwData(sized(20_001))).toBeNull();
  });

  it('refuses a record with any part out of shape, too long, or not JSON', () => {
    const bad: unknown[] = [
      { ...shop, v: 2 },
      { ...shop, extra: 1 },
      { ...shop, createdAt: '2026-12-01' },
      { ...shop, createdAt: 'x2026-12-01T08:00:00.000Z' },
      { ...shop, createdAt: '2026-12-01T08:00:00.000Zx' },
      { ...shop, createdAt: '2026-12-01T08:00:00.1234Z' },
      { ...shop, depositAmount: -1 },
      { ...shop, depositAmount: 2e9 },
      { ...shop, platformShopId: 'x'.repeat(65) },
      { ...sub, status: 'gone' },
      { ...sub, permissions: Array(301).fill('p') },
      { ...sub, template: 'x'.repeat(41) },
      { ...person, name: '  ' },
      { ...person, idLast4: '12345' },
      { ...person, idLast4: 'A123' },
      { ...person, idLast4: '1234x5' },
      { ...template, platform: 'ebay' },
      { ...template, name: '' },
      { ...template, name: '   ' },
      { ...sub, nativeRole: 'x'.repeat(33) },
      { ...template, nativeRole: 'x'.repeat(33) },
      { ...template, permissions: ['x'.repeat(81)] },
    ];
    for (const r of bad) expect(parseSwData(JSON.stringify(r)), JSON.stringify(r)).toBeNull();
    expect(parseSwData('')).toBeNull();
    expect(parseSwData('{not json')).toBeNull();
    expect(parseSwData(JSON.stringify({ ...shop, notes: 'x'.repeat(19_000) }))).toBeNull();
    expect(parseSwData(JSON.stringify({ ...shop, notes: 'x'.repeat(1990) }))).not.toBeNull();
    expect(parseSwData(JSON.stringify({ ...person, idLast4: '123x' }))).not.toBeNull();
  });

  it('keeps only the permissions the platform has, each once', () => {
    expect(knownPermissions('jd', ['order.export', 'made.up', 'order.export'])).toEqual(['order.export']);
    expect(knownPermissions('taobao', [])).toEqual([]);
  });
});

describe('password CSVs', () => {
  const read = (table: string[][]) => {
    const f = credentialFormat(table);
    return f ? { source: f.source, rows: credentialsFromCsv(table, f) } : null;
  };
  const blank = { notes: '', group: '', phone: '', email: '', data: '', title: '', url: '' };

  it('tells each tool by its header row, case and spaces aside; anything else is a seller’s sheet', () => {
    const heads: Array<[string[], string | null]> = [
      [
        [
          'folder',
          'favorite',
          'type',
          'name',
          'notes',
          'fields',
          'reprompt',
          'login_uri',
          'login_username',
          'login_password',
          'login_totp',
        ],
        'bitwarden-csv',
      ],
      [
        [' Title ', 'Url', 'Username', 'Password', 'OTPAuth', 'Favorite', 'Archived', 'Tags', 'Notes'],
        '1password-csv',
      ],
      [['name', 'url', 'username', 'password', 'note'], 'chrome-csv'],
      [['url', 'username', 'password', 'httpRealm', 'formActionOrigin', 'guid'], 'firefox-csv'],
      [['Group', 'Title', 'Username', 'Password', 'URL', 'Notes', 'TOTP'], 'keepassxc-csv'],
      [['name', 'url', 'username'], null],
      [['店铺', '主账号', '密码'], null],
      [[], null],
    ];
    for (const [h, source] of heads) expect(credentialFormat([h])?.source ?? null, h.join(',')).toBe(source);
    expect(credentialFormat([])).toBeNull();
  });

  it('reads headers written with spaces and capitals, and a note column; Notes before NotesPlain', () => {
    expect(
      read([
        [' Name ', ' URL', 'Username ', 'Password', 'Note'],
        ['c', 'https://c', 'u', 'p', '备注'],
      ])?.rows,
    ).toEqual([
      { ...blank, at: 1, title: 'c', url: 'https://c', userName: 'u', password: 'p', notes: '备注' },
    ]);
    expect(
      read([
        ['Title', 'Username', 'Password', 'NotesPlain', 'Notes'],
        ['t', 'u', 'p', 'plain', 'rich'],
      ])?.rows[0]?.notes,
    ).toBe('rich');
  });

  it('reads each tool’s columns, passwords exactly as written', () => {
    expect(
      read([
        ['folder', 'name', 'notes', 'fields', 'login_uri', 'login_username', 'login_password'],
        [
          '淘宝',
          '美妆',
          'n',
          '绑定手机: 13800138000\r\nphone: 1\nE-mail:a@b.cn\nemail: second\nno colon',
          'https://x',
          'mz',
          ' p 1 ',
        ],
      ]),
    ).toEqual({
      source: 'bitwarden-csv',
      rows: [
        {
          ...blank,
          at: 1,
          title: '美妆',
          url: 'https://x',
          userName: 'mz',
          password: ' p 1 ',
          notes: 'n',
          group: '淘宝',
          phone: '13800138000',
          email: 'a@b.cn',
        },
      ],
    });
    expect(
      read([
        ['Group', 'Title', 'Username', 'Password', 'URL', 'Notes'],
        ['Passwords/淘宝/旗舰', 't', 'u', 'p', 'https://k', 'nn'],
        ['Passwords', 't2', 'u2', 'p2', '', ''],
      ]),
    ).toEqual({
      source: 'keepassxc-csv',
      rows: [
        {
          ...blank,
          at: 1,
          title: 't',
          url: 'https://k',
          userName: 'u',
          password: 'p',
          notes: 'nn',
          group: '淘宝/旗舰',
        },
        { ...blank, at: 2, title: 't2', userName: 'u2', password: 'p2' },
      ],
    });
    expect(
      read([
        ['Title', 'Website', 'Username', 'Password', 'NotesPlain'],
        ['t', 'https://w', 'u', 'p', 'np'],
      ])?.rows,
    ).toEqual([{ ...blank, at: 1, title: 't', url: 'https://w', userName: 'u', password: 'p', notes: 'np' }]);
    expect(
      read([
        ['Title', 'Urls', 'Username', 'Password', 'Notes'],
        ['t', 'https://u', 'u', 'p', 'n'],
      ])?.rows[0]?.url,
    ).toBe('https://u');
    expect(
      read([
        ['url', 'username', 'password', 'formActionOrigin'],
        ['https://f', 'u', 'p', ''],
      ])?.rows,
    ).toEqual([{ ...blank, at: 1, url: 'https://f', userName: 'u', password: 'p' }]);
    // A short row reads as empty where it has no cell.
    expect(
      read([
        ['name', 'url', 'username', 'password', 'note'],
        ['c', 'https://c'],
      ])?.rows,
    ).toEqual([{ ...blank, at: 1, title: 'c', url: 'https://c', userName: '', password: '' }]);
  });
});
