// What to do in a platform's back end to retire temporary agents. Platforms never expire a sub-account's
// permissions on their own, so the app walks the lead through it until each agent is confirmed gone.
import type { ChecklistStep } from './permissions.ts';
import { platform } from './platforms/catalog.ts';
import type { PlatformId, Text } from './platforms/types.ts';

export type RetireMode = 'disable' | 'delete';

/** What each choice keeps, as the platforms' help pages describe it; confirm in the live back end. */
const KEEPS: Record<RetireMode, Text> = {
  disable: {
    zh: '停用：账号、权限设置和聊天/操作记录都保留，不能再登录；下次大促可重新启用，但仍占用子账号名额。',
    en: 'Disable: the account, its permissions and its chat/operation history stay; nobody can sign in; it can be re-enabled for the next sale but still uses a sub-account slot.',
  },
  delete: {
    zh: '删除：释放子账号名额，账号和权限不可恢复；已产生的订单、聊天记录留在主账号下（以平台为准）。',
    en: 'Delete: frees the sub-account slot; the account and its permissions cannot be restored; orders and chats already handled stay under the main account (check the platform).',
  },
};

/** 淘宝 and 天猫 share one back end (千牛). */
const TAOBAO_FAMILY: Record<RetireMode, Text> = {
  disable: {
    zh: '在员工列表中勾选这些子账号，点「停用」',
    en: 'Tick these sub-accounts in the staff list and click 停用 (disable)',
  },
  delete: {
    zh: '在员工列表中勾选这些子账号，点「删除」',
    en: 'Tick these sub-accounts in the staff list and click 删除 (delete)',
  },
};

const ACTION: Record<PlatformId, Record<RetireMode, Text>> = {
  taobao: TAOBAO_FAMILY,
  tmall: TAOBAO_FAMILY,
  jd: {
    disable: {
      zh: '逐个打开子账号，将状态改为「停用」',
      en: 'Open each sub-account and set its status to 停用 (disabled)',
    },
    delete: { zh: '逐个打开子账号，点「删除」', en: 'Open each sub-account and click 删除 (delete)' },
  },
  pinduoduo: {
    disable: { zh: '逐个点「冻结/停用」', en: 'Click 停用 (disable) on each row' },
    delete: { zh: '逐个点「删除」', en: 'Click 删除 (delete) on each row' },
  },
  douyin: {
    disable: {
      zh: '在员工管理中将这些员工设为「停用」',
      en: 'Set these staff to 停用 (disabled) in staff management',
    },
    delete: { zh: '在员工管理中删除这些员工', en: 'Delete these staff in staff management' },
  },
  amazon: {
    disable: { zh: '将这些用户的所有权限改为「无」', en: 'Set every permission of these users to None' },
    delete: { zh: '在用户权限中删除这些用户', en: 'Remove these users under User Permissions' },
  },
};

export function retireChecklist(platformId: PlatformId, mode: RetireMode, names: string[]): ChecklistStep[] {
  const spec = platform(platformId);
  const list = names.join('、');
  return [
    { text: { zh: `打开 ${spec.subAccountPath.zh}`, en: `Open ${spec.subAccountPath.en}` } },
    { text: { zh: `找到这些子账号：${list}`, en: `Find these sub-accounts: ${list}` } },
    { text: ACTION[platformId][mode] },
    { text: KEEPS[mode] },
    {
      text: {
        zh: '回到本软件，逐个确认「已在平台处理」',
        en: 'Come back here and confirm each one as done on the platform',
      },
    },
  ];
}
