// Dashboard reminders: snooze and dismiss. The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const remindersApi = areaApi('reminders');
