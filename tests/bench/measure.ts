import { performance } from 'node:perf_hooks';

export type Row = [name: string, value: string, ratio: string];

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Median wall time of `n` runs after one warm-up run. */
export function timeIt(fn: () => void, n: number): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
