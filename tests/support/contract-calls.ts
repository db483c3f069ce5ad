// The two ways a contract test calls the core: expecting an answer, or expecting a refusal.
import type { Core } from '../../electron/core/create-core.ts';
import type { WireError } from '../../shared/contract/errors.ts';

/** `core` is read on every call: tests that restart the core keep working. */
export function callers(core: () => Core) {
  return {
    async ok<T>(method: string, payload: unknown = {}): Promise<T> {
      const r = await core().dispatch(method, payload);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.value as T;
    },
    async refused(method: string, payload: unknown): Promise<WireError> {
      const r = await core().dispatch(method, payload);
      if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
      return r.error;
    },
  };
}
