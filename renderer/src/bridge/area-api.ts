// An area's calls to main, derived from the contract: `areaApi('deposit').act(req)` is
// `bridge().invoke('deposit.act', req)`. Each area's data module (renderer/src/<area>/) builds its own
// from this, and screens use those modules; no screen reaches the bridge itself. Errors arrive as
// AppError and are shown through the one error path (hooks/use-mutation.ts).
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/contract/methods.ts';
import { bridge } from '../stores/session-store.ts';

export type AreaApi<P extends string> = {
  [M in MethodName as M extends `${P}.${infer N}` ? N : never]: (req: RequestOf<M>) => Promise<ResponseOf<M>>;
};

export function areaApi<P extends string>(prefix: P): AreaApi<P> {
  return new Proxy({} as AreaApi<P>, {
    get: (_target, name) =>
      typeof name === 'string'
        ? (req: unknown) => bridge().invoke(`${prefix}.${name}` as MethodName, req as never)
        : undefined,
  });
}
