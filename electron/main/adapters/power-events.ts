import type { PowerMonitor } from 'electron';
import type { PowerEvents } from '../../core/ports.ts';

/** System suspend and screen lock both lock the vault. */
export function powerMonitorEvents(powerMonitor: Pick<PowerMonitor, 'on' | 'off'>): PowerEvents {
  return {
    onLockRequired(listener) {
      const onSuspend = () => listener('suspend');
      const onScreenLock = () => listener('screen-lock');
      powerMonitor.on('suspend', onSuspend);
      powerMonitor.on('lock-screen', onScreenLock);
      return () => {
        powerMonitor.off('suspend', onSuspend);
        powerMonitor.off('lock-screen', onScreenLock);
      };
    },
  };
}
