export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  reasons: string[];
}
export function vitestCounts(report: unknown): Counts;
export function playwrightCounts(report: unknown): Counts;
