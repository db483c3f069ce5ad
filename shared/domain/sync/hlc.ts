// Hybrid logical clock (Kulkarni et al.): wall time when clocks agree, a counter when they do not, so every
// change gets a stamp that is later than everything its author had seen, even when that author's clock is
// hours behind. Ties between authors are broken by the author id, so every machine orders any two
// changes the same way without talking to the others.

export interface Hlc {
  /** Milliseconds since the epoch, never behind anything this clock has seen. */
  readonly w: number;
  /** Counter within one `w`. */
  readonly c: number;
  /** The author (member id) whose clock made the stamp. */
  readonly n: string;
}

export const HLC_ZERO: Hlc = Object.freeze({ w: 0, c: 0, n: '' });

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.w !== b.w) return a.w < b.w ? -1 : 1;
  if (a.c !== b.c) return a.c < b.c ? -1 : 1;
  if (a.n === b.n) return 0;
  return a.n < b.n ? -1 : 1;
}

export const hlcEquals = (a: Hlc, b: Hlc) => compareHlc(a, b) === 0;

/** A sortable text form: fixed-width base-36 wall and counter, then the node. */
export function formatHlc(h: Hlc): string {
  return `${h.w.toString(36).padStart(10, '0')}.${h.c.toString(36).padStart(5, '0')}.${h.n}`;
}

export function parseHlc(text: string): Hlc | null {
  const m = /^([0-9a-z]{10})\.([0-9a-z]{5})\.([0-9a-z]{1,64})$/.exec(text);
  if (!m) return null;
  const w = Number.parseInt(m[1] ?? '', 36);
  const c = Number.parseInt(m[2] ?? '', 36);
  if (!Number.isSafeInteger(w) || !Number.isSafeInteger(c)) return null;
  return { w, c, n: m[3] ?? '' };
}

/** The clock of one member; `now` is the machine's wall clock, which may be wrong by hours. */
export class HybridClock {
  private last: Hlc;

  constructor(
    private readonly node: string,
    private readonly now: () => number,
    seen: Hlc = HLC_ZERO,
  ) {
    this.last = { w: seen.w, c: seen.c, n: node };
  }

  /** A stamp for a local change. */
  tick(): Hlc {
    const pt = this.now();
    this.last =
      pt > this.last.w ? { w: pt, c: 0, n: this.node } : { w: this.last.w, c: this.last.c + 1, n: this.node };
    return this.last;
  }

  /** Takes in a stamp seen on another member's change, so the next local stamp is later than it. */
  observe(remote: Hlc): void {
    const pt = this.now();
    const w = Math.max(pt, this.last.w, remote.w);
    let c = 0;
    if (w === this.last.w && w === remote.w) c = Math.max(this.last.c, remote.c) + 1;
    else if (w === this.last.w) c = this.last.c + 1;
    else if (w === remote.w) c = remote.c + 1;
    this.last = { w, c, n: this.node };
  }

  current(): Hlc {
    return this.last;
  }
}
