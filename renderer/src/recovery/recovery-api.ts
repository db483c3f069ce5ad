// 找回申请 drafts and lockout countdowns. The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';
import { bridge } from '../stores/session-store.ts';

export const recoveryApi = areaApi('recovery');

/** Runs `listener` whenever a lockout countdown ends in main; returns the unsubscribe. */
export const onLockoutEnded = (listener: () => void) => bridge().on('recovery.lockoutEnded', listener);
