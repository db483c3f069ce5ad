// The batch wizard's live name check: what a pattern gives for a shop and which names that shop already has,
// asked of main a moment after the last change (typing a pattern must not send a call per keystroke).
import { useEffect, useState } from 'react';
import { AppError } from '../../../shared/contract/errors.ts';
import type { Language } from '../../../shared/contract/types.ts';
import { fieldErrorText } from '../i18n/errors.ts';
import { agentsApi } from './agents-api.ts';

export type NamePreview = Array<{ fullName: string; problem: string | null }>;

const PAUSE_MS = 200;
export const MAX_BATCH = 200;

export function useNamePreview(
  shopId: string | undefined,
  pattern: string | undefined,
  count: number | undefined,
  lang: Language,
) {
  const [preview, setPreview] = useState<NamePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!shopId || !pattern || !count || count < 1 || count > MAX_BATCH) return setPreview(null);
    let stale = false;
    const timer = setTimeout(() => {
      agentsApi.previewNames({ shopId, pattern, count }).then(
        (p) => {
          if (stale) return;
          setPreview(p);
          setError(null);
        },
        (err) => {
          if (stale) return;
          setPreview(null);
          const f = err instanceof AppError ? err.fields?.pattern : undefined;
          setError(f ? fieldErrorText(f, lang) : String(err));
        },
      );
    }, PAUSE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [shopId, pattern, count, lang]);
  return { preview, error, bad: preview?.filter((p) => p.problem).length ?? 0 };
}
