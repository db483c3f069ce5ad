// One deposit-refund case per shop at a time, also across computers that worked apart. Two members who each
// open a case for the same shop while apart make two records; where they meet, `mergeCases` makes them one,
// the same way on every computer (the same two inputs give the same case, so two computers merging at once
// write the same values). Unlike a field-by-field merge of two fresh checklists, it keeps the work: an item
// ticked on one side is not undone by the other side's untouched copy of it.
import type { CaseRecord } from './deposit-schema.ts';

const entryKey = (e: CaseRecord['timeline'][number]) =>
  `${e.at}\u0000${JSON.stringify(e, Object.keys(e).sort())}`;

const untouched = (i: CaseRecord['items'][number]) =>
  !i.done && i.note === '' && i.date === null && i.attachments.length === 0;

/** Which of two live cases of one shop stays: the older, the smaller id on a tie (the same everywhere). */
export function survivorOf(a: CaseRecord, b: CaseRecord): [CaseRecord, CaseRecord] {
  const first = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  return first ? [a, b] : [b, a];
}

/**
 * `kept` with everything of `gone` folded in: an item the kept case never touched takes the other's work; an
 * item worked on in both keeps both notes and every file and is done if either is; items added by hand and
 * timeline entries of both are kept; a case still being prepared takes the other's further state. The refund
 * account is the kept one's, else the other's (the caller seals it again under the kept case's id).
 */
export function mergeCases(kept: CaseRecord, gone: CaseRecord): CaseRecord {
  const items = kept.items.map((i) => {
    const twin = i.key === null ? undefined : gone.items.find((g) => g.key === i.key);
    if (!twin || untouched(twin)) return i;
    if (untouched(i)) return { ...twin, id: i.id };
    const notes =
      i.note === twin.note || twin.note === '' ? i.note : i.note ? `${i.note} / ${twin.note}` : twin.note;
    const files = [
      ...i.attachments,
      ...twin.attachments.filter((f) => !i.attachments.some((a) => a.stored === f.stored)),
    ];
    return {
      ...i,
      done: i.done || twin.done,
      note: notes.slice(0, 1000),
      date: i.date ?? twin.date,
      attachments: files.slice(0, 50),
    };
  });
  for (const g of gone.items) if (g.key === null && !items.some((i) => i.id === g.id)) items.push(g);
  const seen = new Set(kept.timeline.map((t) => JSON.stringify(t)));
  const timeline = [...kept.timeline, ...gone.timeline.filter((t) => !seen.has(JSON.stringify(t)))]
    // By time, then by content with sorted keys, as the team's records read them back (private-fields.ts):
    // entries of one moment sort the same on every computer.
    .sort((a, b) => (entryKey(a) < entryKey(b) ? -1 : entryKey(a) > entryKey(b) ? 1 : 0))
    .slice(-2000);
  const behind = kept.state === 'preparing' && gone.state !== 'preparing';
  return {
    ...kept,
    items: items.slice(0, 200),
    account: kept.account ?? gone.account,
    ...(behind
      ? {
          state: gone.state,
          submittedOn: gone.submittedOn,
          rejectionReason: gone.rejectionReason,
          blockedReason: gone.blockedReason,
          refundedOn: gone.refundedOn,
        }
      : {}),
    timeline,
    updatedAt: kept.updatedAt > gone.updatedAt ? kept.updatedAt : gone.updatedAt,
  };
}

/** Pairs of live cases of the same shop, each as [kept, gone]. */
export function duplicateCases(cases: Readonly<Record<string, CaseRecord>>): Array<[CaseRecord, CaseRecord]> {
  const live = new Map<string, CaseRecord>();
  const pairs: Array<[CaseRecord, CaseRecord]> = [];
  for (const c of Object.values(cases).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (c.state === 'refunded') continue;
    const other = live.get(c.shopId);
    if (!other) {
      live.set(c.shopId, c);
      continue;
    }
    const pair = survivorOf(other, c);
    pairs.push(pair);
    live.set(c.shopId, pair[0]);
  }
  return pairs;
}
