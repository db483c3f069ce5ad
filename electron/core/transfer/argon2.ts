// Argon2 for KeePass files, from hash-wasm (a maintained WebAssembly build of the reference code): kdbxweb
// leaves the implementation to its user. The parameters come from the file header, so a reader caps them
// before any work is done (see kdbx-limits.ts).

import { argon2d, argon2id } from 'hash-wasm';
import kdbxweb from 'kdbxweb';

let installed = false;

export function installArgon2(): void {
  if (installed) return;
  installed = true;
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
}
