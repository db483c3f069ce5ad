// Reminders as OS notifications (Windows toast, macOS Notification Center) through Electron's Notification.
import type * as Electron from 'electron';
import type { Notifier } from '../../core/ports.ts';

export function electronNotifier(
  N: Pick<typeof Electron.Notification, 'isSupported'> &
    (new (
      o: Electron.NotificationConstructorOptions,
    ) => { show(): void }),
): Notifier {
  return {
    notify({ title, body }) {
      // Without OS support the dashboard still lists every reminder; nothing is lost.
      if (!N.isSupported()) return;
      new N({ title, body, silent: false }).show();
    },
  };
}
