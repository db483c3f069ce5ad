// Contract handlers for verification, work rules and verification cards: thin, each a call into a service.
import type { CardInfo } from '../../../shared/contract/work-types.ts';
import type { Handlers } from '../dispatch.ts';
import type { ChangeLog } from '../inventory/change-log.ts';
import type { InventoryStore } from '../inventory/inventory-store.ts';
import type { VerificationService } from './verification-service.ts';
import type { WorkRulesService } from './work-rules-service.ts';

type Methods = Extract<keyof Handlers, `verification.${string}` | `rules.${string}` | `cards.${string}`>;

export function verificationHandlers(s: {
  store: Pick<InventoryStore, 'findSubAccount'>;
  verification: VerificationService;
  rules: WorkRulesService;
  changeLog: Pick<ChangeLog, 'everything'>;
}): Pick<Handlers, Methods> {
  // What a printed card shows: facts only, never a secret.
  const cards = (ids: string[]): CardInfo[] =>
    ids.map((id) => {
      const { doc, sub } = s.store.findSubAccount(id);
      const v = s.verification.of(doc, sub);
      return {
        subAccountId: sub.id,
        shopName: doc.shop.name,
        platform: doc.shop.platform,
        fullName: sub.fullName,
        deadline: v.state === 'verified' || v.state === 'not-required' ? null : v.deadline,
        window: sub.temp ? { start: sub.temp.start, end: sub.temp.end } : null,
        qrMinutes: s.rules.get().verification[doc.shop.platform].qrMinutes,
      };
    });
  return {
    'verification.list': () => s.verification.list(),
    'verification.act': (r) => s.verification.act(r.id, r.action),
    'rules.get': () => s.rules.get(),
    'rules.update': (r) => {
      const result = s.rules.update(r);
      // Which sub-accounts need verification follows the rules: every row's state may change.
      s.changeLog.everything();
      return result;
    },
    'cards.get': (r) => cards(r.ids),
  };
}
