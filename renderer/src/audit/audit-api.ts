// The audit log and its integrity check. The area's calls to main, derived from the contract.
import { areaApi } from '../bridge/area-api.ts';

export const auditApi = areaApi('audit');
