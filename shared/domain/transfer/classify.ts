// What an imported login is to us: a shop's main account, a sub-account of a shop, or not a shop account at
// all. The URL's host decides the platform (the hosts live beside the platform catalog); a Taobao/Tmall
// login written `主账号:昵称` is that shop's sub-account. Pure, so the preview can show it before any write.
import { PLATFORMS } from '../platforms/catalog.ts';
import type { PlatformId } from '../platforms/ids.ts';
import type { ImportedCredential } from './credential.ts';

export type CandidateKind = 'main' | 'sub' | 'skip';
export type SkipReason = 'not_shop_account' | 'no_login';

export interface ImportCandidate {
  at: number;
  kind: CandidateKind;
  /** Why a 'skip' is skipped. */
  skip: SkipReason | null;
  platform: PlatformId | null;
  /** The shop it belongs to: its platform and main login (a shop is created when none matches). */
  mainLogin: string;
  shopName: string;
  /** For a sub-account: the name after `主账号:` (Taobao/Tmall) or the login itself. */
  nickname: string;
  password: string;
  phone: string;
  email: string;
  notes: string;
  /** What the source called it, to show beside our reading of it. */
  title: string;
  url: string;
  /** Our own export's record of the entry, raw ('' otherwise). */
  data?: string;
}

/** Shops already in the vault, by what identifies them on the platform. */
export interface KnownShop {
  platform: PlatformId;
  name: string;
  mainLogin: string;
}

function hostOf(url: string): string | null {
  const s = url.trim();
  if (!s) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The platform whose seller center or seller login is at this URL (a subdomain of a listed host counts). */
export function platformOfUrl(url: string): PlatformId | null {
  const host = hostOf(url);
  if (!host) return null;
  for (const spec of Object.values(PLATFORMS))
    if (spec.loginHosts.some((h) => host === h || host.endsWith(`.${h}`))) return spec.id;
  return null;
}

/** `主账号:昵称` (ASCII or full-width colon), as Taobao and Tmall name sub-accounts. */
function splitComposed(login: string): { main: string; nick: string } | null {
  const m = /^([^:：]+)[:：](.+)$/.exec(login.trim());
  return m ? { main: m[1]!.trim(), nick: m[2]!.trim() } : null;
}

const MAIN_TITLE = /\s*(主账号|main account)\s*$/i;
const isMarkedMain = (c: ImportedCredential) => MAIN_TITLE.test(c.title) || /^\s*主账号/.test(c.notes);

const shopKey = (p: PlatformId, mainLogin: string) => `${p}\u0000${mainLogin.toLowerCase()}`;

export function classify(
  creds: readonly ImportedCredential[],
  known: readonly KnownShop[],
): ImportCandidate[] {
  const names = new Map<string, string>();
  for (const s of known) names.set(shopKey(s.platform, s.mainLogin), s.name);
  const first = creds.map((c): ImportCandidate => {
    const base = {
      at: c.at,
      password: c.password,
      phone: c.phone,
      email: c.email,
      notes: c.notes,
      title: c.title,
      url: c.url,
      data: c.data,
    };
    const platform = platformOfUrl(c.url);
    if (!platform)
      return {
        ...base,
        kind: 'skip',
        skip: 'not_shop_account',
        platform: null,
        mainLogin: '',
        shopName: '',
        nickname: '',
      };
    const login = c.userName.trim();
    if (!login)
      return { ...base, kind: 'skip', skip: 'no_login', platform, mainLogin: '', shopName: '', nickname: '' };
    const composed = PLATFORMS[platform].name_rule.composedWithMain ? splitComposed(login) : null;
    if (composed)
      return {
        ...base,
        kind: 'sub',
        skip: null,
        platform,
        mainLogin: composed.main,
        shopName: '',
        nickname: composed.nick,
      };
    // A main account names its shop: the entry's title (without a trailing "主账号"), unless it is only the
    // site's name or address; then its folder; then the login.
    const title = c.title.replace(MAIN_TITLE, '').trim();
    const folder = c.group.split('/').filter(Boolean).at(-1) ?? '';
    const shopName = title && !/^https?:\/\//i.test(title) && !platformOfUrl(title) ? title : folder || login;
    names.set(shopKey(platform, login), names.get(shopKey(platform, login)) ?? shopName);
    return { ...base, kind: 'main', skip: null, platform, mainLogin: login, shopName, nickname: '' };
  });
  // On platforms whose sub-account names do not carry the main login, a folder holding exactly one entry
  // marked as the main account (title or notes say 主账号, as our own export writes) is that shop: the
  // folder's other logins of the platform are its sub-accounts.
  const marked = new Map<string, ImportCandidate[]>();
  first.forEach((c, i) => {
    if (c.kind !== 'main' || !c.platform || !isMarkedMain(creds[i]!)) return;
    const k = `${c.platform}\u0000${creds[i]!.group}`;
    marked.set(k, [...(marked.get(k) ?? []), c]);
  });
  const grouped = first.map((c, i): ImportCandidate => {
    if (c.kind !== 'main' || !c.platform || isMarkedMain(creds[i]!)) return c;
    const mains = marked.get(`${c.platform}\u0000${creds[i]!.group}`) ?? [];
    if (mains.length !== 1) return c;
    const main = mains[0]!;
    return { ...c, kind: 'sub', nickname: c.mainLogin, mainLogin: main.mainLogin, shopName: main.shopName };
  });
  // A sub-account's shop is the one with its main login: in the vault, in this file, or a new one named by it.
  return grouped.map((c) =>
    c.kind === 'sub' && c.platform
      ? { ...c, shopName: names.get(shopKey(c.platform, c.mainLogin)) ?? c.mainLogin }
      : c,
  );
}
