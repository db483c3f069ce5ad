// Revealing and copying one secret (audited, cleared from the clipboard by main). The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const secretsApi = areaApi('secrets');
