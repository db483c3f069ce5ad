// Copies a secret to the clipboard and takes it back later. It clears only if the clipboard still holds
// what we put there (the user may have copied something else since), and remembers only a hash of it.
import { createHash } from 'node:crypto';
import type { ClipboardPort, Clock, TimerHandle } from '../ports.ts';

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

export class ClipboardGuard {
  private pending: { hash: string; timer: TimerHandle } | null = null;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly clock: Clock,
    private readonly onCleared: () => void,
  ) {}

  async copy(secret: string, clearAfterMs: number): Promise<void> {
    this.cancelTimer();
    await this.clipboard.writeSecret(secret);
    const timer = this.clock.setTimeout(() => void this.clearIfOurs(), clearAfterMs);
    this.pending = { hash: digest(secret), timer };
  }

  /** Timer, lock and quit all end here: take our secret back if it is still what the clipboard holds. */
  async clearIfOurs(): Promise<boolean> {
    const pending = this.pending;
    if (!pending) return false;
    this.cancelTimer();
    this.pending = null;
    let current: string;
    try {
      current = await this.clipboard.readText();
    } catch {
      return false;
    }
    if (digest(current) !== pending.hash) return false;
    await this.clipboard.clear();
    this.onCleared();
    return true;
  }

  private cancelTimer(): void {
    if (this.pending) this.clock.clearTimeout(this.pending.timer);
  }
}
