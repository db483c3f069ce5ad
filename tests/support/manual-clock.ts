// A clock the test moves by hand: timers fire in order when advance() passes their due time.
import type { Clock, TimerHandle } from '../../electron/core/ports.ts';

export class ManualClock implements Clock {
  private current: number;
  private timers: Array<{ id: number; due: number; fn: () => void }> = [];
  private nextId = 1;

  constructor(start = Date.parse('2026-11-23T09:00:00+08:00')) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ id, due: this.current + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      this.timers.sort((a, b) => a.due - b.due);
      const next = this.timers[0];
      if (!next || next.due > target) break;
      this.timers.shift();
      this.current = next.due;
      next.fn();
    }
    this.current = target;
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}
