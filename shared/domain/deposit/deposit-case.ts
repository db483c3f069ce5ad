// A deposit-refund case as a state machine: preparing → submitted → in review → approved → refunded,
// with rejection (reason kept, back to preparing, resubmit) and "blocked by a locked account" at any
// open point. Every transition is an event on the case's timeline.
import type { Text } from '../platforms/types.ts';

export type CaseState =
  | 'preparing'
  | 'submitted'
  | 'in-review'
  | 'rejected'
  | 'approved'
  | 'refunded'
  | 'blocked';

export type CaseAction =
  | { type: 'submit'; date: string }
  | { type: 'startReview' }
  | { type: 'reject'; reason: string }
  | { type: 'prepareAgain' }
  | { type: 'approve' }
  | { type: 'confirmArrival'; date: string }
  | { type: 'block'; reason: string }
  | { type: 'unblock' };

const FROM: Record<CaseAction['type'], CaseState[]> = {
  submit: ['preparing'],
  startReview: ['submitted'],
  reject: ['submitted', 'in-review'],
  prepareAgain: ['rejected'],
  approve: ['submitted', 'in-review'],
  confirmArrival: ['approved'],
  block: ['preparing', 'submitted', 'in-review', 'rejected', 'approved'],
  unblock: ['blocked'],
};

const TO: Record<CaseAction['type'], CaseState> = {
  submit: 'submitted',
  startReview: 'in-review',
  reject: 'rejected',
  prepareAgain: 'preparing',
  approve: 'approved',
  confirmArrival: 'refunded',
  block: 'blocked',
  unblock: 'preparing',
};

/** The states in words, for timeline and audit text (the screens use their own message files). */
export const CASE_STATE_NAMES: Record<CaseState, Text> = {
  preparing: { zh: '准备中', en: 'Preparing' },
  submitted: { zh: '已提交', en: 'Submitted' },
  'in-review': { zh: '审核中', en: 'In review' },
  rejected: { zh: '被驳回', en: 'Rejected' },
  approved: { zh: '已通过', en: 'Approved' },
  refunded: { zh: '已到账', en: 'Refunded' },
  blocked: { zh: '账号受限', en: 'Account restricted' },
};

/**
 * The checklist as a transition leaves it: reaching a state means its steps happened (submitting ticks
 * 提交申请, approval ticks 平台审核, arrival ticks everything — a refunded case is complete), and preparing
 * again after a rejection opens 提交申请 and 平台审核 again. `date` is the day the transition gives.
 */
export function checklistAfter<I extends { section: string; done: boolean; date: string | null }>(
  items: I[],
  action: CaseAction['type'],
  date: string | null,
): I[] {
  const tick = (sections: string[] | 'all') =>
    items.map((i) =>
      (sections === 'all' || sections.includes(i.section)) && !i.done
        ? { ...i, done: true, date: i.date ?? date }
        : i,
    );
  switch (action) {
    case 'submit':
      return tick(['submission']);
    case 'approve':
      return tick(['submission', 'review']);
    case 'confirmArrival':
      return tick('all');
    case 'prepareAgain':
      return items.map((i) =>
        i.section === 'submission' || i.section === 'review' ? { ...i, done: false, date: null } : i,
      );
    default:
      return items;
  }
}

/** A state change in words, e.g. 已通过 → 已到账 / Approved → Refunded, with the date or reason. */
export function transitionText(from: CaseState, to: CaseState, detail: string): Text {
  const tail = detail ? `：${detail}` : '';
  return {
    zh: `${CASE_STATE_NAMES[from].zh} → ${CASE_STATE_NAMES[to].zh}${tail}`,
    en: `${CASE_STATE_NAMES[from].en} → ${CASE_STATE_NAMES[to].en}${detail ? `: ${detail}` : ''}`,
  };
}

export function caseActions(state: CaseState): Array<CaseAction['type']> {
  return (Object.keys(FROM) as Array<CaseAction['type']>).filter((a) => FROM[a].includes(state));
}

export function nextState(state: CaseState, action: CaseAction['type']): CaseState | null {
  return FROM[action].includes(state) ? TO[action] : null;
}

/** What must be true before submitting: every precondition ticked and an allowed refund account. */
export function submitBlockers(c: {
  items: Array<{ section: string; done: boolean; text: Text }>;
  hasAccount: boolean;
}): Text[] {
  const out: Text[] = c.items
    .filter((i) => i.section === 'preconditions' && !i.done)
    .map((i) => ({ zh: `未完成：${i.text.zh}`, en: `Not done: ${i.text.en}` }));
  if (!c.hasAccount) out.push({ zh: '尚未填写退款账户', en: 'No refund account yet' });
  return out;
}

export function progress(items: Array<{ done: boolean }>): { done: number; total: number; percent: number } {
  const done = items.filter((i) => i.done).length;
  return { done, total: items.length, percent: items.length ? Math.round((done / items.length) * 100) : 0 };
}
