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
