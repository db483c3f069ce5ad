import type { Settings } from '../../../shared/contract/types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { EventBus } from '../event-bus.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import type { Vault } from '../vault/vault.ts';
import { DEFAULT_SETTINGS, type SettingsDoc } from './settings-schema.ts';

export class SettingsService {
  constructor(
    private readonly doc: DocumentStore<SettingsDoc>,
    private readonly vault: Vault,
    private readonly audit: AuditLog,
    private readonly bus: EventBus,
    private readonly onAutoLockChanged: () => void,
  ) {}

  current(): SettingsDoc {
    return this.doc.peek() ?? DEFAULT_SETTINGS;
  }

  get(): Settings {
    return { ...this.current(), rememberOnDevice: this.vault.isRemembered() };
  }

  update(patch: Partial<Settings>): Settings {
    const before = this.get();
    const { rememberOnDevice, ...docPatch } = patch;
    const next: SettingsDoc = { ...this.current(), ...stripUndefined(docPatch) };
    const changes: string[] = [];
    for (const key of Object.keys(next) as Array<keyof SettingsDoc>) {
      if (next[key] !== before[key]) changes.push(`${key}: ${before[key]} → ${next[key]}`);
    }
    if (changes.length > 0) this.doc.set(next);
    if (rememberOnDevice !== undefined && rememberOnDevice !== before.rememberOnDevice) {
      this.vault.setRemember(rememberOnDevice);
      changes.push(`rememberOnDevice: ${before.rememberOnDevice} → ${rememberOnDevice}`);
    }
    if (changes.length > 0) {
      this.audit.append({ action: 'settings.updated', object: 'settings', summary: changes.join('; ') });
      const after = this.get();
      if (after.autoLockMinutes !== before.autoLockMinutes) this.onAutoLockChanged();
      this.bus.emit('settings.changed', after);
      return after;
    }
    return before;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
