// What the user reads when a record from another member is not written here: who sent it, which record
// (by the name they know it by), and the rule it breaks in the form's own words.
import { report, type SyncReport } from '../sync/sync-reports.ts';
import type { Refusal } from './bridge.ts';

const KINDS: Record<string, { zh: string; en: string }> = {
  shop: { zh: '店铺', en: 'shop' },
  'shop-main': { zh: '店铺主账号', en: "shop's main account" },
  subaccount: { zh: '子账号', en: 'sub-account' },
  person: { zh: '员工', en: 'staff member' },
  template: { zh: '权限模板', en: 'permission template' },
  deposit: { zh: '保证金退还案例', en: 'deposit-refund case' },
  'recovery-draft': { zh: '账号找回申请', en: 'account-recovery request' },
  rules: { zh: '工作规则', en: 'work rules' },
};

export function refusalReport(r: Refusal, at: number, who: string): SyncReport {
  const kind = KINDS[r.kind] ?? { zh: r.kind, en: r.kind };
  const name = r.name ?? r.id.slice(0, 8);
  const what = { zh: `${kind.zh}「${name}」`, en: `${kind.en} "${name}"` };
  if (!r.why) return report('record-unusable', at, who, undefined, what);
  // The form's sentences end in a full stop; the report's own sentence goes on after them.
  const bare = (s: string) => s.replace(/[。.]$/u, '');
  return report('rule-refused', at, who, undefined, {
    zh: `${what.zh}：${bare(r.why.zh)}`,
    en: `${what.en}: ${bare(r.why.en)}`,
  });
}
