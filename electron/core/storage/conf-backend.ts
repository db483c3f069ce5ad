// electron-store (and conf, the engine it wraps) as the durable writer: atomic temp-file write with fsync
// and rename, file mode 0600. We hand it the finished text so its own parse/validate/walk never runs on a
// hot path; our reader validates instead (envelope, checksum, zod schema), with clearInvalidConfig off so
// a bad file is never wiped.
import type { StoreBackend, StoreBackendFactory } from '../ports.ts';

/** The constructor options electron-store and conf share that we rely on. */
export interface ConfLikeOptions {
  cwd: string;
  configName?: string;
  name?: string;
  fileExtension: string;
  clearInvalidConfig: boolean;
  configFileMode: number;
  watch: boolean;
  serialize: (value: unknown) => string;
  deserialize: (text: string) => unknown;
  projectVersion?: string;
  accessPropertiesByDotNotation: boolean;
}

export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

export type ConfLikeClass = new (options: ConfLikeOptions) => ConfLike;

export function confLikeBackendFactory(StoreClass: ConfLikeClass): StoreBackendFactory {
  return ({ dir, name }) => {
    let pending: string | undefined;
    const store = new StoreClass({
      cwd: dir,
      // conf names the file configName; electron-store names it name. Both are given.
      configName: name,
      name,
      fileExtension: 'json',
      clearInvalidConfig: false,
      configFileMode: 0o600,
      watch: false,
      accessPropertiesByDotNotation: false,
      projectVersion: '0.0.0',
      serialize: () => {
        if (pending === undefined) throw new Error('write without prepared text');
        return pending;
      },
      // Reads go through our validating reader; the store never needs to parse the file itself.
      deserialize: () => ({}),
    });
    const backend: StoreBackend = {
      path: store.path,
      writeText(text: string) {
        pending = text;
        try {
          store.store = { written: true };
        } finally {
          pending = undefined;
        }
      },
    };
    return backend;
  };
}
