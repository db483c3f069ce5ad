// Decides whether bytes read from disk are a document we wrote, and if not, what is wrong with them.
// Every document is an envelope whose header carries a SHA-256 of the data, so a flipped bit is caught at
// start without any key; GCM authentication of secret fields is checked later, once a key exists.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { CorruptionKind } from '../../../shared/contract/types.ts';
import { passes } from './fast-check.ts';

export const DOC_FORMAT = 'shopwarden-doc/1';
const DATA_MARKER = ',"data":';

export type Inspection<T> =
  | { ok: true; data: T; writtenAt: string; sha256: string }
  | { ok: false; problem: CorruptionKind };

export function encodeDocument(data: unknown, writtenAt: string): string {
  return encodeDocumentWithSha(data, writtenAt).text;
}

/** The envelope and the SHA-256 of its data, which names this exact version (a journal says which it continues). */
export function encodeDocumentWithSha(data: unknown, writtenAt: string): { text: string; sha256: string } {
  const dataJson = JSON.stringify(data);
  const sha256 = createHash('sha256').update(dataJson).digest('hex');
  return {
    text: `{"format":"${DOC_FORMAT}","sha256":"${sha256}","writtenAt":${JSON.stringify(writtenAt)}${DATA_MARKER}${dataJson}}`,
    sha256,
  };
}

export function inspectDocument<T>(input: Buffer | string, schema: z.ZodType<T>): Inspection<T> {
  // Text straight from fs.readFileSync(file, 'utf8') is much cheaper than decoding a Buffer; invalid UTF-8
  // becomes U+FFFD, which then fails the checksum like any other damage.
  const text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.length === 0) return { ok: false, problem: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A raw NUL is never valid JSON, so the scan for one is only needed to name the damage.
    if (text.includes('\u0000')) return { ok: false, problem: 'nul-filled' };
    return { ok: false, problem: looksTruncated(text) ? 'truncated' : 'not-json' };
  }
  if (!isEnvelope(parsed)) return { ok: false, problem: 'schema' };
  const markerAt = text.indexOf(DATA_MARKER);
  const end = text.lastIndexOf('}');
  const dataJson = markerAt < 0 || end < markerAt ? '' : text.slice(markerAt + DATA_MARKER.length, end);
  const digest = createHash('sha256').update(dataJson).digest('hex');
  if (digest !== parsed.sha256) return { ok: false, problem: 'checksum' };
  if (!passes(schema, parsed.data)) return { ok: false, problem: 'schema' };
  return { ok: true, data: parsed.data, writtenAt: parsed.writtenAt, sha256: digest };
}

function isEnvelope(v: unknown): v is { format: string; sha256: string; writtenAt: string; data: unknown } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return (
    o.format === DOC_FORMAT && typeof o.sha256 === 'string' && typeof o.writtenAt === 'string' && 'data' in o
  );
}

/** A document cut short still starts like one and has more openers than closers. */
function looksTruncated(text: string): boolean {
  if (!text.startsWith(`{"format":"`)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth > 0 || inString;
}
