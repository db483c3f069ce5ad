import { z } from 'zod';
import { returns } from '../spec.ts';
import type { ReminderView } from '../work-types.ts';

const key = z.string().regex(/^[a-z-]+:[A-Za-z0-9_-]{1,64}:\d{1,16}$/);

export const reminderMethods = {
  'reminders.list': { request: z.strictObject({}), response: returns<ReminderView[]>(), whileLocked: false },
  'reminders.snooze': {
    request: z.strictObject({ key, hours: z.number().int().min(1).max(168) }),
    response: returns<{ snoozedUntil: number }>(),
    whileLocked: false,
  },
  'reminders.dismiss': {
    request: z.strictObject({ key }),
    response: returns<{ dismissed: boolean }>(),
    whileLocked: false,
  },
} as const;
