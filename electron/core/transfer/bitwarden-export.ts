// Bitwarden's unencrypted JSON export (the shape its "Export vault → .json" writes and its importer reads):
// folders for platform / shop, login items with the seller-center URI, phone and e-mail as hidden fields.
import { createHash } from 'node:crypto';
import { SW_DATA_FIELD } from '../../../shared/domain/transfer/shopwarden-data.ts';
import type { ExportRegister, ExportShop } from './credentials.ts';

/** Bitwarden's item and field type numbers (login item; text and hidden custom fields). */
const ITEM_LOGIN = 1;
const FIELD_TEXT = 0;
const FIELD_HIDDEN = 1;

/** A stable UUID-shaped id from our record id, so exporting twice gives the same ids. */
function uuidOf(kind: string, id: string): string {
  const h = createHash('sha256').update(`shopwarden/${kind}/${id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const ITEM_NOTE = 2;

/** Staff and custom templates as secure notes in one folder (a whole-vault export only). */
function registerItems(register: ExportRegister) {
  const folderId = uuidOf('folder', 'register');
  const note = (id: string, name: string, fields: Array<{ name: string; value: string; type: number }>) => ({
    id: uuidOf('item', id),
    organizationId: null,
    folderId,
    type: ITEM_NOTE,
    reprompt: 0,
    name,
    notes: null,
    favorite: false,
    fields: fields.map((f) => ({ ...f, linkedId: null })),
    secureNote: { type: 0 },
    collectionIds: null,
  });
  const items = [
    ...register.people.map((p, i) =>
      note(`person-${i}-${p.name}`, `员工：${p.name}`, [
        ...(p.phone ? [{ name: '手机 / Phone', value: p.phone, type: FIELD_HIDDEN }] : []),
        { name: SW_DATA_FIELD, value: p.data, type: FIELD_TEXT },
      ]),
    ),
    ...register.templates.map((t, i) =>
      note(`template-${i}-${t.name}`, `权限模板：${t.name}`, [
        { name: SW_DATA_FIELD, value: t.data, type: FIELD_TEXT },
      ]),
    ),
  ];
  return items.length ? { folder: { id: folderId, name: '店务管家/员工与权限模板' }, items } : null;
}

export function writeBitwardenJson(shops: ExportShop[], register?: ExportRegister): string {
  const extra = register ? registerItems(register) : null;
  const folders = shops.map((s) => ({ id: uuidOf('folder', s.id), name: `${s.platformName}/${s.name}` }));
  if (extra) folders.push(extra.folder);
  const items = shops.flatMap((s) =>
    s.accounts.map((a) => ({
      id: uuidOf('item', a.id),
      organizationId: null,
      folderId: uuidOf('folder', s.id),
      type: ITEM_LOGIN,
      reprompt: 0,
      name: a.title,
      notes: a.notes,
      favorite: false,
      fields: [
        { name: '店铺 / Shop', value: s.name, type: FIELD_TEXT, linkedId: null },
        ...(a.phone ? [{ name: '手机 / Phone', value: a.phone, type: FIELD_HIDDEN, linkedId: null }] : []),
        ...(a.email ? [{ name: '邮箱 / E-mail', value: a.email, type: FIELD_HIDDEN, linkedId: null }] : []),
        { name: SW_DATA_FIELD, value: a.data, type: FIELD_TEXT, linkedId: null },
      ],
      login: {
        uris: [{ match: null, uri: a.url }],
        username: a.userName,
        password: a.password,
        totp: null,
      },
      collectionIds: null,
    })),
  );
  return `${JSON.stringify({ encrypted: false, folders, items: [...items, ...(extra?.items ?? [])] }, null, 2)}\n`;
}
