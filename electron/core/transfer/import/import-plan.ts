// The import decided row by row against the vault as it is now, under every rule the app already enforces:
// platform name rules, duplicates within the file and against existing data, one person one account per
// shop, and password rules as advice. The same plan drives the preview and, made again at confirm, the write.

import type { TemplateView } from '../../../../shared/contract/inventory-types.ts';
import type { ImportPreviewRow, ImportProblemCode } from '../../../../shared/contract/transfer-types.ts';
import { PLATFORMS } from '../../../../shared/domain/platforms/catalog.ts';
import type { PlatformId } from '../../../../shared/domain/platforms/ids.ts';
import {
  advisedPolicy,
  checkPassword,
  checkSubAccountName,
  checkSubAccountPhone,
  fullSubAccountName,
} from '../../../../shared/domain/subaccount-rules.ts';
import type { ImportCandidate } from '../../../../shared/domain/transfer/classify.ts';
import {
  knownPermissions,
  parseSwData,
  type ShopData,
  type SubData,
} from '../../../../shared/domain/transfer/shopwarden-data.ts';
import type { RowProblem } from '../../../../shared/domain/transfer/table-mapping.ts';
import { normalizeEmail, normalizeMobile } from '../../../../shared/domain/validators.ts';
import type { ShopDoc, StaffDoc } from '../../inventory/schemas.ts';

export type PlanCandidate = ImportCandidate & {
  template?: string;
  staff?: string;
  problem?: RowProblem | null;
};

/** A shop the import creates, keyed by platform and main login. */
export interface NewShop {
  key: string;
  platform: PlatformId;
  name: string;
  mainLogin: string;
  /** From the file's main-account row, or null when the shop is known only through its sub-accounts. */
  mainPassword: string | null;
  phone: string;
  email: string;
  notes: string;
  /** From our own export: the shop's other facts, as they were. */
  data?: ShopData;
}

export interface NewSub {
  at: number;
  /** An existing shop's id, or a NewShop's key. */
  shop: { existing: string } | { created: string };
  nickname: string;
  password: string | null;
  templateId: string | null;
  staffId: string | null;
  phone: string | null;
  /** From our own export: state, permissions (the platform's only) and dates, as they were. */
  data?: SubData;
}

export interface ImportPlan {
  rows: ImportPreviewRow[];
  shops: NewShop[];
  subs: NewSub[];
}

const key = (p: PlatformId, s: string) => `${p}\u0000${s.trim().toLowerCase()}`;
const formulaLike = (s: string) => /^[=+\-@]/.test(s);

const NAME_PROBLEM: Record<string, ImportProblemCode> = {
  empty: 'name_empty',
  too_long: 'name_too_long',
  bad_chars: 'name_bad_chars',
  all_digits: 'name_all_digits',
};

