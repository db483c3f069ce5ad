import { useEffect } from 'react';
import { sessionApi } from '../session/session-api.ts';

const REPORT_EVERY_MS = 30_000;

/** Tells main the user is active (keys, pointer) so auto-lock measures real idleness, at most twice a minute. */
export function useActivityReporter(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    const report = () => {
      const now = Date.now();
      if (now - last < REPORT_EVERY_MS) return;
      last = now;
      void sessionApi.reportActivity({}).catch(() => {});
    };
    const opts = { passive: true, capture: true } as const;
    window.addEventListener('keydown', report, opts);
    window.addEventListener('pointerdown', report, opts);
    window.addEventListener('wheel', report, opts);
    return () => {
      window.removeEventListener('keydown', report, opts);
      window.removeEventListener('pointerdown', report, opts);
      window.removeEventListener('wheel', report, opts);
    };
  }, [enabled]);
}
