// Contract handlers for reminders.
import type { Handlers } from '../dispatch.ts';
import type { ReminderService } from './reminder-service.ts';

type Methods = Extract<keyof Handlers, `reminders.${string}`>;

export function reminderHandlers(reminders: ReminderService): Pick<Handlers, Methods> {
  return {
    'reminders.list': () => reminders.list(),
    'reminders.snooze': (r) => reminders.snooze(r.key, r.hours),
    'reminders.dismiss': (r) => reminders.dismiss(r.key),
  };
}
