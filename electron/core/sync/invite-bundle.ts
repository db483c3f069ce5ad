// The invite a seller sends over WeChat: one text (or the same text as a small file) that carries the
// invite code, the server address and folder and, if the owner chooses, the WebDAV login, sealed to a
// one-time code of 16 digits that the owner tells the joiner by voice, never in the same chat. The code is
// short enough to read out; scrypt (N=2^17, r=8: 128 MiB and a few hundred ms per guess) makes guessing it
// offline within the invite's lifetime out of reach (the README gives the figures). Pasting tolerates the
// line breaks, spaces, zero-width characters and extra words chat apps add around the text.
import { createCipheriv, createDecipheriv, randomBytes, randomInt, scryptSync } from 'node:crypto';
import { z } from 'zod';

const MARK = 'SWI1~';
const END = '~';
/** scrypt cost of one guess of the one-time code (on this machine: see the README). */
export const BUNDLE_KDF = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
const AAD = Buffer.from('shopwarden/invite/v1');

export const bundleConnectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('webdav'),
    url: z.string().min(1).max(500),
    username: z.string().min(1).max(200).nullable(),
    password: z.string().min(1).max(500).nullable(),
  }),
  z.strictObject({ kind: z.literal('folder'), dir: z.string().min(1).max(1000) }),
]);

const bundleSchema = z.strictObject({
  code: z.string().min(10).max(200),
  connection: bundleConnectionSchema,
});

export type InviteBundle = z.infer<typeof bundleSchema>;

/** Sixteen digits in four groups, from a uniform random source. */
export function newOneTimeCode(): string {
  const digits = Array.from({ length: 16 }, () => String(randomInt(10))).join('');
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The digits a person typed: spaces, dashes and full-width digits are fine. */
export function normaliseOneTimeCode(typed: string): string | null {
  const digits = typed
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-_.·－—]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

const keyFor = (digits: string, salt: Buffer) => scryptSync(digits, salt, 32, BUNDLE_KDF);

/** The text to send: a line for the person, then the sealed invite between markers. */
export function sealBundle(bundle: InviteBundle, oneTimeCode: string): string {
  const digits = normaliseOneTimeCode(oneTimeCode);
  if (!digits) throw new Error('not a one-time code');
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keyFor(digits, salt), nonce);
  c.setAAD(AAD);
  const body = Buffer.concat([c.update(JSON.stringify(bundle), 'utf8'), c.final(), c.getAuthTag()]);
  const sealed = Buffer.concat([salt, nonce, body]).toString('base64url');
  return [
    '【店务管家】团队邀请 Shopwarden team invite',
    '打开店务管家 → 团队与同步 → 加入团队，粘贴这整段文字，再输入店主口头告诉你的 16 位数字。',
    'Open Shopwarden → Team & sync → Join, paste this whole message, then type the 16 digits the owner tells you.',
    `${MARK}${sealed}${END}`,
  ].join('\n');
}

/** The sealed part of a pasted text, wherever it sits among whatever a chat app added; null if none. */
export function findSealed(text: string): string | null {
  const squeezed = text.replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '');
  const m = /SWI1~([A-Za-z0-9_-]{60,8000})~/.exec(squeezed);
  return m?.[1] ?? null;
}

/** The invite inside a pasted text: `not-an-invite` when there is none, `wrong-code` when it does not open. */
export function openBundle(text: string, oneTimeCode: string): InviteBundle | 'not-an-invite' | 'wrong-code' {
  const sealed = findSealed(text);
  if (!sealed) return 'not-an-invite';
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length < 16 + 12 + 16 + 1) return 'not-an-invite';
  const digits = normaliseOneTimeCode(oneTimeCode);
  if (!digits) return 'wrong-code';
  try {
    const d = createDecipheriv('aes-256-gcm', keyFor(digits, raw.subarray(0, 16)), raw.subarray(16, 28));
    d.setAAD(AAD);
    d.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([d.update(raw.subarray(28, raw.length - 16)), d.final()]).toString('utf8');
    const parsed = bundleSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : 'not-an-invite';
  } catch {
    return 'wrong-code';
  }
}
