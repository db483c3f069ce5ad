// Contract handlers for the local registration page (staff fill in their own details on the LAN).
import type { Handlers } from '../dispatch.ts';
import type { RegistrationService } from './registration-service.ts';

type Methods = Extract<keyof Handlers, `registration.${string}`>;

export function registrationHandlers(registration: RegistrationService): Pick<Handlers, Methods> {
  return {
    'registration.interfaces': () => registration.interfaces(),
    'registration.open': (r) => registration.open(r),
    'registration.status': () => registration.status(),
    'registration.resolveConflict': (r) => registration.resolveConflict(r.subAccountId, r.action),
    'registration.close': () => registration.close('closed'),
  };
}
