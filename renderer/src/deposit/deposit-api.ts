// 保证金退还 cases: queries and changes. The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const depositApi = areaApi('deposit');
