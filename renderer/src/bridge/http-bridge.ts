// Talks to the preview host. The per-run secret arrives once in the launch URL's fragment (never sent to
// a server, never in history once moved) and lives in sessionStorage for this tab only.
import { AppError } from '../../../shared/contract/errors.ts';
import { type EventName, eventNames } from '../../../shared/contract/events.ts';
import type { Bridge } from './bridge.ts';
import { unwrap } from './bridge.ts';

const TOKEN_KEY = 'shopwarden.hostToken';
const REQUEST_TIMEOUT_MS = 60_000;

export function takeHostToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function httpBridge(token: string): Bridge {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const name of eventNames) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  };
  return {
    transport: 'http',
    async invoke(method, request) {
      let res: Response;
      const body = JSON.stringify(request);
      try {
        res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-shopwarden-token': token },
          body,
          // A small save sent as the tab closes still arrives (the browser caps keepalive at 64 KiB).
          keepalive: body.length < 60_000,
          // A host that stopped answering must not leave a screen spinning forever.
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch {
        throw new AppError('INTERNAL', { message: 'host unreachable' });
      }
      if (!res.ok && res.headers.get('content-type')?.startsWith('application/json') !== true) {
        throw new AppError(res.status === 401 || res.status === 403 ? 'FORBIDDEN_SENDER' : 'INTERNAL');
      }
      return unwrap(await res.json());
    },
    on(event, listener) {
      connect();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
}
