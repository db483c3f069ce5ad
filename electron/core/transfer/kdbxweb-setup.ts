// What kdbxweb leaves to its user, set up once before any KeePass file is read or written:
// - Argon2, from hash-wasm (a maintained WebAssembly build of the reference code). The parameters come from
//   the file header, so a reader caps them before any work is done (import/keepass.ts).
// - Tabs. kdbxweb drops every control character, the tab included, from XML before parsing it, so a tab in
//   a password of a KeePass XML export, or in any unprotected field of a .kdbx, was silently lost. Tabs in
//   text content are written as character references first, which the parser turns back into tabs.
import { argon2d, argon2id } from 'hash-wasm';
import kdbxweb from 'kdbxweb';

let done = false;

const keepTabs = (xml: string) =>
  xml.replace(/>([^<]*)</g, (_, text: string) => `>${text.replaceAll('\t', '&#9;')}<`);

export function setUpKdbxweb(): void {
  if (done) return;
  done = true;
  kdbxweb.CryptoEngine.setArgon2Impl(
    async (password, salt, memory, iterations, length, parallelism, type) => {
      const options = {
        password: new Uint8Array(password),
        salt: new Uint8Array(salt),
        // kdbxweb passes memory in KiB, as hash-wasm takes it.
        memorySize: memory,
        iterations,
        hashLength: length,
        parallelism,
        outputType: 'binary' as const,
      };
      const out =
        type === kdbxweb.CryptoEngine.Argon2TypeArgon2id ? await argon2id(options) : await argon2d(options);
      return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
    },
  );
  const parse = kdbxweb.XmlUtils.parse;
  (kdbxweb.XmlUtils as { parse: typeof parse }).parse = (xml: string) => parse(keepTabs(xml));
}