export function planImport(
  candidates: readonly PlanCandidate[],
  vault: {
    shops: readonly ShopDoc[];
    templates: readonly TemplateView[];
    staff: StaffDoc;
    /** A sub-account of that existing shop is bound to this (normalised) phone. */
    phoneTaken(shopId: string, phone: string): boolean;
  },
): ImportPlan {
  const byLogin = new Map<string, ShopDoc>();
  const byName = new Map<string, ShopDoc[]>();
  for (const doc of vault.shops) {
    byLogin.set(key(doc.shop.platform, doc.shop.mainLogin), doc);
    const k = key(doc.shop.platform, doc.shop.name);
    byName.set(k, [...(byName.get(k) ?? []), doc]);
  }
  const people = Object.values(vault.staff.people).filter((p) => p.status === 'active');
  const shops = new Map<string, NewShop & { at: number }>();
  const shopsByName = new Map<string, string>();
  const subs: NewSub[] = [];
  const rows: ImportPreviewRow[] = [];
  /** Per shop (id or new key): full names taken in the vault, and by rows of this file. */
  const namesInVault = new Map<string, Set<string>>();
  const namesInFile = new Map<string, Map<string, number>>();
  /** Per shop: people bound in the vault, and by rows of this file (person id -> row). */
  const boundInVault = new Map<string, Set<string>>();
  const boundInFile = new Map<string, Map<string, number>>();
  /** Per shop: phones bound by rows of this file (phone -> row). */
  const phonesInFile = new Map<string, Map<string, number>>();
  for (const doc of vault.shops) {
    namesInVault.set(
      doc.shop.id,
      new Set(Object.values(doc.subAccounts).map((s) => s.fullName.toLowerCase())),
    );
    boundInVault.set(
      doc.shop.id,
      new Set(Object.values(doc.subAccounts).flatMap((s) => (s.staffId ? [s.staffId] : []))),
    );
  }

  // Main accounts first, so a sub-account row above its shop's row still finds the shop.
  const mains = new Map<number, ImportPreviewRow>();
  for (const c of candidates) {
    if (c.kind !== 'main' || c.problem || !c.platform) continue;
    const row = baseRow(c, c.mainLogin);
    const k = key(c.platform, c.mainLogin);
    if (byLogin.has(k)) row.status = 'exists';
    else if (shops.has(k)) {
      row.status = 'error';
      row.problems.push({ code: 'duplicate_in_file', row: shops.get(k)!.at });
    } else if (
      (c.phone.trim() && !normalizeMobile(c.phone)) ||
      (c.email.trim() && !normalizeEmail(c.email))
    ) {
      // As the shop form: a phone or e-mail given must be valid (the row is refused, not stored without it).
      row.status = 'error';
      if (c.phone.trim() && !normalizeMobile(c.phone)) row.problems.push({ code: 'phone_invalid' });
      if (c.email.trim() && !normalizeEmail(c.email)) row.problems.push({ code: 'email_invalid' });
    } else {
      row.createsShop = true;
      const phone = c.phone ? normalizeMobile(c.phone) : null;
      const email = c.email ? normalizeEmail(c.email) : null;
      const data = parseSwData(c.data ?? '');
      shops.set(k, {
        key: k,
        at: c.at,
        platform: c.platform,
        name: c.shopName,
        mainLogin: c.mainLogin,
        mainPassword: c.password === '' ? null : c.password,
        phone: phone ?? '',
        email: email ?? '',
        notes: data?.kind === 'shop' ? data.notes : c.notes,
        ...(data?.kind === 'shop' ? { data } : {}),
      });
      shopsByName.set(key(c.platform, c.shopName), k);
    }
    if (formulaLike(c.shopName) || formulaLike(c.mainLogin)) row.advice.push('formula_like');
    mains.set(c.at, row);
  }

  for (const c of candidates) {
    if (c.kind === 'skip') {
      rows.push({
        ...baseRow(c, c.mainLogin),
        status: 'skipped',
        problems: c.skip ? [{ code: c.skip }] : [],
      });
      continue;
    }
    if (c.problem || !c.platform) {
      rows.push({
        ...baseRow(c, c.mainLogin || c.nickname),
        status: 'error',
        problems: [{ code: c.problem ?? 'no_platform' }],
      });
      continue;
    }
    if (c.kind === 'main') {
      rows.push(mains.get(c.at)!);
      continue;
    }
    const platform = c.platform;
    const spec = PLATFORMS[platform];
    // The shop: by main login (in the vault, then in the file, else created), or by name when no login is given.
    let shop: NewSub['shop'] | null = null;
    let mainLogin = c.mainLogin;
    let shopName = c.shopName;
    let createsShop = false;
    if (mainLogin) {
      const k = key(platform, mainLogin);
      const doc = byLogin.get(k);
      if (doc) {
        shop = { existing: doc.shop.id };
        shopName = doc.shop.name;
      } else {
        if (!shops.has(k)) {
          createsShop = true;
          shops.set(k, {
            key: k,
            at: c.at,
            platform,
            name: c.shopName || mainLogin,
            mainLogin,
            mainPassword: null,
            phone: '',
            email: '',
            notes: '',
          });
        }
        shop = { created: k };
        shopName = shops.get(k)!.name;
      }
    } else {
      const found = byName.get(key(platform, c.shopName)) ?? [];
      const inFile = shopsByName.get(key(platform, c.shopName));
      if (found.length === 1) {
        shop = { existing: found[0]!.shop.id };
        mainLogin = found[0]!.shop.mainLogin;
      } else if (inFile) {
        shop = { created: inFile };
        mainLogin = shops.get(inFile)!.mainLogin;
      }
    }
    const login = fullSubAccountName(platform, mainLogin, c.nickname.trim());
    const row: ImportPreviewRow = { ...baseRow(c, login), shopName, createsShop };
    if (!shop) {
      rows.push({ ...row, status: 'error', problems: [{ code: 'shop_unknown' }] });
      continue;
    }
    const shopRef = 'existing' in shop ? shop.existing : shop.created;
    const problem = checkSubAccountName(
      platform,
      mainLogin,
      c.nickname,
      namesInVault.get(shopRef) ?? new Set(),
    );
    const fileNames = namesInFile.get(shopRef) ?? new Map<string, number>();
    namesInFile.set(shopRef, fileNames);
    if (problem === 'taken') {
      // Already in the vault: left alone, so nothing else about the row matters.
      rows.push({ ...row, status: 'exists' });
      continue;
    }
    if (problem) row.problems.push({ code: NAME_PROBLEM[problem]! });
    else if (fileNames.has(login.toLowerCase()))
      row.problems.push({ code: 'duplicate_in_file', row: fileNames.get(login.toLowerCase())! });
    const password = c.password === '' ? null : c.password;
    if (password === null && !spec.invitesByEmail) row.problems.push({ code: 'no_password' });
    if (password !== null) {
      if (checkPassword(spec.password, password)) row.advice.push('password_platform');
      else if (checkPassword(advisedPolicy(platform), password)) row.advice.push('password_advice');
    }
    // Our own export says which template and person by name, as a sheet's columns would.
    const swData = parseSwData(c.data ?? '');
    const data =
      swData?.kind === 'sub'
        ? { ...swData, permissions: knownPermissions(platform, swData.permissions) }
        : undefined;
    const templateName = c.template || data?.template || '';
    const staffName = c.staff || data?.staff || '';
    let templateId: string | null = null;
    if (templateName) {
      const t = vault.templates.find(
        (x) => x.platform === platform && x.name.trim().toLowerCase() === templateName.trim().toLowerCase(),
      );
      if (t) templateId = t.id;
      else row.advice.push('template_unknown');
    }
    let staffId: string | null = null;
    if (staffName) {
      const matches = people.filter((p) => p.name === staffName.trim());
      if (matches.length === 1) {
        staffId = matches[0]!.id;
        const earlier = boundInFile.get(shopRef)?.get(staffId);
        if (boundInVault.get(shopRef)?.has(staffId)) row.problems.push({ code: 'staff_two_accounts' });
        else if (earlier !== undefined) row.problems.push({ code: 'staff_two_accounts', row: earlier });
      } else row.advice.push('staff_unknown');
    }
    // The same phone rule as the form (subaccount-rules.ts): required where the platform binds one to
    // each sub-account, a mainland mobile, and not one another sub-account of the shop already has.
    const filePhones = phonesInFile.get(shopRef) ?? new Map<string, number>();
    const { phone, problem: phoneProblem } = checkSubAccountPhone(
      platform,
      c.phone ?? '',
      (p) => filePhones.has(p) || ('existing' in shop && vault.phoneTaken(shop.existing, p)),
    );
    if (phoneProblem === 'required') row.problems.push({ code: 'phone_required' });
    else if (phoneProblem === 'invalid_mobile') row.problems.push({ code: 'phone_invalid' });
    else if (phoneProblem === 'in_use')
      row.problems.push(
        filePhones.has(phone!)
          ? { code: 'phone_in_use', row: filePhones.get(phone!)! }
          : { code: 'phone_in_use' },
      );
    if (formulaLike(c.nickname)) row.advice.push('formula_like');
    row.status = row.problems.length > 0 ? 'error' : 'new';
    if (row.status === 'new') {
      fileNames.set(login.toLowerCase(), c.at);
      if (phone) {
        filePhones.set(phone, c.at);
        phonesInFile.set(shopRef, filePhones);
      }
      if (staffId) {
        const bound = boundInFile.get(shopRef) ?? new Map<string, number>();
        bound.set(staffId, c.at);
        boundInFile.set(shopRef, bound);
      }
      subs.push({
        at: c.at,
        shop,
        nickname: c.nickname.trim(),
        password,
        templateId,
        staffId,
        phone,
        ...(data ? { data } : {}),
      });
    }
    rows.push(row);
  }
  // A shop only sub-account rows named is created only if one of them is written.
  const used = new Set(subs.flatMap((s) => ('created' in s.shop ? [s.shop.created] : [])));
  const created = [...shops.values()].filter((s) => used.has(s.key) || mains.get(s.at)?.createsShop);
  for (const r of rows) if (r.createsShop && r.status !== 'new') r.createsShop = false;
  return { rows: rows.sort((a, b) => a.at - b.at), shops: created, subs };
}

function baseRow(c: PlanCandidate, login: string): ImportPreviewRow {
  return {
    at: c.at,
    kind: c.kind,
    platform: c.platform,
    shopName: c.shopName,
    login,
    status: 'new',
    problems: [],
    advice: [],
    createsShop: false,
    hasPassword: c.password !== '',
    title: c.title,
  };
}

export const countsOf = (plan: ImportPlan) => ({
  rows: plan.rows.length,
  newShops: plan.shops.length,
  newSubAccounts: plan.subs.length,
  exists: plan.rows.filter((r) => r.status === 'exists').length,
  errors: plan.rows.filter((r) => r.status === 'error').length,
  skipped: plan.rows.filter((r) => r.status === 'skipped').length,
});
