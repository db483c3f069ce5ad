// Activity reports for auto-lock, the master password change and unlocking, and the storage recovery report
// shown after it. The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const sessionApi = areaApi('session');
export const vaultApi = areaApi('vault');
export const storageApi = areaApi('storage');
