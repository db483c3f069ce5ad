import { performance } from 'node:perf_hooks';

export type Row = [name: string, value: string, ratio: string];

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const collect = (globalThis as { gc?: () => void }).gc;

/**
 * Median wall time of `n` runs after one warm-up run. With --expose-gc (npm run bench passes it) the heap is
 * collected before each run, so every run starts like a cold start and garbage left by the previous run
 * (or by the baseline) is not billed to the next.
 */
export function timeIt(fn: () => void, n: number): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    collect?.();
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/**
 * Baseline and candidate timed alternately, n pairs, each after a collection: drift in machine load hits both
 * sides of a pair alike. Returns the medians and the median of the per-pair ratios.
 */
export function pairedRatio(
  baseline: () => void,
  candidate: () => void,
  n: number,
): { base: number; cand: number; ratio: number } {
  baseline();
  candidate();
  const bs: number[] = [];
  const cs: number[] = [];
  const rs: number[] = [];
  for (let i = 0; i < n; i++) {
    collect?.();
    let t = performance.now();
    baseline();
    const b = performance.now() - t;
    collect?.();
    t = performance.now();
    candidate();
    const c = performance.now() - t;
    bs.push(b);
    cs.push(c);
    rs.push(c / b);
  }
  return { base: median(bs), cand: median(cs), ratio: median(rs) };
}
