// A seller's own sheet of shops and sub-accounts: which column holds what, recognised from the usual
// Chinese and English headers, and each row read as a shop (main account) or one of its sub-accounts.
import { PLATFORMS } from '../platforms/catalog.ts';
import type { PlatformId } from '../platforms/ids.ts';
import type { ImportCandidate } from './classify.ts';

export const TABLE_FIELDS = [
  'shopName',
  'platform',
  'mainLogin',
  'subAccount',
  'password',
  'phone',
  'email',
  'template',
  'staff',
  'notes',
] as const;
export type TableField = (typeof TABLE_FIELDS)[number];
/** Column index per field; a field with no column is absent. */
export type ColumnMapping = Partial<Record<TableField, number>>;

const HEADERS: Record<TableField, string[]> = {
  shopName: [
    '店铺',
    '店铺名称',
    '店铺名',
    '店名',
    '店铺名字',
    '商家名称',
    'shop',
    'shopname',
    'store',
    'storename',
  ],
  platform: ['平台', '平台名称', '平台名', '所属平台', '电商平台', 'platform', 'platformname'],
  mainLogin: [
    '主账号',
    '主账号登录名',
    '主账号名',
    '主账号名称',
    '登录名',
    '登录账号',
    '主账户',
    '店铺账号',
    'mainaccount',
    'mainlogin',
    'login',
  ],
  subAccount: [
    '子账号',
    '子账号名',
    '子账号名称',
    '子账号昵称',
    '客服账号',
    '子账户',
    '账号',
    '昵称',
    'subaccount',
    'account',
    'nickname',
    'username',
  ],
  password: ['密码', '登录密码', '主账号密码', '子账号密码', 'password', 'pwd', 'passwd'],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '绑定手机',
    '绑定手机号',
    '绑定手机号码',
    '联系电话',
    '联系手机',
    '电话',
    'phone',
    'mobile',
    'phonenumber',
    'mobilephone',
    'cellphone',
    'tel',
  ],
  email: ['邮箱', '电子邮箱', '邮箱地址', '绑定邮箱', '邮件', 'email', 'mail', 'emailaddress'],
  template: ['岗位', '角色', '权限模板', '权限角色', '模板', '权限', 'role', 'template', 'position'],
  staff: ['员工', '使用人', '使用员工', '姓名', '员工姓名', '负责人', 'staff', 'person', 'name', 'employee'],
  notes: ['备注', '备注信息', '说明', 'notes', 'note', 'remark', 'remarks', 'memo', 'comment'],
};

const norm = (s: string) => s.replace(/[\s_\-()（）/:：]/g, '').toLowerCase();

/** Columns that no field reads: shown as not imported in the mapping step, never dropped without a word. */
export function ignoredColumns(header: readonly string[], mapping: ColumnMapping): number[] {
  const used = new Set(Object.values(mapping));
  return header.flatMap((h, i) => (h.trim() && !used.has(i) ? [i] : []));
}

/** The columns recognised from a header row; the user can change any of them before the preview. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const out: ColumnMapping = {};
  const used = new Set<number>();
  // Exact names first, so 子账号 is never taken for 账号 and 主账号 never for 账号.
  for (const field of TABLE_FIELDS) {
    const i = header.findIndex((h, k) => !used.has(k) && HEADERS[field].includes(norm(h)));
    if (i >= 0) {
      out[field] = i;
      used.add(i);
    }
  }
  return out;
}

// Names sellers write that are not the catalog's own (its id and names in both languages are always read).
const EXTRA_ALIASES: Partial<Record<PlatformId, string[]>> = {
  taobao: ['淘宝网', '淘宝店', 'c店'],
  tmall: ['天猫商城', '天猫店', '天猫国际', 'tmallglobal'],
  jd: ['京东商城', 'jingdong', '京东pop'],
  pinduoduo: ['pdd', '拼多多商家'],
  douyin: ['抖音', '抖音小店', '抖音电商'],
  amazon: ['亚马逊卖家', 'amazonseller'],
};

const PLATFORM_ALIASES: Array<[PlatformId, string[]]> = Object.values(PLATFORMS).map((p) => [
  p.id,
  [p.id, p.name.zh, p.name.en, ...(EXTRA_ALIASES[p.id] ?? [])].map(norm),
]);

/** A platform written in either language (淘宝 / Taobao / taobao, 抖音小店, PDD...). */
export function platformOfName(name: string): PlatformId | null {
  const n = norm(name);
  if (!n) return null;
  return PLATFORM_ALIASES.find(([, names]) => names.includes(n))?.[0] ?? null;
}

export type RowProblem = 'no_platform' | 'no_shop' | 'no_login';

/** One row of the sheet as a candidate, with what keeps it from being one. */
export interface TableCandidate extends ImportCandidate {
  template: string;
  staff: string;
  problem: RowProblem | null;
}

/**
 * Rows with a sub-account name are sub-accounts of the shop named on the row (by shop name or main login);
 * rows without one are shops. The data rows start at the table's second row (`at` counts from 1 there).
 */
export function candidatesFromTable(
  table: readonly (readonly string[])[],
  mapping: ColumnMapping,
): TableCandidate[] {
  return table.slice(1).map((row, i): TableCandidate => {
    const cell = (f: TableField) => {
      const c = mapping[f];
      return c === undefined ? '' : (row[c] ?? '');
    };
    const platformName = cell('platform');
    const platform = platformOfName(platformName);
    const sub = cell('subAccount').trim();
    let mainLogin = cell('mainLogin').trim();
    let nickname = sub;
    // A Taobao/Tmall sub-account written in full (主账号:昵称) names its main login itself.
    const composed = /^([^:：]+)[:：](.+)$/.exec(sub);
    if (composed && platform && PLATFORMS[platform].name_rule.composedWithMain) {
      mainLogin ||= composed[1]!.trim();
      nickname = composed[2]!.trim();
    }
    const shopName = cell('shopName').trim() || mainLogin;
    const kind = sub ? 'sub' : 'main';
    const problem: RowProblem | null = !platform
      ? 'no_platform'
      : !shopName
        ? 'no_shop'
        : kind === 'main' && !mainLogin
          ? 'no_login'
          : null;
    return {
      at: i + 1,
      kind,
      skip: null,
      platform,
      mainLogin,
      shopName,
      nickname,
      password: cell('password'),
      phone: cell('phone').trim(),
      email: cell('email').trim(),
      notes: cell('notes'),
      title: sub || shopName,
      url: '',
      template: cell('template').trim(),
      staff: cell('staff').trim(),
      problem,
    };
  });
}
