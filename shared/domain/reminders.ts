// What is due, derived from the verification and sale-window rules at one instant. A reminder's key
// includes the deadline it is about, so a new deadline (after an unfreeze or an unbind) is a new
// reminder, while the same deadline is never announced twice.
import type { Text } from './platforms/types.ts';
import { type SaleWindow, windowEndsAt, windowPhase } from './sale-window.ts';
import { reviewOverdue, type Verification, type VerificationRules } from './verification.ts';

export type ReminderKind =
  | 'frozen'
  | 'verify-soon'
  | 'grace-ending'
  | 'review-overdue'
  | 'temp-ended'
  | 'temp-ending'
  | 'deposit-overdue'
  | 'recovery-reply-overdue'
  | 'backup-failed'
  | 'backup-overdue'
  | 'leaver-account';
export type Severity = 'critical' | 'warning';

export interface ReminderSubject {
  subAccountId: string;
  shopName: string;
  fullName: string;
  /** Already advanced to `now`. */
  verification: Verification;
  rules: VerificationRules;
  temp: { window: SaleWindow; retired: boolean } | null;
}

export interface Reminder {
  key: string;
  kind: ReminderKind;
  severity: Severity;
  /** What the reminder is about: a sub-account, a deposit case or a recovery draft (see `kind`). */
  subjectId: string;
  shopName: string;
  fullName: string;
  /** The instant the reminder is about (a deadline, a window's end, when review was due). */
  dueAt: number;
}

const DAY = 24 * 3600_000;
export const SOON_MS = DAY;
export const TEMP_ENDING_MS = 3 * DAY;

const SEVERITY: Record<ReminderKind, Severity> = {
  frozen: 'critical',
  'temp-ended': 'critical',
  'grace-ending': 'critical',
  'verify-soon': 'warning',
  'review-overdue': 'warning',
  'temp-ending': 'warning',
  'deposit-overdue': 'critical',
  'recovery-reply-overdue': 'warning',
  'backup-failed': 'critical',
  'backup-overdue': 'warning',
  'leaver-account': 'warning',
};

/** An automatic backup that failed, or none for too long: the data is on one machine only. */
export function backupReminder(b: {
  kind: 'backup-failed' | 'backup-overdue';
  dueAt: number;
  detail: string;
}): Reminder {
  return {
    key: `${b.kind}:backup:${b.dueAt}`,
    kind: b.kind,
    severity: SEVERITY[b.kind],
    subjectId: 'backup',
    shopName: '自动备份 / Backup',
    fullName: b.detail,
    dueAt: b.dueAt,
  };
}

/** A sent appeal with no reply in its window. */
export function replyReminder(d: { id: string; title: string; dueAt: number }): Reminder {
  return {
    key: `recovery-reply-overdue:${d.id}:${d.dueAt}`,
    kind: 'recovery-reply-overdue',
    severity: SEVERITY['recovery-reply-overdue'],
    subjectId: d.id,
    shopName: '找回申请',
    fullName: d.title,
    dueAt: d.dueAt,
  };
}

/** An account a leaver used, until its password changed or it was disabled. */
export function leaverReminder(s: {
  subAccountId: string;
  shopName: string;
  fullName: string;
  leaver: { name: string; at: string };
}): Reminder {
  const at = Date.parse(s.leaver.at);
  return {
    key: `leaver-account:${s.subAccountId}:${at}`,
    kind: 'leaver-account',
    severity: SEVERITY['leaver-account'],
    subjectId: s.subAccountId,
    shopName: s.shopName,
    fullName: `${s.fullName}（${s.leaver.name}）`,
    dueAt: at,
  };
}

/** A deposit-refund case past its review window. */
export function depositReminder(c: {
  id: string;
  shopName: string;
  amount: number;
  overdueAt: number;
}): Reminder {
  return {
    key: `deposit-overdue:${c.id}:${c.overdueAt}`,
    kind: 'deposit-overdue',
    severity: SEVERITY['deposit-overdue'],
    subjectId: c.id,
    shopName: c.shopName,
    fullName: `保证金 ¥${c.amount}`,
    dueAt: c.overdueAt,
  };
}

export function sortReminders(list: Reminder[]): Reminder[] {
  return list.sort((a, b) =>
    a.severity === b.severity ? a.dueAt - b.dueAt : a.severity === 'critical' ? -1 : 1,
  );
}

export function dueReminders(subjects: ReminderSubject[], now: number): Reminder[] {
  const out: Reminder[] = [];
  for (const s of subjects) {
    const push = (kind: ReminderKind, dueAt: number) =>
      out.push({
        key: `${kind}:${s.subAccountId}:${dueAt}`,
        kind,
        severity: SEVERITY[kind],
        subjectId: s.subAccountId,
        shopName: s.shopName,
        fullName: s.fullName,
        dueAt,
      });
    const v = s.verification;
    if (v.state === 'frozen' && v.deadline !== null) push('frozen', v.deadline);
    else if (v.deadline !== null && v.deadline - now <= SOON_MS && v.deadline > now) {
      if (v.state === 'temporarily-unfrozen') push('grace-ending', v.deadline);
      else if (v.state === 'pending' || v.state === 'qr-handed-out' || v.state === 'rejected')
        push('verify-soon', v.deadline);
    }
    if (reviewOverdue(v, now, s.rules) && v.submittedAt !== null)
      push('review-overdue', v.submittedAt + s.rules.reviewWithinMs);
    if (s.temp && !s.temp.retired) {
      const phase = windowPhase(s.temp.window, now, TEMP_ENDING_MS);
      if (phase === 'expired') push('temp-ended', windowEndsAt(s.temp.window));
      else if (phase === 'ending') push('temp-ending', windowEndsAt(s.temp.window));
    }
  }
  return sortReminders(out);
}

const TITLES: Record<ReminderKind, Text> = {
  frozen: { zh: '子账号已冻结（未完成实人认证）', en: 'Sub-account frozen (verification not done)' },
  'verify-soon': { zh: '实人认证即将到期', en: 'Verification deadline within a day' },
  'grace-ending': { zh: '临时解冻即将结束', en: 'Temporary unfreeze ending' },
  'review-overdue': { zh: '认证审核超过预期时间', en: 'Verification review overdue' },
  'temp-ending': { zh: '临时客服有效期3天内结束', en: 'Temporary agent window ends within 3 days' },
  'temp-ended': { zh: '临时客服有效期已结束，请停用或删除', en: 'Temporary agent window ended: retire it' },
  'recovery-reply-overdue': {
    zh: '申诉邮件超过 5 个工作日未回复：请再次发送或联系客服',
    en: 'No reply to the appeal within 5 working days: send it again or contact support',
  },
  'backup-failed': {
    zh: '自动备份失败：数据只在这台电脑上，请检查备份文件夹',
    en: 'Automatic backup failed: the data is on this computer only; check the backup folder',
  },
  'backup-overdue': {
    zh: '超过 2 天没有成功的备份，请立即备份',
    en: 'No successful backup for more than 2 days: back up now',
  },
  'leaver-account': {
    zh: '离职人员用过的子账号：请修改密码或停用',
    en: 'Someone who left used this sub-account: change its password or disable it',
  },
  'deposit-overdue': {
    zh: '保证金退还超过 7 个工作日未到账：请联系平台客服并核对退款账户',
    en: 'Deposit refund past 7 working days: contact platform support and check the refund account',
  },
};

export function reminderText(r: Reminder): { title: Text; body: Text } {
  return {
    title: TITLES[r.kind],
    body: { zh: `${r.shopName} · ${r.fullName}`, en: `${r.shopName} · ${r.fullName}` },
  };
}
