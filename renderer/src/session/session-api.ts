// Activity reports for auto-lock and the master password change. The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const sessionApi = areaApi('session');
export const vaultApi = areaApi('vault');
