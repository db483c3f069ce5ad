// The two ways a caller reaches the core: the dispatcher directly, and the preview host over HTTP.

import { type Host, startHost, TOKEN_HEADER } from '../../electron/host/server.ts';
import type { WireResult } from '../../shared/contract/errors.ts';
import { makeTestCore, type TestCore } from '../support/test-core.ts';

export interface ContractClient {
  call(method: string, payload: unknown): Promise<WireResult<unknown>>;
  tc: TestCore;
  close(): Promise<void>;
}

export async function directClient(): Promise<ContractClient> {
  const tc = makeTestCore();
  return { tc, call: (m, p) => tc.core.dispatch(m, p), close: () => tc.core.shutdown() };
}

export async function httpClient(): Promise<ContractClient & { host: Host }> {
  const tc = makeTestCore();
  const host = await startHost({ core: tc.core, staticDir: tc.dataDir });
  return {
    tc,
    host,
    async call(method, payload) {
      const res = await fetch(`${host.url}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
        body: payload === undefined ? '' : JSON.stringify(payload),
      });
      return (await res.json()) as WireResult<unknown>;
    },
    async close() {
      await host.close();
      await tc.core.shutdown();
    },
  };
}
