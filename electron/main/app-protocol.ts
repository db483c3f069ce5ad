// Serves the built renderer over app://shopwarden/ with our CSP on every response.
import fs from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveStaticPath } from '../core/static-files.ts';
import { APP_HOST } from './app-origin.ts';

export function appProtocolHandler(root: string) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const headers = {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    };
    if (url.host !== APP_HOST) return new Response('not found', { status: 404, headers });
    const file = resolveStaticPath(root, url.pathname);
    if (!file) return new Response('bad path', { status: 400, headers });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        status: 200,
        headers: { ...headers, 'content-type': contentTypeFor(file) },
      });
    } catch {
      return new Response('not found', { status: 404, headers });
    }
  };
}
