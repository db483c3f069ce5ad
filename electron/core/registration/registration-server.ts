// The HTTP server a phone reaches during a registration session, on the network interface the lead
// chose. It serves three things: the form for a token, the form's POST, and a stylesheet. Every
// request is rate-limited per address and size-limited; nothing else (no secret, no API) is reachable.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Text } from '../../../shared/domain/platforms/types.ts';
import type { Clock } from '../ports.ts';
import { type FormFacts, formPage, resultPage, STYLESHEET } from './registration-pages.ts';

export type Refusal = 'unknown' | 'expired' | 'used' | 'other-session';

export interface FormInput {
  name: string;
  mobile: string;
  position: string;
  consent: boolean;
}

export interface RegistrationHandler {
  lookup(
    token: string,
  ):
    | { ok: true; facts: Pick<FormFacts, 'shopName' | 'fullName' | 'steps'> }
    | { ok: false; refusal: Refusal };
  submit(
    token: string,
    input: FormInput,
  ):
    | { ok: true; fullName: string }
    | { ok: false; refusal: Refusal }
    | { ok: false; fields: FormFacts['errors'] }
    | { ok: false; problem: Text };
}

export interface ServerOptions {
  host: string;
  handler: RegistrationHandler;
  clock: Clock;
  /** Requests one address may make per window (phones on a shop's Wi-Fi share nothing else). */
  rateLimit?: { max: number; windowMs: number };
  maxBodyBytes?: number;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

const TOKEN_PATH = /^\/r\/([A-Za-z0-9_-]{43})$/;

/** Script-free pages: the only styles are our own file; forms post only back here. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const REFUSALS: Record<
  Refusal | 'not-found' | 'too-large' | 'malformed' | 'rate',
  { status: number; title: Text; detail: Text }
> = {
  unknown: {
    status: 404,
    title: { zh: '二维码无效', en: 'This code is not valid' },
    detail: { zh: '请向店长索取新的登记二维码。', en: 'Ask the shop owner for a new registration code.' },
  },
  'not-found': {
    status: 404,
    title: { zh: '页面不存在', en: 'Page not found' },
    detail: { zh: '请重新扫描登记二维码。', en: 'Scan the registration code again.' },
  },
  expired: {
    status: 410,
    title: { zh: '登记已过期', en: 'Registration has expired' },
    detail: {
      zh: '本次登记已结束，请让店长重新开启登记。',
      en: 'This registration session is over; ask the shop owner to open a new one.',
    },
  },
  used: {
    status: 410,
    title: { zh: '二维码已使用', en: 'This code has been used' },
    detail: {
      zh: '每个登记二维码只能使用一次。如需更改，请联系店长。',
      en: 'Each registration code works once. Ask the shop owner to make a change.',
    },
  },
  'other-session': {
    status: 410,
    title: { zh: '二维码属于另一次登记', en: 'This code belongs to another session' },
    detail: {
      zh: '该二维码来自之前的登记，已失效。请扫描最新打印的二维码。',
      en: 'This code is from an earlier session and no longer works. Scan the newest card.',
    },
  },
  'too-large': {
    status: 413,
    title: { zh: '提交内容过大', en: 'Request too large' },
    detail: {
      zh: '未保存任何内容，请只填写表单中的项目。',
      en: 'Nothing was saved; fill in only the form fields.',
    },
  },
  malformed: {
    status: 400,
    title: { zh: '提交格式不正确', en: 'Malformed request' },
    detail: {
      zh: '未保存任何内容，请用登记页面重新提交。',
      en: 'Nothing was saved; submit again from the registration page.',
    },
  },
  rate: {
    status: 429,
    title: { zh: '请求过于频繁', en: 'Too many requests' },
    detail: { zh: '请稍等一分钟后再试。', en: 'Wait a minute and try again.' },
  },
};

export function startRegistrationServer(opts: ServerOptions): Promise<RunningServer> {
  const limit = opts.rateLimit ?? { max: 30, windowMs: 60_000 };
  const maxBody = opts.maxBodyBytes ?? 4096;
  const hits = new Map<string, number[]>();

  const allowed = (address: string): boolean => {
    const now = opts.clock.now();
    const recent = (hits.get(address) ?? []).filter((t) => now - t < limit.windowMs);
    recent.push(now);
    hits.set(address, recent);
    return recent.length <= limit.max;
  };

  const send = (res: http.ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      Connection: 'close',
    });
    res.end(body);
  };
  const refuse = (res: http.ServerResponse, why: keyof typeof REFUSALS) => {
    const r = REFUSALS[why];
    send(res, r.status, 'text/html; charset=utf-8', resultPage(false, r.title, r.detail));
  };

  const server = http.createServer((req, res) => {
    if (!allowed(req.socket.remoteAddress ?? '?')) return refuse(res, 'rate');
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && path === '/s.css')
      return send(res, 200, 'text/css; charset=utf-8', STYLESHEET);
    const m = TOKEN_PATH.exec(path);
    if (!m) return refuse(res, 'not-found');
    const token = m[1]!;
    const found = opts.handler.lookup(token);
    if (!found.ok) return refuse(res, found.refusal);
    const action = `/r/${token}`;
    if (req.method === 'GET')
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        formPage({ ...found.facts, action, values: { name: '', mobile: '', position: '' }, errors: {} }),
      );
    if (req.method !== 'POST') return refuse(res, 'malformed');
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return refuse(res, 'malformed');
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBody) {
      refuse(res, 'too-large');
      req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        over = true;
        refuse(res, 'too-large');
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (over) return;
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const field = (k: string) => form.get(k) ?? '';
      const known = new Set(['name', 'mobile', 'position', 'consent']);
      if ([...form.keys()].some((k) => !known.has(k))) return refuse(res, 'malformed');
      const values = { name: field('name'), mobile: field('mobile'), position: field('position') };
      const result = opts.handler.submit(token, { ...values, consent: field('consent') === 'yes' });
      if (result.ok)
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          resultPage(
            true,
            { zh: '登记成功', en: 'Registered' },
            {
              zh: `已登记为 ${result.fullName} 的使用人。请按卡片上的步骤在手机上完成实人认证。`,
              en: `You are registered as the user of ${result.fullName}. Follow the steps on the card to finish verification on your phone.`,
            },
          ),
        );
      if ('refusal' in result) return refuse(res, result.refusal);
      if ('problem' in result)
        return send(
          res,
          409,
          'text/html; charset=utf-8',
          resultPage(false, { zh: '无法登记', en: 'Cannot register' }, result.problem),
        );
      return send(
        res,
        400,
        'text/html; charset=utf-8',
        formPage({ ...found.facts, action, values, errors: result.fields }),
      );
    });
    req.on('error', () => {});
  });
  // Slow or idle phones must not hold the session open.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 1_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, opts.host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
