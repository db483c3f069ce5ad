// Crockford's base32: no I, L, O or U, so a key or code typed from paper or a phone comes out right.
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function toCrockford(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
}

/** What was typed, as Crockford reads it: case, spaces and dashes ignored; look-alikes mapped. */
export function normalizeCrockford(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** The bytes of a code, or null when it has a character outside the alphabet or non-zero padding bits. */
export function fromCrockford(typed: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of normalizeCrockford(typed)) {
    const i = CROCKFORD.indexOf(ch);
    if (i < 0) return null;
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  // Leftover bits are padding and must be zero, so every character of a code carries meaning.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return Buffer.from(out);
}
