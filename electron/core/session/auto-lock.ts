// Locks the vault after N idle minutes. "Idle" means no request from the UI and no reported user input;
// the clock is injected so the rule is tested without waiting.
import type { Clock, TimerHandle } from '../ports.ts';

export class AutoLock {
  private lastActivity: number;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly idleMinutes: () => number,
    private readonly onIdle: () => void,
  ) {
    this.lastActivity = clock.now();
  }

  /** Starts (or restarts) watching; call when the vault unlocks. */
  start(): void {
    this.lastActivity = this.clock.now();
    this.schedule(this.limitMs());
  }

  stop(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  touch(): void {
    this.lastActivity = this.clock.now();
  }

  /** The limit changed in settings: re-evaluate from the last activity. */
  reschedule(): void {
    if (this.timer) this.schedule(Math.max(0, this.lastActivity + this.limitMs() - this.clock.now()));
  }

  private limitMs(): number {
    return this.idleMinutes() * 60_000;
  }

  private schedule(ms: number): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => this.check(), ms);
  }

  private check(): void {
    this.timer = null;
    const idleFor = this.clock.now() - this.lastActivity;
    const limit = this.limitMs();
    if (idleFor >= limit) {
      this.onIdle();
      return;
    }
    this.schedule(limit - idleFor);
  }
}
