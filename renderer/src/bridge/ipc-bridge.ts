import type { EventName } from '../../../shared/contract/events.ts';
import type { Bridge } from './bridge.ts';
import { unwrap } from './bridge.ts';

/** The object the preload exposes (electron/preload/index.ts). */
export interface PreloadApi {
  methods: Record<string, (payload: unknown) => Promise<unknown>>;
  on(name: EventName, listener: (payload: unknown) => void): () => void;
}

export function ipcBridge(api: PreloadApi): Bridge {
  return {
    transport: 'electron',
    async invoke(method, request) {
      const fn = api.methods[method];
      if (!fn) throw new Error(`bridge has no method ${method}`);
      return unwrap(await (fn(request) as Promise<never>));
    },
    on(event, listener) {
      return api.on(event, listener as (p: unknown) => void);
    },
  };
}
